// A household's editable state as one JSON value: what the audit log keeps before and after
// every save, and what undo puts back.
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/open.ts';
import { households, incomes, members } from '../../db/schema/index.ts';
import type { HouseholdRecord, IncomeRecord, MemberRecord } from '../../shared/records.ts';

export interface HouseholdSnapshot {
  household: HouseholdRecord;
  members: MemberRecord[];
  incomes: IncomeRecord[];
}

export function snapshotOf(db: DbOrTx, householdId: string): HouseholdSnapshot | null {
  const household = db.select().from(households).where(eq(households.id, householdId)).get();
  if (!household) return null;
  return {
    household,
    members: db.select().from(members).where(eq(members.householdId, householdId)).orderBy(asc(members.seq)).all(),
    incomes: db.select().from(incomes).where(eq(incomes.householdId, householdId)).orderBy(asc(incomes.year)).all(),
  };
}

/** Puts a snapshot back in place of whatever the household holds now (inside a transaction). */
export function restoreSnapshot(db: DbOrTx, snap: HouseholdSnapshot, version: number, stamp: { updatedAt: string; updatedBy: string }): void {
  const id = snap.household.id;
  // Versions only ever go up (exchange packages compare them): a restored row gets the next
  // version after whatever the row had, even though its content is the older one.
  const now = snapshotOf(db, id);
  const versions = new Map([...(now?.members ?? []), ...(now?.incomes ?? [])].map((r) => [r.id, r.version]));
  const bump = <T extends { id: string; version: number }>(r: T): T => ({ ...r, ...stamp, version: Math.max(versions.get(r.id) ?? 0, r.version) + 1 });
  db.delete(members).where(eq(members.householdId, id)).run();
  db.delete(incomes).where(eq(incomes.householdId, id)).run();
  const exists = db.select({ id: households.id }).from(households).where(eq(households.id, id)).get();
  const row = { ...snap.household, version, ...stamp };
  if (exists) db.update(households).set(row).where(eq(households.id, id)).run();
  else db.insert(households).values(row).run();
  if (snap.members.length) db.insert(members).values(snap.members.map(bump)).run();
  if (snap.incomes.length) db.insert(incomes).values(snap.incomes.map(bump)).run();
}
