// The columns the national exports carry, matched by label with aliases (FIELDS-REFERENCE §2):
// what each one is called in different years and provinces, which record and field it fills,
// and how its cells are read. Code numbers are never trusted; value lists are matched by label.
// The export writes the same list, so whatever it writes, the import reads back.
import type { CodeCategory } from '../../shared/code-lists/index.ts';

export type ColumnKind =
  | 'text'
  | 'int'
  | 'decimal'
  | 'money'
  | 'flag'
  | 'id'
  /** A month as the 防返贫 exports write it: YYYYMM (also read from 2021-03, 2021年3月, a date). */
  | 'month'
  /** A day: 2021-03-15, 2021/3/15, 2021年3月15日, 20210315. */
  | 'date'
  | { code: CodeCategory }
  /** Several labels of one list in one cell, separated by 、，,; (e.g. 其他致贫原因). */
  | { codes: CodeCategory; max: number };

/** Where a column's value lives in the archive. */
export type ColumnLevel = 'place' | 'household' | 'member' | 'income';

export interface ColumnDef {
  key: string;
  label: string;
  aliases: readonly string[];
  level: ColumnLevel;
  kind: ColumnKind;
  /** The record's property it fills (drizzle name); none for place columns and derived ones. */
  field?: string;
  /** A range a sensible value lies in (a warning outside it, the value kept). */
  range?: readonly [number, number];
  /** Read but never written back: derived from other columns (序号, 人数, 人均纯收入, 性别…). */
  derived?: boolean;
}

interface Extra {
  aliases?: string[];
  field?: string | null;
  range?: readonly [number, number];
  derived?: boolean;
}

const col = (key: string, label: string, level: ColumnLevel, kind: ColumnKind, extra: Extra = {}): ColumnDef => ({
  key,
  label,
  aliases: extra.aliases ?? [],
  level,
  kind,
  ...(extra.field === null || level === 'place' ? {} : { field: extra.field ?? key }),
  ...(extra.range ? { range: extra.range } : {}),
  ...(extra.derived ? { derived: true } : {}),
});
const yes = (key: string, label: string, level: ColumnLevel, aliases: string[] = []) => col(key, label, level, 'flag', { aliases });
const area = (key: string, label: string, max: number, aliases: string[] = []) => col(key, label, 'household', 'decimal', { aliases, range: [0, max] });
const money = (field: string, label: string, aliases: string[] = []) => col(field, label, 'income', 'money', { aliases, range: [-1e8, 1e8] });
const risk = (n: number) => col(`risk${n}`, `致贫返贫风险${n}`, 'household', { code: 'risk' }, { aliases: [`致贫/返贫风险${n}`, `致贫（返贫）风险${n}`, `风险类型${n}`, `返贫致贫风险${n}`], field: null });

export const PLACE_COLUMNS: readonly ColumnDef[] = [
  col('county', '县', 'place', 'text', { aliases: ['县(市、区、旗)', '县区', '所在县', '县（市、区）'] }),
  col('township', '乡镇', 'place', 'text', { aliases: ['乡(镇)', '乡镇(街道)', '所在乡镇', '乡（镇、街道）'] }),
  col('village', '行政村', 'place', 'text', { aliases: ['村', '村名', '所在行政村', '行政村名称'] }),
];

export const HOUSEHOLD_COLUMNS: readonly ColumnDef[] = [
  col('naturalVillage', '自然村', 'household', 'text', { aliases: ['所在自然村'] }),
  col('groupName', '村民小组', 'household', 'text', { aliases: ['组', '所在组', '村民小组名称', '自然村（村民小组）'] }),
  col('householdNo', '户编号', 'household', 'text', { aliases: ['户码', '贫困户编号', '家庭编号', '户主编号'], field: 'no' }),
  col('size', '人数', 'household', 'int', { aliases: ['家庭人口数', '家庭人数', '户人数', '当前家庭人口数'], derived: true }),
  col('address', '家庭住址', 'household', 'text', { aliases: ['住址', '详细地址'] }),
  col('identificationStandard', '识别标准', 'household', { code: 'identificationStandard' }),
  col('identificationYear', '识别年度', 'household', 'int', { aliases: ['首次识别时间', '首次识别年度', '识别时间'], range: [2013, 2100] }),
  col('attribute', '贫困户属性', 'household', { code: 'attribute' }, { aliases: ['户属性'] }),
  col('mainCause', '主要致贫原因', 'household', { code: 'cause' }, { aliases: ['致贫原因', '致贫原因1'] }),
  col('otherCauses', '其他致贫原因', 'household', { codes: 'cause', max: 2 }, { aliases: ['次要致贫原因'] }),
  col('exitMark', '脱贫属性', 'household', 'text', { aliases: ['脱贫标志', '是否脱贫'], field: null }),
  col('exitYear', '脱贫年度', 'household', 'int', { aliases: ['脱贫时间', '脱贫年份'], range: [2013, 2100] }),
  col('householdType', '户类型', 'household', { code: 'householdType' }),
  col('monitoringCategory', '监测对象类别', 'household', { code: 'monitoringCategory' }, { aliases: ['易返贫致贫户(监测对象)类型', '监测类型', '监测对象类型'] }),
  risk(1),
  risk(2),
  risk(3),
  risk(4),
  risk(5),
  col('riskRemoved', '风险是否消除', 'household', 'flag', { aliases: ['风险是否已消除'] }),
  col('riskRemovalMethod', '风险消除方式', 'household', { code: 'riskRemovalMethod' }),
  col('monitoringStart', '识别监测时间', 'household', 'month', { aliases: ['风险识别时间', '纳入监测时间'] }),
  col('monitoringEnd', '消除监测时间', 'household', 'month', { aliases: ['风险消除时间'] }),
  col('perCapita', '人均纯收入', 'household', 'money', { aliases: ['人均纯收入（元）', '家庭人均纯收入'], derived: true }),
  col('phone', '联系电话', 'household', 'text', { aliases: ['户联系电话', '户主联系电话'] }),
  col('housingSafety', '危房级别', 'household', { code: 'housingSafety' }, { aliases: ['危房户', '是否危房户', '住房安全等级'] }),
  area('housingArea', '住房面积（平方米）', 10000, ['住房面积', '住房面积(㎡)']),
  col('housingStructure', '房屋主要结构', 'household', 'text', { aliases: ['住房结构'] }),
  yes('drinkingWaterSafe', '饮水是否安全', 'household', ['是否解决安全饮用水', '饮水安全']),
  yes('drinkingWaterDifficult', '饮水是否困难', 'household', ['饮水困难']),
  yes('hasElectricity', '是否通生活用电', 'household', ['通生活用电', '是否通电']),
  col('roadType', '入户路类型', 'household', { code: 'roadType' }),
  col('distanceToRoadKm', '与村主干路距离（公里）', 'household', 'decimal', { aliases: ['与村主干路距离'], range: [0, 100] }),
  yes('hasSanitaryToilet', '有无卫生厕所', 'household', ['是否有卫生厕所']),
  col('fuelType', '主要燃料类型', 'household', { code: 'fuelType' }),
  area('farmlandMu', '耕地面积（亩）', 100, ['耕地面积']),
  area('irrigatedMu', '有效灌溉面积（亩）', 100, ['有效灌溉面积']),
  area('forestMu', '林地面积（亩）', 200, ['林地面积']),
  area('returnedFarmlandMu', '退耕还林面积（亩）', 200, ['退耕还林面积']),
  area('orchardMu', '林果面积（亩）', 200, ['林果面积']),
  area('grasslandMu', '牧草地面积（亩）', 100, ['牧草地面积']),
  area('waterSurfaceMu', '水面面积（亩）', 100, ['水面面积']),
  yes('inCooperative', '是否加入农民专业合作组织', 'household', ['是否参加农民专业合作社']),
  yes('isMilitaryFamily', '是否军烈属', 'household'),
  yes('isOnlyChild', '是否独生子女户', 'household'),
  yes('isTwoDaughters', '是否双女户', 'household'),
  col('relocation', '搬迁方式', 'household', 'text', { aliases: ['易地搬迁方式'] }),
  col('bankName', '开户银行', 'household', 'text'),
  col('bankAccount', '银行账号', 'household', 'text', { aliases: ['银行卡号'] }),
  col('notes', '备注', 'household', 'text'),
];

/** The income of the import year (`--year`); 人均纯收入 is computed from these, never stored. */
export const INCOME_COLUMNS: readonly ColumnDef[] = [
  col('householdSize', '年度家庭人口数', 'income', 'int', { range: [1, 30] }),
  money('wageFen', '工资性收入', ['工资性收入（元）']),
  money('businessFen', '生产经营性收入', ['生产经营性收入（元）', '家庭经营性收入']),
  money('propertyFen', '财产性收入', ['财产性收入（元）']),
  money('familyPlanningFen', '计划生育金'),
  money('dibaoFen', '低保金', ['最低生活保障金']),
  money('tekunFen', '特困供养金', ['五保金', '特困人员救助供养金']),
  money('pensionFen', '养老保险金', ['养老金或离退休金']),
  money('ecoCompensationFen', '生态补偿金'),
  money('otherTransferFen', '其他转移性收入'),
  money('businessExpenseFen', '生产经营性支出', ['生产经营性支出（合计）']),
  money('medicalOutOfPocketFen', '合规自付支出'),
];

export const MEMBER_COLUMNS: readonly ColumnDef[] = [
  col('personNo', '人编号', 'member', 'text', { aliases: ['人员编号', '成员编号'], field: null }),
  col('seq', '序号', 'member', 'int', { aliases: ['编号', '户内序号'], derived: true }),
  col('name', '姓名', 'member', 'text', { aliases: ['成员姓名', '家庭成员姓名'] }),
  col('gender', '性别', 'member', { code: 'gender' }),
  col('idType', '证件类型', 'member', 'text'),
  col('birthDate', '出生日期', 'member', 'date'),
  col('idNumber', '证件号码', 'member', 'id', { aliases: ['身份证号', '身份证号码', '公民身份号码', '证件号', '身份证件号码'] }),
  col('relation', '与户主关系', 'member', { code: 'relation' }, { aliases: ['与户主的关系', '家庭关系'] }),
  col('ethnicity', '民族', 'member', { code: 'ethnicity' }),
  col('politicalStatus', '政治面貌', 'member', { code: 'politicalStatus' }),
  col('education', '文化程度', 'member', { code: 'education' }, { aliases: ['学历'] }),
  col('schoolStatus', '在校生状况', 'member', { code: 'schoolStatus' }, { aliases: ['在校情况', '在校生情况', '在校状况'] }),
  col('health', '健康状况', 'member', { code: 'health' }, { aliases: ['身体状况'] }),
  col('disabilityGrade', '残疾等级', 'member', 'text', { aliases: ['残疾级别'] }),
  col('labourAbility', '劳动技能', 'member', { code: 'labourAbility' }, { aliases: ['劳动能力', '劳动力状况'] }),
  col('workStatus', '务工状况', 'member', { code: 'workStatus' }, { aliases: ['务工情况', '外出务工状况'] }),
  col('workMonths', '务工时间（月）', 'member', 'int', { aliases: ['务工时间', '务工月数'], range: [0, 12] }),
  col('workPlace', '务工所在地', 'member', 'text', { aliases: ['务工地点'] }),
  yes('medicalInsurance', '是否参加城乡居民基本医疗保险', 'member', ['是否参加新型农村合作医疗', '是否参加新农合', '参加医保']),
  yes('pensionInsurance', '是否参加城乡居民基本养老保险', 'member', ['是否参加新型农村社会养老保险', '是否参加新农保', '参加养老保险']),
  yes('seriousIllnessInsurance', '是否参加大病保险', 'member'),
  yes('commercialInsurance', '是否参加商业补充医疗保险', 'member'),
  yes('isDibao', '是否享受低保', 'member', ['是否享受农村居民最低生活保障', '享受低保政策情况']),
  yes('isTekun', '是否特困供养人员', 'member', ['享受特困供养政策情况']),
  col('memberPhone', '人联系电话', 'member', 'text', { aliases: ['家庭成员联系电话', '本人联系电话'], field: 'phone' }),
];

export const COLUMNS: readonly ColumnDef[] = [...PLACE_COLUMNS, ...HOUSEHOLD_COLUMNS, ...MEMBER_COLUMNS, ...INCOME_COLUMNS];

export const REQUIRED_KEYS = ['name', 'idNumber', 'relation'] as const;

export const RISK_KEYS = ['risk1', 'risk2', 'risk3', 'risk4', 'risk5'] as const;

/** Header text as compared: no spaces, half-width parentheses turned full-width, 元 units dropped. */
export function headerKey(s: string): string {
  return s
    .replace(/[\s\u3000]/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[/／]/g, '')
    .replace(/（元）$/, '');
}

const BY_LABEL = new Map<string, ColumnDef>();
const BY_KEY = new Map<string, ColumnDef>();
for (const c of COLUMNS) {
  BY_KEY.set(c.key, c);
  for (const l of [c.label, ...c.aliases]) {
    const k = headerKey(l);
    if (BY_LABEL.has(k) && BY_LABEL.get(k) !== c) throw new Error(`column alias ${l} used twice`);
    BY_LABEL.set(k, c);
  }
}

export function columnFor(header: string): ColumnDef | undefined {
  return BY_LABEL.get(headerKey(header));
}

export function columnByKey(key: string): ColumnDef | undefined {
  return BY_KEY.get(key);
}
