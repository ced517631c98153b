// Compile-time only: the tables' row types must be exactly the shared record shapes.
import type {
  AssessmentRecord,
  HouseholdRecord,
  IncomeRecord,
  MeasureRecord,
  MemberRecord,
  PairingRecord,
  StatusHistoryRecord,
  VillageRecord,
} from '../../shared/records.ts';
import type { assessments, households, incomes, members } from './households.ts';
import type { measures, pairings } from './help.ts';
import type { villages } from './archive.ts';
import type { statusHistory } from './workflows.ts';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

export type Conformance = [
  Assert<Same<typeof villages.$inferSelect, VillageRecord>>,
  Assert<Same<typeof households.$inferSelect, HouseholdRecord>>,
  Assert<Same<typeof members.$inferSelect, MemberRecord>>,
  Assert<Same<typeof incomes.$inferSelect, IncomeRecord>>,
  Assert<Same<typeof assessments.$inferSelect, AssessmentRecord>>,
  Assert<Same<typeof measures.$inferSelect, MeasureRecord>>,
  Assert<Same<typeof pairings.$inferSelect, PairingRecord>>,
  Assert<Same<typeof statusHistory.$inferSelect, StatusHistoryRecord>>,
];
