// Reading a roster workbook into plain rows of strings, streaming (80k rows in bounded
// memory), and finding the header row under whatever title rows sit above it.
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import { UserError } from '../../shared/errors.ts';
import { columnByKey, columnFor, headerKey } from './columns.ts';
import type { ColumnDef } from './columns.ts';

export interface SheetRows {
  name: string;
  /** rows[i] is spreadsheet row i + 1; cells[j] is column j + 1, as text. */
  rows: string[][];
}

function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (typeof v === 'object') {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result);
    return '';
  }
  return String(v).trim();
}

export function cancelled(): UserError {
  return new UserError('导入已取消，档案没有任何改动。');
}

function unreadable(file: string, cause: unknown): UserError {
  return new UserError(`无法读取“${basename(file)}”：这不是可以读取的 Excel 工作簿（.xlsx）。如果是 .xls 或 .et 文件，请先用 Excel 或 WPS 另存为 .xlsx 再导入。`, { cause });
}

export interface ReadOptions {
  /** Bytes of the file read so far, and its size. */
  onBytes?: (done: number, total: number) => void;
  signal?: AbortSignal | undefined;
}

export async function readStreaming(file: string, opts: ReadOptions = {}): Promise<SheetRows[]> {
  const sheets: SheetRows[] = [];
  const input = createReadStream(file);
  const total = statSync(file).size;
  if (opts.onBytes) input.on('data', () => opts.onBytes?.(input.bytesRead, total));
  // When an entry of a damaged file fails to inflate, exceljs can wait forever for it: the
  // error goes to the unzip stream, which it is not listening to at that moment (found by the
  // import fuzz test, core/import/fuzz-sample.test.ts). So we listen to that stream ourselves.
  const damaged = new Promise<never>((_resolve, reject) => {
    const pipe = input.pipe.bind(input);
    input.pipe = ((dest: NodeJS.WritableStream, o?: { end?: boolean }) => pipe(dest.on('error', reject), o)) as typeof input.pipe;
  });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit' });
  const reading = (async () => {
    for await (const ws of reader) {
      const sheet: SheetRows = { name: (ws as unknown as { name: string }).name, rows: [] };
      for await (const row of ws) {
        if ((row.number & 1023) === 0) opts.signal?.throwIfAborted();
        sheet.rows[row.number - 1] = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
      }
      sheets.push(sheet);
    }
  })();
  // Whichever settles first decides; the other must not become an unhandled rejection.
  damaged.catch(() => undefined);
  reading.catch(() => undefined);
  try {
    await Promise.race([reading, damaged]);
  } finally {
    input.destroy();
  }
  return sheets;
}

async function readWhole(file: string): Promise<SheetRows[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => {
    const sheet: SheetRows = { name: ws.name, rows: [] };
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      sheet.rows[n - 1] = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
    });
    return sheet;
  });
}

const REPLACEMENT = '\uFFFD';

/**
 * Streaming keeps memory flat on 80k rows. exceljs 4.4's streaming reader decoded each zip
 * chunk on its own and split Chinese characters into "�" (exceljs issues #2063, #2316);
 * patches/exceljs+4.4.0.patch (applied by `npm install`) fixes that. Should the patch ever be
 * missing, a U+FFFD — which no national export contains — makes us read the file again
 * whole, so a clerk's data is never silently garbled.
 */
export async function readSheets(file: string, opts: ReadOptions = {}): Promise<SheetRows[]> {
  let sheets: SheetRows[];
  try {
    sheets = await readStreaming(file, opts);
    if (sheets.some((s) => s.rows.some((r) => r.some((c) => c.includes(REPLACEMENT))))) sheets = await readWhole(file);
  } catch (e) {
    if (opts.signal?.aborted) throw cancelled();
    throw unreadable(file, e);
  }
  for (const s of sheets) for (let i = 0; i < s.rows.length; i++) s.rows[i] ??= [];
  return sheets;
}

/** The clerk's corrections of the automatic matching: header text → column key, or null to ignore. */
export type ColumnMapping = Readonly<Record<string, string | null>>;

export interface HeaderMatch {
  /** 0-based index of the header row. */
  row: number;
  /** column index → definition, for recognised columns. */
  columns: Map<number, ColumnDef>;
  /** Headers that were not recognised (kept as they are written, for the clerk). */
  unknown: string[];
}

function columnOf(header: string, mapping: ColumnMapping | undefined): ColumnDef | undefined {
  const key = headerKey(header);
  if (mapping && key in mapping) {
    const to = mapping[key];
    return to == null ? undefined : columnByKey(to);
  }
  return columnFor(header);
}

/** The header is the row, among the first 15, that names the most known columns (at least 3). */
export function findHeader(sheet: SheetRows, mapping?: ColumnMapping): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  for (let r = 0; r < Math.min(15, sheet.rows.length); r++) {
    const columns = new Map<number, ColumnDef>();
    const unknown: string[] = [];
    const seen = new Set<string>();
    (sheet.rows[r] ?? []).forEach((h, j) => {
      if (!h) return;
      const def = columnOf(h, mapping);
      if (def && !seen.has(def.key)) {
        columns.set(j, def);
        seen.add(def.key);
      } else if (!def) unknown.push(h);
    });
    if (columns.size >= 3 && (!best || columns.size > best.columns.size)) best = { row: r, columns, unknown };
  }
  return best;
}
