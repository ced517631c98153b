// What every document needs from the archive before it starts: the township, the year and
// date it is about, the policy figures of that year, and the scope (village, household,
// batch) resolved from what the clerk typed — refused in Chinese when it does not exist.
import type { Archive } from '../../db/open.ts';
import { archiveInfoOf, townshipNaming } from '../../db/repos/archive-info.ts';
import type { BatchRef, VillageRef } from '../../db/repos/document-scope.ts';
import { batchHouseholdIds as batchHouseholdIdsOf, batchRefById, householdRefByNo, villageRefByCode } from '../../db/repos/document-scope.ts';
import { idsByPrefix } from '../../db/repos/workflow-batches.ts';
import { latestIncomeYear } from '../../db/stats.ts';
import { loadQualityContextParts } from '../../db/quality.ts';
import { isIsoDate } from '../../shared/dates.ts';
import { UserError } from '../../shared/errors.ts';
import { INTERNAL } from '../../shared/fields/mask.ts';
import type { Presentation } from '../../shared/fields/mask.ts';
import type { PolicyKind, PolicyParameter } from '../../shared/policy.ts';
import { resolvePolicy } from '../../shared/policy.ts';

/** The national 扶贫 / 防返贫 supervision hotline, printed where no local number is given. */
export const NATIONAL_HOTLINE = '12317';

export type { BatchRef, VillageRef };

export interface DocContext {
  archive: Archive;
  township: string;
  county: string;
  province: string;
  /** The year the document is about (incomes, assessments, figures). */
  year: number;
  /** The day it is printed for: ages, helpers in force, the printed date. */
  asOf: string;
  policy: readonly PolicyParameter[];
  /** What the paper may show of personal fields: set from the document's audience and options. */
  presentation: Presentation;
}

/** `asOf`: the printed day (the request's, else the shell's today). */
export function docContext(archive: Archive, opts: { year?: number | null; asOf: string; presentation?: Presentation }): DocContext {
  const info = archiveInfoOf(archive.db);
  if (!info) throw new UserError(`档案 ${archive.file} 缺少基本信息（可能未初始化完成），无法生成文档：请用备份恢复或重新新建。`);
  const township = townshipNaming(archive.db);
  const { asOf } = opts;
  if (!isIsoDate(asOf)) throw new UserError(`日期“${asOf}”无效：格式应为 YYYY-MM-DD，例如 2026-11-24。`, { kind: 'usage' });
  const parts = loadQualityContextParts(archive.db);
  return {
    archive,
    township: township?.name ?? info.name,
    county: township?.county ?? info.county ?? '',
    province: parts.province,
    year: opts.year ?? latestIncomeYear(archive.db) ?? Number(asOf.slice(0, 4)) - 1,
    asOf,
    policy: parts.policy,
    presentation: opts.presentation ?? INTERNAL,
  };
}

export function policyValue(ctx: DocContext, kind: PolicyKind, year = ctx.year): number | null {
  return resolvePolicy(ctx.policy, kind, year, ctx.province)?.value ?? null;
}

/** The per-capita income a household must exceed to exit that year: the higher of 扶贫标准 and 脱贫标准, as the workflows' exit check uses. */
export function exitStandard(ctx: DocContext, year = ctx.year): number | null {
  const figures = [policyValue(ctx, 'povertyLine', year), policyValue(ctx, 'exitStandard', year)].filter((v): v is number => v != null);
  return figures.length ? Math.max(...figures) : null;
}

export function villageByCode(ctx: DocContext, code: string): VillageRef {
  const v = villageRefByCode(ctx.archive.db, code.trim());
  if (!v) throw new UserError(`档案中没有区划代码为 ${code} 的行政村：请核对代码（stats 命令或“行政村”页面列出各村代码）。`);
  return v;
}

export function householdByNo(ctx: DocContext, no: string): { id: string; villageId: string } {
  const h = householdRefByNo(ctx.archive.db, no.trim());
  if (!h) throw new UserError(`档案中没有户编号为 ${no} 的农户：请核对户编号（可在“农户档案”中搜索）。`);
  return h;
}

/** A batch by its whole id or its first characters (at least 4, as `batch list` prints 8). */
export function batchById(ctx: DocContext, id: string): BatchRef {
  const ref = id.trim().toLowerCase();
  let b = batchRefById(ctx.archive.db, ref);
  if (!b && ref.length >= 4) {
    const ids = idsByPrefix(ctx.archive.db, 'batches', ref);
    if (ids.length > 1) throw new UserError(`批次编号“${id}”对应不止一个批次：请多填几位（batch list 命令列出各批次编号）。`, { kind: 'usage' });
    if (ids.length === 1) b = batchRefById(ctx.archive.db, ids[0]!);
  }
  if (!b) throw new UserError(`档案中没有编号为 ${id} 的批次：请核对批次编号（batch list 命令或“程序”页面列出各批次）。`);
  return b;
}

/** Households of a batch still in it, in 户编号 order. */
export function batchHouseholdIds(ctx: DocContext, batchId: string): string[] {
  return batchHouseholdIdsOf(ctx.archive.db, batchId);
}
