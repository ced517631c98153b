// A value list of the national systems: canonical label (what we store), the national code
// where one is known (informative only: numbering differs between systems, so we always
// match by label), aliases seen in exports of other years and provinces, and the era.

export type Era = 'all' | '2014-2020' | '2021+';

export interface CodeEntry {
  label: string;
  code?: string;
  aliases?: readonly string[];
  era?: Era;
}

export const CODE_CATEGORIES = [
  'cause', // 致贫原因
  'attribute', // 贫困户属性
  'relation', // 与户主关系
  'ethnicity', // 民族
  'education', // 文化程度
  'schoolStatus', // 在校生状况
  'health', // 健康状况
  'labourAbility', // 劳动技能
  'workStatus', // 务工状况
  'monitoringCategory', // 监测对象类别
  'risk', // 致贫/返贫风险类型
  'measureCategory', // 帮扶措施类别
  'identificationStandard', // 识别标准
  'householdType', // 户类型
  'housingSafety', // 危房等级
  'riskRemovalMethod', // 风险消除方式
  'politicalStatus', // 政治面貌
  'gender', // 性别
  'roadType', // 入户路类型
  'fuelType', // 主要燃料类型
  'leftReason', // 人员变更（减少）原因
] as const;

export type CodeCategory = (typeof CODE_CATEGORIES)[number];

export interface CodeList {
  category: CodeCategory;
  /** Chinese name of the list, as printed in headers and messages. */
  title: string;
  entries: readonly CodeEntry[];
}
