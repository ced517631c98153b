// The editor's own shape of a household: every input holds exactly what the clerk typed
// (strings, 元 not 分), so nothing typed is ever rounded away or rejected while typing.
// It becomes the API's HouseholdDraft only on save (to-draft.ts).
import type { IncomeComponents } from '../../shared/income.ts';

export type Flag = boolean | null;

export interface MemberRow {
  /** Stable React key: the record id, or a generated one for a new row. */
  key: string;
  id: string | null;
  name: string;
  relation: string;
  idNumber: string;
  gender: string;
  birthDate: string;
  ethnicity: string;
  education: string;
  schoolStatus: string;
  health: string;
  disabilityGrade: string;
  labourAbility: string;
  workStatus: string;
  workMonths: string;
  phone: string;
  medicalInsurance: Flag;
  pensionInsurance: Flag;
  isDibao: Flag;
  isTekun: Flag;
  /** Set for someone who left the household: kept (and sent back) but shown read-only. */
  leftReason: string;
  leftOn: string;
}

export type IncomeKey = keyof IncomeComponents;

export interface IncomeRow {
  key: string;
  year: number;
  householdSize: string;
  /** Amounts in 元 as typed, e.g. "1200.50". */
  amounts: Record<IncomeKey, string>;
}

export interface EditorDraft {
  id: string | null;
  version: number | null;
  villageId: string;
  no: string;
  groupName: string;
  address: string;
  phone: string;
  identificationStandard: string;
  identificationYear: string;
  attribute: string;
  mainCause: string;
  otherCauses: string[];
  housingSafety: string;
  housingArea: string;
  drinkingWaterSafe: Flag;
  hasElectricity: Flag;
  roadType: string;
  distanceToRoadKm: string;
  hasSanitaryToilet: Flag;
  fuelType: string;
  farmlandMu: string;
  forestMu: string;
  bankName: string;
  bankAccount: string;
  notes: string;
  members: MemberRow[];
  incomes: IncomeRow[];
}

/** Fields of the household itself that hold plain text. */
export type TextField = {
  [K in keyof EditorDraft]: EditorDraft[K] extends string ? K : never;
}[keyof EditorDraft];
export type FlagField = { [K in keyof EditorDraft]: EditorDraft[K] extends Flag ? K : never }[keyof EditorDraft];
export type MemberTextField = { [K in keyof MemberRow]: MemberRow[K] extends string ? K : never }[keyof MemberRow];

/** An error attached to one input, by the API's path: 'no', 'members.2.idNumber', 'incomes.0.wageFen'. */
export interface FieldError {
  field: string;
  message: string;
}
