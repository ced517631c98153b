// Test fixture for the quality rules: a clean registered household of four with valid IDs,
// the check year's income, an active helper and a matching status history. Tests change one
// thing and see which rule speaks.
import { makeIdNumber } from '../id-number.ts';
import { DEFAULT_POLICY } from '../policy.ts';
import type { HouseholdRecord, IncomeRecord, MeasureRecord, MemberRecord, PairingRecord, StatusHistoryRecord } from '../records.ts';
import { runRules } from './index.ts';
import type { Finding, HouseholdFacts, Problem, QualityContext, Rule } from './types.ts';
import { RULES } from './index.ts';

export const TODAY = '2024-06-30';
export const YEAR = 2023;
export const REGION = '510722';

export function context(over: Partial<QualityContext> = {}): QualityContext {
  return { today: TODAY, year: YEAR, province: '四川省', policy: DEFAULT_POLICY, ...over };
}

const stamp = { version: 1, updatedAt: '2024-01-01T00:00:00.000Z', updatedBy: '测试' };
let nextId = 0;
const id = (prefix: string): string => `${prefix}-${++nextId}`;

export function household(over: Partial<HouseholdRecord> = {}): HouseholdRecord {
  return {
    id: id('h'), ...stamp, villageId: 'v-1', no: '5107220010010001', groupName: '一组', naturalVillage: null, address: '青山村一组12号', phone: '13800000000',
    status: 'poor', identificationStandard: '国家标准', identificationYear: 2014, attribute: '一般贫困户', mainCause: '因病',
    otherCauses: ['缺技术'], exitYear: null, householdType: null, monitoringCategory: null, risks: null, riskRemoved: null,
    riskRemovalMethod: null, monitoringStart: null, monitoringEnd: null, housingSafety: '安全', housingArea: 120,
    housingStructure: '砖混', buildYear: 2008, drinkingWaterSafe: true, drinkingWaterDifficult: false, hasElectricity: true, roadType: '水泥路',
    distanceToRoadKm: 0.5, hasSanitaryToilet: true, fuelType: '柴草', farmlandMu: 3.5, irrigatedMu: 1, forestMu: 10,
    returnedFarmlandMu: 2, orchardMu: 1, grasslandMu: 0, waterSurfaceMu: 0, inCooperative: false, isMilitaryFamily: false,
    isOnlyChild: false, isTwoDaughters: false, relocation: null, bankName: null, bankAccount: null, notes: null,
    ...over,
  };
}

export function member(householdId: string, seq: number, over: Partial<MemberRecord> & { birthDate: string; gender: '男' | '女' }): MemberRecord {
  return {
    id: id('m'), ...stamp, householdId, seq, name: `成员${seq}`, nameInitials: '',
    idNumber: makeIdNumber(REGION, over.birthDate, 100 + seq, over.gender), idType: '居民身份证', relation: '其他',
    ethnicity: '汉族', education: '初中', schoolStatus: '非在校生', health: '健康', disabilityGrade: null,
    labourAbility: '普通劳动力', workStatus: null, workMonths: 0, workPlace: null, politicalStatus: '群众', phone: null,
    medicalInsurance: true, pensionInsurance: true, seriousIllnessInsurance: true, commercialInsurance: false,
    isDibao: false, isTekun: false, leftReason: null, leftOn: null,
    ...over,
  };
}

/** Gives a member a new birth date, in both the ID number and the recorded field. */
export function bornOn(m: MemberRecord, birthDate: string): MemberRecord {
  m.birthDate = birthDate;
  m.idNumber = makeIdNumber(REGION, birthDate, 100 + m.seq, m.gender === '女' ? '女' : '男');
  return m;
}

export function withWrongCheckDigit(idNumber: string): string {
  return idNumber.slice(0, 17) + (idNumber.endsWith('0') ? '1' : '0');
}

export function income(householdId: string, over: Partial<IncomeRecord> = {}): IncomeRecord {
  return {
    id: id('i'), ...stamp, householdId, year: YEAR, householdSize: 4, wageFen: 2_400_000, businessFen: 300_000, propertyFen: 0,
    familyPlanningFen: 0, dibaoFen: 0, tekunFen: 0, pensionFen: 0, ecoCompensationFen: 20_000, otherTransferFen: 0,
    businessExpenseFen: 320_000, medicalOutOfPocketFen: null,
    ...over,
  };
}

export function measure(householdId: string, over: Partial<MeasureRecord> = {}): MeasureRecord {
  return {
    id: id('me'), ...stamp, householdId, helperId: null, year: YEAR, category: '产业帮扶', content: '发放鸡苗',
    startOn: null, endOn: null, amountFen: null, result: null,
    ...over,
  };
}

export function pairing(householdId: string, over: Partial<PairingRecord> = {}): PairingRecord {
  return { id: id('p'), ...stamp, helperId: 'helper-1', householdId, startOn: '2016-03-01', endOn: null, ...over };
}

export function historyEntry(householdId: string, over: Partial<StatusHistoryRecord> = {}): StatusHistoryRecord {
  return {
    id: id('s'), ...stamp, householdId, status: 'poor', year: 2014, effectiveOn: '2014-10-01', batchId: null, decision: '2014年建档立卡', reason: null,
    ...over,
  };
}

/**
 * 张建国 (户主, 49), 李秀英 (配偶, 46, 长期慢性病 — hence 因病), 张伟 (之子, 23, 务工),
 * 张小红 (之女, 9, 小学): a 贫困户 with a 2023 per-capita income of 6,000 元.
 */
export function cleanFacts(): HouseholdFacts {
  const h = household();
  const members = [
    member(h.id, 1, { name: '张建国', relation: '户主', gender: '男', birthDate: '1975-03-10', workMonths: 4, workStatus: '乡（镇）内务工', workPlace: '本镇' }),
    member(h.id, 2, { name: '李秀英', relation: '配偶', gender: '女', birthDate: '1977-08-21', health: '长期慢性病', labourAbility: '弱劳动力或半劳动力' }),
    member(h.id, 3, { name: '张伟', relation: '之子', gender: '男', birthDate: '2001-05-02', workMonths: 10, workStatus: '省外务工', workPlace: '广东省东莞市', labourAbility: '技能劳动力' }),
    member(h.id, 4, { name: '张小红', relation: '之女', gender: '女', birthDate: '2014-09-01', schoolStatus: '小学', education: '小学', labourAbility: '无劳动力', workMonths: null, pensionInsurance: false }),
  ];
  return {
    household: h,
    villageName: '青山村',
    members,
    incomes: [income(h.id, { year: YEAR - 1, wageFen: 2_000_000 }), income(h.id)],
    assessments: [],
    measures: [measure(h.id)],
    pairings: [pairing(h.id)],
    history: [historyEntry(h.id)],
  };
}

/** The fixture's member of that relation (fixture facts hold whole records: member()). */
export function byRelation(facts: HouseholdFacts, relation: string): MemberRecord {
  const m = facts.members.find((x) => x.relation === relation);
  if (!m) throw new Error(`fixture has no ${relation}`);
  return m as MemberRecord;
}

export function rule(code: string): Rule {
  const r = RULES.find((x) => x.code === code);
  if (!r) throw new Error(`no rule ${code}`);
  return r;
}

/** The findings of one rule on a household. */
export function findings(code: string, facts: HouseholdFacts, ctx: QualityContext = context()): Finding[] {
  return rule(code).check(facts, ctx);
}

export function problems(facts: HouseholdFacts, ctx: QualityContext = context()): Problem[] {
  return runRules(facts, ctx);
}
