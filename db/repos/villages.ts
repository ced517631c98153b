// Villages of the township, with their household and member counts and yearly figures.
import { asc, eq, inArray } from 'drizzle-orm';
import type { VillageRecord } from '../../shared/records.ts';
import type { ReadDb, WriteDb } from '../handles.ts';
import { archiveInfo, villageYears, villages } from '../schema/index.ts';

export type VillageYearRow = typeof villageYears.$inferSelect;

/** Households and current members per village (villages without households are absent). */
export function villagePopulation(db: ReadDb): { id: string; households: number; members: number }[] {
  return db.$client
    .prepare(
      `SELECT h.village_id AS id, count(DISTINCT h.id) AS households, count(m.id) AS members
         FROM households h LEFT JOIN members m ON m.household_id = h.id AND m.left_reason IS NULL
        GROUP BY h.village_id`,
    )
    .all() as { id: string; households: number; members: number }[];
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
