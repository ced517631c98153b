// `demo`: fills a new, empty township archive with realistic synthetic data — villages,
// households with consistent families and valid ID numbers, three years of incomes, helpers,
// measures, assessments and status histories — plus a fixed set of planted problems for the
// data-quality check. Deterministic from seed + asOf; all or nothing in one transaction.
import { sql } from 'drizzle-orm';
import type { Archive } from '../../db/open.ts';
import {
  archiveInfo,
  assessments,
  batchHouseholds,
  batchSteps,
  batchVillages,
  batches,
  helpers,
  households,
  importsLog,
  incomes,
  measures,
  meetingVotes,
  meetings,
  members,
  monitoringChecks,
  monitoringRemedies,
  objections,
  pairings,
  policyParameters,
  quotas,
  statusHistory,
  stepOutcomes,
  townships,
  villageYears,
  villages,
} from '../../db/schema/index.ts';
import { isIsoDate } from '../../shared/dates.ts';
import { UserError } from '../../shared/errors.ts';
import { makeIdNumber, parseIdNumber } from '../../shared/id-number.ts';
import type { PolicyKind, PolicyParameter } from '../../shared/policy.ts';
import { DEFAULT_POLICY, resolvePolicy } from '../../shared/policy.ts';
import type { Actor } from '../context.ts';
import { buildHelp } from './help.ts';
import { buildHousehold } from './households.ts';
import { inserter } from '../../db/bulk-insert.ts';
import { plantProblems } from './plant.ts';
import { Rng } from './random.ts';
import { statusPlan } from './registration.ts';
import type { DemoContext, DemoResult, GenHousehold } from './types.ts';
import { buildVillageYears, buildVillages, spread } from './villages.ts';
import { buildMonitoring } from './monitoring.ts';
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
  const stored = archive.db.select().from(policyParameters).all();
  const params: readonly PolicyParameter[] =
    stored.length > 0 ? stored.map((p) => ({ kind: p.kind as PolicyKind, year: p.year, province: p.province, value: p.value, source: p.source })) : DEFAULT_POLICY;
  let line = 0;
  for (const year of years) {
    for (const kind of ['monitoringLine', 'povertyLine', 'exitStandard', 'edgeLine'] as const) {
      line = Math.max(line, resolvePolicy(params, kind, year, province)?.value ?? 0);
    }
  }
  return Math.max(MIN_SAFE_INCOME_FEN, Math.ceil((line * 1.25) / 100) * 100);
}

function prepare(archive: Archive, opts: DemoOptions): DemoContext {
  const info = archive.db.select().from(archiveInfo).get();
  if (!info) throw new UserError(`档案 ${archive.file} 缺少基本信息（可能未初始化完成）：请用 init 重新新建一个档案文件。`);
  if (info.role === 'county') throw new UserError(COUNTY_MESSAGE);
  const used = archive.sqlite.prepare('SELECT (SELECT count(*) FROM villages) + (SELECT count(*) FROM households) AS n').get() as { n: number };
  if (used.n > 0) throw new UserError(NOT_EMPTY_MESSAGE);
  const township = info.townshipId == null ? undefined : archive.db.select().from(townships).where(sql`${townships.id} = ${info.townshipId}`).get();
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
  const { sqlite } = archive;
  const ins = {
    village: inserter(sqlite, villages),
    villageYear: inserter(sqlite, villageYears),
    helper: inserter(sqlite, helpers),
    household: inserter(sqlite, households),
    member: inserter(sqlite, members),
    income: inserter(sqlite, incomes),
    history: inserter(sqlite, statusHistory),
    pairing: inserter(sqlite, pairings),
    measure: inserter(sqlite, measures),
    assessment: inserter(sqlite, assessments),
    log: inserter(sqlite, importsLog),
  };
  let memberCount = 0;
  sqlite.transaction(() => {
    data.villageRows.forEach(ins.village);
    data.villageYears.forEach(ins.villageYear);
    data.helpers.forEach(ins.helper);
    const flows = data.workflows.rows;
    flows.batches.forEach(inserter(sqlite, batches));
    flows.villages.forEach(inserter(sqlite, batchVillages));
    flows.steps.forEach(inserter(sqlite, batchSteps));
    const total = data.households.length;
    data.households.forEach((gh, i) => {
      ins.household(gh.row);
      for (const m of gh.members) ins.member(m.row);
      memberCount += gh.members.length;
      gh.incomes.forEach(ins.income);
      gh.history.forEach(ins.history);
      gh.pairings.forEach(ins.pairing);
      gh.measures.forEach(ins.measure);
      gh.assessments.forEach(ins.assessment);
      if (onProgress && ((i + 1) % 500 === 0 || i + 1 === total)) onProgress(i + 1, total);
    });
    // Batches first (status history points at them), their records once the households exist.
    flows.members.forEach(inserter(sqlite, batchHouseholds));
    flows.outcomes.forEach(inserter(sqlite, stepOutcomes));
    flows.meetings.forEach(inserter(sqlite, meetings));
    flows.votes.forEach(inserter(sqlite, meetingVotes));
    flows.objections.forEach(inserter(sqlite, objections));
    data.workflows.quotas.forEach(inserter(sqlite, quotas));
    data.monitoring.checks.forEach(inserter(sqlite, monitoringChecks));
    data.monitoring.remedies.forEach(inserter(sqlite, monitoringRemedies));
    ins.log({
      at: ctx.stamp.updatedAt,
      operator: opts.actor.operator,
      kind: 'demo',
      fileName: null,
      sha256: null,
      households: total,
      members: memberCount,
      summary: { seed: opts.seed, asOf: opts.asOf, villages: data.villageRows.length },
    });
  })();
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
  return { villageRows, villageYears: buildVillageYears(ctx, villageRows, all), helpers: helperRows, households: all, planted, workflows, monitoring };
}

export function generateDemo(archive: Archive, opts: DemoOptions, onProgress?: (done: number, total: number) => void): DemoResult {
  validate(opts);
  const ctx = prepare(archive, opts);
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
