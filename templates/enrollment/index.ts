// 入户登记表 (扶贫手册 family pages, FIELDS-REFERENCE §3.1): one household per page — family
// data, members, the year's income breakdown, living and production conditions, causes as
// ☑/□ lists, helpers, measures, and the signature lines. A village or the township in one PDF.
import { CAUSE } from '../../shared/code-lists/causes.ts';
import { ATTRIBUTE, IDENTIFICATION_STANDARD } from '../../shared/code-lists/household.ts';
import { MONITORING_CATEGORY } from '../../shared/code-lists/monitoring.ts';
import type { IncomeComponents } from '../../shared/income.ts';
import { INCOME_LABELS } from '../../shared/income.ts';
import type { Block, Cell, FormPage, Options } from '../layout/blocks.ts';
import type { FormBatch } from '../layout/forms.ts';
import { dateCn, orBlank, yuanFigure } from '../layout/format.ts';
import type { HouseholdView } from '../layout/household.ts';
import { headOf, helpersTable, householdMeta, householdWhere, incomeOf, isMonitored, measuresTable, membersTable, monthCn } from '../layout/household.ts';
import { yesNo } from '../layout/blocks.ts';

export interface EnrollmentDocument {
  township: string;
  year: number;
  printedOn: string;
}

/** One page of the batch: the household as of the document's year. */
export type EnrollmentRecord = HouseholdView;

const labels = (list: { entries: readonly { label: string; era?: string; code?: string }[] }, keep: (e: { era?: string; code?: string }) => boolean = () => true): string[] =>
  list.entries.filter(keep).map((e) => e.label);

/** The national cause list (codes 01–11 and 99), as the form prints it. */
export const CAUSE_OPTIONS = labels(CAUSE, (e) => e.code !== undefined);
export const ATTRIBUTE_OPTIONS = labels(ATTRIBUTE, (e) => e.era !== '2014-2020');

const choose = (options: readonly string[], ...chosen: (string | null | undefined)[]): Options => ({ options, chosen: chosen.filter((c): c is string => !!c) });
const L = (text: string, span = 1): Cell => ({ text, label: true, span });
const V = (text: string | number | null | undefined, span = 1): Cell => ({ text: orBlank(text), span });
const O = (options: Options, span: number): Cell => ({ options, span });

function basics(h: HouseholdView, year: number): Block[] {
  const head = headOf(h);
  const rows: Cell[][] = [
    [L('户主姓名'), V(head?.name), L('性别'), V(head?.gender), L('民族'), V(head?.ethnicity)],
    [L('身份证号码'), V(head?.idNumber, 3), L('家庭人口'), V(`${h.members.length} 人`)],
    [L('家庭住址'), V(h.address, 3), L('联系电话'), V(h.phone)],
    [L('户类别'), V(h.statusLabel), L('识别年度'), V(h.identificationYear), L('脱贫年度'), V(h.exitYear)],
  ];
  const standards: Cell[][] = [[L('识别标准'), O(choose(labels(IDENTIFICATION_STANDARD), h.identificationStandard), 1), L('贫困户属性'), O(choose(ATTRIBUTE_OPTIONS, h.attribute), 1)]];
  const causes: Cell[][] = [
    [L('主要致贫原因'), O(choose(CAUSE_OPTIONS, h.mainCause), 5)],
    [L('其他致贫原因'), O(choose(CAUSE_OPTIONS, ...h.otherCauses), 5)],
  ];
  const six = [3, 5, 3, 5, 3, 5];
  return [
    { type: 'section', text: '一、家庭基本情况' },
    { type: 'grid', columns: six, rows },
    { type: 'grid', columns: [3, 8, 3, 10], rows: standards },
    { type: 'grid', columns: six, rows: causes },
    ...(isMonitored(h) || h.risks.length ? monitoring(h, year) : []),
  ];
}

/**
 * 防返贫监测 (2021+) items of a monitored household. What the archive does not hold — the
 * collector, their phone, the signed 承诺授权书 — is left blank to fill in by hand.
 */
function monitoring(h: HouseholdView, year: number): Block[] {
  const m = h.monitoring;
  const removal = [m.removalMethod, m.end ? monthCn(m.end) : null].filter(Boolean).join(' ');
  const outOfPocket = incomeOf(h, year)?.medicalOutOfPocketFen;
  const rows: Cell[][] = [
    [L('监测对象类别'), O(choose(labels(MONITORING_CATEGORY), h.monitoringCategory), 3), L('户类型'), V(h.householdType)],
    [L('致贫返贫风险'), V(h.risks.join('、'), 3), L('识别监测时间'), V(monthCn(m.start))],
    [L('风险是否消除'), O(yesNo(m.riskRemoved), 1), L('消除方式及时间'), V(removal), L(`合规自付支出（${year}年）`), V(outOfPocket == null ? '' : `${yuanFigure(outOfPocket)} 元`)],
    [L('信息采集人'), V(''), L('采集人联系电话'), V(''), L('承诺授权书'), O({ options: ['已签订', '未签订'], chosen: [] }, 1)],
  ];
  return [{ type: 'grid', columns: [3, 5, 3, 5, 3, 5], rows }];
}

function incomeBlock(h: HouseholdView, year: number): Block[] {
  const income = incomeOf(h, year);
  const c = (k: keyof IncomeComponents): string => yuanFigure(income?.components[k]);
  const pair = (k: keyof IncomeComponents): Cell[] => [L(INCOME_LABELS[k]), V(c(k))];
  const rows: Cell[][] = [
    [...pair('wageFen'), ...pair('businessFen'), ...pair('propertyFen')],
    [L('转移性收入'), V(yuanFigure(income?.totals.transferFen)), ...pair('familyPlanningFen'), ...pair('dibaoFen')],
    [...pair('tekunFen'), ...pair('pensionFen'), ...pair('ecoCompensationFen')],
    [...pair('otherTransferFen'), L('家庭总收入'), V(yuanFigure(income?.totals.grossFen)), ...pair('businessExpenseFen')],
    [L('家庭纯收入'), V(yuanFigure(income?.totals.netFen)), L('年度家庭人口'), V(income ? `${income.householdSize} 人` : ''), L('人均纯收入'), V(yuanFigure(income?.totals.perCapitaFen))],
  ];
  if (!income) {
    return [
      { type: 'section', text: `三、${year}年家庭收入情况（元）` },
      { type: 'grid', columns: [4, 20], rows: [[L('收入记录'), V('无（档案中没有本年度收入记录）')]] },
    ];
  }
  return [
    { type: 'section', text: `三、${year}年家庭收入情况（元）` },
    { type: 'grid', columns: [4, 4, 4, 4, 4, 4], rows },
  ];
}

/** Four label/value pairs a row, in the catalogue's order; yes/no fields with both choices shown. */
function conditions(h: HouseholdView): Block[] {
  const PAIRS = 4;
  const cells = h.conditions.flatMap((f) => [L(f.label), f.options && f.options.options.length <= 2 ? O(f.options, 1) : V(f.text)]);
  const rows: Cell[][] = [];
  for (let i = 0; i < cells.length; i += PAIRS * 2) {
    const row = cells.slice(i, i + PAIRS * 2);
    rows.push([...row, ...Array.from({ length: PAIRS * 2 - row.length }, () => V(''))]);
  }
  return [{ type: 'section', text: '四、生产生活条件' }, { type: 'grid', columns: [3, 3, 3, 3, 3, 3, 3, 3], rows }];
}

export function enrollmentPage(doc: EnrollmentDocument, h: EnrollmentRecord): FormPage {
  return {
    where: householdWhere(h),
    blocks: [
      { type: 'title', text: `${doc.township}农户入户登记表`, subtitle: `（扶贫手册家庭情况页 · ${doc.year}年度）` },
      householdMeta(h),
      ...basics(h, doc.year),
      { type: 'section', text: '二、家庭成员' },
      membersTable(h.members, { welfare: true }),
      ...incomeBlock(h, doc.year),
      ...conditions(h),
      { type: 'section', text: '五、帮扶责任人' },
      helpersTable(h.helpers),
      { type: 'section', text: '六、帮扶措施' },
      measuresTable(h.measures),
      { type: 'signatures', items: ['调查员（签字）：', '户主（签字或捺印）：'], dated: true },
    ],
  };
}

export function enrollmentBatch(doc: EnrollmentDocument): FormBatch<EnrollmentRecord> {
  return {
    title: `${doc.township}农户入户登记表（${doc.year}年度）`,
    size: 8,
    page: (h) => enrollmentPage(doc, h),
    sheetName: (h) => `${h.no}${headOf(h)?.name ?? ''}`,
    footer: (i, total) => `${doc.township}农户入户登记表 · 第 ${i} 户 共 ${total} 户 · 打印日期 ${dateCn(doc.printedOn)}`,
    pageFooter: {
      key: (h) => h.no,
      line: (p) => `户编号 ${p.key} · 本户第 ${p.recordPage} 页 共 ${p.recordPages} 页 · 第 ${p.page} 页 共 ${p.pages} 页 · 打印日期 ${dateCn(doc.printedOn)}`,
    },
  };
}
