// The households of a batch (batch_households) and their outcome at each step (step_outcomes).
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../shared/actor.ts';
import type { ReadDb, WriteDb } from '../handles.ts';
import { batchHouseholds, stepOutcomes } from '../schema/index.ts';
import { changeStamp } from './stamp.ts';

export type MemberRow = typeof batchHouseholds.$inferSelect;
export type OutcomeRow = typeof stepOutcomes.$inferSelect;

/** Every household ever added to the batch, removed ones included. */
export function membersOfBatch(db: ReadDb, batchId: string): MemberRow[] {
  return db.select().from(batchHouseholds).where(eq(batchHouseholds.batchId, batchId)).all();
}

export function memberOfBatch(db: ReadDb, batchId: string, householdId: string): MemberRow | undefined {
  return db.select().from(batchHouseholds).where(and(eq(batchHouseholds.batchId, batchId), eq(batchHouseholds.householdId, householdId))).get();
}

/** Members (batch_households ids) given 不通过 or 退回 at a step before `seq`. */
export function stoppedMemberIds(db: ReadDb, batchId: string, seq: number): string[] {
  const rows = db.$client
    .prepare(
      `SELECT so.batch_household_id AS id FROM step_outcomes so JOIN batch_steps s ON s.id = so.step_id
        WHERE s.batch_id = ? AND s.seq < ? AND so.outcome <> 'pass'`,
    )
    .all(batchId, seq) as { id: string }[];
  return rows.map((r) => r.id);
}

/** Households in the batch and not removed from it. */
export function activeMemberCount(db: ReadDb, batchId: string): number {
  return (db.$client.prepare('SELECT count(*) AS n FROM batch_households WHERE batch_id = ? AND removed_on IS NULL').get(batchId) as { n: number }).n;
}

/** The villages of the households in the batch (not removed). */
export function memberVillageIds(db: ReadDb, batchId: string): string[] {
  const rows = db.$client
    .prepare('SELECT DISTINCT h.village_id AS v FROM batch_households bh JOIN households h ON h.id = bh.household_id WHERE bh.batch_id = ? AND bh.removed_on IS NULL')
    .all(batchId) as { v: string }[];
  return rows.map((r) => r.v);
}

export type MemberValues = Pick<MemberRow, 'category' | 'risks' | 'addedOn' | 'removedOn' | 'removalReason'>;

/** Adds the household to the batch, or (`prevId`: it was there and removed) adds it back. */
export function saveMember(w: WriteDb, actor: Actor, prevId: string | null, batchId: string, householdId: string, values: MemberValues): void {
  const stamp = changeStamp(actor);
  if (prevId) w.update(batchHouseholds).set({ ...values, ...stamp, version: sql`${batchHouseholds.version} + 1` }).where(eq(batchHouseholds.id, prevId)).run();
  else w.insert(batchHouseholds).values({ id: randomUUID(), version: 1, ...stamp, batchId, householdId, ...values }).run();
}

export function markMemberRemoved(w: WriteDb, actor: Actor, memberId: string, values: { removedOn: string; removalReason: string }): void {
  w.update(batchHouseholds)
    .set({ ...values, ...changeStamp(actor), version: sql`${batchHouseholds.version} + 1` })
    .where(eq(batchHouseholds.id, memberId))
    .run();
}

export function outcomesOfStep(db: ReadDb, stepId: string): OutcomeRow[] {
  return db.select().from(stepOutcomes).where(eq(stepOutcomes.stepId, stepId)).all();
}

export function outcomesOfSteps(db: ReadDb, stepIds: readonly string[]): OutcomeRow[] {
  return stepIds.length ? db.select().from(stepOutcomes).where(inArray(stepOutcomes.stepId, [...stepIds])).all() : [];
}

/** The outcomes already recorded at the step for these members. */
export function outcomesOfMembers(db: ReadDb, stepId: string, memberIds: readonly string[]): OutcomeRow[] {
  if (memberIds.length === 0) return [];
  return db.select().from(stepOutcomes).where(and(eq(stepOutcomes.stepId, stepId), inArray(stepOutcomes.batchHouseholdId, [...memberIds]))).all();
}

export type OutcomeValues = Pick<OutcomeRow, 'outcome' | 'reason' | 'decidedOn' | 'decidedBy'>;

/** Records the member's outcome at the step, or (`prevId`) changes the one recorded. */
export function saveOutcome(w: WriteDb, actor: Actor, prevId: string | null, stepId: string, memberId: string, values: OutcomeValues): void {
  const stamp = changeStamp(actor);
  if (prevId) w.update(stepOutcomes).set({ ...values, ...stamp, version: sql`${stepOutcomes.version} + 1` }).where(eq(stepOutcomes.id, prevId)).run();
  else w.insert(stepOutcomes).values({ id: randomUUID(), version: 1, ...stamp, stepId, batchHouseholdId: memberId, ...values }).run();
}
