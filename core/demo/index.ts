// `demo`: fills a new, empty township archive with realistic synthetic data — villages,
// households with consistent families and valid ID numbers, three years of incomes, helpers,
// measures, assessments and status histories — plus a fixed set of planted problems for the
// data-quality check. Deterministic from seed + asOf; all or nothing in one transaction.
import type { Archive } from '../../db/open.ts';
import { writeTransaction } from '../../db/handles.ts';
import { loadQualityContextParts } from '../../db/quality.ts';
import { archiveInfoOf, ownTownship } from '../../db/repos/archive-info.ts';
import { archiveHasRecords, demoWriter } from '../../db/repos/demo-write.ts';
import { createHousehold } from '../../db/repos/household-write.ts';
import { isIsoDate } from '../../shared/dates.ts';
import { UserError } from '../../shared/errors.ts';
import { makeIdNumber, parseIdNumber } from '../../shared/id-number.ts';
import type { PolicyParameter } from '../../shared/policy.ts';
import { DEFAULT_POLICY, resolvePolicy } from '../../shared/policy.ts';
import type { Actor } from '../context.ts';
import { buildHelp } from './help.ts';
import { buildHousehold } from './households.ts';
import { plantProblems } from './plant.ts';
import { Rng } from './random.ts';
import { statusPlan } from './registration.ts';
import type { DemoContext, DemoResult, GenHousehold } from './types.ts';
import { buildVillageYears, buildVillages, spread } from './villages.ts';
import { buildMonitoring } from './monitoring.ts';
import { retireOldWorkers } from './members.ts';
import { buildWorkflows } from './workflows.ts';

export type { DemoResult, PlantedProblem } from './types.ts';

export interface DemoOptions {
  villages: number;
  households: number;
  seed: string;
  /** YYYY-MM-DD: ages, incomes (the three years before) and all stamps derive from it. */
  asOf: string;
  actor: Actor;
  /** Plant the deliberate data problems (default true); off for a clean workbook to import. */
  plant?: boolean;
}

export const NOT_EMPTY_MESSAGE = '档案中已有数据，演示数据只能生成到新建的空档案中：请先用 init 新建一个档案文件。';
export const COUNTY_MESSAGE = '这是县级档案，演示数据只能生成到乡镇档案中：请先用 init 新建一个乡镇档案文件。';

const DEFAULT_TOWNSHIP_CODE = '511922101000';
const MIN_SAFE_INCOME_FEN = 650_000;

function validate(opts: DemoOptions): void {
  const usage = (msg: string): UserError => new UserError(msg, { kind: 'usage' });
  if (!Number.isInteger(opts.villages) || opts.villages < 1 || opts.villages > 999) throw usage(`村数“${opts.villages}”无效：请填写 1 到 999 之间的整数。`);
  if (!Number.isInteger(opts.households) || opts.households < 1 || opts.households > 500_000) {
    throw usage(`户数“${opts.households}”无效：请填写 1 到 500000 之间的整数。`);
  }
  if (!isIsoDate(opts.asOf) || opts.asOf < '2022-01-01') throw usage(`日期“${opts.asOf}”无效：请填写 2022 年以后的日期，格式如 2026-11-24。`);
}

/** The region part of the ID numbers: the township's county code when it is a real one. */
function regionOf(code: string): string {
  const region = code.slice(0, 6);
  return /^\d{6}$/.test(region) && parseIdNumber(makeIdNumber(region, '1980-01-01', 1, '男')).ok ? region : DEFAULT_TOWNSHIP_CODE.slice(0, 6);
}

/** Lowest per-capita income for households that must stay clear of every monitoring line. */
function safeFloor(archive: Archive, years: readonly number[], province: string): number {
  const stored = loadQualityContextParts(archive.db).policy;
  const params: readonly PolicyParameter[] = stored.length > 0 ? stored : DEFAULT_POLICY;
  let line = 0;
  for (const year of years) {
    for (const kind of ['monitoringLine', 'povertyLine', 'exitStandard', 'edgeLine'] as const) {
      line = Math.max(line, resolvePolicy(params, kind, year, province)?.value ?? 0);
    }
  }
  return Math.max(MIN_SAFE_INCOME_FEN, Math.ceil((line * 1.25) / 100) * 100);
}

function demoContext(archive: Archive, opts: DemoOptions): DemoContext {
  const info = archiveInfoOf(archive.db);
  if (!info) throw new UserError(`档案 ${archive.file} 缺少基本信息（可能未初始化完成）：请用 init 重新新建一个档案文件。`);
  if (info.role === 'county') throw new UserError(COUNTY_MESSAGE);
  if (archiveHasRecords(archive.db)) throw new UserError(NOT_EMPTY_MESSAGE);
  const township = info.townshipId == null ? undefined : ownTownship(archive.db);
  if (!township) throw new UserError(`档案 ${archive.file} 缺少乡镇信息：请用 init 重新新建一个乡镇档案文件。`);
  const code = township.code != null && /^\d{12}$/.test(township.code) ? township.code : DEFAULT_TOWNSHIP_CODE;
  const asOfYear = Number(opts.asOf.slice(0, 4));
  const incomeYears: [number, number, number] = [asOfYear - 3, asOfYear - 2, asOfYear - 1];
  return {
    rng: new Rng(`${opts.seed}|${opts.asOf}`),
    stamp: { version: 1, updatedAt: `${opts.asOf}T08:00:00.000Z`, updatedBy: opts.actor.operator },
    asOf: opts.asOf,
    asOfYear,
    incomeYears,
    region6: regionOf(code),
    township9: code.slice(0, 9),
    townshipId: township.id,
    townshipName: township.name,
    county: township.county ?? info.county ?? '',
    safeFloorFen: safeFloor(archive, incomeYears, info.province ?? township.province ?? ''),
    usedIds: new Set(),
  };
}

function write(archive: Archive, ctx: DemoContext, data: ReturnType<typeof build>, opts: DemoOptions, onProgress?: (done: number, total: number) => void): number {
  // The demo's records carry the demo day's stamp, whatever the clock says.
  const actor = { operator: opts.actor.operator, now: () => new Date(ctx.stamp.updatedAt) };
  let memberCount = 0;
  writeTransaction(archive.db, (w) => {
    const rows = demoWriter(w);
    data.villageRows.forEach(rows('villages'));
    data.villageYears.forEach(rows('villageYears'));
    data.helpers.forEach(rows('helpers'));
    const flows = data.workflows.rows;
    flows.batches.forEach(rows('batches'));
    flows.villages.forEach(rows('batchVillages'));
    flows.steps.forEach(rows('batchSteps'));
    const total = data.households.length;
    data.households.forEach((gh, i) => {
      // Households with their members and incomes go through the archive's one household write path.
      const { version: _v, updatedAt: _a, updatedBy: _b, ...household } = gh.row;
      createHousehold(
        w,
        actor,
        household,
        {
          members: gh.members.map(({ row: { id, version: _mv, updatedAt: _ma, updatedBy: _mb, householdId: _h, nameInitials: _n, ...fields } }) => ({ id: id ?? null, fields })),
          incomes: gh.incomes.map(({ id, year, version: _iv, updatedAt: _ia, updatedBy: _ib, householdId: _h, ...fields }) => ({ id: id ?? null, year, fields })),
        },
        // Synthetic data: logged once, in imports_log, not as a change per household.
        null,
      );
      memberCount += gh.members.length;
      gh.history.forEach(rows('statusHistory'));
      gh.pairings.forEach(rows('pairings'));
      gh.measures.forEach(rows('measures'));
      gh.assessments.forEach(rows('assessments'));
      if (onProgress && ((i + 1) % 500 === 0 || i + 1 === total)) onProgress(i + 1, total);
    });
    // Batches first (status history points at them), their records once the households exist.
    flows.members.forEach(rows('batchHouseholds'));
    flows.outcomes.forEach(rows('stepOutcomes'));
    flows.meetings.forEach(rows('meetings'));
    flows.votes.forEach(rows('meetingVotes'));
    flows.objections.forEach(rows('objections'));
    data.workflows.quotas.forEach(rows('quotas'));
    data.monitoring.checks.forEach(rows('monitoringChecks'));
    data.monitoring.remedies.forEach(rows('monitoringRemedies'));
    rows('importsLog')({
      at: ctx.stamp.updatedAt,
      operator: opts.actor.operator,
      kind: 'demo',
      fileName: null,
      sha256: null,
      households: total,
      members: memberCount,
      summary: { seed: opts.seed, asOf: opts.asOf, villages: data.villageRows.length },
    });
  });
  return memberCount;
}

function build(ctx: DemoContext, opts: DemoOptions) {
  const { rows: villageRows, villages: demoVillages } = buildVillages(ctx, opts.villages);
  const perVillage = spread(ctx, opts.villages, opts.households);
  const plan = statusPlan(ctx, opts.households);
  const all: GenHousehold[] = [];
  demoVillages.forEach((v, vi) => {
    for (let seq = 1; seq <= perVillage[vi]!; seq++) all.push(buildHousehold(ctx, v, seq, plan[all.length]!));
  });
  const helperRows = buildHelp(ctx, all, demoVillages.map((v) => v.name));
  const planted = opts.plant === false ? [] : plantProblems(ctx, all);
  // A generator of its own, so the households are the same with or without the workflows.
  const flowRng = new Rng(`${opts.seed}|${opts.asOf}|workflows`);
  const workflows = buildWorkflows(ctx, flowRng, all, demoVillages, new Set(planted.map((p) => p.household)));
  const monitoring = buildMonitoring(ctx, flowRng, all);
  retireOldWorkers(all);
  return { villageRows, villageYears: buildVillageYears(ctx, villageRows, all), helpers: helperRows, households: all, planted, workflows, monitoring };
}

export function generateDemo(archive: Archive, opts: DemoOptions, onProgress?: (done: number, total: number) => void): DemoResult {
  validate(opts);
  const ctx = demoContext(archive, opts);
  const data = build(ctx, opts);
  const memberCount = write(archive, ctx, data, opts, onProgress);
  return {
    villages: data.villageRows.length,
    households: data.households.length,
    members: memberCount,
    batches: data.workflows.rows.batches.length,
    monitoringChecks: data.monitoring.checks.length,
    planted: data.planted,
  };
}
