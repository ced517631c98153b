// County mode (issue 16, item 5): the same rules across the townships' snapshots, quality per
// township. Each township is checked as its own archive checks itself — its households only, its
// latest income year, its province, 同一人在两户 within it — by the data check's own parts
// (core/check.ts checkSetup / finishCheck, db/quality.ts facts and Q105), not a copy of them.
// A snapshot does not change once received (the county is read-only), so its result is kept per
// township under the package it came from and the check's context: the screen opens at once the
// second time, and a new package from one township re-checks that township only.
// The township's 已核实无误 marks travel with its whole-archive package (quality_acks) and apply
// here as in the township (core/check-acks.ts applyAcks: listed apart with its reason and operator,
// out of the counts; raised again when the rows' fingerprint no longer matches). Across townships,
// the county finds what no township can: the same person registered in two (county-duplicates.ts).
import type { Archive } from '../../db/open.ts';
import { duplicateIdProblems, forEachHouseholdFacts } from '../../db/quality.ts';
import { townshipHouseholdIds, townshipLatestIncomeYear, townshipMemberCount } from '../../db/repos/county-quality.ts';
import { townshipList } from '../../db/repos/exchange-county.ts';
import type { TownshipRow } from '../../db/repos/exchange-county.ts';
import type { CountyFinding, CountyQualityView, RuleCount, TownshipProblemsView, TownshipQualityView } from '../../shared/api/county-quality.ts';
import { UserError } from '../../shared/errors.ts';
import { rulesFor, runRules } from '../../shared/quality/index.ts';
import type { Problem } from '../../shared/quality/index.ts';
import { applyAcks } from '../check-acks.ts';
import type { CheckWithAcks } from '../check-acks.ts';
import { checkSetup, finishCheck } from '../check.ts';
import type { CheckResult, CheckSetup } from '../check.ts';
import { crossTownshipDuplicates } from './county-duplicates.ts';
import { COUNTY_VIEW_ONLY, latestPackage, requireCounty } from './county-review.ts';

export interface TownshipCheck {
  township: TownshipRow;
  packageId: string | null;
  /** The check with the township's 已核实无误 applied (as its own 数据检查 shows it). */
  result: CheckWithAcks;
  households: number;
  members: number;
  checkedAt: string;
}

/** Results kept between visits: township id → its check, under the key it was made for. */
export type CountyQualityCache = Map<string, { key: string; check: TownshipCheck }>;

/** The check's setup for one township: its own latest income year and province. */
function townshipSetup(archive: Archive, t: TownshipRow, asOf: string): CheckSetup {
  const year = townshipLatestIncomeYear(archive.db, t.id);
  const base = checkSetup(archive, year == null ? { asOf } : { asOf, year });
  const province = t.province?.trim() || base.ctx.province;
  if (year == null) return { year: null, asOf, ctx: { ...base.ctx, year: Number(asOf.slice(0, 4)), province }, rules: rulesFor(false) };
  return { ...base, ctx: { ...base.ctx, province } };
}

/** One township's snapshot through every rule, as `checkArchive` on the township's own archive. */
export function checkTownship(archive: Archive, t: TownshipRow, asOf: string, setup = townshipSetup(archive, t, asOf)): CheckResult {
  const ids = townshipHouseholdIds(archive.db, t.id);
  const position = new Map<string, number>();
  const problems: Problem[] = [];
  if (ids.length) {
    forEachHouseholdFacts(archive.db, { householdIds: ids }, (f) => {
      position.set(f.household.id, position.size);
      for (const p of runRules(f, setup.ctx, setup.rules)) problems.push(p);
    });
  }
  return finishCheck(setup, problems, position, duplicateIdProblems(archive.db, asOf, { townshipId: t.id }));
}

function cachedTownship(archive: Archive, t: TownshipRow, asOf: string, now: () => Date, cache?: CountyQualityCache): TownshipCheck {
  const packageId = latestPackage(archive, t.id)?.packageId ?? null;
  const setup = townshipSetup(archive, t, asOf);
  const key = JSON.stringify([packageId, asOf, setup.ctx]);
  const had = cache?.get(t.id);
  if (had && had.key === key) return had.check;
  const result = applyAcks(archive.db, checkTownship(archive, t, asOf, setup));
  const check: TownshipCheck = { township: t, packageId, result, households: townshipHouseholdIds(archive.db, t.id).length, members: townshipMemberCount(archive.db, t.id), checkedAt: now().toISOString() };
  cache?.set(t.id, { key, check });
  return check;
}

function topRules(problems: readonly Problem[]): RuleCount[] {
  const by = new Map<string, RuleCount>();
  for (const p of problems) {
    const r = by.get(p.code);
    if (r) r.count += 1;
    else by.set(p.code, { code: p.code, title: p.title, count: 1 });
  }
  return [...by.values()].sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1)).slice(0, 3);
}

export function townshipQualityView(c: TownshipCheck): TownshipQualityView {
  const errorHouseholds = new Set(c.result.problems.filter((p) => p.severity === 'error').map((p) => p.householdId)).size;
  return {
    townshipId: c.township.id,
    name: c.township.name,
    code: c.township.code,
    packageId: c.packageId,
    households: c.households,
    members: c.members,
    errors: c.result.counts.error,
    warnings: c.result.counts.warning,
    errorHouseholds,
    errorHouseholdShare: c.households ? errorHouseholds / c.households : 0,
    top: topRules(c.result.problems),
    year: c.result.year,
    asOf: c.result.asOf,
    checkedAt: c.checkedAt,
  };
}

export interface CountyQualityOptions {
  asOf: string;
  /** The check's time stamp (检查时间). */
  now: () => Date;
  /** Kept between calls (the session's); none: every township is checked now. */
  cache?: CountyQualityCache;
  /** Called after each township (a job's bar; the shell's loop gets its turn between townships). */
  onTownship?: (done: number, total: number, name: string) => void | Promise<void>;
}

/** Every township held, checked (or kept from an earlier visit), by code and name. */
export async function countyQuality(archive: Archive, opts: CountyQualityOptions): Promise<CountyQualityView> {
  requireCounty(archive, COUNTY_VIEW_ONLY);
  const list = townshipList(archive.db);
  const townships: TownshipQualityView[] = [];
  for (const t of list) {
    townships.push(townshipQualityView(cachedTownship(archive, t, opts.asOf, opts.now, opts.cache)));
    await opts.onTownship?.(townships.length, list.length, t.name);
  }
  const sum = (k: 'households' | 'members' | 'errors' | 'warnings' | 'errorHouseholds'): number => townships.reduce((n, t) => n + t[k], 0);
  // The cache keeps only townships still held.
  if (opts.cache) for (const id of opts.cache.keys()) if (!list.some((t) => t.id === id)) opts.cache.delete(id);
  return {
    asOf: opts.asOf,
    townships,
    totals: { households: sum('households'), members: sum('members'), errors: sum('errors'), warnings: sum('warnings'), errorHouseholds: sum('errorHouseholds') },
    countyFindings: countyFindings(archive, townships, opts.asOf, opts.cache),
  };
}

/** The cross-township findings, kept with the cache while no township sends again. */
const kept = new WeakMap<CountyQualityCache, { key: string; findings: CountyFinding[] }>();

function countyFindings(archive: Archive, townships: readonly Pick<TownshipQualityView, 'townshipId' | 'packageId'>[], asOf: string, cache?: CountyQualityCache): CountyFinding[] {
  const key = JSON.stringify([asOf, townships.map((t) => [t.townshipId, t.packageId])]);
  const had = cache && kept.get(cache);
  if (had && had.key === key) return had.findings;
  const findings = crossTownshipDuplicates(archive.db, asOf);
  if (cache) kept.set(cache, { key, findings });
  return findings;
}

/** One township's findings, in the order a clerk works (village order, 户编号, rule). */
export function townshipProblems(archive: Archive, townshipId: string, opts: Omit<CountyQualityOptions, 'onTownship'>): TownshipProblemsView {
  requireCounty(archive, COUNTY_VIEW_ONLY);
  const t = townshipList(archive.db).find((x) => x.id === townshipId);
  if (!t) throw new UserError('县级档案中没有这个乡镇：请先导入该乡镇报送的数据包。');
  const c = cachedTownship(archive, t, opts.asOf, opts.now, opts.cache);
  const held = townshipList(archive.db).map((x) => ({ townshipId: x.id, packageId: latestPackage(archive, x.id)?.packageId ?? null }));
  const mine = countyFindings(archive, held, opts.asOf, opts.cache).filter((f) => f.townshipId === t.id);
  return { townshipId: t.id, township: t.name, ...c.result, countyFindings: mine };
}
