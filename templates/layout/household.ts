// One household as the household forms print it (入户登记表, 明白卡, 脱贫验收表): a plain view
// of the record, and the form sections those documents share, built once.
import type { IncomeComponents, IncomeTotals } from '../../shared/income.ts';
import type { HouseholdValues } from '../../shared/fields/index.ts';
import type { PrintedField } from '../../shared/fields/print.ts';
import type { Block } from './blocks.ts';
import { dateCn, orBlank, yuanFigure } from './format.ts';

export interface MemberView {
  name: string;
  relation: string;
  gender: string | null;
  idNumber: string | null;
  age: number | null;
  ethnicity: string | null;
  education: string | null;
  schoolStatus: string | null;
  health: string | null;
  disabilityGrade: string | null;
  labourAbility: string | null;
  workStatus: string | null;
  workMonths: number | null;
  medicalInsurance: boolean | null;
  pensionInsurance: boolean | null;
  seriousIllnessInsurance: boolean | null;
  isDibao: boolean | null;
  isTekun: boolean | null;
}

export interface IncomeView {
  year: number;
  householdSize: number;
  components: IncomeComponents;
  totals: IncomeTotals;
  /** The year's standard a household must exceed to exit (fen), when the archive has one. */
  standardFen: number | null;
  /** The year's monitoring line (fen), when the archive has one. */
  monitoringLineFen: number | null;
  /** 合规自付支出 (fen), recorded in the 防返贫 era; null when not recorded. */
  medicalOutOfPocketFen: number | null;
}

/** 防返贫监测 (2021+) items of a household; all null for a household never monitored. */
export interface MonitoringView {
  /** 识别监测时间 / 消除监测时间 as YYYYMM. */
  start: string | null;
  end: string | null;
  riskRemoved: boolean | null;
  removalMethod: string | null;
}

export interface AssessmentView {
  year: number;
  foodOk: boolean | null;
  clothingOk: boolean | null;
  educationOk: boolean | null;
  medicalOk: boolean | null;
  housingOk: boolean | null;
  waterOk: boolean | null;
  assessedOn: string | null;
  assessedBy: string | null;
}

export interface HelperView {
  name: string;
  unit: string | null;
  post: string | null;
  phone: string | null;
  startOn: string;
  endOn: string | null;
}

export interface MeasureView {
  year: number;
  category: string;
  content: string | null;
  amountFen: number | null;
  result: string | null;
  startOn: string | null;
}

/** One household as a form prints it, built by the core with every value already presented for the paper's audience (masked or withheld). */
export interface HouseholdView {
  /** The archive's key of the household (not printed). */
  id: string;
  county: string;
  township: string;
  village: string;
  villageCode: string;
  groupName: string | null;
  no: string;
  address: string | null;
  phone: string | null;
  status: string;
  statusLabel: string;
  identificationStandard: string | null;
  identificationYear: number | null;
  attribute: string | null;
  mainCause: string | null;
  otherCauses: string[];
  exitYear: number | null;
  householdType: string | null;
  monitoringCategory: string | null;
  risks: string[];
  monitoring: MonitoringView;
  relocation: string | null;
  /** Living and production conditions, typed, for forms with their own layout (明白卡, 验收表). */
  living: Pick<HouseholdValues, 'housingSafety' | 'drinkingWaterSafe'>;
  production: Pick<HouseholdValues, 'farmlandMu' | 'returnedFarmlandMu' | 'inCooperative'>;
  /** Every household field the catalogue prints on the enrollment form, in its order (shared/fields). */
  conditions: readonly PrintedField[];
  members: MemberView[];
  /** Incomes of every recorded year up to the document's year, oldest first. */
  incomes: IncomeView[];
  assessment: AssessmentView | null;
  /** Pairings in force on the document's date, or the latest ones. */
  helpers: HelperView[];
  measures: MeasureView[];
}

export function headOf(h: HouseholdView): MemberView | null {
  return h.members.find((m) => m.relation === '户主') ?? h.members[0] ?? null;
}

/** "户编号 …（户主 张三）": where a household's unprintable characters are reported. */
export function householdWhere(h: HouseholdView): string {
  return `${h.village} 户编号 ${h.no}（户主 ${headOf(h)?.name ?? '未填写'}）`;
}

export function householdMeta(h: HouseholdView): Block {
  return { type: 'meta', left: `${h.county}\u3000${h.township}\u3000${h.village}\u3000${orBlank(h.groupName)}`, right: `户编号：${h.no}` };
}

/** A monitored household (监测对象): it has a category or a monitoring start. */
export function isMonitored(h: HouseholdView): boolean {
  return !!(h.monitoringCategory || h.monitoring.start);
}

/** "202104" → "2021年04月" (YYYYMM as the national system stores it). */
export function monthCn(ym: string | null): string {
  return ym && /^\d{6}$/.test(ym) ? `${ym.slice(0, 4)}年${ym.slice(4)}月` : orBlank(ym);
}

const yesNoText = (v: boolean | null): string => (v == null ? '' : v ? '是' : '否');

/** "是/是/否": 基本医保 / 大病保险 / 养老保险; blank when none is recorded. */
/** 义务教育 ages (6 to 15 years) and grades (FIELDS-REFERENCE 在校生状况). */
const SCHOOL_AGE = { min: 6, max: 15 } as const;
const COMPULSORY_GRADES = new Set(['小学', '七年级', '八年级', '九年级']);
/** The value list's 在校生状况 for a member not at school (its aliases 不在校, 辍学… land here). */
export const NOT_IN_SCHOOL = '非在校生';

/** In 义务教育: a compulsory grade, or aged 6 to 15. */
export function compulsorySchoolAge(m: Pick<MemberView, 'age' | 'schoolStatus'>): boolean {
  if (m.schoolStatus != null && COMPULSORY_GRADES.has(m.schoolStatus)) return true;
  return m.age != null && m.age >= SCHOOL_AGE.min && m.age <= SCHOOL_AGE.max;
}

/** Members of 义务教育 age recorded 非在校生: the one test of 辍学 every paper prints (明白卡, 采集表, 验收表). */
export function outOfSchoolChildren(h: Pick<HouseholdView, 'members'>): MemberView[] {
  return h.members.filter((m) => compulsorySchoolAge(m) && m.schoolStatus === NOT_IN_SCHOOL);
}

export function insurances(m: MemberView): string {
  const all = [m.medicalInsurance, m.seriousIllnessInsurance, m.pensionInsurance];
  return all.every((v) => v == null) ? '' : all.map((v) => (v == null ? '—' : yesNoText(v))).join('/');
}

export function welfareOf(m: MemberView): string {
  const got = [m.isDibao ? '低保' : '', m.isTekun ? '特困' : ''].filter(Boolean);
  if (got.length) return got.join('、');
  return m.isDibao === false || m.isTekun === false ? '否' : '';
}

export function incomeOf(h: HouseholdView, year: number): IncomeView | null {
  return h.incomes.find((i) => i.year === year) ?? null;
}

/**
 * Members as given: ID numbers arrive already masked where the paper's audience requires it.
 * `welfare` adds the insurances and 低保/特困 (入户登记表); an empty list prints one "无" row.
 */
export function membersTable(members: readonly MemberView[], opts: { emptyRows?: number; welfare?: boolean } = {}): Block {
  const welfare = opts.welfare === true;
  // Whole twenty-fourths: the worksheet merges that many of its 24 columns.
  const columns = welfare
    ? [
        { label: '序号', width: 1 },
        { label: '姓名', width: 2 },
        { label: '与户主关系', width: 2 },
        { label: '性别', width: 1 },
        { label: '身份证号码', width: 4 },
        { label: '年龄', width: 1 },
        { label: '文化程度', width: 2 },
        { label: '在校情况', width: 1 },
        { label: '健康状况', width: 2 },
        { label: '劳动技能', width: 2 },
        { label: '务工情况', width: 3 },
        { label: '医保/大病/养老', width: 2 },
        { label: '低保/特困', width: 1 },
      ]
    : [
        { label: '序号', width: 1 },
        { label: '姓名', width: 2 },
        { label: '与户主关系', width: 2 },
        { label: '性别', width: 1 },
        { label: '身份证号码', width: 4 },
        { label: '年龄', width: 1 },
        { label: '民族', width: 1 },
        { label: '文化程度', width: 2 },
        { label: '在校情况', width: 2 },
        { label: '健康状况', width: 2 },
        { label: '劳动技能', width: 3 },
        { label: '务工情况', width: 3 },
      ];
  const rows = members.map((m, i) => [
    String(i + 1),
    m.name,
    m.relation,
    orBlank(m.gender),
    orBlank(m.idNumber),
    orBlank(m.age),
    ...(welfare ? [] : [orBlank(m.ethnicity)]),
    orBlank(m.education),
    orBlank(m.schoolStatus),
    m.health && m.disabilityGrade ? `${m.health}（${m.disabilityGrade}）` : orBlank(m.health),
    orBlank(m.labourAbility),
    m.workStatus && m.workMonths ? `${m.workStatus}（${m.workMonths}个月）` : orBlank(m.workStatus),
    ...(welfare ? [insurances(m), welfareOf(m)] : []),
  ]);
  return { type: 'table', columns, rows: rows.length ? rows : [noneRow(columns.length)], emptyRows: opts.emptyRows ?? 0 };
}

/** One row saying "无" for an empty table (no blank rows reserved on the paper). */
export function noneRow(columns: number): string[] {
  return ['无', ...Array.from({ length: columns - 1 }, () => '')];
}

export function helpersTable(helpers: readonly HelperView[]): Block {
  return {
    type: 'table',
    columns: [
      { label: '帮扶责任人', width: 3 },
      { label: '工作单位', width: 8 },
      { label: '职务', width: 3 },
      { label: '联系电话', width: 4 },
      { label: '帮扶起止时间', width: 6 },
    ],
    rows: helpers.length ? helpers.map((p) => [p.name, orBlank(p.unit), orBlank(p.post), orBlank(p.phone), `${dateCn(p.startOn)} 至 ${p.endOn ? dateCn(p.endOn) : '今'}`]) : [noneRow(5)],
  };
}

export function measuresTable(measures: readonly MeasureView[], emptyRows = 0): Block {
  return {
    type: 'table',
    columns: [
      { label: '年度', width: 2 },
      { label: '措施类别', width: 3 },
      { label: '帮扶内容', width: 9, align: 'left' },
      { label: '金额（元）', width: 3, align: 'right' },
      { label: '帮扶成效', width: 7, align: 'left' },
    ],
    // Empty: one "无" row, unless the caller leaves rows to write in.
    rows: measures.length || emptyRows > 0 ? measures.map((m) => [String(m.year), m.category, orBlank(m.content), yuanFigure(m.amountFen), orBlank(m.result)]) : [noneRow(5)],
    emptyRows,
  };
}
