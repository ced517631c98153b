// A household's editable state as one JSON value: what the audit log keeps before and after
// every save, and what undo puts back. Read and written by db/repos/household-write.ts.
export type { HouseholdSnapshot } from '../../db/repos/household-write.ts';
export { householdSnapshot as snapshotOf } from '../../db/repos/household-write.ts';
