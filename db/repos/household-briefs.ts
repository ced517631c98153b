// Short descriptions of households for lists and messages (户编号, 户主, size, village), and
// households found by 户编号 as typed on the command line.
import type { HouseholdStatus } from '../../shared/status.ts';
import type { ReadDb } from '../handles.ts';

export interface HouseholdBrief {
  id: string;
  no: string;
  head: string | null;
  size: number;
  status: HouseholdStatus;
  villageId: string;
  villageName: string;
  villageSort: number;
  groupName: string | null;
}

/** 户编号, 户主, current size, status and village of the given households (or all, with null). */
export function householdBriefs(db: ReadDb, ids: readonly string[] | null): HouseholdBrief[] {
  return db.$client
    .prepare(
      `SELECT h.id, h.no, h.status, h.village_id AS villageId, v.name AS villageName, v.sort_order AS villageSort, h.group_name AS groupName,
          (SELECT name FROM members WHERE household_id = h.id AND relation = '户主' AND left_reason IS NULL ORDER BY seq LIMIT 1) AS head,
          (SELECT count(*) FROM members WHERE household_id = h.id AND left_reason IS NULL) AS size
        FROM households h JOIN villages v ON v.id = h.village_id
        ${ids ? 'WHERE h.id IN (SELECT value FROM json_each(?))' : ''}`,
    )
    .all(...(ids ? [JSON.stringify(ids)] : [])) as HouseholdBrief[];
}

/** Id and 户编号 of the households among `nos` that exist. */
export function householdsByNo(db: ReadDb, nos: readonly string[]): { id: string; no: string }[] {
  return db.$client.prepare('SELECT id, no FROM households WHERE no IN (SELECT value FROM json_each(?))').all(JSON.stringify(nos)) as { id: string; no: string }[];
}
