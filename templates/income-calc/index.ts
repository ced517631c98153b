// 年度人均纯收入计算表 (the exit check's income sheet, FIELDS-REFERENCE §2.3 income items): for
// one household and year, each income line, 转移性收入 with its six parts, 家庭总收入,
// 生产经营性支出, 家庭纯收入, 家庭人口, 人均纯收入 and the year's standard, signed by the
// household. The totals come computed (shared/income.ts) — never added up here. The workbook is
// one list sheet (a row per household), the PDF one form per household.
import type { Writable } from 'node:stream';
import type { IncomeComponents, IncomeTotals } from '../../shared/income.ts';
import { INCOME_LABELS, TRANSFER_KEYS } from '../../shared/income.ts';
import type { Block, Cell, FormPage } from '../layout/blocks.ts';
import type { FormBatch, RecordSource } from '../layout/forms.ts';
import { dateCn, orBlank, yuanFigure } from '../layout/format.ts';
import type { HouseholdView } from '../layout/household.ts';
import { headOf, householdMeta, householdWhere } from '../layout/household.ts';
import type { RenderResult } from '../layout/pdf.ts';
import type { SheetColumn } from '../layout/xlsx.ts';
import { addTableSheet, newWorkbook, writeWorkbook } from '../layout/xlsx.ts';

export interface IncomeCalcDocument {
  township: string;
  year: number;
  printedOn: string;
}

export interface IncomeCalcRecord {
  household: HouseholdView;
  /** The year's recorded income, null when the archive has none (the sheet is filled by hand). */
  income: { householdSize: number; components: IncomeComponents; totals: IncomeTotals } | null;
  /** 当年脱贫标准 (the higher of 扶贫标准 and 脱贫标准), fen. */
  standardFen: number | null;
  /** 防返贫监测范围 of the year, fen, when the policy table has one. */
  monitoringLineFen: number | null;
}

const L = (text: string, span = 1): Cell => ({ text, label: true, span });
const V = (text: string | number | null | undefined, span = 1): Cell => ({ text: orBlank(text), span });
const money = (r: IncomeCalcRecord, pick: (i: NonNullable<IncomeCalcRecord['income']>) => number | null): string => (r.income ? yuanFigure(pick(r.income)) : '');

/** "高于" / "未高于" the standard: the exit check's test (strictly above). */
export function verdictOf(r: IncomeCalcRecord): string {
  const perCapita = r.income?.totals.perCapitaFen ?? null;
  if (perCapita == null || r.standardFen == null) return '';
  return perCapita > r.standardFen ? '是' : '否';
}

/** The form's lines: [序号, 项目, 金额, 说明]. */
export function incomeLines(r: IncomeCalcRecord): string[][] {
  const c = (k: keyof IncomeComponents): string => money(r, (i) => i.components[k]);
  const transfers = TRANSFER_KEYS.map((k, n) => [`4.${n + 1}`, `其中：${INCOME_LABELS[k]}`, c(k), '']);
  return [
    ['1', INCOME_LABELS.wageFen, c('wageFen'), '务工、公益岗位等工资'],
    ['2', INCOME_LABELS.businessFen, c('businessFen'), '种植、养殖、经营等收入'],
    ['3', INCOME_LABELS.propertyFen, c('propertyFen'), '租金、分红、利息等'],
    ['4', '转移性收入', money(r, (i) => i.totals.transferFen), '4.1 至 4.6 之和'],
    ...transfers,
    ['5', '家庭总收入', money(r, (i) => i.totals.grossFen), '1 + 2 + 3 + 4'],
    ['6', INCOME_LABELS.businessExpenseFen, c('businessExpenseFen'), '种子、化肥、饲料等生产投入'],
    ['7', '家庭纯收入', money(r, (i) => i.totals.netFen), '5 − 6'],
    ['8', '家庭人口（人）', r.income ? String(r.income.householdSize) : '', '当年家庭常住人口'],
    ['9', '人均纯收入', money(r, (i) => i.totals.perCapitaFen), '7 ÷ 8'],
  ];
}

function conclusion(doc: IncomeCalcDocument, r: IncomeCalcRecord): string {
  if (!r.income) return `档案中没有${doc.year}年的收入记录：请入户核算后手工填写。`;
  const perCapita = r.income.totals.perCapitaFen;
  if (perCapita == null || r.standardFen == null) return `档案中没有${doc.year}年的脱贫标准：请在政策参数中填写后重新生成。`;
  const above = perCapita > r.standardFen;
  return `${doc.year}年家庭人均纯收入 ${yuanFigure(perCapita)} 元，${above ? '高于' : '未高于'}当年脱贫标准 ${yuanFigure(r.standardFen)} 元。`;
}

export function incomeCalcPage(doc: IncomeCalcDocument, r: IncomeCalcRecord): FormPage {
  const h = r.household;
  const head = headOf(h);
  const blocks: Block[] = [
    { type: 'title', text: '年度人均纯收入计算表', subtitle: `（${doc.year}年度）` },
    householdMeta(h),
    {
      type: 'grid',
      columns: [4, 4, 4, 4, 4, 4],
      rows: [
        [L('户主姓名'), V(head?.name), L('户类别'), V(h.statusLabel), L('家庭人口'), V(r.income ? `${r.income.householdSize} 人` : `${h.members.length} 人（现有）`)],
        [L('贫困户属性'), V(h.attribute), L('主要致贫原因'), V(h.mainCause), L('联系电话'), V(h.phone)],
      ],
    },
    { type: 'gap', lines: 0.5 },
    {
      type: 'table',
      columns: [
        { label: '序号', width: 2 },
        { label: '项目', width: 8, align: 'left' },
        { label: '金额（元）', width: 6, align: 'right' },
        { label: '说明', width: 8, align: 'left' },
      ],
      rows: incomeLines(r),
      bold: [3, 10, 12, 14],
    },
    {
      type: 'grid',
      columns: [6, 6, 6, 6],
      rows: [
        [L('当年脱贫标准（元）'), V(yuanFigure(r.standardFen)), L('人均纯收入是否高于标准'), { options: { options: ['是', '否'], chosen: verdictOf(r) ? [verdictOf(r)] : [] } }],
        [L('防返贫监测范围（元）'), V(r.monitoringLineFen == null ? '未设置' : yuanFigure(r.monitoringLineFen)), L('核算结论'), V(conclusion(doc, r))],
      ],
    },
    { type: 'paragraph', text: '注：家庭纯收入 = 工资性收入 + 生产经营性收入 + 财产性收入 + 转移性收入 − 生产经营性支出；人均纯收入 = 家庭纯收入 ÷ 家庭人口。本表由户主本人核对后签字（捺印）认可。', size: 8 },
    { type: 'signatures', items: ['户主（签字捺印）：', '帮扶责任人（签字）：'] },
    { type: 'signatures', items: ['村核算人（签字）：', '乡镇审核人（签字）：'], dated: true },
  ];
  return { where: householdWhere(h), blocks };
}

export function incomeCalcBatch(doc: IncomeCalcDocument): FormBatch<IncomeCalcRecord> {
  return {
    title: `${doc.township}年度人均纯收入计算表（${doc.year}年度）`,
    size: 9.5,
    page: (r) => incomeCalcPage(doc, r),
    sheetName: (r) => `${r.household.no}${headOf(r.household)?.name ?? ''}`,
    footer: (i, total) => `${doc.township}年度人均纯收入计算表 · 第 ${i} 户 共 ${total} 户 · 打印日期 ${dateCn(doc.printedOn)}`,
  };
}

/** The list sheet's columns: household, every income line, the standard and the verdict. */
export function incomeCalcColumns(): SheetColumn[] {
  const m = (label: string): SheetColumn => ({ label: `${label}（元）`, width: 12, align: 'right' });
  return [
    { label: '序号', width: 6 },
    { label: '村', width: 12 },
    { label: '户编号', width: 22 },
    { label: '户主', width: 10 },
    { label: '户类别', width: 12 },
    m(INCOME_LABELS.wageFen),
    m(INCOME_LABELS.businessFen),
    m(INCOME_LABELS.propertyFen),
    ...TRANSFER_KEYS.map((k) => m(INCOME_LABELS[k])),
    m('转移性收入'),
    m('家庭总收入'),
    m(INCOME_LABELS.businessExpenseFen),
    m('家庭纯收入'),
    { label: '家庭人口（人）', width: 8 },
    m('人均纯收入'),
    m('当年脱贫标准'),
    { label: '是否高于标准', width: 8 },
  ];
}

export function incomeCalcRow(r: IncomeCalcRecord, seq: number): (string | number | null)[] {
  const h = r.household;
  const i = r.income;
  const c = (k: keyof IncomeComponents): string => (i ? yuanFigure(i.components[k]) : '');
  return [
    seq,
    h.village,
    h.no,
    orBlank(headOf(h)?.name),
    h.statusLabel,
    c('wageFen'),
    c('businessFen'),
    c('propertyFen'),
    ...TRANSFER_KEYS.map(c),
    i ? yuanFigure(i.totals.transferFen) : '',
    i ? yuanFigure(i.totals.grossFen) : '',
    c('businessExpenseFen'),
    i ? yuanFigure(i.totals.netFen) : '',
    i ? i.householdSize : '未录入',
    i ? yuanFigure(i.totals.perCapitaFen) : '',
    yuanFigure(r.standardFen),
    verdictOf(r),
  ];
}

/** The workbook: one list sheet, a row per household, streamed from the source. */
export async function incomeCalcXlsx(doc: IncomeCalcDocument, source: RecordSource<IncomeCalcRecord>, out: Writable, hooks: { onProgress?: (done: number, total: number) => void } = {}): Promise<RenderResult> {
  const title = incomeCalcBatch(doc).title;
  const wb = await newWorkbook(title);
  function* groups(): Generator<(string | number | null)[][]> {
    let seq = 0;
    for (const r of source.records) {
      seq++;
      yield [incomeCalcRow(r, seq)];
      hooks.onProgress?.(seq, source.total);
    }
  }
  addTableSheet(wb, {
    name: '人均纯收入计算表',
    title,
    subtitle: `家庭纯收入 = 工资性 + 生产经营性 + 财产性 + 转移性收入 − 生产经营性支出；人均纯收入 = 家庭纯收入 ÷ 家庭人口。打印日期 ${dateCn(doc.printedOn)}`,
    columns: incomeCalcColumns(),
    groups: groups(),
    setup: { paper: 'A3', landscape: true },
  });
  await writeWorkbook(wb, out);
  return { pages: null, sheets: 1, missingGlyphs: [] };
}
