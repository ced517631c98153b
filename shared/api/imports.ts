// Importing a national roster export from the app: pick a file → the columns as matched (the
// clerk may correct them) → check (nothing written: every problem by sheet/row/column, and a
// preview of what is added, changed field by field, no longer listed) → import (all or nothing,
// after a backup), with a progress bar and cancel (jobs.status / jobs.cancel with `jobId`).
import { z } from 'zod';
import { endpoint, offThread } from './endpoint.ts';
import { EDIT, readBy } from '../roles.ts';
import { jobId } from './jobs.ts';

export const MAX_IMPORT_BYTES = 60 * 1024 * 1024;

export interface ImportProblemView {
  sheet: string;
  row: number;
  column: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface ImportColumnView {
  index: number;
  header: string;
  /** The archive column it is read as; null: ignored. */
  key: string | null;
  auto: string | null;
}

export interface FieldChangeView {
  field: string;
  label: string;
  before: string;
  after: string;
}

export interface ImportPreview {
  added: number;
  updated: number;
  unchanged: number;
  notInFile: { no: string; head: string }[];
  membersAdded: number;
  membersChanged: number;
  membersMissing: number;
  /** The first 500 added households. */
  addedList: { no: string; head: string; village: string; members: number }[];
  /** The first 500 changed households, field by field. */
  changes: { no: string; head: string; fields: FieldChangeView[]; membersAdded: string[]; membersChanged: { name: string; changes: FieldChangeView[] }[]; membersMissing: string[] }[];
}

export interface ImportResultView {
  fileName: string;
  applied: boolean;
  /** True when the file cannot be imported as it is: see the problems of severity 'error'. */
  refused: boolean;
  households: number;
  members: number;
  problems: ImportProblemView[];
  columns: ImportColumnView[];
  preview: ImportPreview | null;
  /** Households left out because of errors (with skipRejected). */
  rejected: number;
  /** The rows with errors as a workbook to fix and import again (base64), when there are any. */
  rejectedBase64: string | null;
  membersRemoved: number;
  backupFile: string | null;
  /** Identifies the plan previewed: sent back with imports.apply, which refuses when the plan made then differs. */
  planStamp: string | null;
  /** A preview's 导入后数据检查: what 数据检查 will show once this file is imported (null: no plan, or not a preview). */
  quality: ImportQualityView | null;
}

/** The data-quality check run over what the archive would hold after the import (nothing written). */
export interface ImportQualityView {
  asOf: string;
  year: number | null;
  errors: number;
  warnings: number;
  /** Findings per rule code. */
  byRule: Record<string, number>;
  /** The rules that fire, errors first, then most findings first. */
  rules: { code: string; title: string; severity: 'error' | 'warning'; count: number }[];
  /** The first 200 findings, in 数据检查's order. */
  rows: { village: string; no: string; head: string | null; member: string | null; severity: 'error' | 'warning'; code: string; problem: string }[];
  /** Every finding as the 问题清单 workbook (base64), null when there are none. */
  workbookBase64: string | null;
}

/** An archive column a header can be matched to, for the column-matching screen. */
export interface ImportableColumn {
  key: string;
  label: string;
  level: 'place' | 'household' | 'member' | 'income';
  required: boolean;
}

const upload = z.object({
  fileName: z.string().trim().min(1, '缺少文件名').max(200, '文件名过长'),
  /** The workbook's bytes, base64-encoded. */
  dataBase64: z.string().min(1, '文件是空的').max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4, '文件太大：一次导入的文件不能超过60MB'),
  /** Corrections of the automatic matching: header as written → column key, or null to ignore. */
  mapping: z.record(z.string().max(100), z.string().max(40).nullable()).nullable().default(null),
  year: z.number().int().min(2000).max(2100).nullable().default(null),
  jobId: jobId.nullable().default(null),
});

export const importsApi = {
  columns: endpoint<ImportableColumn[]>()('imports.columns', z.object({})),
  check: offThread(endpoint<ImportResultView>()(
    'imports.check',
    /** skipRejected: preview what "import only the households without errors" would do. */
    upload.extend({
      skipRejected: z.boolean().default(false),
      /** The preview's 导入后数据检查 as if members no longer listed were marked 其他转出. */
      removeMissing: z.boolean().default(false),
      /** Also return every finding of 导入后数据检查 as the 问题清单 workbook (on demand: seconds for thousands). */
      qualityWorkbook: z.boolean().default(false),
    }),
    readBy(EDIT),
  )),
  apply: offThread(endpoint<ImportResultView>()(
    'imports.apply',
    upload.extend({
      /** Mark members the file no longer lists as 其他转出 (confirmed by the clerk). */
      removeMissing: z.boolean().default(false),
      /** Import the households without errors; leave out (and return) the others. */
      skipRejected: z.boolean().default(false),
      /** The planStamp of the preview confirmed (imports.check); null: no preview was shown. */
      planStamp: z.string().max(100).nullable().default(null),
    }),
    EDIT,
  )),
};
