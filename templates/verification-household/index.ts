// 贫困户脱贫验收表: one row per standard — 一超过 (income), 两不愁 (food, clothing), 三保障
// (education, medical care, housing) and safe water, then the one-vote-veto items — each
// 达标 / 未达标 / 不涉及 with what the archive shows, the conclusion, and the checkers' signatures.
import type { Block, Cell, FormPage } from '../layout/blocks.ts';
import type { FormBatch } from '../layout/forms.ts';
import { dateCn, orBlank } from '../layout/format.ts';
import type { HouseholdView } from '../layout/household.ts';
import { headOf, householdMeta, householdWhere } from '../layout/household.ts';

/** 不涉及: the item does not concern the household (no school-age child, not relocated…). */
export type Verdict = '达标' | '未达标' | '不涉及';
export const VERDICTS: readonly Verdict[] = ['达标', '未达标', '不涉及'];

export interface VerificationItem {
  code: string;
  label: string;
  verdict: Verdict;
  /** One-vote veto (一票否决). */
  veto: boolean;
  /** What the archive shows: the data, and for an unmet item the reason. */
  detail: string;
}

export interface VerificationHouseholdRecord {
  household: HouseholdView;
  /** Members able to work (普通 or 技能劳动力). */
  labourers: number;
  items: VerificationItem[];
  qualifies: boolean;
  reasons: string[];
}

export interface VerificationHouseholdDocument {
  township: string;
  year: number;
  printedOn: string;
}

/** The standard each item is checked against, as printed. */
export const STANDARDS: Readonly<Record<string, string>> = {
  income: '家庭年人均纯收入稳定超过当年脱贫标准（一超过）',
  'two-years': '连续两年人均纯收入达到脱贫标准',
  assessment: '两不愁三保障及饮水安全已入户评估',
  food: '不愁吃：口粮充足，有稳定的食物来源',
  clothing: '不愁穿：四季有换季衣服、有御寒被褥',
  education: '义务教育有保障：适龄子女无因贫失学辍学',
  medical: '基本医疗有保障：参加基本医保，大病、慢性病得到救治',
  housing: '住房安全有保障：无C级、D级危房',
  water: '饮水安全有保障：饮水量和水质达标，取水方便',
  relocation: '易地搬迁户：住上安全保障房，人均不少于25平方米',
  welfare: '低保、特困户：保障性收入超过当年脱贫标准',
  illness: '患大病成员：参加基本医保和大病保险，得到救助',
};

const L = (text: string, span = 1): Cell => ({ text, label: true, span });
const V = (text: string, span = 1): Cell => ({ text, span });

function itemRows(items: readonly VerificationItem[]): Cell[][] {
  return items.map((item, i) => [
    V(String(i + 1)),
    { text: `${item.veto ? '★' : ''}${item.label}`, label: true },
    V(STANDARDS[item.code] ?? ''),
    V(item.detail),
    { options: { options: VERDICTS, chosen: [item.verdict] } },
  ]);
}

export function verificationHouseholdPage(doc: VerificationHouseholdDocument, r: VerificationHouseholdRecord): FormPage {
  const h = r.household;
  const head = headOf(h);
  const columns = [1, 4, 6, 8, 5];
  const blocks: Block[] = [
    { type: 'title', text: '贫困户脱贫验收表', subtitle: `（${doc.year}年度）` },
    householdMeta(h),
    {
      type: 'grid',
      columns: [3, 5, 3, 5, 3, 5],
      rows: [
        [L('户主姓名'), V(orBlank(head?.name)), L('家庭人口'), V(`${h.members.length} 人（劳动力 ${r.labourers} 人）`), L('贫困户属性'), V(orBlank(h.attribute))],
        [L('识别年度'), V(orBlank(h.identificationYear)), L('主要致贫原因'), V(orBlank(h.mainCause)), L('户类别'), V(h.statusLabel)],
      ],
    },
    { type: 'gap', lines: 0.6 },
    { type: 'grid', columns, rows: [[L('序号'), L('验收指标'), L('验收标准'), L('核查情况（档案记录）'), L('结论')]] },
    { type: 'grid', columns, rows: itemRows(r.items) },
    {
      type: 'grid',
      columns: [5, 19],
      rows: [
        [L('验收结论'), { options: { options: ['达到脱贫标准，同意退出', '未达到脱贫标准，暂缓退出'], chosen: [r.qualifies ? '达到脱贫标准，同意退出' : '未达到脱贫标准，暂缓退出'] } }],
        [L('未达标事项'), V(r.reasons.length ? r.reasons.join('\n') : '无')],
      ],
    },
    { type: 'paragraph', text: '注：★为一票否决项，任一项未达标不得退出。本表由户主本人签字（捺印）认可。', size: 8 },
    { type: 'signatures', items: ['户主（签字捺印）：', '帮扶责任人（签字）：'] },
    { type: 'signatures', items: ['村验收人（签字）：', '乡镇验收人（签字）：'], dated: true },
  ];
  return { where: householdWhere(h), blocks };
}

export function verificationHouseholdBatch(doc: VerificationHouseholdDocument): FormBatch<VerificationHouseholdRecord> {
  return {
    title: `${doc.township}贫困户脱贫验收表（${doc.year}年度）`,
    size: 9,
    page: (r) => verificationHouseholdPage(doc, r),
    sheetName: (r) => `${r.household.no}${headOf(r.household)?.name ?? ''}`,
    footer: (i, total) => `${doc.township}贫困户脱贫验收表 · 第 ${i} 户 共 ${total} 户 · 打印日期 ${dateCn(doc.printedOn)}`,
  };
}
