// 明白卡 (FIELDS-REFERENCE §3.2): the card kept in the household's home — who they are in the
// archive, the guarantees (医保、养老、饮水、住房), the helper to call, the measures and what
// they brought, and the last years' income against the line. One household per page.
import type { Block, Cell, FormPage } from '../layout/blocks.ts';
import type { FormBatch } from '../layout/forms.ts';
import { dateCn, orBlank, yuan, yuanFigure } from '../layout/format.ts';
import type { HouseholdView } from '../layout/household.ts';
import { headOf, helpersTable, householdMeta, householdWhere, measuresTable } from '../layout/household.ts';

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

const L = (text: string, span = 1): Cell => ({ text, label: true, span });
const V = (text: string | number | null | undefined, span = 1): Cell => ({ text: orBlank(text), span });

function countOf(h: HouseholdView, pick: (m: HouseholdView['members'][number]) => boolean | null): string {
  return `${h.members.filter((m) => pick(m) === true).length} / ${h.members.length} 人`;
}

function guarantees(h: HouseholdView): Block {
  const head = headOf(h);
  const housing = h.living.housingSafety == null ? '' : h.living.housingSafety === '安全' ? '安全' : `危房（${h.living.housingSafety}）`;
  const water = h.living.drinkingWaterSafe == null ? '' : h.living.drinkingWaterSafe ? '安全' : '不安全';
  const dropout = h.members.some((m) => m.age != null && m.age >= 6 && m.age <= 15 && m.schoolStatus === '非在校生');
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

function incomeTable(h: HouseholdView): Block {
  const recent = h.incomes.slice(-3);
  return {
    type: 'table',
    columns: [
      { label: '年度', width: 3 },
      { label: '家庭纯收入（元）', width: 5, align: 'right' },
      { label: '家庭人口', width: 3 },
      { label: '人均纯收入（元）', width: 5, align: 'right' },
      { label: '当年标准（元）', width: 4, align: 'right' },
      { label: '是否高于标准', width: 4 },
    ],
    rows: recent.map((i) => [
      `${i.year}年`,
      yuanFigure(i.totals.netFen),
      `${i.householdSize} 人`,
      yuanFigure(i.totals.perCapitaFen),
      yuanFigure(i.standardFen),
      i.standardFen == null || i.totals.perCapitaFen == null ? '' : i.totals.perCapitaFen > i.standardFen ? '是' : '否',
    ]),
    emptyRows: recent.length === 0 ? 1 : 0,
  };
}

function reminder(doc: CardDocument, h: HouseholdView): string {
  const line = h.incomes[h.incomes.length - 1]?.monitoringLineFen ?? null;
  const range = line == null ? '当年防返贫监测范围' : `当年防返贫监测范围（${yuan(line)}）`;
  return `家庭人均纯收入低于${range}，或遇因病、因灾、因意外等突发严重困难，请及时向村委会或帮扶责任人反映，也可拨打监督电话 ${doc.hotline}。`;
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
      measuresTable(h.measures.slice(-8)),
      { type: 'section', text: '四、近年家庭收入' },
      incomeTable(h),
      { type: 'paragraph', text: reminder(doc, h), size: 9.5 },
      { type: 'paragraph', text: contactLine(doc, h), size: 9.5 },
      { type: 'signatures', items: ['帮扶责任人（签字）：', '户主（签字或捺印）：'], dated: true },
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
