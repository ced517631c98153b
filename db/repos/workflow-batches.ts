// Workflow batches: the batch row, its villages, its steps and the decisions recorded on it.
// Reads take any handle; writes take the WriteDb of the caller's transaction and bump the
// row's version.
import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../shared/actor.ts';
import type { VillageRef } from '../../shared/api/workflows.ts';
import type { ReadDb, WriteDb } from '../handles.ts';
import { batchDecisions, batchSteps, batchVillages, batches, villages } from '../schema/index.ts';
import { changeStamp } from './stamp.ts';

export type BatchRow = typeof batches.$inferSelect;
export type StepRow = typeof batchSteps.$inferSelect;
export type DecisionRow = typeof batchDecisions.$inferSelect;

export function batchById(db: ReadDb, id: string): BatchRow | undefined {
  return db.select().from(batches).where(eq(batches.id, id)).get();
}

export function allBatches(db: ReadDb): BatchRow[] {
  return db.select().from(batches).all();
}

export interface BatchFilter {
  kind?: string | null;
  year?: number | null;
  /** Batches of the village, or (township-wide) holding one of its households. */
  villageId?: string | null;
  status?: 'open' | 'closed' | 'cancelled' | null;
}

/** Ids of the batches that match, newest year first, then newest first, then by title. */
export function batchIdsMatching(db: ReadDb, q: BatchFilter): string[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  const add = (clause: string, ...values: (string | number)[]): void => {
    where.push(clause);
    args.push(...values);
  };
  if (q.kind) add('b.kind = ?', q.kind);
  if (q.year != null) add('b.year = ?', q.year);
  if (q.status) add('b.status = ?', q.status);
  if (q.villageId) {
    add(
      `(EXISTS (SELECT 1 FROM batch_villages bv WHERE bv.batch_id = b.id AND bv.village_id = ?)
        OR EXISTS (SELECT 1 FROM batch_households bh JOIN households h ON h.id = bh.household_id WHERE bh.batch_id = b.id AND h.village_id = ?))`,
      q.villageId,
      q.villageId,
    );
  }
  const rows = db.$client
    .prepare(`SELECT b.id FROM batches b ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY b.year DESC, b.created_on DESC, b.title`)
    .all(...args) as { id: string }[];
  return rows.map((r) => r.id);
}

/** The villages a batch covers, in village order; none for a township-wide batch. */
export function batchVillageRefs(db: ReadDb, batchId: string): VillageRef[] {
  return db
    .select({ id: villages.id, code: villages.code, name: villages.name })
    .from(batchVillages)
    .innerJoin(villages, eq(villages.id, batchVillages.villageId))
    .where(eq(batchVillages.batchId, batchId))
    .orderBy(asc(villages.sortOrder), asc(villages.code))
    .all();
}

export function batchVillageIds(db: ReadDb, batchId: string): string[] {
  return db.select({ v: batchVillages.villageId }).from(batchVillages).where(eq(batchVillages.batchId, batchId)).all().map((r) => r.v);
}

export function stepsOfBatch(db: ReadDb, batchId: string): StepRow[] {
  return db.select().from(batchSteps).where(eq(batchSteps.batchId, batchId)).orderBy(asc(batchSteps.seq)).all();
}

export function stepById(db: ReadDb, id: string): StepRow | undefined {
  return db.select().from(batchSteps).where(eq(batchSteps.id, id)).get();
}

export function decisionsOfBatch(db: ReadDb, batchId: string): DecisionRow[] {
  return db.select().from(batchDecisions).where(eq(batchDecisions.batchId, batchId)).orderBy(asc(batchDecisions.decidedOn)).all();
}

export interface NewBatch {
  id: string;
  kind: string;
  year: number;
  /** The village of a one-village batch, else null. */
  villageId: string | null;
  title: string;
  createdOn: string;
  villageIds: readonly string[];
  /** The kind's steps in order; all start pending. */
  steps: readonly { step: string; isPublicity: boolean; minDays: number | null }[];
}

/** A new open batch with its villages and pending steps. */
export function insertBatch(w: WriteDb, actor: Actor, b: NewBatch): void {
  const stamp = { version: 1, ...changeStamp(actor) };
  w.insert(batches).values({ id: b.id, ...stamp, kind: b.kind, year: b.year, villageId: b.villageId, title: b.title, status: 'open', createdOn: b.createdOn }).run();
  for (const villageId of b.villageIds) w.insert(batchVillages).values({ id: randomUUID(), ...stamp, batchId: b.id, villageId }).run();
  b.steps.forEach((s, i) => {
    w.insert(batchSteps).values({ id: randomUUID(), ...stamp, batchId: b.id, seq: i + 1, ...s, status: 'pending' }).run();
  });
}

/** Announced (closed), reopened (open) or cancelled, with the day. */
export function setBatchStatus(w: WriteDb, actor: Actor, batchId: string, values: Pick<BatchRow, 'status' | 'closedOn'>): void {
  w.update(batches)
    .set({ ...values, ...changeStamp(actor), version: sql`${batches.version} + 1` })
    .where(eq(batches.id, batchId))
    .run();
}

export type StepChange = Partial<Pick<StepRow, 'status' | 'startedOn' | 'minDays' | 'endsOn' | 'postedAt' | 'note' | 'closedOn' | 'closedBy'>>;

/** Opening, closing or reopening a step. */
export function updateStep(w: WriteDb, actor: Actor, stepId: string, values: StepChange): void {
  w.update(batchSteps)
    .set({ ...values, ...changeStamp(actor), version: sql`${batchSteps.version} + 1` })
    .where(eq(batchSteps.id, stepId))
    .run();
}

export type NewDecision = Pick<DecisionRow, 'batchId' | 'action' | 'stepId' | 'decision' | 'reason' | 'decidedOn'>;

export function insertDecision(w: WriteDb, actor: Actor, values: NewDecision): string {
  const id = randomUUID();
  w.insert(batchDecisions).values({ id, version: 1, ...changeStamp(actor), ...values }).run();
  return id;
}

/** Ids of batches or objections equal to `ref` or starting with it (at most two: enough to tell one from many). */
export function idsByPrefix(db: ReadDb, table: 'batches' | 'objections', ref: string): string[] {
  const rows = db.$client.prepare(`SELECT id FROM ${table} WHERE id = ? OR id LIKE ? ESCAPE '\\' LIMIT 2`).all(ref, `${ref.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) as { id: string }[];
  return rows.map((r) => r.id);
}

/** The day the batch's procedure really started (batches.created_on), e.g. moved back for a procedure begun on paper. */
export function setBatchStart(w: WriteDb, actor: Actor, batchId: string, createdOn: string): void {
  w.update(batches)
    .set({ createdOn, ...changeStamp(actor), version: sql`${batches.version} + 1` })
    .where(eq(batches.id, batchId))
    .run();
}
