// The numbers behind the wall chart, as GROUP BY queries (derived, never stored).
import type { HouseholdStatus } from '../shared/status.ts';
import type { Db } from './open.ts';

export interface VillageCounts {
  id: string;
  code: string;
  name: string;
  isPoorVillage: boolean;
  exitYear: number | null;
  firstSecretary: string | null;
  households: number;
  members: number;
  byStatus: Partial<Record<HouseholdStatus, { households: number; members: number }>>;
  /** Rural population from the village's yearly figures, if recorded for the year. */
  ruralPopulation: number | null;
}

interface StatusRow {
  village_id: string;
  status: HouseholdStatus;
  households: number;
  members: number;
}

export function villageCounts(db: Db, year: number | null): VillageCounts[] {
  const sqlite = db.$client;
  const villages = sqlite
    .prepare(
      `SELECT v.id, v.code, v.name, v.is_poor_village AS isPoor, v.exit_year AS exitYear,
              v.first_secretary AS firstSecretary, vy.rural_population AS ruralPopulation
         FROM villages v
         LEFT JOIN village_years vy ON vy.village_id = v.id AND vy.year = ?
        ORDER BY v.sort_order, v.code`,
    )
    .all(year ?? -1) as {
    id: string;
    code: string;
    name: string;
    isPoor: number;
    exitYear: number | null;
    firstSecretary: string | null;
    ruralPopulation: number | null;
  }[];
  const rows = sqlite
    .prepare(
      `SELECT h.village_id, h.status, count(*) AS households, coalesce(sum(m.n), 0) AS members
         FROM households h
         LEFT JOIN (SELECT household_id, count(*) AS n FROM members WHERE left_reason IS NULL GROUP BY household_id) m
                ON m.household_id = h.id
        GROUP BY h.village_id, h.status`,
    )
    .all() as StatusRow[];
  const byVillage = new Map<string, StatusRow[]>();
  for (const r of rows) byVillage.set(r.village_id, [...(byVillage.get(r.village_id) ?? []), r]);
  return villages.map((v) => {
    const mine = byVillage.get(v.id) ?? [];
    const byStatus: VillageCounts['byStatus'] = {};
    for (const r of mine) byStatus[r.status] = { households: r.households, members: r.members };
    return {
      id: v.id,
      code: v.code,
      name: v.name,
      isPoorVillage: v.isPoor === 1,
      exitYear: v.exitYear,
      firstSecretary: v.firstSecretary,
      households: mine.reduce((s, r) => s + r.households, 0),
      members: mine.reduce((s, r) => s + r.members, 0),
      byStatus,
      ruralPopulation: v.ruralPopulation,
    };
  });
}

/** Main poverty cause of the households in the given statuses: label → households. */
export function countByMainCause(db: Db, statuses: readonly HouseholdStatus[]): Record<string, number> {
  const placeholders = statuses.map(() => '?').join(',');
  const rows = db.$client
    .prepare(
      `SELECT coalesce(main_cause, '未填写') AS cause, count(*) AS n FROM households
        WHERE status IN (${placeholders}) GROUP BY cause ORDER BY n DESC, cause`,
    )
    .all(...statuses) as { cause: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.cause, r.n]));
}

export function countByAttribute(db: Db, statuses: readonly HouseholdStatus[]): Record<string, number> {
  const placeholders = statuses.map(() => '?').join(',');
  const rows = db.$client
    .prepare(
      `SELECT coalesce(attribute, '未填写') AS attribute, count(*) AS n FROM households
        WHERE status IN (${placeholders}) GROUP BY attribute ORDER BY n DESC, attribute`,
    )
    .all(...statuses) as { attribute: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.attribute, r.n]));
}

export function countByExitYear(db: Db): Record<string, number> {
  const rows = db.$client
    .prepare(
      `SELECT exit_year AS year, count(*) AS n FROM households
        WHERE exit_year IS NOT NULL GROUP BY exit_year ORDER BY exit_year`,
    )
    .all() as { year: number; n: number }[];
  return Object.fromEntries(rows.map((r) => [String(r.year), r.n]));
}

/** Households in the given statuses, and how many of them have a helper paired today. */
export function helperCoverage(db: Db, statuses: readonly HouseholdStatus[], today: string): { households: number; covered: number; helpers: number } {
  const placeholders = statuses.map(() => '?').join(',');
  const row = db.$client
    .prepare(
      `SELECT count(*) AS households,
              sum(EXISTS (SELECT 1 FROM pairings p WHERE p.household_id = h.id
                            AND p.start_on <= ? AND (p.end_on IS NULL OR p.end_on >= ?))) AS covered
         FROM households h WHERE h.status IN (${placeholders})`,
    )
    .get(today, today, ...statuses) as { households: number; covered: number | null };
  const helpers = db.$client
    .prepare('SELECT count(DISTINCT helper_id) AS n FROM pairings WHERE start_on <= ? AND (end_on IS NULL OR end_on >= ?)')
    .get(today, today) as { n: number };
  return { households: row.households, covered: row.covered ?? 0, helpers: helpers.n };
}

export function latestIncomeYear(db: Db): number | null {
  const row = db.$client.prepare('SELECT max(year) AS y FROM incomes').get() as { y: number | null };
  return row.y;
}
