// Villages with their counts and yearly figures.
import type { ReadDb } from '../db/handles.ts';
import { villageById as villageRow, villagePopulation, villageYearRows, villagesInOrder } from '../db/repos/villages.ts';
import type { VillageView } from '../shared/api/index.ts';
import { UserError } from '../shared/errors.ts';

export function listVillages(db: ReadDb): VillageView[] {
  const byVillage = new Map(villagePopulation(db).map((r) => [r.id, r]));
  const years = villageYearRows(db);
  return villagesInOrder(db).map((v) => ({
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

export function villageById(db: ReadDb, id: string): VillageView {
  if (!villageRow(db, id)) throw new UserError('找不到这个行政村，请返回列表刷新。');
  return listVillages(db).find((v) => v.id === id)!;
}
