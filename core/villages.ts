// Villages with their counts and yearly figures.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { villageYears, villages } from '../db/schema/index.ts';
import type { VillageView } from '../shared/api/index.ts';
import { UserError } from '../shared/errors.ts';

function counts(db: Db): Map<string, { households: number; members: number }> {
  const rows = db.$client
    .prepare(
      `SELECT h.village_id AS id, count(DISTINCT h.id) AS households, count(m.id) AS members
         FROM households h LEFT JOIN members m ON m.household_id = h.id AND m.left_reason IS NULL
        GROUP BY h.village_id`,
    )
    .all() as { id: string; households: number; members: number }[];
  return new Map(rows.map((r) => [r.id, r]));
}

export function listVillages(db: Db): VillageView[] {
  const byVillage = counts(db);
  const years = db.select().from(villageYears).orderBy(asc(villageYears.year)).all();
  return db
    .select()
    .from(villages)
    .orderBy(asc(villages.sortOrder), asc(villages.code))
    .all()
    .map((v) => ({
      ...v,
      households: byVillage.get(v.id)?.households ?? 0,
      members: byVillage.get(v.id)?.members ?? 0,
      years: years
        .filter((y) => y.villageId === v.id)
        .map(({ year, ruralHouseholds, ruralPopulation, perCapitaIncomeFen, collectiveIncomeFen, checklist }) => ({
          year,
          ruralHouseholds,
          ruralPopulation,
          perCapitaIncomeFen,
          collectiveIncomeFen,
          checklist,
        })),
    }));
}

export function villageById(db: Db, id: string): VillageView {
  if (!db.select({ id: villages.id }).from(villages).where(eq(villages.id, id)).get()) {
    throw new UserError('找不到这个行政村，请返回列表刷新。');
  }
  return listVillages(db).find((v) => v.id === id)!;
}
