// 明白卡 (FIELDS-REFERENCE §3.2): the card kept in the household's home — who they are in the
// archive, the guarantees (医保、养老、饮水、住房), the helper to call, the measures and what
// they brought, and the last years' income against the line. One household per page.
import type { Block, Cell, FormPage } from '../layout/blocks.ts';
import type { FormBatch } from '../layout/forms.ts';
import { dateCn, orBlank, yuan, yuanFigure } from '../layout/format.ts';
import type { HouseholdView, IncomeView } from '../layout/household.ts';
import { MONITORED_STATUSES } from '../../shared/status.ts';
import { headOf, helpersTable, householdMeta, householdWhere, measuresTable, outOfSchoolChildren } from '../layout/household.ts';

export interface CardDocument {
  township: string;
  year: number;
  printedOn: string;
  /** The supervision phones (12317 first, then local ones), printed in the reminder. */
  hotline: string;
  /** The township office's phone (乡镇人民政府/扶贫工作站), if set. */
  townshipPhone?: string | null;
  /** 村委会电话 by village code, where set. */
  villagePhones?: Readonly<Record<string, string>>;
}

export type CardRecord = HouseholdView;

/** The first year of 巩固拓展脱贫攻坚成果 (2021–): incomes are held against the monitoring range. */
export const MONITORING_FROM = 2021;
const MONITORED = new Set<string>(MONITORED_STATUSES);

const L = (text: string, span = 1): Cell => ({ text, label: true, span });
const V = (text: string | number | null | undefined, span = 1): Cell => ({ text: orBlank(text), span });

function countOf(h: HouseholdView, pick: (m: HouseholdView['members'][number]) => boolean | null): string {
  return `${h.members.filter((m) => pick(m) === true).length} / ${h.members.length} 人`;
}

function guarantees(h: HouseholdView): Block {
  const head = headOf(h);
  const housing = h.living.housingSafety == null ? '' : h.living.housingSafety === '安全' ? '安全' : `危房（${h.living.housingSafety}）`;
  const water = h.living.drinkingWaterSafe == null ? '' : h.living.drinkingWaterSafe ? '安全' : '不安全';
  const dropout = outOfSchoolChildren(h).length > 0;
  return {
    type: 'grid',
    columns: [4, 4, 4, 4, 4, 4],
    rows: [
      [L('户主姓名'), V(head?.name), L('身份证号码'), V(head?.idNumber, 3)],
      [L('家庭住址'), V(h.address, 3), L('联系电话'), V(h.phone)],
      [L('家庭人口'), V(`${h.members.length} 人`), L('户类别'), V(h.statusLabel), L('脱贫年度'), V(h.exitYear)],
      [L('贫困户属性'), V(h.attribute), L('主要致贫原因'), V(h.mainCause), L('监测对象类别'), V(h.monitoringCategory)],
      [L('参加基本医保'), V(countOf(h, (m) => m.medicalInsurance)), L('参加大病保险'), V(countOf(h, (m) => m.seriousIllnessInsurance)), L('参加养老保险'), V(countOf(h, (m) => m.pensionInsurance))],
      [L('享受低保'), V(countOf(h, (m) => m.isDibao)), L('特困供养'), V(countOf(h, (m) => m.isTekun)), L('义务教育辍学'), V(dropout ? '有，请核实' : '无')],
      [L('饮水安全'), V(water), L('住房安全'), V(housing), L('易地扶贫搬迁'), V(h.relocation ?? '否')],
      [L('耕地面积'), V(h.production.farmlandMu == null ? '' : `${h.production.farmlandMu} 亩`), L('退耕还林'), V(h.production.returnedFarmlandMu == null ? '' : `${h.production.returnedFarmlandMu} 亩`), L('加入合作社'), V(h.production.inCooperative == null ? '' : h.production.inCooperative ? '是' : '否')],
    ],
  };
}

/** The line a year's income is held against: from 2021 (巩固衔接) and for monitored households the 防返贫监测范围, before it the 脱贫标准 — both from the policy table. */
export function cardLine(h: Pick<HouseholdView, 'status'>, i: Pick<IncomeView, 'year' | 'standardFen' | 'monitoringLineFen'>): { label: string; fen: number | null } {
  const monitoring = i.year >= MONITORING_FROM || MONITORED.has(h.status);
  return monitoring ? { label: '防返贫监测范围', fen: i.monitoringLineFen } : { label: '脱贫标准', fen: i.standardFen };
}

function incomeTable(h: HouseholdView): Block {
  const recent = h.incomes.slice(-3);
  return {
    type: 'table',
    columns: [
      { label: '年度', width: 2 },
      { label: '家庭纯收入（元）', width: 4, align: 'right' },
      { label: '家庭人口', width: 3 },
      { label: '人均纯收入（元）', width: 4, align: 'right' },
      { label: '对照标准（元）', width: 7, align: 'right' },
      { label: '是否高于标准', width: 4 },
    ],
    rows: recent.map((i) => {
      const line = cardLine(h, i);
      return [
        `${i.year}年`,
        yuanFigure(i.totals.netFen),
        `${i.householdSize} 人`,
        yuanFigure(i.totals.perCapitaFen),
        line.fen == null ? `${line.label}未设置` : `${line.label} ${yuanFigure(line.fen)}`,
        line.fen == null || i.totals.perCapitaFen == null ? '' : i.totals.perCapitaFen > line.fen ? '是' : '否',
      ];
    }),
    emptyRows: recent.length === 0 ? 1 : 0,
  };
}

/** The note cites the very line (and number) the last income row is held against. */
function reminder(doc: CardDocument, h: HouseholdView): string {
  const last = h.incomes[h.incomes.length - 1];
  const line = last ? cardLine(h, last) : { label: '防返贫监测范围', fen: null };
  const range = line.fen == null ? `当年${line.label}` : `当年${line.label}（${yuan(line.fen)}）`;
  return `家庭人均纯收入低于${range}，或遇因病、因灾、因意外等突发严重困难，请及时向村委会或帮扶责任人反映，也可拨打监督电话 ${doc.hotline}。`;
}

/** The policy categories the household received (帮扶措施类别), each with the years. */
export function policiesReceived(h: HouseholdView): string {
  const years = new Map<string, Set<number>>();
  for (const m of h.measures) years.set(m.category, (years.get(m.category) ?? new Set()).add(m.year));
  if (years.size === 0) return '档案中暂无帮扶措施记录';
  return [...years].map(([category, ys]) => `${category}（${[...ys].sort((a, b) => a - b).join('、')}年）`).join('；');
}

/** The card's phone line: the village committee's and the township's numbers (blanks to fill in when not set). */
export function contactLine(doc: CardDocument, h: HouseholdView): string {
  const blank = '\u3000\u3000\u3000\u3000\u3000\u3000';
  return `村委会电话：${doc.villagePhones?.[h.villageCode] ?? blank}\u3000\u3000${doc.township}人民政府电话：${doc.townshipPhone ?? blank}`;
}

export function cardPage(doc: CardDocument, h: CardRecord): FormPage {
  return {
    where: householdWhere(h),
    blocks: [
      { type: 'title', text: `${doc.township}${h.village}帮扶明白卡`, subtitle: `（${doc.year}年度）` },
      householdMeta(h),
      { type: 'section', text: '一、家庭情况和保障' },
      guarantees(h),
      { type: 'section', text: '二、帮扶责任人' },
      helpersTable(h.helpers),
      { type: 'section', text: '三、帮扶措施和成效' },
      { type: 'grid', columns: [4, 20], rows: [[L('享受政策类别'), V(policiesReceived(h))]] },
      measuresTable(h.measures.slice(-8)),
      { type: 'section', text: '四、近年家庭收入' },
      incomeTable(h),
      { type: 'paragraph', text: reminder(doc, h), size: 9.5 },
      { type: 'paragraph', text: contactLine(doc, h), size: 9.5 },
      { type: 'signatures', items: ['帮扶责任人（签字）：', '户主（签字或捺印）：'], dated: true },
      { type: 'paragraph', text: `填写人：${h.helpers[0]?.name ?? '＿＿＿＿'}（帮扶责任人）\u3000\u3000填写日期：${dateCn(doc.printedOn)}`, size: 9.5 },
    ],
  };
}

export function cardBatch(doc: CardDocument): FormBatch<CardRecord> {
  return {
    title: `${doc.township}帮扶明白卡（${doc.year}年度）`,
    size: 9.5,
    page: (h) => cardPage(doc, h),
    sheetName: (h) => `${h.no}${headOf(h)?.name ?? ''}`,
    footer: (i, total) => `${doc.township}帮扶明白卡 · 第 ${i} 户 共 ${total} 户 · 打印日期 ${dateCn(doc.printedOn)}`,
  };
}
