// A batch of one-record forms (入户登记表, 明白卡, 脱贫验收表 …) written as one PDF with flat
// memory — records arrive one by one from an iterator, each starts a page, the output is
// drained between records — or as a workbook with one sheet per record. Progress after each
// record; a cancel signal stops between records.
import type { Writable } from 'node:stream';
import { UserError } from '../../shared/errors.ts';
import type { FormPage } from './blocks.ts';
import { drawForm } from './blocks-pdf.ts';
import { addFormSheet } from './blocks-xlsx.ts';
import type { Paper, RenderResult } from './pdf.ts';
import { loadPdfkit, Pdf } from './pdf.ts';
import { uniqueSheetNames } from './sheet-name.ts';
import { newWorkbook, writeWorkbook } from './xlsx.ts';

export interface RenderHooks {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Records to print: how many, and the records themselves, built lazily. */
export interface RecordSource<T> {
  total: number;
  records: Iterable<T>;
}

export interface FormBatch<T> {
  title: string;
  paper?: Paper;
  landscape?: boolean;
  size?: number;
  /** The form of one record, and the name of its worksheet. */
  page(record: T): FormPage;
  sheetName(record: T): string;
  /** Footer of each page, e.g. "青山镇入户登记表 · 第 3 户 共 120 户". */
  footer(index: number, total: number): string;
  /**
   * Instead of `footer`: a footer that knows the file's pages ("第 N 页 共 M 页") and the
   * record's own ("本户第 n 页 共 m 页"); written when the file ends (page-numbers.ts), the
   * pages themselves still streamed. `key` is kept per record (e.g. its 户编号) for the line.
   */
  pageFooter?: { key(record: T): string; line(at: PageAt): string };
}

/** Where a page stands: in the file, and within its record (all 1-based). */
export interface PageAt {
  page: number;
  pages: number;
  record: number;
  records: number;
  recordPage: number;
  recordPages: number;
  key: string;
}

export const CANCELLED_MESSAGE = '已取消：文档没有生成完，未保存任何文件。';

function checkCancel(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new UserError(CANCELLED_MESSAGE);
}

export async function formsPdf<T>(batch: FormBatch<T>, source: RecordSource<T>, out: Writable, hooks: RenderHooks = {}): Promise<RenderResult> {
  await loadPdfkit();
  const paged = batch.pageFooter;
  const pdf = new Pdf({ paper: batch.paper ?? 'A4', landscape: batch.landscape ?? false, title: batch.title, numbered: paged !== undefined }, out);
  let index = 0;
  if (!paged) pdf.runningFooter = () => batch.footer(index, source.total);
  // Per record: its first page (0-based) and key; a few bytes each, for the footers at the end.
  const firstPages: number[] = [];
  const keys: string[] = [];
  for (const record of source.records) {
    checkCancel(hooks.signal);
    index++;
    firstPages.push(pdf.pages);
    if (paged) keys.push(paged.key(record));
    drawForm(pdf, batch.page(record), { size: batch.size ?? 9 });
    hooks.onProgress?.(index, source.total);
    await pdf.drain();
  }
  if (!paged) return pdf.finish();
  let r = 0;
  return pdf.finish((i, count) => {
    while (r + 1 < firstPages.length && firstPages[r + 1]! <= i) r++;
    const end = r + 1 < firstPages.length ? firstPages[r + 1]! : count;
    const start = firstPages[r] ?? 0;
    return paged.line({ page: i + 1, pages: count, record: r + 1, records: firstPages.length, recordPage: i - start + 1, recordPages: end - start, key: keys[r] ?? '' });
  });
}

export async function formsXlsx<T>(batch: FormBatch<T>, source: RecordSource<T>, out: Writable, hooks: RenderHooks = {}): Promise<RenderResult> {
  const wb = await newWorkbook(batch.title);
  const names = uniqueSheetNames();
  let index = 0;
  for (const record of source.records) {
    checkCancel(hooks.signal);
    index++;
    addFormSheet(wb, names(batch.sheetName(record)), batch.page(record), { paper: 'A4', landscape: batch.landscape ?? false });
    hooks.onProgress?.(index, source.total);
  }
  await writeWorkbook(wb, out);
  return { pages: null, sheets: index, missingGlyphs: [] };
}

/** A single form of bounded length (a village's table, a meeting record), "第 N 页 共 M 页". */
export async function formPdf(title: string, page: FormPage, out: Writable, opts: { size?: number; paper?: Paper; landscape?: boolean } = {}): Promise<RenderResult> {
  await loadPdfkit();
  const pdf = new Pdf({ paper: opts.paper ?? 'A4', landscape: opts.landscape ?? false, title, numbered: true }, out);
  drawForm(pdf, page, { size: opts.size ?? 9.5 });
  return pdf.finish();
}

export async function formXlsx(title: string, sheet: string, page: FormPage, out: Writable): Promise<RenderResult> {
  const wb = await newWorkbook(title);
  addFormSheet(wb, uniqueSheetNames()(sheet), page);
  await writeWorkbook(wb, out);
  return { pages: null, sheets: 1, missingGlyphs: [] };
}
