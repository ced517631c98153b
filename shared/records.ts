// Plain record shapes shared by every layer. db/ checks at compile time that its tables'
// row types match these (db/schema/conformance.ts), so the pure rules in shared/ can work on
// real rows without importing the database.
import type { HouseholdValues, IncomeValues, MemberValues } from './fields/values.ts';
import type { HouseholdStatus } from './status.ts';

export interface Travelling {
  id: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface VillageRecord extends Travelling {
  townshipId: string;
  code: string;
  name: string;
  isPoorVillage: boolean;
  exitYear: number | null;
  workTeam: string | null;
  firstSecretary: string | null;
  firstSecretaryPhone: string | null;
  /** 村委会电话 (notices, 明白卡). */
  committeePhone: string | null;
  sortOrder: number;
}

/** A household as stored: its fields are the catalogue's (shared/fields/household.ts). */
export type HouseholdRecord = Travelling & { villageId: string } & HouseholdValues;

/** A member as stored: catalogue fields, its place in the household and its pinyin search key. */
export type MemberRecord = Travelling & {
  householdId: string;
  /** 户内序号: 1 is usually the head. */
  seq: number;
  /** Pinyin initials of the name, kept with the name for the search box. */
  nameInitials: string;
} & MemberValues;

/** One year's income of a household: the catalogue's components in fen (shared/fields/income.ts). */
export type IncomeRecord = Travelling & { householdId: string; year: number } & IncomeValues;

export interface AssessmentRecord extends Travelling {
  householdId: string;
  year: number;
  foodOk: boolean | null;
  clothingOk: boolean | null;
  educationOk: boolean | null;
  medicalOk: boolean | null;
  housingOk: boolean | null;
  waterOk: boolean | null;
  assessedOn: string | null;
  assessedBy: string | null;
  notes: string | null;
}

export interface MeasureRecord extends Travelling {
  householdId: string;
  helperId: string | null;
  year: number;
  category: string;
  content: string | null;
  startOn: string | null;
  endOn: string | null;
  amountFen: number | null;
  result: string | null;
}

export interface PairingRecord extends Travelling {
  helperId: string;
  householdId: string;
  startOn: string;
  endOn: string | null;
}

export interface StatusHistoryRecord extends Travelling {
  householdId: string;
  status: HouseholdStatus;
  year: number | null;
  effectiveOn: string;
  batchId: string | null;
  decision: string | null;
  reason: string | null;
}
