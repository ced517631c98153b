// Every rule, table-driven: each fires on its own planted case (one change to the clean fixture
// household) and names a record and field the UI can open; the clean fixture raises nothing
// (a clean generated township raising nothing: core/check-rules.test.ts).
import { describe, expect, it } from 'vitest';
import { HOUSEHOLD_FIELDS, INCOME_FIELDS, MEMBER_FIELDS } from '../fields/index.ts';
import type { AssessmentRecord, MemberRecord } from '../records.ts';
import { RULES } from './index.ts';
import { bornOn, cleanFacts, context, findings, historyEntry, income, member, pairing, withWrongCheckDigit, YEAR } from './test-fixture.ts';
import type { HouseholdFacts, QualityContext } from './types.ts';

type Plant = (f: HouseholdFacts, m: { head: MemberRecord; spouse: MemberRecord; son: MemberRecord; girl: MemberRecord }) => void;

const assessment = (f: HouseholdFacts, over: Partial<AssessmentRecord>): AssessmentRecord => ({
  id: `a-${f.assessments.length}`, version: 1, updatedAt: '2024-01-01T00:00:00.000Z', updatedBy: '测试', householdId: f.household.id, year: YEAR,
  foodOk: true, clothingOk: true, educationOk: true, medicalOk: true, housingOk: true, waterOk: true, assessedOn: '2023-11-01', assessedBy: '测试', notes: null, ...over,
});
const add = (f: HouseholdFacts, over: Partial<MemberRecord> & { birthDate: string; gender: '男' | '女' }): MemberRecord => {
  const m = member(f.household.id, f.members.length + 1, { name: `新成员${f.members.length + 1}`, ...over });
  f.members.push(m);
  return m;
};
const lowIncome = (f: HouseholdFacts): void => {
  f.incomes[1] = income(f.household.id, { wageFen: 100_000, businessFen: 0, ecoCompensationFen: 0, businessExpenseFen: 0 });
};
const exited = (f: HouseholdFacts): void => {
  f.household.status = 'exited';
  f.household.exitYear = 2018;
  f.household.householdType = '脱贫户';
  f.history.push(historyEntry(f.household.id, { status: 'exited', year: 2018, effectiveOn: '2018-12-20' }));
};
const edge = (f: HouseholdFacts): void => {
  Object.assign(f.household, { status: 'edge', monitoringCategory: '边缘易致贫户', householdType: '一般农户', monitoringStart: '202301', risks: ['因病'], attribute: null, mainCause: null, otherCauses: [] });
  f.history = [historyEntry(f.household.id, { status: 'edge', year: 2023, effectiveOn: '2023-01-15' })];
  f.visits = ['2024-06-01'];
};
const removed = (f: HouseholdFacts): void => {
  edge(f);
  Object.assign(f.household, { riskRemoved: true, riskRemovalMethod: '帮扶消除', monitoringEnd: '202312' });
};

const PLANTS: Record<string, Plant> = {
  Q101: (_f, { son }) => void (son.idNumber = withWrongCheckDigit(son.idNumber!)),
  Q102: (_f, { son }) => void (son.idNumber = null),
  Q103: (_f, { son }) => void (son.gender = '女'),
  Q104: (_f, { son }) => void (son.birthDate = '2001-05-03'),
  Q106: (_f, { head, spouse }) => void (spouse.idNumber = head.idNumber),
  Q201: (_f, { head }) => void (head.relation = '之子'),
  Q202: (_f, { spouse }) => void (spouse.relation = '户主'),
  Q203: (_f, { spouse }) => void bornOn(Object.assign(spouse, { gender: '男' }), '1977-08-21'),
  Q204: (_f, { head }) => void bornOn(head, '2010-01-01'),
  Q205: (_f, { son }) => void bornOn(son, '1985-01-01'),
  Q206: (f) => void add(f, { relation: '之父', gender: '男', birthDate: '1969-01-01' }),
  Q207: (_f, { girl }) => void (girl.relation = '之子'),
  Q208: (f) => f.members.forEach((m) => (m.leftReason = '死亡')),
  Q301: (_f, { son }) => void (son.labourAbility = '无劳动力'),
  Q302: (_f, { girl }) => void (girl.schoolStatus = '非在校生'),
  Q303: (_f, { girl }) => void (girl.labourAbility = '普通劳动力'),
  Q304: (_f, { girl }) => void bornOn(girl, '2023-01-01'),
  Q305: (_f, { spouse }) => void (spouse.health = '残疾'),
  Q306: (_f, { son }) => void (son.workMonths = 15),
  Q307: (_f, { son }) => void (son.medicalInsurance = false),
  Q401: (f) => void (f.incomes[1]!.wageFen = -100),
  Q402: (f) => void (f.incomes[1]!.householdSize = 0),
  Q403: (f) => void f.incomes.pop(),
  Q404: (f) => {
    f.household.status = 'ordinary';
    lowIncome(f);
  },
  Q405: (f) => {
    exited(f);
    lowIncome(f);
  },
  Q406: (_f, { spouse }) => void (spouse.isDibao = true),
  Q407: (f) => void (f.incomes[1]!.wageFen = 2_000_000_000),
  Q501: (_f, { spouse }) => void (spouse.health = '健康'),
  Q502: (f) => void (f.household.mainCause = '因残'),
  Q503: (f, { girl }) => {
    f.household.mainCause = '因学';
    girl.schoolStatus = '非在校生';
  },
  Q504: (f) => void (f.household.mainCause = '缺劳力'),
  Q505: (f) => void (f.household.otherCauses = ['因病']),
  Q506: (f) => void (f.household.mainCause = null),
  Q507: (f) => void (f.household.attribute = null),
  Q601: (f) => void (f.household.farmlandMu = 500),
  Q602: (f) => void (f.household.forestMu = 500),
  Q603: (f) => void (f.household.distanceToRoadKm = 12),
  Q604: (f) => void (f.household.housingArea = 5000),
  Q605: (f) => {
    exited(f);
    f.household.housingSafety = 'C级';
  },
  Q701: (f) => {
    edge(f);
    f.household.monitoringCategory = null;
  },
  Q702: (f) => void (f.household.riskRemoved = true),
  Q703: (f) => Object.assign(f.household, { riskRemoved: true, riskRemovalMethod: '帮扶消除', monitoringStart: '202301', monitoringEnd: '202303' }),
  Q704: (f) => {
    edge(f);
    f.measures = [];
  },
  Q705: (f) => void (f.pairings = []),
  Q706: (f) => void (f.history = []),
  Q707: (f) => {
    exited(f);
    f.household.exitYear = null;
  },
  Q708: (f, { spouse }) => {
    edge(f);
    spouse.isDibao = true;
  },
  Q801: (_f, { head }) => void (head.name = '李'.repeat(30)),
  // 完整性
  Q111: (_f, { son }) => void (son.gender = null),
  Q112: (_f, { son }) => void (son.birthDate = null),
  Q113: (_f, { son }) => void (son.relation = ''),
  Q114: (_f, { son }) => void (son.ethnicity = null),
  Q115: (_f, { son }) => void (son.education = null),
  Q116: (_f, { girl }) => void (girl.schoolStatus = null),
  Q117: (_f, { son }) => void (son.health = null),
  Q118: (_f, { son }) => void (son.labourAbility = null),
  Q119: (_f, { son }) => void (son.idType = null),
  Q120: (_f, { son }) => void (son.politicalStatus = null),
  Q121: (_f, { son }) => void (son.medicalInsurance = null),
  Q122: (_f, { son }) => void (son.pensionInsurance = null),
  Q123: (_f, { son }) => void (son.seriousIllnessInsurance = null),
  Q124: (_f, { son }) => void (son.isDibao = null),
  Q125: (_f, { son }) => void (son.isTekun = null),
  Q131: (f) => void (f.household.groupName = null),
  Q132: (f) => void (f.household.address = ' '),
  Q133: (f) => void (f.household.phone = null),
  Q134: (f) => void (f.household.identificationStandard = null),
  Q135: (f) => void (f.household.identificationYear = null),
  Q136: (f) => void (f.household.housingSafety = null),
  Q137: (f) => void (f.household.housingArea = null),
  Q138: (f) => void (f.household.drinkingWaterSafe = null),
  Q139: (f) => void (f.household.hasElectricity = null),
  Q140: (f) => void (f.household.roadType = null),
  Q141: (f) => void (f.household.hasSanitaryToilet = null),
  Q142: (f) => void (f.household.fuelType = null),
  Q143: (f) => void (f.household.farmlandMu = null),
  Q144: (f) => {
    exited(f);
    f.household.householdType = null;
  },
  Q145: (f) => {
    edge(f);
    f.household.monitoringStart = null;
  },
  Q146: (f) => {
    edge(f);
    f.household.risks = [];
  },
  Q147: (f) => void (f.household.housingStructure = null),
  Q148: (f) => void (f.household.buildYear = null),
  Q149: (f) => void (f.household.drinkingWaterDifficult = null),
  Q150: (f) => void (f.household.bankName = '四川省农村信用社'),
  Q151: (f) => void (f.household.bankAccount = '6214000000000000000'),
  Q152: (_f, { son }) => void (son.workStatus = null),
  Q153: (_f, { son }) => void (son.workPlace = null),
  Q154: (_f, { spouse }) => Object.assign(spouse, { health: null, disabilityGrade: '二级' }),
  Q155: (f) => Object.assign(f.household, { riskRemoved: true, monitoringStart: null }),
  Q156: (f) => void (f.incomes = []),
  // 规范性
  Q811: (_f, { son }) => void (son.relation = '儿子'),
  Q812: (_f, { son }) => void (son.ethnicity = '汉'),
  Q813: (_f, { son }) => void (son.education = '大学本科'),
  Q814: (_f, { girl }) => void (girl.schoolStatus = '五年级'),
  Q815: (_f, { son }) => void (son.health = '良好'),
  Q816: (_f, { son }) => void (son.labourAbility = '一般劳动力'),
  Q817: (_f, { son }) => void (son.workStatus = '外省'),
  Q818: (_f, { son }) => void (son.politicalStatus = '党员'),
  Q819: (_f, { son }) => Object.assign(son, { leftReason: '去世', leftOn: '2024-01-01' }),
  Q821: (f) => void (f.household.attribute = '低保户'),
  Q822: (f) => void (f.household.mainCause = '疾病'),
  Q823: (f) => void (f.household.otherCauses = ['缺乏技术']),
  Q824: (f) => void (f.household.identificationStandard = '国标'),
  Q825: (f) => void (f.household.householdType = '困难户'),
  Q826: (f) => void (f.household.monitoringCategory = '边缘户'),
  Q827: (f) => void (f.household.risks = ['疾病']),
  Q828: (f) => void (f.household.riskRemovalMethod = '帮扶'),
  Q829: (f) => void (f.household.housingSafety = 'B级'),
  Q830: (f) => void (f.household.roadType = '土路'),
  Q831: (f) => void (f.household.fuelType = '电'),
  Q832: (f) => void (f.measures[0]!.category = '产业'),
  Q833: (f) => void (f.household.phone = '1380000000'),
  Q834: (_f, { son }) => void (son.phone = '138000'),
  Q835: (f) => void (f.household.notes = '=HYPERLINK("http://x","点我")'),
  Q836: (f) => void (f.household.monitoringStart = '2023-01'),
  Q837: (f) => void (f.household.monitoringEnd = '2023年'),
  Q838: (_f, { son }) => void (son.birthDate = '2001/05/02'),
  Q839: (_f, { son }) => Object.assign(son, { leftReason: '死亡', leftOn: '2023.1.1' }),
  Q840: (_f, { son }) => void (son.name = '张伟2'),
  Q841: (_f, { son }) => void (son.name = '伟'),
  Q842: (_f, { spouse }) => Object.assign(spouse, { health: '残疾', disabilityGrade: '2级' }),
  Q843: (f) => void (f.household.identificationYear = 2005),
  Q844: (f) => void (f.household.exitYear = 2023),
  Q845: (f) => void (f.household.buildYear = 2030),
  Q846: (f) => void (f.measures[0]!.startOn = '2023/1/1'),
  Q847: (f) => void (f.measures[0]!.amountFen = -100),
  Q848: (f) => void (f.measures[0]!.startOn = '2022-03-01'),
  // 逻辑性
  Q311: (_f, { head }) => void bornOn(head, '1960-01-01'),
  Q312: (_f, { girl }) => void (bornOn(girl, '2016-01-01').schoolStatus = '学前教育'),
  Q313: (_f, { girl }) => void (girl.education = '大专及以上'),
  Q314: (_f, { son }) => void (bornOn(son, '2004-01-01').education = '小学'),
  Q315: (_f, { girl }) => void (girl.workMonths = 3),
  Q316: (_f, { girl }) => void (girl.workStatus = '省外务工'),
  Q317: (_f, { girl }) => void (girl.workMonths = 8),
  Q318: (_f, { girl }) => void (girl.labourAbility = '普通劳动力'),
  Q319: (_f, { son }) => void (son.labourAbility = '丧失劳动力'),
  Q320: (_f, { girl }) => void (girl.education = '学龄前儿童'),
  Q321: (_f, { girl }) => void (girl.education = '初中'),
  Q322: (_f, { son }) => void (son.schoolStatus = '小学'),
  Q323: (_f, { son }) => void (son.schoolStatus = '七年级'),
  Q324: (_f, { girl }) => void (girl.schoolStatus = '高中一年级'),
  Q325: (_f, { girl }) => void (girl.schoolStatus = '大专及以上'),
  Q326: (_f, { girl }) => void (girl.education = '文盲或半文盲'),
  Q327: (_f, { girl }) => void (girl.schoolStatus = '学龄前儿童'),
  Q328: (_f, { son }) => void (son.disabilityGrade = '三级'),
  Q329: (_f, { son }) => void (son.workStatus = '未务工'),
  Q330: (_f, { girl }) => void (girl.pensionInsurance = true),
  Q331: (_f, { spouse }) => void bornOn(spouse, '1905-01-01'),
  Q332: (_f, { son }) => Object.assign(son, { idNumber: null, birthDate: '2030-01-01' }),
  Q333: (_f, { son }) => Object.assign(son, { leftReason: '死亡', leftOn: '1990-01-01' }),
  Q334: (_f, { son }) => Object.assign(son, { leftReason: '死亡', leftOn: '2030-01-01' }),
  Q335: (_f, { spouse }) => void bornOn(spouse, '2006-01-01'),
  Q336: (_f, { girl }) => void (bornOn(girl, '2021-01-01').labourAbility = '弱劳动力或半劳动力'),
  Q211: (_f, { son }) => void (son.relation = '配偶'),
  Q212: (f) => [1, 2].forEach(() => add(f, { relation: '之父', gender: '男', birthDate: '1948-01-01' })),
  Q213: (f) => [1, 2].forEach(() => add(f, { relation: '之母', gender: '女', birthDate: '1950-01-01' })),
  Q214: (_f, { girl }) => void (bornOn(girl, '2000-01-01').relation = '之孙女'),
  Q215: (f) => void add(f, { relation: '之祖父', gender: '男', birthDate: '1964-01-01' }),
  Q216: (_f, { girl }) => void (girl.seq = 3),
  // 政策符合性
  Q611: (f) => {
    exited(f);
    f.household.housingSafety = '是';
  },
  Q612: (f) => {
    exited(f);
    f.household.drinkingWaterSafe = false;
  },
  Q613: (f, { son }) => {
    exited(f);
    son.seriousIllnessInsurance = false;
  },
  Q614: (f) => {
    removed(f);
    f.household.housingSafety = 'D级';
  },
  Q615: (f) => {
    removed(f);
    f.household.drinkingWaterSafe = false;
  },
  Q616: (f) => void (f.household.hasElectricity = false),
  Q617: (f) => {
    exited(f);
    f.household.drinkingWaterDifficult = true;
  },
  Q618: (f) => {
    exited(f);
    f.household.drinkingWaterSafe = false;
  },
  Q619: (f) => Object.assign(f.household, { relocation: '集中安置', housingSafety: 'C级' }),
  Q431: (f) => {
    exited(f);
    f.household.monitoringCategory = '脱贫不稳定户';
    lowIncome(f);
  },
  Q432: (f) => {
    removed(f);
    lowIncome(f);
  },
  Q433: (f) => {
    edge(f);
    f.household.monitoringCategory = '脱贫不稳定户';
  },
  Q434: (f) => {
    edge(f);
    Object.assign(f.household, { status: 'unstable', monitoringCategory: '脱贫不稳定户' });
  },
  Q435: (f) => {
    edge(f);
    f.history.unshift(historyEntry(f.household.id, { status: 'exited', year: 2018, effectiveOn: '2018-12-20' }));
  },
  Q436: (f) => {
    edge(f);
    for (const row of f.incomes) row.wageFen = 10_000_000;
  },
  Q437: (_f, { head }) => Object.assign(bornOn(head, '1960-01-01'), { pensionInsurance: false }),
  // 一致性
  Q901: (f) => void f.assessments.push(assessment(f, { housingOk: false })),
  Q902: (f) => {
    f.assessments.push(assessment(f, { housingOk: true }));
    f.household.housingSafety = 'C级';
  },
  Q903: (f) => void f.assessments.push(assessment(f, { waterOk: false })),
  Q904: (f) => {
    f.assessments.push(assessment(f, {}));
    f.household.drinkingWaterSafe = false;
  },
  Q905: (f) => void f.assessments.push(assessment(f, { medicalOk: false })),
  Q906: (f) => void (f.incomes[1]!.householdSize = 6),
  Q907: (f) => void (f.incomes[1]!.wageFen = 8_000_000),
  Q908: (f) => {
    exited(f);
    f.incomes[1]!.wageFen = 0;
  },
  Q909: (f) => {
    exited(f);
    f.household.exitYear = 2019;
  },
  Q910: (f) => void (f.household.householdType = '脱贫户'),
  Q911: (f) => void (f.household.identificationYear = 2015),
  Q912: (f) => void f.incomes.push(income(f.household.id)),
  Q913: (f) => void f.assessments.push(assessment(f, {}), assessment(f, {})),
  Q914: (f) => void (f.household.attribute = '低保贫困户'),
  Q915: (f) => void (f.household.attribute = '特困供养贫困户'),
  Q916: (_f, { spouse }) => void (spouse.isDibao = true),
  Q917: (_f, { head }) => void (head.isTekun = true),
  Q918: (f) => void (f.incomes[1]!.dibaoFen = 100_000),
  Q919: (f) => void (f.incomes[1]!.tekunFen = 100_000),
  Q920: (f) => void (f.incomes[1]!.pensionFen = 100_000),
  Q921: (_f, { head, son }) => Object.assign(head, { workMonths: 0, workStatus: null }) && Object.assign(son, { workMonths: 0, workStatus: null }),
  Q922: (f) => void (f.incomes[1]!.businessExpenseFen = 100_000_000),
  Q923: (f) => {
    exited(f);
    f.history.shift();
  },
  Q924: (f) => {
    f.household.status = 'returned';
    f.history.push(historyEntry(f.household.id, { status: 'returned', year: 2023, effectiveOn: '2023-05-01' }));
  },
  Q925: (f) => void f.history.push(historyEntry(f.household.id, { effectiveOn: '2030-01-01' })),
  Q926: (f) => void (f.pairings[0]!.endOn = '2010-01-01'),
  Q927: (f) => Object.assign(f.measures[0]!, { startOn: '2023-05-01', endOn: '2023-03-01' }),
  Q928: (f) => void f.pairings.push(pairing(f.household.id)),
  Q929: (f) => void (f.household.irrigatedMu = 10),
  Q930: (f) => void (f.household.status = 'ordinary'),
  // 时效性
  Q751: (f) => {
    edge(f);
    f.visits = ['2023-12-01'];
  },
  Q752: (f) => void (f.incomes = [income(f.household.id, { year: YEAR - 2 })]),
  Q753: (f) => void f.assessments.push(assessment(f, { year: YEAR - 2 })),
  Q754: (f) => {
    edge(f);
    f.measures[0]!.endOn = '2024-01-01';
  },
  Q711: (f) => Object.assign(f.household, { monitoringStart: '202305', monitoringEnd: '202301' }),
  Q712: (f) => void (f.household.monitoringStart = '202501'),
  Q713: (f) => void (f.household.monitoringEnd = '202501'),
  Q714: (f) => void (f.household.monitoringStart = '201901'),
  Q715: (f) => void (f.household.monitoringEnd = '202301'),
  Q716: (f) => Object.assign(f.household, { identificationYear: 2016, exitYear: 2015 }),
  Q717: (f) => void (f.household.exitYear = 2018),
  Q718: (f) => {
    edge(f);
    f.pairings = [];
  },
};

const FIELD_KEYS = new Set<string>([
  ...HOUSEHOLD_FIELDS.map((f) => f.key),
  ...MEMBER_FIELDS.map((f) => f.key),
  ...INCOME_FIELDS.map((f) => f.key),
  // Keys of the other records a finding can point at: measures, history, the members' order.
  'category', 'startOn', 'endOn', 'amountFen', 'year', 'result', 'seq',
]);

function planted(code: string, ctx: QualityContext = context()) {
  const facts = cleanFacts();
  const [head, spouse, son, girl] = facts.members as [MemberRecord, MemberRecord, MemberRecord, MemberRecord];
  PLANTS[code]!(facts, { head, spouse, son, girl });
  return { facts, found: findings(code, facts, ctx) };
}

describe('every rule', () => {
  it('has a planted case, and no planted case is left without a rule', () => {
    expect(RULES.map((r) => r.code).filter((c) => !PLANTS[c])).toEqual([]);
    expect(Object.keys(PLANTS).filter((c) => !RULES.some((r) => r.code === c))).toEqual([]);
  });

  it.each(RULES.map((r) => [r.code, r.title] as const))('%s %s: silent on the clean household, fires on its planted case, names a real record and field', (code) => {
    expect(findings(code, cleanFacts())).toEqual([]);
    const { facts, found } = planted(code);
    expect(found.length, code).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      expect(f.message).not.toMatch(/\d{17}[\dX]/);
      if (f.memberId != null) expect(facts.members.map((m) => m.id)).toContain(f.memberId);
      if (f.field != null) expect(FIELD_KEYS, `${code} field ${f.field}`).toContain(f.field);
    }
  });
});
