// Households: the list (filters + search), one household's whole page, and saving an edit.
import { z } from 'zod';
import type { IncomeTotals } from '../income.ts';
import type { Problem } from '../quality/types.ts';
import type {
  HouseholdRecord,
  IncomeRecord,
  MeasureRecord,
  MemberRecord,
  PairingRecord,
  StatusHistoryRecord,
} from '../records.ts';
import type { HouseholdStatus } from '../status.ts';
import { HOUSEHOLD_STATUSES } from '../status.ts';
import { endpoint } from './endpoint.ts';
import { fen, id, limit, offset, optionalText, text, year } from './schemas.ts';

export interface HouseholdListItem {
  id: string;
  no: string;
  villageId: string;
  villageName: string;
  groupName: string | null;
  status: HouseholdStatus;
  attribute: string | null;
  mainCause: string | null;
  monitoringCategory: string | null;
  head: string | null;
  size: number;
}

export interface HouseholdPage {
  total: number;
  items: HouseholdListItem[];
}

export const householdFilter = z.object({
  villageId: z.string().nullable().default(null),
  groupName: z.string().nullable().default(null),
  status: z.enum(HOUSEHOLD_STATUSES).nullable().default(null),
  attribute: z.string().nullable().default(null),
  mainCause: z.string().nullable().default(null),
  monitoringCategory: z.string().nullable().default(null),
  /** Name, pinyin initials (zs → 张三), ID-number tail, or 户编号. */
  search: z.string().trim().max(40).default(''),
  limit,
  offset,
});
export type HouseholdFilter = z.input<typeof householdFilter>;

export type IncomeView = IncomeRecord & IncomeTotals;
export type PairingView = PairingRecord & { helperName: string; helperUnit: string | null; helperPhone: string | null };

export interface HouseholdDetail {
  household: HouseholdRecord;
  village: { id: string; code: string; name: string };
  members: MemberRecord[];
  incomes: IncomeView[];
  pairings: PairingView[];
  measures: MeasureRecord[];
  history: StatusHistoryRecord[];
  problems: Problem[];
}

const flag = z.boolean().nullable().default(null);
const area = (label: string) => z.number().min(0, `${label}不能为负数`).max(100_000, `${label}过大`).nullable().default(null);

export const memberDraft = z.object({
  /** Absent for a new member. */
  id: z.string().nullable().default(null),
  name: text('姓名', 20).min(1, '请填写姓名'),
  idNumber: z.string().trim().max(20, '身份证号过长').nullable().default(null),
  relation: text('与户主关系', 10).min(1, '请选择与户主关系'),
  gender: z.enum(['男', '女']).nullable().default(null),
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '出生日期格式应为 YYYY-MM-DD').nullable().default(null),
  ethnicity: optionalText('民族', 10),
  education: optionalText('文化程度', 20),
  schoolStatus: optionalText('在校生状况', 20),
  health: optionalText('健康状况', 20),
  disabilityGrade: optionalText('残疾等级', 10),
  labourAbility: optionalText('劳动技能', 20),
  workStatus: optionalText('务工状况', 20),
  workMonths: z.number().int().min(0, '务工时间不能为负数').max(12, '务工时间不能超过12个月').nullable().default(null),
  phone: z.string().trim().regex(/^(1\d{10})?$/, '手机号码应为11位数字').nullable().default(null),
  medicalInsurance: flag,
  pensionInsurance: flag,
  isDibao: flag,
  isTekun: flag,
  leftReason: optionalText('减员原因', 20),
  leftOn: z.string().nullable().default(null),
});
export type MemberDraft = z.input<typeof memberDraft>;

export const incomeDraft = z.object({
  year,
  householdSize: z.number().int().min(1, '年度家庭人口数至少为1').max(30, '年度家庭人口数过大'),
  wageFen: fen('工资性收入'),
  businessFen: fen('生产经营性收入'),
  propertyFen: fen('财产性收入'),
  familyPlanningFen: fen('计划生育金'),
  dibaoFen: fen('低保金'),
  tekunFen: fen('特困供养金'),
  pensionFen: fen('养老保险金'),
  ecoCompensationFen: fen('生态补偿金'),
  otherTransferFen: fen('其他转移性收入'),
  businessExpenseFen: fen('生产经营性支出'),
});
export type IncomeDraft = z.input<typeof incomeDraft>;

export const householdDraft = z.object({
  /** Absent for a new household. */
  id: z.string().nullable().default(null),
  /** The version the clerk started editing; a newer one in the archive means someone else saved. */
  expectedVersion: z.number().int().nullable().default(null),
  villageId: id,
  no: z.string().trim().regex(/^[0-9A-Za-z-]{1,30}$/, '户编号只能由数字和字母组成'),
  groupName: optionalText('村民小组', 20),
  address: optionalText('住址', 100),
  phone: z.string().trim().regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})?$/, '联系电话应为11位手机号或带区号的座机').nullable().default(null),
  identificationStandard: optionalText('识别标准', 20),
  identificationYear: year.nullable().default(null),
  attribute: optionalText('贫困户属性', 20),
  mainCause: optionalText('主要致贫原因', 20),
  otherCauses: z.array(z.string()).max(2, '其他致贫原因最多选2项').default([]),
  housingSafety: optionalText('危房等级', 10),
  housingArea: area('住房面积'),
  drinkingWaterSafe: flag,
  hasElectricity: flag,
  roadType: optionalText('入户路类型', 10),
  distanceToRoadKm: area('与村主干路距离'),
  hasSanitaryToilet: flag,
  fuelType: optionalText('主要燃料类型', 10),
  farmlandMu: area('耕地面积'),
  forestMu: area('林地面积'),
  bankName: optionalText('开户银行', 40),
  bankAccount: z.string().trim().regex(/^(\d{12,23})?$/, '银行账号应为12到23位数字').nullable().default(null),
  notes: optionalText('备注', 500),
  members: z.array(memberDraft).min(1, '至少要有一名家庭成员').max(30, '家庭成员过多'),
  incomes: z.array(incomeDraft).default([]),
});
export type HouseholdDraft = z.input<typeof householdDraft>;

export const householdsApi = {
  list: endpoint<HouseholdPage>()('households.list', householdFilter),
  get: endpoint<HouseholdDetail>()('households.get', z.object({ id })),
  save: endpoint<HouseholdDetail>()('households.save', householdDraft),
  groups: endpoint<string[]>()('households.groups', z.object({ villageId: z.string().nullable().default(null) })),
};
