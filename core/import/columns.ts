// The columns the national exports carry, matched by label with aliases (FIELDS-REFERENCE §2):
// what each one is called in different years and provinces, which record it belongs to, and
// how its cells are read. Code numbers are never trusted; value lists are matched by label.
import type { CodeCategory } from '../../shared/code-lists/index.ts';

export type ColumnKind = 'text' | 'int' | 'money' | 'flag' | 'id' | { code: CodeCategory };

export interface ColumnDef {
  key: string;
  label: string;
  aliases: readonly string[];
  level: 'household' | 'member' | 'place';
  kind: ColumnKind;
}

const col = (key: string, label: string, level: ColumnDef['level'], kind: ColumnKind, aliases: string[] = []): ColumnDef => ({ key, label, aliases, level, kind });

export const COLUMNS: readonly ColumnDef[] = [
  col('county', '县', 'place', 'text', ['县(市、区、旗)', '县（市、区、旗）', '县区', '所在县']),
  col('township', '乡镇', 'place', 'text', ['乡(镇)', '乡（镇）', '乡镇(街道)', '所在乡镇']),
  col('village', '行政村', 'place', 'text', ['村', '村名', '所在行政村', '行政村名称']),
  col('groupName', '村民小组', 'household', 'text', ['组', '所在组', '村民小组名称', '自然村（村民小组）']),
  col('householdNo', '户编号', 'household', 'text', ['户码', '贫困户编号', '家庭编号', '户主编号']),
  col('personNo', '人编号', 'member', 'text', ['人员编号', '成员编号']),
  col('seq', '序号', 'member', 'int', ['编号']),
  col('name', '姓名', 'member', 'text', ['成员姓名', '家庭成员姓名']),
  col('gender', '性别', 'member', { code: 'gender' }),
  col('idNumber', '证件号码', 'member', 'id', ['身份证号', '身份证号码', '公民身份号码', '证件号', '身份证件号码']),
  col('size', '人数', 'household', 'int', ['家庭人口数', '家庭人数', '户人数', '当前家庭人口数']),
  col('relation', '与户主关系', 'member', { code: 'relation' }, ['与户主的关系', '家庭关系']),
  col('ethnicity', '民族', 'member', { code: 'ethnicity' }),
  col('education', '文化程度', 'member', { code: 'education' }, ['学历']),
  col('schoolStatus', '在校生状况', 'member', { code: 'schoolStatus' }, ['在校情况', '在校生情况', '在校状况']),
  col('health', '健康状况', 'member', { code: 'health' }, ['身体状况']),
  col('labourAbility', '劳动技能', 'member', { code: 'labourAbility' }, ['劳动能力', '劳动力状况']),
  col('workStatus', '务工状况', 'member', { code: 'workStatus' }, ['务工情况', '外出务工状况']),
  col('workMonths', '务工时间（月）', 'member', 'int', ['务工时间', '务工时间(月)', '务工月数']),
  col('medicalInsurance', '是否参加城乡居民基本医疗保险', 'member', 'flag', ['是否参加新型农村合作医疗', '是否参加新农合', '参加医保']),
  col('pensionInsurance', '是否参加城乡居民基本养老保险', 'member', 'flag', ['是否参加新型农村社会养老保险', '是否参加新农保', '参加养老保险']),
  col('seriousIllnessInsurance', '是否参加大病保险', 'member', 'flag'),
  col('memberPhone', '人联系电话', 'member', 'text', ['家庭成员联系电话', '本人联系电话']),
  col('attribute', '贫困户属性', 'household', { code: 'attribute' }, ['户属性']),
  col('mainCause', '主要致贫原因', 'household', { code: 'cause' }, ['致贫原因', '致贫原因1']),
  col('exitMark', '脱贫属性', 'household', 'text', ['脱贫标志', '是否脱贫']),
  col('householdType', '户类型', 'household', { code: 'householdType' }),
  col('monitoringCategory', '监测对象类别', 'household', { code: 'monitoringCategory' }, ['易返贫致贫户(监测对象)类型', '易返贫致贫户（监测对象）类型', '监测类型']),
  col('perCapita', '人均纯收入', 'household', 'money', ['人均纯收入（元）', '人均纯收入(元)', '家庭人均纯收入']),
  col('phone', '联系电话', 'household', 'text', ['户联系电话', '户主联系电话']),
];

export const REQUIRED_KEYS = ['name', 'idNumber', 'relation'] as const;

/** Header text as compared: no spaces, half-width parentheses turned full-width. */
export function headerKey(s: string): string {
  return s.replace(/[\s\u3000]/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

const BY_LABEL = new Map<string, ColumnDef>();
for (const c of COLUMNS) for (const l of [c.label, ...c.aliases]) BY_LABEL.set(headerKey(l), c);

export function columnFor(header: string): ColumnDef | undefined {
  return BY_LABEL.get(headerKey(header));
}
