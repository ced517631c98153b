// A small household as households.get returns it, for the editor tests.
import type { HouseholdDetail } from '../../shared/api/index.ts';
import { makeIdNumber } from '../../shared/id-number.ts';
import type { HouseholdRecord, IncomeRecord, MemberRecord } from '../../shared/records.ts';

const travel = { version: 3, updatedAt: '2026-01-02T03:04:05Z', updatedBy: '李会计' };

export const HEAD_ID = makeIdNumber('511922', '1970-05-06', 11, '男');
export const WIFE_ID = makeIdNumber('511922', '1972-08-09', 22, '女');

function member(over: Partial<MemberRecord>): MemberRecord {
  return {
    ...travel,
    id: 'm1',
    householdId: 'h1',
    seq: 1,
    name: '张三',
    nameInitials: 'zs',
    idNumber: HEAD_ID,
    idType: null,
    gender: '男',
    birthDate: '1970-05-06',
    relation: '户主',
    ethnicity: '汉族',
    education: '小学',
    schoolStatus: null,
    health: '健康',
    disabilityGrade: null,
    labourAbility: '普通劳动力',
    workStatus: '乡（镇）内务工',
    workMonths: 6,
    workPlace: null,
    politicalStatus: null,
    phone: null,
    medicalInsurance: true,
    pensionInsurance: true,
    seriousIllnessInsurance: null,
    commercialInsurance: null,
    isDibao: false,
    isTekun: false,
    leftReason: null,
    leftOn: null,
    ...over,
  };
}

const income: IncomeRecord = {
  ...travel,
  id: 'i1',
  householdId: 'h1',
  year: 2025,
  householdSize: 2,
  wageFen: 1_200_000,
  businessFen: 350_050,
  propertyFen: 0,
  familyPlanningFen: 0,
  dibaoFen: 120_000,
  tekunFen: 0,
  pensionFen: 0,
  ecoCompensationFen: 0,
  otherTransferFen: 0,
  businessExpenseFen: 100_000,
  medicalOutOfPocketFen: null,
};

const household = {
  ...travel,
  id: 'h1',
  villageId: 'v1',
  no: '5119221010010001',
  groupName: '一组',
  address: '青山村一组8号',
  phone: '13800000000',
  status: 'poor',
  attribute: '一般贫困户',
  mainCause: '因病',
  otherCauses: ['缺技术'],
  bankAccount: '6217001234567890123',
} as Partial<HouseholdRecord>;

export function detailFixture(): HouseholdDetail {
  const h = Object.fromEntries(
    ['naturalVillage', 'identificationStandard', 'identificationYear', 'exitYear', 'householdType', 'monitoringCategory', 'risks',
      'riskRemoved', 'riskRemovalMethod', 'monitoringStart', 'monitoringEnd', 'housingSafety', 'housingArea', 'housingStructure',
      'drinkingWaterSafe', 'drinkingWaterDifficult', 'hasElectricity', 'roadType', 'distanceToRoadKm', 'hasSanitaryToilet',
      'fuelType', 'farmlandMu', 'irrigatedMu', 'forestMu', 'returnedFarmlandMu', 'orchardMu', 'grasslandMu', 'waterSurfaceMu',
      'inCooperative', 'isMilitaryFamily', 'isOnlyChild', 'isTwoDaughters', 'relocation', 'bankName', 'notes'].map((k) => [k, null]),
  );
  return {
    household: { ...h, ...household, farmlandMu: 2.5 } as HouseholdRecord,
    village: { id: 'v1', code: '511922101001', name: '青山村' },
    members: [
      member({}),
      member({ id: 'm3', seq: 3, name: '张老汉', relation: '之父', idNumber: null, gender: '男', birthDate: '1940-01-01', leftReason: '死亡', leftOn: '2024-03-01' }),
      member({ id: 'm2', seq: 2, name: '李四', nameInitials: 'ls', idNumber: WIFE_ID, gender: '女', birthDate: '1972-08-09', relation: '配偶' }),
    ],
    incomes: [{ ...income, transferFen: 120_000, grossFen: 1_670_050, netFen: 1_570_050, perCapitaFen: 785_025 }],
    pairings: [],
    measures: [],
    history: [],
    problems: [],
  };
}
