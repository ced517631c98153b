// 结对帮扶 and 帮扶措施: the township's helpers, their pairings with households over time, and
// the measures given to households.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../shared/actor.ts';
import type { MeasureRecord, PairingRecord, Travelling } from '../../shared/records.ts';
import type { ReadDb, WriteDb } from '../handles.ts';
import { archiveInfo, helpers, households, measures, pairings, townships } from '../schema/index.ts';
import { changeStamp } from './stamp.ts';

export type HelperRow = typeof helpers.$inferSelect;
export type HelperFields = Pick<HelperRow, 'name' | 'unit' | 'unitLevel' | 'post' | 'phone'>;
export type MeasureFields = Omit<MeasureRecord, keyof Travelling>;

/** How many households each helper is paired with on `day`. */
export function pairedCountsOn(db: ReadDb, day: string): Map<string, number> {
  const rows = db
    .select({ helperId: pairings.helperId, n: sql<number>`count(*)` })
    .from(pairings)
    .where(sql`${pairings.startOn} <= ${day} AND (${pairings.endOn} IS NULL OR ${pairings.endOn} >= ${day})`)
    .groupBy(pairings.helperId)
    .all();
  return new Map(rows.map((c) => [c.helperId, c.n]));
}

/** Every helper, by name. */
export function helpersByName(db: ReadDb): HelperRow[] {
  return db.select().from(helpers).orderBy(asc(helpers.name)).all();
}

export function helperById(db: ReadDb, id: string): HelperRow | undefined {
  return db.select().from(helpers).where(eq(helpers.id, id)).get();
}

/** The township helpers belong to: the archive's own, else the first one recorded. */
export function helpersTownshipId(db: ReadDb): string | null {
  const info = db.select({ townshipId: archiveInfo.townshipId }).from(archiveInfo).get();
  return info?.townshipId ?? db.select({ id: townships.id }).from(townships).limit(1).get()?.id ?? null;
}

export function insertHelper(w: WriteDb, actor: Actor, id: string, townshipId: string, fields: HelperFields): void {
  w.insert(helpers).values({ ...fields, id, townshipId, version: 1, ...changeStamp(actor) }).run();
}

export function updateHelper(w: WriteDb, actor: Actor, id: string, fields: HelperFields): void {
  w.update(helpers).set({ ...fields, ...changeStamp(actor), version: sql`${helpers.version} + 1` }).where(eq(helpers.id, id)).run();
}

/** The household's 户编号, if it exists. */
export function householdNoOf(db: ReadDb, id: string): string | undefined {
  return db.select({ no: households.no }).from(households).where(eq(households.id, id)).get()?.no;
}

export function pairingById(db: ReadDb, id: string): PairingRecord | undefined {
  return db.select().from(pairings).where(eq(pairings.id, id)).get();
}

/** A household's pairings, earliest first. */
export function pairingsOfHousehold(db: ReadDb, householdId: string): PairingRecord[] {
  return db.select().from(pairings).where(eq(pairings.householdId, householdId)).orderBy(asc(pairings.startOn)).all();
}

/** A household's pairings without an end date. */
export function openPairingsOf(db: ReadDb, householdId: string): PairingRecord[] {
  return db.select().from(pairings).where(and(eq(pairings.householdId, householdId), isNull(pairings.endOn))).all();
}

export function insertPairing(w: WriteDb, actor: Actor, values: Pick<PairingRecord, 'helperId' | 'householdId' | 'startOn'>): PairingRecord {
  const row = { id: randomUUID(), version: 1, ...changeStamp(actor), ...values, endOn: null };
  w.insert(pairings).values(row).run();
  return row;
}

/** Ends the pairing on `endOn`; returns it as now recorded. */
export function endPairingOn(w: WriteDb, actor: Actor, p: PairingRecord, endOn: string): PairingRecord {
  const row = { ...p, endOn, version: p.version + 1, ...changeStamp(actor) };
  w.update(pairings).set(row).where(eq(pairings.id, p.id)).run();
  return row;
}

export function measureById(db: ReadDb, id: string): MeasureRecord | undefined {
  return db.select().from(measures).where(eq(measures.id, id)).get();
}

/** Adds the measure, or (`before`: the measure `id` as recorded) changes it; returns it as now recorded. */
export function saveMeasureRecord(w: WriteDb, actor: Actor, id: string, before: MeasureRecord | undefined, fields: MeasureFields): MeasureRecord {
  const row = { ...fields, id, version: (before?.version ?? 0) + 1, ...changeStamp(actor) };
  if (before) w.update(measures).set(row).where(eq(measures.id, id)).run();
  else w.insert(measures).values(row).run();
  return row;
}

export function deleteMeasureRecord(w: WriteDb, id: string): void {
  w.delete(measures).where(eq(measures.id, id)).run();
}
