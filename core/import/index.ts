// `import FILE`: read the workbook (streaming, with progress and cancel), find each sheet's
// header (the clerk may correct the column matching; a correction is remembered for the same
// header), parse, compare with the archive (re-import: added / changed / no longer listed) —
// then refuse with every problem listed, or back up and write everything in one transaction.
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { backupCopy, backupNameFor } from '../files/backup-copy.ts';
import type { Archive } from '../../db/open.ts';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import { applyPlan, ensureTownshipArchive } from './apply.ts';
import type { ApplyInput } from './apply.ts';
import { previewQuality } from './quality.ts';
import type { ImportQuality } from './quality.ts';
import { headerView, normalizeMapping, rememberedMapping, signatureOf } from './mapping.ts';
import type { HeaderColumnView } from './mapping.ts';
import { sheetParser } from './parse.ts';
import type { SheetParser } from './parse.ts';
import { planImport, planView } from './plan.ts';
import type { PlanView } from './plan.ts';
import { rejectedWorkbook, rejectionOf } from './rejected.ts';
import type { Rejection } from './rejected.ts';
import type { ImportProblem, ParsedHousehold } from './types.ts';
import { cancelled, feedSheets, readSheets, sourceName } from './workbook.ts';
import type { SheetRows, WorkbookSource } from './workbook.ts';
import { findHeader } from './header.ts';
import type { ColumnMapping } from './header.ts';
import { archiveHasHouseholds } from '../../db/repos/imports.ts';

export type { ImportProblem } from './types.ts';
export { mappingFromLabels } from './mapping.ts';
export type { HeaderColumnView } from './mapping.ts';
export type { PlanView } from './plan.ts';
export type { ImportQuality } from './quality.ts';

export interface ImportProgress {
  /** 'quality': a preview's 导入后数据检查 (the plan staged and checked, core/import/quality.ts). */
  phase: 'read' | 'check' | 'quality' | 'backup' | 'write';
  /** 0…1 within the phase. */
  fraction: number;
  /** Rows read so far (while reading: the file's bytes run ahead of the rows parsed). */
  rows?: number;
}

export interface ImportOptions {
  dryRun?: boolean;
  year?: number;
  /** Mark members the new file no longer lists as left; without it they are only reported. */
  removeMissing?: boolean;
  /** Corrections of the automatic column matching: header text → column key (null: ignore). */
  mapping?: ColumnMapping;
  /** Import the households without errors and leave the others out (listed in `rejected`). */
  skipRejected?: boolean;
  /** Also build the workbook of rejected rows (returned as `rejectedWorkbook`). */
  wantRejected?: boolean;
  backupDir?: string;
  /**
   * With dryRun: also run the data-quality check over what the archive would hold after the
   * import (staged, nothing written) and return its findings as `quality`; 'workbook': with
   * every finding as the 问题清单 workbook too.
   */
  quality?: boolean | 'workbook';
  /** Where the preview's staging copy goes (default the system's temp folder). */
  stagingParent?: string;
  /**
   * The `planStamp` of the preview the clerk confirmed: when the plan made now differs (someone
   * saved one of the file's households since, or the file is read differently), the import is
   * refused with the new preview instead of writing what the clerk did not see.
   */
  expectedPlanStamp?: string | null;
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
}

export interface ImportResult {
  file: string;
  dryRun: boolean;
  applied: boolean;
  households: number;
  members: number;
  problems: ImportProblem[];
  /** How the columns of the main sheet were matched (for the mapping screen). */
  columns: HeaderColumnView[];
  /** What the import does to the archive (null when the file could not be read as a roster). */
  preview: PlanView | null;
  /** Households left out because of errors (only with `skipRejected`). */
  rejected: number;
  rejectedWorkbook: Buffer | null;
  membersRemoved: number;
  backupFile: string | null;
  /** Identifies the plan previewed (see ImportPlan.stamp); null when no plan was made. */
  planStamp: string | null;
  /** What 数据检查 will show after this import (a dry run with `quality`); null otherwise. */
  quality: ImportQuality | null;
}

export class ImportRefused extends UserError {
  readonly result: ImportResult;
  constructor(result: ImportResult) {
    const errors = result.problems.filter((p) => p.severity === 'error');
    const where = (p: ImportProblem) => `${p.sheet} ${p.row ? `第${p.row}行` : ''}${p.column ? `“${p.column}”列` : ''}：${p.message}`;
    super(`导入被拒绝，档案没有任何改动：发现 ${errors.length} 个必须先改正的问题。第一个：${errors[0] ? where(errors[0]) : ''}`, { details: errors.slice(0, 20).map(where) });
    this.result = result;
  }
}

export const STALE_PREVIEW = '检查（预览）之后，档案中这个文件涉及的农户又被修改或新建过（或文件的读法变了）。为免覆盖这些修改，本次导入没有写入任何内容。请重新检查（预览），核对后再导入。';

/**
 * The file's sha256, read through one reused buffer: a read stream's fresh 64 KB chunks are
 * freed only when V8 next collects, and hashing a 30 MB roster that way added 22 MB to the peak.
 */
async function sha256Of(file: WorkbookSource): Promise<string> {
  const hash = createHash('sha256');
  if (typeof file !== 'string') return hash.update(file.bytes).digest('hex');
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = (await fh.read(buf, 0, buf.length, null)).bytesRead) > 0; ) hash.update(buf.subarray(0, n));
  } finally {
    await fh.close();
  }
  return hash.digest('hex');
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

export async function importRoster(archive: Archive, actor: Actor, file: WorkbookSource, opts: ImportOptions = {}): Promise<ImportResult> {
  if (typeof file === 'string' && (!existsSync(file) || !statSync(file).isFile())) throw new UserError(`找不到要导入的文件：${file}。请检查路径和文件名。`);
  ensureTownshipArchive(archive);
  const progress = opts.onProgress ?? (() => undefined);
  /** Lets a poll or a cancel through between the long synchronous steps, then honours a cancel. */
  const check = async () => {
    await new Promise((r) => setImmediate(r));
    if (opts.signal?.aborted) throw cancelled();
  };
  let rows = 0;
  let bytes = 0;
  const given = opts.mapping ? normalizeMapping(opts.mapping) : undefined;
  // Without the clerk's matching, the one remembered for this header (looked up when found).
  const resolve = given ?? ((head: SheetRows) => rememberedMapping(archive, [head]));
  const parsers = new Map<string, SheetParser>();
  const filled = new Set<string>();
  await feedSheets(
    file,
    (name) => {
      const p = sheetParser(name, actor.now(), resolve);
      parsers.set(name, p);
      filled.delete(name);
      return {
        push: (cells, n) => {
          if (cells.some((c) => c !== '')) filled.add(name);
          p.push(cells, n);
          if ((++rows & 1023) === 0) progress({ phase: 'read', fraction: bytes, rows });
        },
      };
    },
    {
      signal: opts.signal,
      onBytes: (done, total) => {
        bytes = total ? done / total : 1;
        progress({ phase: 'read', fraction: bytes, rows });
      },
    },
  );
  await check();
  if (filled.size === 0) throw new UserError(`“${sourceName(file)}”里没有任何有内容的工作表，请确认选对了文件。`);
  progress({ phase: 'check', fraction: 0 });
  const parsed = [...parsers].filter(([name]) => filled.has(name)).map(([, p]) => ({ sheet: p.head, roster: p.finish() }));
  // A workbook may carry other sheets (notes, a village table): use those with a roster header.
  const rosters = parsed.filter((p) => p.roster.households.length > 0 || p.roster.problems.some((x) => x.severity === 'error' && x.row > 0));
  const used = rosters.length ? rosters : parsed;
  const problems = used.flatMap((p) => p.roster.problems);
  const sheetOf = new Map<ParsedHousehold, string>(rosters.flatMap((r) => r.roster.households.map((h) => [h, r.sheet.name] as const)));
  let households = rosters.flatMap((r) => r.roster.households);
  const main = used[0]!.sheet;
  const mapping = given ?? parsers.get(main.name)?.mapping;
  const result: ImportResult = {
    file: typeof file === 'string' ? file : sourceName(file),
    dryRun: opts.dryRun ?? false,
    applied: false,
    households: households.length,
    members: households.reduce((n, h) => n + h.members.length, 0),
    problems,
    columns: headerView(main, mapping),
    preview: null,
    rejected: 0,
    rejectedWorkbook: null,
    membersRemoved: 0,
    backupFile: null,
    planStamp: null,
    quality: null,
  };
  checkAcrossSheets(households, sheetOf, problems);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length && (opts.wantRejected || opts.skipRejected)) {
    const rejection = rejectionOf(households, sheetOf, problems);
    // The rows themselves were not kept while streaming: read them again for this rare case.
    if (opts.wantRejected) result.rejectedWorkbook = await rejectedWorkbook(await readSheets(file, { signal: opts.signal }), rejection, problems, mapping);
    // Problems of the whole sheet (no header, a column missing) leave nothing to import.
    const sheetWide = (p: ImportProblem) => p.row === 0 || parsed.some((x) => x.sheet.name === p.sheet && x.roster.households.length === 0);
    if (opts.skipRejected && !errors.some(sheetWide)) {
      const rejectedMembers = households.reduce((n, h) => n + (rejection.households.has(h.no) ? h.members.length : 0), 0);
      households = households.filter((h) => !rejection.households.has(h.no));
      result.rejected = rejection.households.size;
      for (const p of errors) p.severity = 'warning';
      problems.push({ sheet: main.name, row: 0, column: '', message: `${leftOut(rejection, rejectedMembers)}因上述问题没有导入，已另存为“待改正”工作簿；改正后可再导入。`, severity: 'warning' });
    }
  }
  const year = opts.year ?? yearNamedAbove(main, mapping) ?? actor.now().getFullYear();
  if (!problems.some((p) => p.severity === 'error') && households.length) {
    progress({ phase: 'check', fraction: 0.5 });
    await check();
    const plan = planImport(archive, households, year);
    result.preview = planView(plan);
    result.planStamp = plan.stamp;
    result.households = households.length;
    result.members = households.reduce((n, h) => n + h.members.length, 0);
    progress({ phase: 'check', fraction: 1 });
    const applyInput = (sha256: string): ApplyInput => ({
      plan,
      sheet: used.map((p) => p.sheet.name).join('、'),
      warnings: problems.length,
      fileName: sourceName(file),
      sha256,
      year,
      removeMissing: opts.removeMissing ?? false,
      signature: signatureOf(main, mapping),
      mapping: given ?? null,
    });
    if (opts.dryRun) {
      if (opts.quality) {
        result.quality = await previewQuality(archive, applyInput(await sha256Of(file)), {
          actor,
          ...(opts.signal ? { signal: opts.signal } : {}),
          ...(opts.stagingParent ? { stagingParent: opts.stagingParent } : {}),
          workbook: opts.quality === 'workbook',
          onProgress: (fraction) => progress({ phase: 'quality', fraction }),
        });
      }
      return result;
    }
    if (opts.expectedPlanStamp != null && opts.expectedPlanStamp !== plan.stamp) {
      problems.push({ sheet: main.name, row: 0, column: '', message: STALE_PREVIEW, severity: 'error' });
      throw new ImportRefused(result);
    }
    const sha256 = await sha256Of(file);
    await check();
    const hasData = archiveHasHouseholds(archive.db);
    if (hasData) {
      progress({ phase: 'backup', fraction: 0 });
      result.backupFile = backupNameFor(opts.backupDir ?? join(dirname(archive.file), '备份'), archive.file, '导入前', stamp(actor.now()));
      backupCopy(archive, result.backupFile);
    }
    progress({ phase: 'backup', fraction: 1 });
    await check();
    progress({ phase: 'write', fraction: 0 });
    const counts = applyPlan(archive, actor, applyInput(sha256));
    progress({ phase: 'write', fraction: 1 });
    return { ...result, applied: true, membersRemoved: counts.membersRemoved };
  }
  if (households.length === 0 && !problems.some((p) => p.severity === 'error')) {
    problems.push({ sheet: main.name, row: 0, column: '', message: '文件中没有找到任何家庭成员行。', severity: 'error' });
  }
  throw new ImportRefused(result);
}

/** What --skip-rejected left out: households, and rows that belong to none (no 户编号, no name). */
function leftOut(rejection: Rejection, rejectedMembers: number): string {
  const rows = [...rejection.rows.values()].reduce((n, r) => n + r.size, 0);
  const loose = Math.max(0, rows - rejectedMembers);
  const households = rejection.households.size;
  if (households === 0) return `有 ${loose} 行`;
  return loose ? `有 ${households} 户和另外 ${loose} 行` : `有 ${households} 户`;
}

/** One person may appear in only one household, even across sheets. */
function checkAcrossSheets(households: ParsedHousehold[], sheetOf: Map<ParsedHousehold, string>, problems: ImportProblem[]): void {
  const seenNo = new Map<string, ParsedHousehold>();
  for (const h of households) {
    const other = seenNo.get(h.no);
    if (other && sheetOf.get(other) !== sheetOf.get(h)) {
      problems.push({ sheet: sheetOf.get(h)!, row: h.firstRow, column: '户编号', message: `户编号${h.no}在工作表“${sheetOf.get(other)!}”中也有。同一户只能出现在一个工作表中。`, severity: 'error' });
    }
    seenNo.set(h.no, h);
  }
}

/** Our own export names its income year in the title rows (收入年度：2025). */
function yearNamedAbove(sheet: SheetRows, mapping: ColumnMapping | undefined): number | undefined {
  const header = findHeader(sheet, mapping);
  for (const row of sheet.rows.slice(0, header?.row ?? 0)) {
    const m = row.map((c) => /收入年度[：:]\s*(\d{4})/.exec(c)).find(Boolean);
    if (m) return Number(m[1]);
  }
  return undefined;
}

