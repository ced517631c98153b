// Reading a roster workbook into plain rows of strings, streaming (80k rows in bounded
// memory); the header under the title rows is found by header.ts.
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../files/exceljs.ts';
import { UserError } from '../../shared/errors.ts';
import { InflateBudget, WorkbookTooLarge, checkDeclared, declaredEntries, declaredLayout } from './bounds.ts';
import { orderedSpans, readSpans } from './zip-order.ts';
import { fileKind, fileKindAdvice } from './file-kind.ts';
import type { FileKind } from './file-kind.ts';

export interface SheetRows {
  name: string;
  /** rows[i] is spreadsheet row i + 1; cells[j] is column j + 1, as text. */
  rows: string[][];
}

const REPLACEMENT = '\uFFFD';

/**
 * A string of our own. The XML parser hands out a cell's text as a slice of the chunk it parsed,
 * and V8 keeps a slice's whole parent alive: the few long values a household keeps (ID and
 * account numbers, addresses) would hold on to every 64 KB chunk of the sheet — 800 MB of a
 * 200 MB sheet. Short strings (under 13 characters) are copied by V8 anyway.
 */
const own = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));

function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (typeof v === 'object') {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return cellText(v.text); // a hyperlink: its text, plain or rich
    if ('result' in v) return cellText(v.result);
    return '';
  }
  // Excel keeps 15 significant digits: a longer number (an ID, a 户编号 typed into a number cell)
  // has lost its last digits, and is passed on as Excel shows it (5.13722195007085E+17) for the
  // columns to refuse (values.ts). A 16-digit one not ending in 0 was written exactly (not by Excel).
  if (typeof v === 'number' && Math.abs(v) >= 1e15 && !(Number.isSafeInteger(v) && v % 10 !== 0)) return v.toExponential().toUpperCase();
  return typeof v === 'string' ? own(v.trim()) : String(v);
}

export function cancelled(): UserError {
  return new UserError('导入已取消，档案没有任何改动。');
}

/**
 * A workbook to read: a path (the CLI), or the bytes the app's file picker sent — read from memory
 * so that no copy of a roster full of ID numbers is left in a temp folder.
 */
export type WorkbookSource = string | { name: string; bytes: Buffer };

export const sourceName = (src: WorkbookSource): string => basename(typeof src === 'string' ? src : src.name);

function* pieces(bytes: Buffer): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += 1 << 16) yield bytes.subarray(at, at + (1 << 16));
}

/** The zip's records in the order the reader needs them (zip-order.ts); as they are when no zip. */
function openSource(src: WorkbookSource): { input: Readable; total: number } {
  const data = typeof src === 'string' ? src : src.bytes;
  const total = typeof src === 'string' ? statSync(src).size : src.bytes.length;
  const layout = declaredLayout(data);
  const spans = layout && orderedSpans(layout, total);
  if (spans) return { input: Readable.from(readSpans(data, spans), { objectMode: false }), total };
  return { input: typeof src === 'string' ? createReadStream(src) : Readable.from(pieces(src.bytes)), total };
}

function unreadable(file: WorkbookSource, cause: unknown): UserError {
  if (cause instanceof WorkbookTooLarge) return cause;
  let kind: FileKind = 'other';
  try {
    kind = fileKind(typeof file === 'string' ? file : file.bytes);
  } catch {
    // Unreadable even as bytes: the general advice.
  }
  return new UserError(`无法读取“${sourceName(file)}”：${fileKindAdvice(kind)}`, { cause });
}

/**
 * Refuses, from the zip's central directory and before anything is expanded, a workbook whose
 * entries declare more than bounds.ts allows (a file that is no zip is left to the reader).
 */
export function checkWorkbookSize(file: WorkbookSource): void {
  const entries = declaredEntries(typeof file === 'string' ? file : file.bytes);
  if (entries) checkDeclared(sourceName(file), entries);
}

/**
 * Counts what the zip stream expands, entry by entry (a zip whose declared sizes lie): past a
 * limit the zip stream fails with the refusal, which ends the read.
 */
function countInflated(zip: NodeJS.WritableStream, budget: InflateBudget): void {
  const stream = zip as unknown as { push(entry: unknown): boolean; destroy(e: Error): void };
  const push = stream.push.bind(stream);
  stream.push = (entry: unknown) => {
    const e = entry as { path?: unknown; write?: (chunk: Buffer, ...rest: unknown[]) => boolean } | null;
    if (e && typeof e.path === 'string' && typeof e.write === 'function') {
      const write = e.write.bind(e);
      const count = budget.entry(e.path);
      e.write = (chunk: Buffer, ...rest: unknown[]) => {
        const refused = count(chunk.length);
        if (!refused) return write(chunk, ...rest);
        stream.destroy(refused);
        return false;
      };
    }
    return push(entry);
  };
}

export interface ReadOptions {
  /** Bytes of the file read so far, and its size. */
  onBytes?: (done: number, total: number) => void;
  signal?: AbortSignal | undefined;
}

/** What receives a sheet's rows as they stream by (the parser, or a collector). */
export interface RowSink {
  push(cells: string[], rowNo: number): void;
}

/** Streams every sheet's rows into the sink `open(name)` gives; true when a "\uFFFD" was seen. */
export async function streamSheets(file: WorkbookSource, open: (name: string) => RowSink, opts: ReadOptions = {}): Promise<boolean> {
  const Excel = await loadExcelJS();
  const { input, total } = openSource(file);
  let done = 0;
  if (opts.onBytes) {
    input.on('data', (c: Buffer) => {
      done += c.length;
      opts.onBytes?.(done, total);
    });
  }
  // When an entry of a damaged file fails to inflate, exceljs can wait forever for it: the
  // error goes to the unzip stream, which it is not listening to at that moment (found by the
  // import fuzz test, core/import/fuzz-sample.test.ts). So we listen to that stream ourselves.
  const budget = new InflateBudget(sourceName(file));
  const damaged = new Promise<never>((_resolve, reject) => {
    const pipe = input.pipe.bind(input);
    input.pipe = ((dest: NodeJS.WritableStream, o?: { end?: boolean }) => {
      countInflated(dest, budget);
      return pipe(dest.on('error', reject), o);
    }) as typeof input.pipe;
  });
  const reader = new Excel.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit' });
  // exceljs writes a sheet to a temp file unless it already holds shared strings and the
  // workbook's relationships: never let it. The parts come in that order (openSource), and a
  // workbook without a shared strings table (inline strings, as national exports are) or without
  // relationships then reads its sheets straight from the zip too. Real parts replace these.
  Object.assign(reader, { sharedStrings: [], workbookRels: [] });
  let garbled = false;
  const reading = (async () => {
    for await (const ws of reader) {
      const sink = open((ws as unknown as { name: string }).name);
      for await (const row of ws) {
        if ((row.number & 1023) === 0) opts.signal?.throwIfAborted();
        const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
        if (!garbled && cells.some((c) => c.includes(REPLACEMENT))) garbled = true;
        sink.push(cells, row.number);
      }
    }
  })();
  // Whichever settles first decides; the other must not become an unhandled rejection.
  damaged.catch(() => undefined);
  reading.catch(() => undefined);
  try {
    await Promise.race([reading, damaged]);
  } catch (e) {
    throw budget.refusal ?? e;
  } finally {
    input.destroy();
  }
  return garbled;
}

export async function readStreaming(file: WorkbookSource, opts: ReadOptions = {}): Promise<SheetRows[]> {
  const sheets: SheetRows[] = [];
  await streamSheets(
    file,
    (name) => {
      const sheet: SheetRows = { name, rows: [] };
      sheets.push(sheet);
      return { push: (cells, n) => (sheet.rows[n - 1] = cells) };
    },
    opts,
  );
  return sheets;
}

async function readWhole(file: WorkbookSource): Promise<SheetRows[]> {
  const wb = new (await loadExcelJS()).Workbook();
  if (typeof file === 'string') await wb.xlsx.readFile(file);
  else await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const sheet: SheetRows = { name: ws.name, rows: [] };
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      sheet.rows[n - 1] = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
    });
    return sheet;
  });
}


/**
 * Streaming keeps memory flat on 80k rows. exceljs 4.4's streaming reader decoded each zip
 * chunk on its own and split Chinese characters into "�" (exceljs issues #2063, #2316);
 * patches/exceljs+4.4.0.patch (applied by `npm install`) fixes that. Should the patch ever be
 * missing, a U+FFFD — which no national export contains — makes us read the file again
 * whole, so a clerk's data is never silently garbled.
 */
/**
 * Streams the sheets into sinks (flat memory on 80k rows); should the exceljs patch be missing
 * and a "\uFFFD" appear, the sinks are opened afresh and fed from a whole-file read.
 */
export async function feedSheets(file: WorkbookSource, open: (name: string) => RowSink, opts: ReadOptions = {}): Promise<void> {
  checkWorkbookSize(file);
  try {
    // exceljs's streaming reader sometimes loses the zip's last entry and then fails inside
    // itself with a TypeError (exceljs issue #3064: xl/workbook.xml, which exceljs and some
    // tools store last; ~1 read in 3 of a small uncompressed workbook here). The file is fine:
    // read it whole (a damaged file fails there too, and is refused below).
    const streamed = await streamSheets(file, open, opts).catch((e: unknown) => {
      if (e instanceof TypeError && !opts.signal?.aborted) return true;
      throw e;
    });
    if (streamed) {
      for (const sheet of await readWhole(file)) {
        const sink = open(sheet.name);
        sheet.rows.forEach((cells, i) => sink.push(cells, i + 1));
      }
    }
  } catch (e) {
    if (opts.signal?.aborted) throw cancelled();
    throw unreadable(file, e);
  }
}

export async function readSheets(file: WorkbookSource, opts: ReadOptions = {}): Promise<SheetRows[]> {
  checkWorkbookSize(file);
  let sheets: SheetRows[];
  try {
    sheets = await readStreaming(file, opts).catch((e: unknown) => {
      // exceljs's streaming reader sometimes loses the zip's last entry and then fails inside
      // itself with a TypeError (exceljs issue #3064: xl/workbook.xml, which exceljs and some
      // tools store last; ~1 read in 3 of a small uncompressed workbook here). The file is
      // fine: read it whole. A damaged file fails there too, and is refused below.
      if (e instanceof TypeError && !opts.signal?.aborted) return readWhole(file);
      throw e;
    });
    if (sheets.some((s) => s.rows.some((r) => r.some((c) => c.includes(REPLACEMENT))))) sheets = await readWhole(file);
  } catch (e) {
    if (opts.signal?.aborted) throw cancelled();
    throw unreadable(file, e);
  }
  for (const s of sheets) for (let i = 0; i < s.rows.length; i++) s.rows[i] ??= [];
  return sheets;
}
