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

export interface CrossTownshipRow {
  /** Upper-cased, trimmed. */
  idNumber: string;
  memberId: string;
  name: string;
  relation: string | null;
  townshipId: string;
  township: string;
  householdId: string;
  no: string;
  village: string;
}

/**
 * Current members whose ID number is also a current member's in another township's snapshot (a
 * person registered in two townships), grouped by number, townships by code, then the check's order.
 */
export function crossTownshipIdRows(db: ReadDb): CrossTownshipRow[] {
  return db.$client
    .prepare(
      `WITH cur AS (
         SELECT m.id, m.household_id, m.name, m.relation, upper(trim(m.id_number)) AS idn, v.township_id AS tid
         FROM members m JOIN households h ON h.id = m.household_id JOIN villages v ON v.id = h.village_id
         WHERE (m.left_reason IS NULL OR trim(m.left_reason) = '') AND m.id_number IS NOT NULL AND trim(m.id_number) <> ''
       ),
       dup AS (SELECT idn FROM cur GROUP BY idn HAVING count(DISTINCT tid) > 1)
       SELECT cur.idn AS idNumber, cur.id AS memberId, cur.name AS name, cur.relation AS relation, cur.tid AS townshipId,
              t.name AS township, h.id AS householdId, h.no AS no, v.name AS village
       FROM cur JOIN dup ON dup.idn = cur.idn
       JOIN households h ON h.id = cur.household_id
       JOIN villages v ON v.id = h.village_id
       JOIN townships t ON t.id = cur.tid
       ORDER BY cur.idn, t.code, t.name, v.sort_order, v.code, h.no`,
    )
    .all() as CrossTownshipRow[];
}
