// Township statistics: the figures behind the wall chart and the overview screen.
import type { Archive } from '../db/open.ts';
import {
  countByAttribute,
  countByExitYear,
  countByMainCause,
  helperCoverage,
  latestIncomeYear,
  villageCounts,
} from '../db/stats.ts';
import type { HouseholdStatus } from '../shared/status.ts';
import { HOUSEHOLD_STATUSES, MONITORED_STATUSES, POOR_STATUSES, REGISTERED_STATUSES, STATUS_LABELS } from '../shared/status.ts';

const FILED: readonly HouseholdStatus[] = ['poor', 'exited', 'returned'];

export interface VillageStats {
  code: string;
  name: string;
  isPoorVillage: boolean;
  exitYear: number | null;
  firstSecretary: string | null;
  households: number;
  members: number;
  poorHouseholds: number;
  poorMembers: number;
  exitedHouseholds: number;
  exitedMembers: number;
  monitoredHouseholds: number;
  monitoredMembers: number;
  /** 贫困发生率 in percent, poor members over the rural population (or archive members). */
  incidence: number;
  /** The rate's denominator: the rural population of the village's yearly figures, else the archive's members; 0 = no rate. */
  population: number;
}

export interface TownshipStats {
  year: number | null;
  villages: number;
  households: number;
  members: number;
  registeredHouseholds: number;
  registeredMembers: number;
  byStatus: Record<HouseholdStatus, { label: string; households: number; members: number }>;
  byCause: Record<string, number>;
  byAttribute: Record<string, number>;
  exitsByYear: Record<string, number>;
  helperCoverage: { households: number; covered: number; helpers: number };
  perVillage: VillageStats[];
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** `asOf`: the day helper pairings are counted on (the shell passes its today). */
export function townshipStats(archive: Archive, opts: { year?: number; asOf: string }): TownshipStats {
  const { db } = archive;
  const year = opts.year ?? latestIncomeYear(db);
  const villages = villageCounts(db, year);
  const byStatus = Object.fromEntries(
    HOUSEHOLD_STATUSES.map((s) => [s, { label: STATUS_LABELS[s], households: 0, members: 0 }]),
  ) as TownshipStats['byStatus'];
  const sum = (v: (typeof villages)[number], statuses: readonly HouseholdStatus[], key: 'households' | 'members') =>
    statuses.reduce((n, s) => n + (v.byStatus[s]?.[key] ?? 0), 0);

  const perVillage = villages.map((v): VillageStats => {
    for (const s of HOUSEHOLD_STATUSES) {
      byStatus[s].households += v.byStatus[s]?.households ?? 0;
      byStatus[s].members += v.byStatus[s]?.members ?? 0;
    }
    const poorMembers = sum(v, POOR_STATUSES, 'members');
    const population = v.ruralPopulation ?? v.members;
    return {
      code: v.code,
      name: v.name,
      isPoorVillage: v.isPoorVillage,
      exitYear: v.exitYear,
      firstSecretary: v.firstSecretary,
      households: v.households,
      members: v.members,
      poorHouseholds: sum(v, POOR_STATUSES, 'households'),
      poorMembers,
      exitedHouseholds: sum(v, ['exited'], 'households'),
      exitedMembers: sum(v, ['exited'], 'members'),
      monitoredHouseholds: sum(v, MONITORED_STATUSES, 'households'),
      monitoredMembers: sum(v, MONITORED_STATUSES, 'members'),
      incidence: population > 0 ? round2((poorMembers / population) * 100) : 0,
      population,
    };
  });

  return {
    year,
    villages: villages.length,
    households: perVillage.reduce((n, v) => n + v.households, 0),
    members: perVillage.reduce((n, v) => n + v.members, 0),
    registeredHouseholds: REGISTERED_STATUSES.reduce((n, s) => n + byStatus[s].households, 0),
    registeredMembers: REGISTERED_STATUSES.reduce((n, s) => n + byStatus[s].members, 0),
    byStatus,
    byCause: countByMainCause(db, FILED),
    byAttribute: countByAttribute(db, FILED),
    exitsByYear: countByExitYear(db),
    helperCoverage: helperCoverage(db, REGISTERED_STATUSES, opts.asOf),
    perVillage,
  };
}
