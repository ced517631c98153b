// Batches as the review exchange sees them, on both sides: a batch, its steps and households
// (to check an opinion names a real step and household), and the titles, step codes and 户编号
// with head shown beside each opinion (lookups: one prepared statement for a whole list).
import { and, eq } from 'drizzle-orm';
import type { ReadDb } from '../handles.ts';
import { batches, batchHouseholds, batchSteps } from '../schema/index.ts';

export type ExchangeBatchRow = typeof batches.$inferSelect;
export type ExchangeStepRow = typeof batchSteps.$inferSelect;

export function batchById(db: ReadDb, id: string): ExchangeBatchRow | undefined {
  return db.select().from(batches).where(eq(batches.id, id)).get();
}

/** A batch's steps (in storage order). */
export function stepsOfBatch(db: ReadDb, batchId: string): ExchangeStepRow[] {
  return db.select().from(batchSteps).where(eq(batchSteps.batchId, batchId)).all();
}

/** The households of a batch, removed ones included. */
export function batchHouseholdIds(db: ReadDb, batchId: string): string[] {
  return db
    .select({ h: batchHouseholds.householdId })
    .from(batchHouseholds)
    .where(eq(batchHouseholds.batchId, batchId))
    .all()
    .map((m) => m.h);
}

/** Ids of the batches of a kind in a status. */
export function batchIdsOf(db: ReadDb, kind: string, status: ExchangeBatchRow['status']): string[] {
  return db
    .select({ id: batches.id })
    .from(batches)
    .where(and(eq(batches.kind, kind), eq(batches.status, status)))
    .all()
    .map((b) => b.id);
}

/** Title and kind of a batch, by id. */
export function batchLabelLookup(db: ReadDb): (batchId: string) => { title: string; kind: string } | undefined {
  const st = db.$client.prepare('SELECT title, kind FROM batches WHERE id = ?');
  return (batchId) => st.get(batchId) as { title: string; kind: string } | undefined;
}

/** The step code at a batch's step number. */
export function stepCodeLookup(db: ReadDb): (batchId: string, seq: number) => string | undefined {
  const st = db.$client.prepare('SELECT step FROM batch_steps WHERE batch_id = ? AND seq = ?').pluck();
  return (batchId, seq) => st.get(batchId, seq) as string | undefined;
}

/** 户编号 and the current head's name of a household, by id. */
export function householdLabelLookup(db: ReadDb): (householdId: string) => { no: string; head: string | null } | undefined {
  const st = db.$client.prepare(
    `SELECT h.no, (SELECT name FROM members WHERE household_id = h.id AND relation = '户主' AND left_reason IS NULL ORDER BY seq LIMIT 1) AS head FROM households h WHERE h.id = ?`,
  );
  return (householdId) => st.get(householdId) as { no: string; head: string | null } | undefined;
}
