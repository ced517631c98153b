// Importing a national roster export from the app: check first (nothing written, every
// problem listed by sheet/row/column), then import (all or nothing).
import { z } from 'zod';
import { endpoint } from './endpoint.ts';

export const MAX_IMPORT_BYTES = 60 * 1024 * 1024;

export interface ImportProblemView {
  sheet: string;
  row: number;
  column: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface ImportResultView {
  fileName: string;
  applied: boolean;
  /** True when the file cannot be imported as it is: see the problems of severity 'error'. */
  refused: boolean;
  households: number;
  members: number;
  problems: ImportProblemView[];
}

const upload = z.object({
  fileName: z.string().trim().min(1, '缺少文件名').max(200, '文件名过长'),
  /** The workbook's bytes, base64-encoded. */
  dataBase64: z.string().min(1, '文件是空的').max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4, '文件太大：一次导入的文件不能超过60MB'),
});

export const importsApi = {
  check: endpoint<ImportResultView>()('imports.check', upload),
  apply: endpoint<ImportResultView>()('imports.apply', upload.extend({ year: z.number().int().min(2000).max(2100).nullable().default(null) })),
};
