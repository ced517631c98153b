// What decides whether a household may join a batch: its status, village, welfare, income of a
// year, an earlier risk removal, and whether it is already going through a batch of the kind.
import type { HouseholdStatus } from '../../shared/status.ts';
import type { IncomeComponents } from '../../shared/income.ts';
import type { ReadDb } from '../handles.ts';

/** The latest year with incomes up to `year`, or null. */
export function latestIncomeYearUpTo(db: ReadDb, year: number): number | null {
  return (db.$client.prepare('SELECT max(year) AS y FROM incomes WHERE year <= ?').get(year) as { y: number | null }).y;
}

export interface EligibleQuery {
  statuses: readonly HouseholdStatus[];
  /** Restricts to these villages; empty means all. */
  villageIds: readonly string[];
  /** Leaves out households with a current 低保 or 特困 member. */
  excludeWelfare: boolean;
}

/** Ids of the households of one of the statuses, in the villages, optionally without welfare members. */
export function eligibleHouseholdIds(db: ReadDb, q: EligibleQuery): string[] {
  const rows = db.$client
    .prepare(
      `SELECT h.id FROM households h WHERE h.status IN (SELECT value FROM json_each(?))
        ${q.villageIds.length ? 'AND h.village_id IN (SELECT value FROM json_each(?))' : ''}
        ${q.excludeWelfare ? 'AND NOT EXISTS (SELECT 1 FROM members m WHERE m.household_id = h.id AND m.left_reason IS NULL AND (m.is_dibao = 1 OR m.is_tekun = 1))' : ''}`,
    )
    .all(JSON.stringify(q.statuses), ...(q.villageIds.length ? [JSON.stringify(q.villageIds)] : [])) as { id: string }[];
  return rows.map((r) => r.id);
}

export interface YearIncomeRow extends IncomeComponents {
  householdId: string;
  householdSize: number;
}

/** Every household's income components of the year. */
export function incomesOfYear(db: ReadDb, year: number): YearIncomeRow[] {
  return db.$client
    .prepare(
      `SELECT household_id AS householdId, household_size AS householdSize, wage_fen AS wageFen, business_fen AS businessFen, property_fen AS propertyFen,
         family_planning_fen AS familyPlanningFen, dibao_fen AS dibaoFen, tekun_fen AS tekunFen, pension_fen AS pensionFen,
         eco_compensation_fen AS ecoCompensationFen, other_transfer_fen AS otherTransferFen, business_expense_fen AS businessExpenseFen
       FROM incomes WHERE year = ?`,
    )
    .all(year) as YearIncomeRow[];
}

/** Those among `ids` whose risk has been removed. */
export function riskRemovedAmong(db: ReadDb, ids: readonly string[]): string[] {
  const rows = db.$client.prepare('SELECT id FROM households WHERE risk_removed = 1 AND id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as { id: string }[];
  return rows.map((r) => r.id);
}

/**
 * Those among `ids` still going through another open batch of the kind (in it, not removed,
 * never given 不通过/退回), with that batch's title.
 */
export function busyInOtherBatches(db: ReadDb, batch: { id: string; kind: string }, ids: readonly string[]): { householdId: string; title: string }[] {
  return db.$client
    .prepare(
      `SELECT bh.household_id AS householdId, b.title FROM batch_households bh JOIN batches b ON b.id = bh.batch_id
        WHERE b.kind = ? AND b.status = 'open' AND b.id <> ? AND bh.removed_on IS NULL
          AND bh.household_id IN (SELECT value FROM json_each(?))
          AND NOT EXISTS (SELECT 1 FROM step_outcomes so WHERE so.batch_household_id = bh.id AND so.outcome <> 'pass')`,
    )
    .all(batch.kind, batch.id, JSON.stringify(ids)) as { householdId: string; title: string }[];
}
