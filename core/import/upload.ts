// The app's import: the workbook arrives as bytes (from the file picker) and is read from memory —
// no copy of the roster lands in a temp folder — checked or imported as a job (progress, cancel).
import { basename } from 'node:path';
import type { Archive } from '../../db/open.ts';
import type { Actor } from '../../shared/actor.ts';
import type { ImportableColumn, ImportQualityView, ImportResultView } from '../../shared/api/index.ts';
import type { Job, Jobs } from '../jobs.ts';
import { COLUMNS, REQUIRED_KEYS } from './columns.ts';
import { ImportRefused, importRoster } from './index.ts';
import type { ImportOptions, ImportProgress, ImportQuality, ImportResult } from './index.ts';

interface Upload {
  fileName: string;
  dataBase64: string;
  mapping: Record<string, string | null> | null;
  year: number | null;
  jobId: string | null;
}

function qualityView({ workbook, ...q }: ImportQuality): ImportQualityView {
  return { ...q, workbookBase64: workbook ? workbook.toString('base64') : null };
}

const view = (fileName: string, r: ImportResult, refused: boolean): ImportResultView => ({
  fileName,
  applied: r.applied,
  refused,
  households: r.households,
  members: r.members,
  problems: r.problems,
  columns: r.columns,
  preview: r.preview,
  rejected: r.rejected,
  rejectedBase64: r.rejectedWorkbook ? r.rejectedWorkbook.toString('base64') : null,
  membersRemoved: r.membersRemoved,
  backupFile: r.backupFile,
  planStamp: r.planStamp,
  quality: r.quality && qualityView(r.quality),
});

const PHASES: Record<ImportProgress['phase'], [string, number, number]> = {
  read: ['读取文件', 0, 0.6],
  check: ['检查数据', 0.6, 0.75],
  quality: ['导入后数据检查（预览，不写入档案）', 0.75, 1],
  backup: ['备份档案', 0.75, 0.85],
  write: ['写入档案', 0.85, 1],
};

/** The phases as one bar: reading is most of the time. */
function reporter(job: Job): (p: ImportProgress) => void {
  return (p) => {
    const [label, from, to] = PHASES[p.phase];
    job.report(p.rows ? `${label}（已读 ${p.rows.toLocaleString('zh-CN')} 行）` : label, from + (to - from) * p.fraction);
  };
}

function run(archive: Archive, actor: Actor, jobs: Jobs, input: Upload, opts: ImportOptions): Promise<ImportResultView> {
  return jobs.run(input.jobId, '导入花名册', async (job) => {
    const file = { name: basename(input.fileName.replace(/\\/g, '/')) || 'roster.xlsx', bytes: Buffer.from(input.dataBase64, 'base64') };
    const options: ImportOptions = { ...opts, wantRejected: true, signal: job.signal, onProgress: reporter(job), ...(input.mapping ? { mapping: input.mapping } : {}), ...(input.year == null ? {} : { year: input.year }) };
    try {
      return view(input.fileName, await importRoster(archive, actor, file, options), false);
    } catch (e) {
      // A refusal is an answer (with every problem), not an error.
      if (e instanceof ImportRefused) return view(input.fileName, e.result, true);
      throw e;
    }
  });
}

/** Checks without writing. */
export function checkUpload(archive: Archive, actor: Actor, jobs: Jobs, input: Upload & { skipRejected: boolean; removeMissing?: boolean; qualityWorkbook?: boolean }): Promise<ImportResultView> {
  return run(archive, actor, jobs, input, { dryRun: true, quality: input.qualityWorkbook === true ? 'workbook' : true, skipRejected: input.skipRejected, removeMissing: input.removeMissing === true });
}

/** Imports what the clerk previewed: `planStamp` is the preview's, so whatever changed since is refused with a new preview. */
export function applyUpload(archive: Archive, actor: Actor, jobs: Jobs, input: Upload & { removeMissing: boolean; skipRejected: boolean; planStamp: string | null }): Promise<ImportResultView> {
  return run(archive, actor, jobs, input, { removeMissing: input.removeMissing, skipRejected: input.skipRejected, expectedPlanStamp: input.planStamp });
}

export function importableColumns(): ImportableColumn[] {
  return COLUMNS.filter((c) => !c.derived || c.key === 'size').map((c) => ({ key: c.key, label: c.label, level: c.level, required: (REQUIRED_KEYS as readonly string[]).includes(c.key) }));
}
