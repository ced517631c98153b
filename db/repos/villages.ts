// Villages of the township, with their household and member counts and yearly figures.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { VillageRecord } from '../../shared/records.ts';
import { REGISTERED_STATUSES } from '../../shared/status.ts';
import type { Actor } from '../../shared/actor.ts';
import type { ReadDb, WriteDb } from '../handles.ts';
import { archiveInfo, villageYears, villages } from '../schema/index.ts';
import { changeStamp } from './stamp.ts';

export type VillageYearRow = typeof villageYears.$inferSelect;

export interface VillagePopulation {
  id: string;
  households: number;
  members: number;
  /** 建档立卡 and monitored households (REGISTERED_STATUSES) and their current members. */
  registeredHouseholds: number;
  registeredMembers: number;
}

/** Households and current members per village, all and registered (villages without households are absent). */
export function villagePopulation(db: ReadDb): VillagePopulation[] {
  const registered = REGISTERED_STATUSES.map((st) => `'${st}'`).join(',');
  return db.$client
    .prepare(
      `SELECT h.village_id AS id, count(DISTINCT h.id) AS households, count(m.id) AS members,
              count(DISTINCT CASE WHEN h.status IN (${registered}) THEN h.id END) AS registeredHouseholds,
              count(CASE WHEN h.status IN (${registered}) THEN m.id END) AS registeredMembers
         FROM households h LEFT JOIN members m ON m.household_id = h.id AND m.left_reason IS NULL
        GROUP BY h.village_id`,
    )
    .all() as VillagePopulation[];
}

/** Every village's yearly figures, earliest year first. */
export function villageYearRows(db: ReadDb): VillageYearRow[] {
  return db.select().from(villageYears).orderBy(asc(villageYears.year)).all();
}

/** Every village in list order (sort order, then code). */
export function villagesInOrder(db: ReadDb): VillageRecord[] {
  return db.select().from(villages).orderBy(asc(villages.sortOrder), asc(villages.code)).all();
}

export function villageById(db: ReadDb, id: string): VillageRecord | undefined {
  return db.select().from(villages).where(eq(villages.id, id)).get();
}

export function villagesByIds(db: ReadDb, ids: readonly string[]): VillageRecord[] {
  return ids.length ? db.select().from(villages).where(inArray(villages.id, [...ids])).all() : [];
}

/** The name the archive was created with (the township's), if recorded. */
export function archiveName(db: ReadDb): string | null {
  return db.select({ name: archiveInfo.name }).from(archiveInfo).get()?.name ?? null;
}

export type VillageInsert = Omit<VillageRecord, 'workTeam' | 'firstSecretary' | 'firstSecretaryPhone' | 'committeePhone' | 'isPoorVillage' | 'exitYear'> & Partial<VillageRecord>;

/** A village the import met by name (its code provisional until corrected in 行政村). */
export function insertVillage(w: WriteDb, v: VillageInsert): void {
  w.insert(villages).values(v).run();
}

export function villageByCode(db: ReadDb, code: string): VillageRecord | undefined {
  return db.select().from(villages).where(eq(villages.code, code)).get();
}

export type VillageFields = Pick<VillageRecord, 'code' | 'name' | 'isPoorVillage' | 'exitYear' | 'workTeam' | 'firstSecretary' | 'firstSecretaryPhone'>;

/** A village the clerk added (新增行政村), last in the list. */
export function addVillageRow(w: WriteDb, actor: Actor, id: string, townshipId: string, fields: VillageFields): void {
  const last = w.$client.prepare('SELECT coalesce(max(sort_order), 0) AS n FROM villages').get() as { n: number };
  w.insert(villages).values({ ...fields, id, townshipId, sortOrder: last.n + 1, version: 1, ...changeStamp(actor) }).run();
}

export function updateVillageRow(w: WriteDb, actor: Actor, id: string, fields: VillageFields): void {
  w.update(villages).set({ ...fields, ...changeStamp(actor), version: sql`${villages.version} + 1` }).where(eq(villages.id, id)).run();
}

export type VillageYearFields = Pick<VillageYearRow, 'ruralHouseholds' | 'ruralPopulation' | 'perCapitaIncomeFen' | 'collectiveIncomeFen' | 'checklist'>;

export function villageYearOf(db: ReadDb, villageId: string, year: number): VillageYearRow | undefined {
  return db.select().from(villageYears).where(and(eq(villageYears.villageId, villageId), eq(villageYears.year, year))).get();
}

/** The village's figures of one year, added or replaced. */
export function putVillageYear(w: WriteDb, actor: Actor, id: string, villageId: string, year: number, fields: VillageYearFields, existing: boolean): void {
  if (existing) w.update(villageYears).set({ ...fields, ...changeStamp(actor), version: sql`${villageYears.version} + 1` }).where(eq(villageYears.id, id)).run();
  else w.insert(villageYears).values({ ...fields, id, villageId, year, version: 1, ...changeStamp(actor) }).run();
}
