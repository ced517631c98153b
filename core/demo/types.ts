// Shapes shared by the demo generator's steps.
import type {
  assessments,
  helpers,
  households,
  incomes,
  measures,
  members,
  pairings,
  statusHistory,
  villageYears,
  villages,
} from '../../db/schema/index.ts';
import type { HouseholdStatus } from '../../shared/status.ts';
import type { Rng } from './random.ts';

export type HouseholdRow = typeof households.$inferInsert;
export type MemberRow = typeof members.$inferInsert;
export type IncomeRow = typeof incomes.$inferInsert;
export type VillageRow = typeof villages.$inferInsert;
export type VillageYearRow = typeof villageYears.$inferInsert;
export type HelperRow = typeof helpers.$inferInsert;
export type PairingRow = typeof pairings.$inferInsert;
export type MeasureRow = typeof measures.$inferInsert;
export type AssessmentRow = typeof assessments.$inferInsert;
export type HistoryRow = typeof statusHistory.$inferInsert;

export interface Stamp {
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/** Everything the steps need besides the PRNG's state. */
export interface DemoContext {
  rng: Rng;
  stamp: Stamp;
  asOf: string;
  asOfYear: number;
  /** The three income years before asOf's year, oldest first. */
  incomeYears: [number, number, number];
  /** 6-digit region of every synthetic ID number. */
  region6: string;
  /** First 9 digits of the township's division code. */
  township9: string;
  townshipId: string;
  townshipName: string;
  county: string;
  /** Lowest per-capita net income (fen) for ordinary and exited households: above every monitoring line. */
  safeFloorFen: number;
  /** ID numbers already used in this archive. */
  usedIds: Set<string>;
}

/** One generated member with the age it was built for (whole years on asOf). */
export interface GenMember {
  row: MemberRow & { id: string; name: string; relation: string; gender: '男' | '女'; birthDate: string; idNumber: string };
  age: number;
}

export interface GenHousehold {
  villageIndex: number;
  status: HouseholdStatus;
  row: HouseholdRow & { id: string; no: string };
  members: GenMember[];
  incomes: (IncomeRow & { householdSize: number })[];
  history: HistoryRow[];
  pairings: PairingRow[];
  measures: MeasureRow[];
  assessments: AssessmentRow[];
  /** Index into the helper list, when the household has a helper. */
  helper: number | null;
  /** Monitoring risks (致贫/返贫风险) of a monitored household. */
  risks: string[];
  /** The year monitoring (or the return to poverty) began. */
  monitoringYear: number | null;
}

export interface PlantedProblem {
  code: string;
  /** 户编号 */
  household: string;
  member?: string;
}

export interface DemoResult {
  villages: number;
  households: number;
  members: number;
  /** Workflow batches of every kind, at various steps. */
  batches: number;
  monitoringChecks: number;
  planted: PlantedProblem[];
}
