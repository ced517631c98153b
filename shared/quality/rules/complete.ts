// 完整性: fields a registered household's record must hold (the national export's required
// columns, FIELDS-REFERENCE §2). Only registered households (建档立卡 and 监测) are held to them.
import { STATUS_LABELS } from '../../status.ts';
import type { HouseholdStatus } from '../../status.ts';
import type { HouseholdValues, MemberValues } from '../../fields/values.ts';
import { blank, isMonitored, isRegistered } from '../facts.ts';
import type { Rule } from '../types.ts';
import { householdRule, memberRule } from './make.ts';

const FR = 'FIELDS-REFERENCE.md';
const FILED: readonly HouseholdStatus[] = ['poor', 'exited', 'returned'];
const empty = (v: unknown): boolean => v == null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** A current member of a registered household must have `key` filled (from `minAge` on). */
function memberField(code: string, key: keyof MemberValues, label: string, source: string, minAge = 0): Rule {
  return memberRule({
    code, severity: 'warning', category: 'completeness', title: `${label}为空`, field: key,
    hint: `按户口簿或入户核实补录${label}`, source,
    test(m, age, facts) {
      if (!isRegistered(facts.household.status) || !empty(m[key])) return null;
      if (minAge > 0 && (age == null || age < minAge)) return null;
      return `未填${label}`;
    },
  });
}

/** A registered (or, with `only`, a narrower set of) household must have `key` filled. */
function householdField(code: string, key: keyof HouseholdValues, label: string, source: string, only?: (s: HouseholdStatus) => boolean): Rule {
  return householdRule({
    code, severity: 'warning', category: 'completeness', title: `${label}为空`, field: key,
    hint: `入户核实后补录${label}`, source,
    test(facts) {
      const { status } = facts.household;
      if (!(only ?? isRegistered)(status) || !empty(facts.household[key])) return null;
      return `本户为${STATUS_LABELS[status]}，未填${label}`;
    },
  });
}

const filed = (s: HouseholdStatus): boolean => FILED.includes(s);

export const completeRules: Rule[] = [
  memberField('Q111', 'gender', '性别', `${FR} §2.2 AAB003`),
  memberField('Q112', 'birthDate', '出生日期', `${FR} §2.2 AAB005`),
  memberField('Q113', 'relation', '与户主关系', `${FR} §2.2 AAB006`),
  memberField('Q114', 'ethnicity', '民族', `${FR} §2.2 AAB007`),
  memberField('Q115', 'education', '文化程度', `${FR} §2.2 AAB008`),
  memberField('Q116', 'schoolStatus', '在校生状况', `${FR} §2.2 AAB009`, 6),
  memberField('Q117', 'health', '健康状况', `${FR} §2.2 AAB017`),
  memberField('Q118', 'labourAbility', '劳动技能', `${FR} §2.2 AAB010`),
  memberField('Q119', 'idType', '证件类型', `${FR} §2.2 AAB018`),
  memberField('Q120', 'politicalStatus', '政治面貌', `${FR} §2.2 AAK033`, 18),
  memberField('Q121', 'medicalInsurance', '是否参加城乡居民基本医疗保险', `${FR} §2.2 AAB013`),
  memberField('Q122', 'pensionInsurance', '是否参加城乡居民基本养老保险', `${FR} §2.2 AAB014`, 16),
  memberField('Q123', 'seriousIllnessInsurance', '是否参加大病保险', `${FR} §2.2 AAB022`),
  memberField('Q124', 'isDibao', '是否享受低保', `${FR} §2.2 AAB030`),
  memberField('Q125', 'isTekun', '是否特困供养人员', `${FR} §2.2 防返贫时期人员字段`),
  householdField('Q131', 'groupName', '村民小组', `${FR} §2.1 户`),
  householdField('Q132', 'address', '住址', `${FR} §2.1 户`),
  householdField('Q133', 'phone', '联系电话', `${FR} §2.1 户`),
  householdField('Q134', 'identificationStandard', '识别标准', `${FR} §2.5 识别标准`, filed),
  householdField('Q135', 'identificationYear', '识别年度', `${FR} §2.1 首次识别年度`, filed),
  householdField('Q136', 'housingSafety', '危房等级（是否危房户）', `${FR} §2.4 AC31 危房户/危房级别`),
  householdField('Q137', 'housingArea', '住房面积', `${FR} §2.4 AC31`),
  householdField('Q138', 'drinkingWaterSafe', '饮水是否安全', `${FR} §2.4 AC31`),
  householdField('Q139', 'hasElectricity', '是否通生活用电', `${FR} §2.4 AC31`),
  householdField('Q140', 'roadType', '入户路类型', `${FR} §2.4 AC31`),
  householdField('Q141', 'hasSanitaryToilet', '有无卫生厕所', `${FR} §2.4 AC31`),
  householdField('Q142', 'fuelType', '主要燃料类型', `${FR} §2.4 AC31`),
  householdField('Q143', 'farmlandMu', '耕地面积', `${FR} §2.4 AC30`),
  householdField('Q144', 'householdType', '户类型', `${FR} §2.1 户类型（2021+）`, (s) => s === 'exited' || isMonitored(s)),
  householdField('Q145', 'monitoringStart', '识别监测时间', `${FR} §2.6 防返贫监测`, isMonitored),
  householdField('Q146', 'risks', '致贫返贫风险', `${FR} §2.6 致贫/返贫风险`, isMonitored),
  householdField('Q147', 'housingStructure', '房屋主要结构', `${FR} §2.4 AC31`),
  householdField('Q148', 'buildYear', '建房时间', `${FR} §2.4 AC31`),
  householdField('Q149', 'drinkingWaterDifficult', '饮水是否困难', `${FR} §2.4 AC31`),
  householdRule({
    code: 'Q150', severity: 'warning', category: 'completeness', title: '有开户银行无银行账号', field: 'bankAccount',
    hint: '补录银行账号，或删去开户银行', source: `${FR} §2.1 户（惠民资金发放账户）`,
    test: (f) => (!blank(f.household.bankName) && blank(f.household.bankAccount) ? `填了开户银行“${f.household.bankName!.trim()}”，但没有银行账号` : null),
  }),
  householdRule({
    code: 'Q151', severity: 'warning', category: 'completeness', title: '有银行账号无开户银行', field: 'bankName',
    hint: '补录开户银行', source: `${FR} §2.1 户（惠民资金发放账户）`,
    test: (f) => (blank(f.household.bankName) && !blank(f.household.bankAccount) ? '填了银行账号，但没有开户银行' : null),
  }),
  memberRule({
    code: 'Q152', severity: 'warning', category: 'completeness', title: '有务工时间无务工状况', field: 'workStatus',
    hint: '补录务工状况（务工地域）', source: `${FR} §2.2 AAB011/AAB012`,
    test: (m) => (m.workMonths != null && m.workMonths > 0 && blank(m.workStatus) ? `务工${m.workMonths}个月，但未填务工状况` : null),
  }),
  memberRule({
    code: 'Q153', severity: 'warning', category: 'completeness', title: '外出务工无务工所在地', field: 'workPlace',
    hint: '补录务工所在地', source: `${FR} §2.2 防返贫时期人员字段（务工所在地）`,
    test: (m) => (m.workStatus != null && /务工$/.test(m.workStatus.trim()) && m.workStatus.trim() !== '乡（镇）内务工' && blank(m.workPlace) ? `务工状况为“${m.workStatus.trim()}”，但未填务工所在地` : null),
  }),
  memberRule({
    code: 'Q154', severity: 'warning', category: 'completeness', title: '残疾人员的残疾等级缺健康状况', field: 'health',
    hint: '健康状况改为“残疾”，或删去残疾等级', source: `${FR} §2.2 AAB017`,
    test: (m) => (!blank(m.disabilityGrade) && blank(m.health) ? `填了残疾等级“${m.disabilityGrade!.trim()}”，但未填健康状况` : null),
  }),
  householdRule({
    code: 'Q155', severity: 'warning', category: 'completeness', title: '风险消除户缺识别监测时间', field: 'monitoringStart',
    hint: '按监测识别记录补录识别监测时间', source: `${FR} §2.6 防返贫监测`,
    test: (f) => (f.household.riskRemoved === true && blank(f.household.monitoringStart) ? '本户已标记风险消除，但没有识别监测时间' : null),
  }),
  householdRule({
    code: 'Q156', severity: 'warning', category: 'completeness', title: '建档户缺少收入记录', field: 'wageFen',
    hint: '补录各年度收入', source: `${FR} §2.3 AC07 收入`,
    test: (f) => (isRegistered(f.household.status) && f.incomes.length === 0 ? `本户为${STATUS_LABELS[f.household.status]}，没有任何年度的收入记录` : null),
  }),
];
