// The data-quality check (`relief-archive check`, the app's 数据检查): every rule over every
// household, plus the archive-wide ones, in the order a clerk works through a village.
import type { Archive } from '../db/open.ts';
import { DuplicateIds, duplicateIdProblems, forEachHouseholdFacts, forEachHouseholdFactsOfRun, householdHeadsById, loadQualityContextParts } from '../db/quality.ts';
import type { HeadById } from '../db/quality.ts';
import type { ReadDb } from '../db/handles.ts';
import { isIsoDate } from '../shared/dates.ts';
import { UserError } from '../shared/errors.ts';
import { rulesFor, runRules } from '../shared/quality/index.ts';
import type { Problem, QualityContext } from '../shared/quality/index.ts';

export interface CheckOptions {
  /** The day ages and periods are computed on (the shell passes its today). */
  asOf: string;
  /** The income year checked; default the latest year with incomes. */
  year?: number;
  villageId?: string;
}

export interface CheckResult {
  /** The check year; null when the archive has no incomes (the check-year rules were skipped). */
  year: number | null;
  asOf: string;
  problems: Problem[];
  counts: { error: number; warning: number };
}

/** What every part of one check shares: its year, the rules' context, the rules. */
export interface CheckSetup {
  year: number | null;
  asOf: string;
  ctx: QualityContext;
  rules: ReturnType<typeof rulesFor>;
}

export function checkSetup(archive: Archive, opts: CheckOptions): CheckSetup {
  const { asOf } = opts;
  if (!isIsoDate(asOf)) throw new UserError(`检查日期“${asOf}”无效，应为 YYYY-MM-DD 格式，例如 2024-12-31。`, { kind: 'usage' });
  if (opts.year !== undefined && !Number.isInteger(opts.year)) {
    throw new UserError(`收入年度“${String(opts.year)}”无效，应为四位年份，例如 2024。`, { kind: 'usage' });
  }
  const parts = loadQualityContextParts(archive.db);
  const year = opts.year ?? parts.latestIncomeYear;
  const ctx: QualityContext = { today: asOf, year: year ?? Number(asOf.slice(0, 4)), province: parts.province, policy: parts.policy };
  return { year, asOf, ctx, rules: rulesFor(year != null) };
}

/**
 * The households' problems (`problems`, any order) and the archive-wide duplicate IDs, sorted
 * as a clerk works: by `position` (village order, then 户编号), then code.
 */
export function finishCheck(setup: CheckSetup, problems: Problem[], position: ReadonlyMap<string, number>, duplicates: Problem[]): CheckResult {
  problems.push(...duplicates.filter((p) => position.has(p.householdId)));
  const at = (p: Problem): number => position.get(p.householdId) ?? Number.MAX_SAFE_INTEGER;
  // Stable sort: within one household and code, the rule's own order (members by 户内序号) stays.
  problems.sort((a, b) => at(a) - at(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const counts = { error: 0, warning: 0 };
  for (const p of problems) counts[p.severity] += 1;
  return { year: setup.year, asOf: setup.asOf, problems, counts };
}

/** `onProgress` (0…1 over the households) and `signal` let a job show a bar and stop the check. */
export function checkArchive(archive: Archive, opts: CheckOptions & { onProgress?: (fraction: number) => void; signal?: AbortSignal }): CheckResult {
  const setup = checkSetup(archive, opts);
  // Each household's place in village order, then 户编号, is the sort key. Their facts are read a
  // chunk at a time and dropped once checked (memory flat in the archive's size).
  const position = new Map<string, number>();
  const problems: Problem[] = [];
  // Q105's candidates, from the members the walk reads anyway; a village's check does not see
  // the other villages' members, so Q105 groups the whole archive itself then.
  const duplicates = opts.villageId == null ? new DuplicateIds() : null;
  opts.signal?.throwIfAborted();
  const progress = (done: number, total: number): void => {
    opts.signal?.throwIfAborted();
    opts.onProgress?.(done / total);
  };
  if (duplicates) {
    // The whole archive: read in id order (range scans), each household placed by its position.
    const heads = householdHeadsById(archive.db);
    for (const h of heads) position.set(h.id, h.position);
    checkRun(archive.db, setup, heads, problems, duplicates, progress);
  } else {
    forEachHouseholdFacts(
      archive.db,
      { villageId: opts.villageId },
      (f) => {
        position.set(f.household.id, position.size);
        for (const p of runRules(f, setup.ctx, setup.rules)) problems.push(p);
      },
      progress,
    );
  }
  return finishCheck(setup, problems, position, duplicateIdProblems(archive.db, setup.asOf, { candidates: duplicates?.found, stored: duplicates?.stored() }));
}

/**
 * The rules over a run of households (consecutive in id order: householdHeadsById), their
 * problems added to `problems`, their members' ID numbers to `duplicates` (for Q105). The whole
 * check is one run; the parallel check (core/check-parallel.ts) gives each thread one.
 */
export function checkRun(
  db: ReadDb,
  setup: CheckSetup,
  heads: readonly HeadById[],
  problems: Problem[],
  duplicates: DuplicateIds,
  afterChunk?: (done: number, total: number) => void,
): void {
  forEachHouseholdFactsOfRun(
    db,
    heads,
    (f, head) => {
      for (const m of f.members) duplicates.add(m, head.position);
      for (const p of runRules(f, setup.ctx, setup.rules)) problems.push(p);
    },
    afterChunk,
  );
}
