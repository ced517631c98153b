// County mode, the data check per township: the households a township's snapshot holds (in the
// check's order), its latest income year and its province — so one township is checked as its
// own archive would check itself.
import type { ReadDb } from '../handles.ts';

/** The township's households, by village order then 户编号 (the check's order). */
export function townshipHouseholdIds(db: ReadDb, townshipId: string): string[] {
  return db.$client
    .prepare('SELECT h.id FROM households h JOIN villages v ON v.id = h.village_id WHERE v.township_id = ? ORDER BY v.sort_order, v.code, h.no')
    .pluck()
    .all(townshipId) as string[];
}

/** The latest year with an income row in the township; null when it has none. */
export function townshipLatestIncomeYear(db: ReadDb, townshipId: string): number | null {
  return db.$client
    .prepare('SELECT max(i.year) FROM incomes i JOIN households h ON h.id = i.household_id JOIN villages v ON v.id = h.village_id WHERE v.township_id = ?')
    .pluck()
    .get(townshipId) as number | null;
}

/** Current members of the township's households (the 人数 column). */
export function townshipMemberCount(db: ReadDb, townshipId: string): number {
  return db.$client
    .prepare('SELECT count(*) FROM members m JOIN households h ON h.id = m.household_id JOIN villages v ON v.id = h.village_id WHERE v.township_id = ? AND m.left_reason IS NULL')
    .pluck()
    .get(townshipId) as number;
}
