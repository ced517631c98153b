// The import preview's 导入后数据检查: the plan written into a staging copy of the archive
// (db/staging.ts: encrypted like the archive, deleted after), then the very check 数据检查 runs
// (the same rules, context and order as core/check.ts, archive-wide Q105 on the merged state) —
// so the preview's counts are the ones the clerk sees right after confirming. The archive itself
// is only read (VACUUM INTO); nothing is written to it before the confirm.
import { gatherFacts, duplicateIdProblems } from '../../db/quality.ts';
import { householdBriefs } from '../../db/repos/household-briefs.ts';
import { householdNosInOrder } from '../../db/repos/households.ts';
import { stagingCopy } from '../../db/staging.ts';
import type { Archive } from '../../db/open.ts';
import type { Actor } from '../../shared/actor.ts';
import { todayIso } from '../../shared/dates.ts';
import { runRules } from '../../shared/quality/index.ts';
import type { Problem, Severity } from '../../shared/quality/index.ts';
import { checkSetup, finishCheck } from '../check.ts';
import type { CheckResult } from '../check.ts';
import { problemsListTable } from '../lists/tables.ts';
import { listWorkbookBuffer } from '../lists/export.ts';
import { applyPlan } from './apply.ts';
import { cancelled } from './workbook.ts';
import type { ApplyInput } from './apply.ts';

/** Rows of findings the preview lists on screen (all of them go into the workbook). */
export const QUALITY_ROWS = 200;
/** Households checked between two yields (a cancel and a progress report get through). */
const SLICE = 300;

export interface ImportQualityRule {
  code: string;
  title: string;
  severity: Severity;
  count: number;
}

export interface ImportQualityRow {
  village: string;
  no: string;
  head: string | null;
  member: string | null;
  severity: Severity;
  code: string;
  problem: string;
}

export interface ImportQuality {
  /** The check's day and income year (null: no incomes), as 数据检查 will use them. */
  asOf: string;
  year: number | null;
  errors: number;
  warnings: number;
  /** Findings per rule code. */
  byRule: Record<string, number>;
  /** The rules that fire, most findings first. */
  rules: ImportQualityRule[];
  /** The first QUALITY_ROWS findings in the order 数据检查 lists them. */
  rows: ImportQualityRow[];
  /** Every finding as the county's 问题清单 (core/lists), when asked for and there are any. */
  workbook: Buffer | null;
}

export interface QualityRun {
  actor: Actor;
  signal?: AbortSignal;
  /** 0…1 over staging, writing the plan there, and the check. */
  onProgress?: (fraction: number) => void;
  /** Where the staging folder is made (default the system's temp folder). */
  stagingParent?: string;
  /** Also write every finding into the 问题清单 workbook (seconds for thousands of rows: on demand). */
  workbook?: boolean;
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

function stopIfCancelled(run: QualityRun): void {
  if (run.signal?.aborted) throw cancelled();
}

/** The check of a whole archive, a slice of households at a time with a yield between (cancel, progress). */
async function checkInSlices(archive: Archive, asOf: string, run: QualityRun, from: number): Promise<CheckResult> {
  const setup = checkSetup(archive, { asOf });
  const order = householdNosInOrder(archive.db);
  const problems: Problem[] = [];
  for (let i = 0; i < order.length; i += SLICE) {
    run.onProgress?.(from + (1 - from) * (i / order.length) * 0.95);
    await tick();
    stopIfCancelled(run);
    for (const f of gatherFacts(archive.db, { householdIds: order.slice(i, i + SLICE).map((h) => h.id) })) problems.push(...runRules(f, setup.ctx, setup.rules));
  }
  const position = new Map(order.map((h, i) => [h.id, i]));
  return finishCheck(setup, problems, position, duplicateIdProblems(archive.db, setup.asOf));
}

function summarize(check: CheckResult, heads: ReadonlyMap<string, string | null>): Omit<ImportQuality, 'workbook'> {
  const rules = new Map<string, ImportQualityRule>();
  for (const p of check.problems) {
    const r = rules.get(p.code);
    if (r) r.count++;
    else rules.set(p.code, { code: p.code, title: p.title, severity: p.severity, count: 1 });
  }
  const sorted = [...rules.values()].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || b.count - a.count || (a.code < b.code ? -1 : 1));
  return {
    asOf: check.asOf,
    year: check.year,
    errors: check.counts.error,
    warnings: check.counts.warning,
    byRule: Object.fromEntries(sorted.map((r) => [r.code, r.count])),
    rules: sorted,
    rows: check.problems.slice(0, QUALITY_ROWS).map((p) => ({
      village: p.village,
      no: p.household,
      head: heads.get(p.householdId) ?? null,
      member: p.member ?? null,
      severity: p.severity,
      code: p.code,
      problem: `${p.title}：${p.message}`,
    })),
  };
}

/**
 * What 数据检查 will show once `input` (the plan the preview made) is imported: staged, written
 * there through the import's own write path, checked, the staging copy deleted (also on cancel).
 */
export async function previewQuality(archive: Archive, input: ApplyInput, run: QualityRun): Promise<ImportQuality> {
  const asOf = todayIso(run.actor.now());
  run.onProgress?.(0);
  await tick();
  stopIfCancelled(run);
  const staging = stagingCopy(archive, run.stagingParent);
  try {
    run.onProgress?.(0.25);
    await tick();
    stopIfCancelled(run);
    applyPlan(staging, run.actor, input);
    const check = await checkInSlices(staging, asOf, run, 0.4);
    const heads = new Map(householdBriefs(staging.db, [...new Set(check.problems.map((p) => p.householdId))]).map((h) => [h.id, h.head]));
    const summary = summarize(check, heads);
    const workbook = run.workbook && check.problems.length ? await listWorkbookBuffer(problemsListTable(check, check.problems, heads, '导入后数据检查（预览）')) : null;
    run.onProgress?.(1);
    return { ...summary, workbook };
  } finally {
    staging.close();
  }
}
