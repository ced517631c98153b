// What a document is printed for, looked up from what the clerk typed: a village by its code, a
// household by its 户编号, a workflow batch by its id, and the household ids of such a scope in
// the order the papers list them (village order, then 户编号).
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { HouseholdStatus } from '../../shared/status.ts';
import type { ReadDb } from '../handles.ts';
import { batchHouseholds, batches, households, villages } from '../schema/index.ts';

export interface VillageRef {
  id: string;
  code: string;
  name: string;
}

export interface HouseholdRef {
  id: string;
  villageId: string;
}

export interface BatchRef {
  id: string;
  kind: string;
  year: number;
  title: string;
  villageId: string | null;
  /** The name of the batch's own village (a village-level batch), whether or not it has households yet. */
  villageName: string | null;
  status: string;
}

export function villageRefByCode(db: ReadDb, code: string): VillageRef | undefined {
  return db.select({ id: villages.id, code: villages.code, name: villages.name }).from(villages).where(eq(villages.code, code)).get();
}

export function householdRefByNo(db: ReadDb, no: string): HouseholdRef | undefined {
  return db.select({ id: households.id, villageId: households.villageId }).from(households).where(eq(households.no, no)).get();
}

export function batchRefById(db: ReadDb, id: string): BatchRef | undefined {
  return db
    .select({ id: batches.id, kind: batches.kind, year: batches.year, title: batches.title, villageId: batches.villageId, villageName: villages.name, status: batches.status })
    .from(batches)
    .leftJoin(villages, eq(villages.id, batches.villageId))
    .where(eq(batches.id, id))
    .get();
}

/** Households of a batch still in it, in 户编号 order. */
export function batchHouseholdIds(db: ReadDb, batchId: string): string[] {
  return db
    .select({ id: households.id })
    .from(batchHouseholds)
    .innerJoin(households, eq(households.id, batchHouseholds.householdId))
    .where(and(eq(batchHouseholds.batchId, batchId), isNull(batchHouseholds.removedOn)))
    .orderBy(asc(households.no))
    .all()
    .map((r) => r.id);
}

function idsInVillageOrder(db: ReadDb, where: SQL | undefined): string[] {
  return db
    .select({ id: households.id })
    .from(households)
    .innerJoin(villages, eq(villages.id, households.villageId))
    .where(where)
    .orderBy(asc(villages.sortOrder), asc(villages.code), asc(households.no))
    .all()
    .map((r) => r.id);
}

/** Household ids of a village (or the township), optionally of some statuses only, in village then 户编号 order. */
export function householdIdsInOrder(db: ReadDb, opts: { villageId?: string; statuses?: readonly HouseholdStatus[] }): string[] {
  return idsInVillageOrder(
    db,
    and(opts.villageId ? eq(households.villageId, opts.villageId) : undefined, opts.statuses ? inArray(households.status, [...opts.statuses]) : undefined),
  );
}

/** Exit candidates of a village or the township: poor and returned, and those that exited in the year. */
export function exitCandidateIds(db: ReadDb, opts: { year: number; villageId: string | null }): string[] {
  const candidate = or(inArray(households.status, ['poor', 'returned']), and(eq(households.status, 'exited'), eq(households.exitYear, opts.year)));
  return idsInVillageOrder(db, and(candidate, opts.villageId ? eq(households.villageId, opts.villageId) : undefined));
}
