// Worksheet print setup and ruled tables for every document's .xlsx: A4/A3, orientation,
// header rows repeated on each printed page, fit to one page wide, thin borders, a merged
// title, "第 N 页 共 M 页" in the footer.
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type ExcelJS from 'exceljs';
import { sheetName } from './sheet-name.ts';

/** Excel's paper codes (exceljs declares them as a const enum, unusable with isolated modules). */
const PAPER_CODES = { A4: 9, A3: 8 } as const;

export type SheetPaper = keyof typeof PAPER_CODES;

export const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  bottom: { style: 'thin' },
  left: { style: 'thin' },
  right: { style: 'thin' },
};
export const LABEL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } };
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };

export interface SheetSetup {
  paper: SheetPaper;
  landscape: boolean;
  /** Rows printed at the top of every page, e.g. [3, 3] for the table header. */
  repeatRows?: [number, number];
  /** Also fit to one page high (a one-page form). */
  onePage?: boolean;
}

export function sheetOptions(s: SheetSetup): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    pageSetup: {
      // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- Excel's own code for the paper
      paperSize: PAPER_CODES[s.paper] as ExcelJS.PaperSize,
      orientation: s.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: s.onePage ? 1 : 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(s.repeatRows ? { printTitlesRow: `${s.repeatRows[0]}:${s.repeatRows[1]}` } : {}),
    },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页' },
  };
}

/** Display width of a text in Excel width units: a Chinese character counts about two. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! > 0x2e7f ? 2 : 1;
  return w;
}

/** Height of a wrapped cell of `width` units at font size `size`. */
export function wrappedHeight(text: string, width: number, size = 10): number {
  const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil((textWidth(line) * size) / 10 / Math.max(1, width - 1))), 0);
  return Math.max(18, lines * size * 1.45 + 4);
}

export function titleRow(ws: ExcelJS.Worksheet, row: number, columns: number, text: string, size = 16): void {
  ws.mergeCells(row, 1, row, columns);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = { size, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(row).height = size * 1.9;
}

export interface SheetColumn {
  label: string;
  /** Excel width units. */
  width: number;
  align?: 'left' | 'center' | 'right';
  /** A group-level value merged down the group's rows (the household's cells). */
  group?: boolean;
}

export interface TableSheet {
  name: string;
  title: string;
  subtitle?: string;
  columns: readonly SheetColumn[];
  /** Each group's rows; group-level columns are merged down each group. */
  groups: Iterable<readonly (readonly (string | number | null)[])[]>;
  footer?: readonly (readonly (string | number | null)[])[];
  /** A wrapped paragraph between the title and the table (a notice's body). */
  intro?: string;
  /** Lines under the table, each merged across (totals in words, issuer, date). */
  notes?: readonly { text: string; align?: 'left' | 'right' }[];
  setup: SheetSetup;
}

function mergedLine(ws: ExcelJS.Worksheet, row: number, columns: number, text: string, align: 'left' | 'right' | 'center' = 'left'): void {
  ws.mergeCells(row, 1, row, columns);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
  const width = ws.columns.reduce((s, c) => s + (c.width ?? 8), 0);
  ws.getRow(row).height = wrappedHeight(text, width, 11);
}

/** A ruled table on its own sheet: merged title, header repeated on every printed page. */
export function addTableSheet(wb: ExcelJS.Workbook, t: TableSheet): ExcelJS.Worksheet {
  const headerRow = 2 + (t.subtitle ? 1 : 0) + (t.intro ? 1 : 0);
  const ws = wb.addWorksheet(sheetName(t.name), { ...sheetOptions({ ...t.setup, repeatRows: [headerRow, headerRow] }), views: [{ state: 'frozen', ySplit: headerRow }] });
  ws.columns = t.columns.map((c) => ({ width: c.width }));
  titleRow(ws, 1, t.columns.length, t.title);
  if (t.subtitle) mergedLine(ws, 2, t.columns.length, t.subtitle);
  if (t.intro) mergedLine(ws, headerRow - 1, t.columns.length, t.intro);
  const header = ws.getRow(headerRow);
  t.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.label;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  let r = headerRow + 1;
  const put = (values: readonly (string | number | null)[], bold = false): void => {
    const row = ws.getRow(r);
    t.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.value = values[i] ?? null;
      cell.border = THIN;
      cell.alignment = { horizontal: c.align ?? 'center', vertical: 'middle', wrapText: true };
      if (bold) cell.font = { bold: true };
    });
    r++;
  };
  for (const group of t.groups) {
    const first = r;
    group.forEach((values) => put(values));
    if (group.length > 1) t.columns.forEach((c, i) => c.group && ws.mergeCells(first, i + 1, r - 1, i + 1));
  }
  for (const values of t.footer ?? []) put(values, true);
  for (const note of t.notes ?? []) mergedLine(ws, r++, t.columns.length, note.text, note.align);
  return ws;
}

/** exceljs is loaded here, on first use: a PDF (or a command that makes none) never parses it. */
export async function newWorkbook(title: string): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = '扶贫档案';
  wb.title = title;
  return wb;
}

/** Writes the workbook and waits until the output has taken all of it. */
export async function writeWorkbook(wb: ExcelJS.Workbook, out: Writable): Promise<void> {
  await wb.xlsx.write(out);
  out.end();
  await finished(out);
}
