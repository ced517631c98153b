// Building an editor draft: from a loaded household, or empty for 新增农户.
import type { HouseholdDetail } from '../../shared/api/index.ts';
import { INCOME_LABELS } from '../../shared/income.ts';
import type { IncomeRecord, MemberRecord } from '../../shared/records.ts';
import { fenToYuanInput } from './money-input.ts';
import type { EditorDraft, IncomeKey, IncomeRow, MemberRow } from './types.ts';

export const INCOME_KEYS = Object.keys(INCOME_LABELS) as IncomeKey[];

let seq = 0;
/** A key for a row that has no record id yet; unique within the page's lifetime. */
export function newKey(prefix: string): string {
  seq += 1;
  return `${prefix}-${Date.now().toString(36)}-${seq}`;
}

export function emptyMember(relation = ''): MemberRow {
  return {
    key: newKey('m'),
    id: null,
    name: '',
    relation,
    idNumber: '',
    gender: '',
    birthDate: '',
    ethnicity: '汉族',
    education: '',
    schoolStatus: '',
    health: '',
    disabilityGrade: '',
    labourAbility: '',
    workStatus: '',
    workMonths: '',
    phone: '',
    medicalInsurance: null,
    pensionInsurance: null,
    isDibao: null,
    isTekun: null,
    leftReason: '',
    leftOn: '',
  };
}

const str = (v: string | number | null | undefined): string => (v == null ? '' : String(v));

export function memberFromRecord(m: MemberRecord): MemberRow {
  return {
    key: m.id,
    id: m.id,
    name: m.name,
    relation: m.relation,
    idNumber: str(m.idNumber),
    gender: str(m.gender),
    birthDate: str(m.birthDate),
    ethnicity: str(m.ethnicity),
    education: str(m.education),
    schoolStatus: str(m.schoolStatus),
    health: str(m.health),
    disabilityGrade: str(m.disabilityGrade),
    labourAbility: str(m.labourAbility),
    workStatus: str(m.workStatus),
    workMonths: str(m.workMonths),
    phone: str(m.phone),
    medicalInsurance: m.medicalInsurance,
    pensionInsurance: m.pensionInsurance,
    isDibao: m.isDibao,
    isTekun: m.isTekun,
    leftReason: str(m.leftReason),
    leftOn: str(m.leftOn),
  };
}

export function incomeFromRecord(r: IncomeRecord): IncomeRow {
  const amounts = {} as Record<IncomeKey, string>;
  for (const k of INCOME_KEYS) amounts[k] = fenToYuanInput(r[k]);
  return { key: `y${r.year}`, year: r.year, householdSize: String(r.householdSize), amounts };
}

export function emptyIncome(year: number, householdSize: number): IncomeRow {
  const amounts = {} as Record<IncomeKey, string>;
  for (const k of INCOME_KEYS) amounts[k] = '';
  return { key: `y${year}`, year, householdSize: householdSize > 0 ? String(householdSize) : '', amounts };
}

/** Members still in the household (not 减员). */
export function currentMemberCount(d: Pick<EditorDraft, 'members'>): number {
  return d.members.filter((m) => m.leftReason.trim() === '').length;
}

export function draftFromDetail(detail: HouseholdDetail): EditorDraft {
  const h = detail.household;
  return {
    id: h.id,
    version: h.version,
    villageId: h.villageId,
    no: h.no,
    groupName: str(h.groupName),
    address: str(h.address),
    phone: str(h.phone),
    identificationStandard: str(h.identificationStandard),
    identificationYear: str(h.identificationYear),
    attribute: str(h.attribute),
    mainCause: str(h.mainCause),
    otherCauses: [...(h.otherCauses ?? [])],
    housingSafety: str(h.housingSafety),
    housingArea: str(h.housingArea),
    drinkingWaterSafe: h.drinkingWaterSafe,
    hasElectricity: h.hasElectricity,
    roadType: str(h.roadType),
    distanceToRoadKm: str(h.distanceToRoadKm),
    hasSanitaryToilet: h.hasSanitaryToilet,
    fuelType: str(h.fuelType),
    farmlandMu: str(h.farmlandMu),
    forestMu: str(h.forestMu),
    bankName: str(h.bankName),
    bankAccount: str(h.bankAccount),
    notes: str(h.notes),
    // Current members first in their order, those who left after them (kept, read-only).
    members: [
      ...detail.members.filter((m) => !m.leftReason),
      ...detail.members.filter((m) => m.leftReason),
    ].map(memberFromRecord),
    incomes: [...detail.incomes].sort((a, b) => b.year - a.year).map(incomeFromRecord),
  };
}

export function emptyDraft(villageId = '', groupName = ''): EditorDraft {
  return {
    id: null,
    version: null,
    villageId,
    no: '',
    groupName,
    address: '',
    phone: '',
    identificationStandard: '',
    identificationYear: '',
    attribute: '',
    mainCause: '',
    otherCauses: [],
    housingSafety: '',
    housingArea: '',
    drinkingWaterSafe: null,
    hasElectricity: null,
    roadType: '',
    distanceToRoadKm: '',
    hasSanitaryToilet: null,
    fuelType: '',
    farmlandMu: '',
    forestMu: '',
    bankName: '',
    bankAccount: '',
    notes: '',
    members: [emptyMember('户主')],
    incomes: [],
  };
}
