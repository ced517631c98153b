// Worksheet print setup and ruled tables for every document's .xlsx: A4/A3/A2 (A1 on A2 paper:
// Excel has no A1 code), orientation, header rows repeated on each printed page, fit to one page
// wide, thin borders, a title merged across the whole table (the columns stretched to the paper
// when narrower), header rows high enough for wrapped labels, ID-like numbers as unwrapped text
// in wide enough columns, the closing lines (issuer, date) kept with the table on its last page,
// "第 N 页 共 M 页" in the footer.
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type ExcelJS from 'exceljs';
import { sheetName } from './sheet-name.ts';

/**
 * Excel's paper codes (ECMA-376 ST_PaperSize; exceljs declares them as a const enum, unusable
 * with isolated modules). A2 is code 66. There is no code for A1: an A1 sheet is set to A2, the
 * largest A size Excel names, fitted to the page — the same proportions, enlarged 141 % by the
 * print shop's A1 printer or plotter.
 */
export const PAPER_CODES = { A4: 9, A3: 8, A2: 66, A1: 66 } as const;

export type SheetPaper = keyof typeof PAPER_CODES;

/** Paper sizes in points (portrait), and the page margins below in inches. */
const PAPER_POINTS: Record<SheetPaper, [number, number]> = { A4: [595, 842], A3: [842, 1191], A2: [1191, 1684], A1: [1191, 1684] };
const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
/** Points per Excel width unit (one '0' of the default 11 pt font: 7 px) and per column (5 px of padding). */
const UNIT_PT = 5.25;
const COLUMN_PAD_PT = 3.75;

/** The printable width and height of a page, in points. */
function printable(s: SheetSetup): { width: number; height: number } {
  const [w, h] = PAPER_POINTS[s.paper];
  const [pw, ph] = s.landscape ? [h, w] : [w, h];
  return { width: pw - (MARGINS.left + MARGINS.right) * 72, height: ph - (MARGINS.top + MARGINS.bottom) * 72 };
}

/** Width in points of columns of these Excel widths. */
const columnsPt = (widths: readonly number[]): number => widths.reduce((s, w) => s + w * UNIT_PT + COLUMN_PAD_PT, 0);

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
      margins: { ...MARGINS },
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
  return Math.max(18, wrappedLines(text, width, size) * size * 1.45 + 4);
}

/** Lines a wrapped cell of `width` units takes at font size `size`. */
export function wrappedLines(text: string, width: number, size = 10): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil((textWidth(line) * size) / 10 / Math.max(1, width - 1))), 0);
}

/** Sum of the widths of the first `columns` columns (8.43, Excel's default, where unset). */
function widthOf(ws: ExcelJS.Worksheet, columns: number): number {
  let w = 0;
  for (let c = 1; c <= columns; c++) w += ws.getColumn(c).width ?? 8.43;
  return w;
}

/** A title merged across `columns`; it wraps (the row grows) when longer than they are wide. */
export function titleRow(ws: ExcelJS.Worksheet, row: number, columns: number, text: string, size = 16): void {
  ws.mergeCells(row, 1, row, columns);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = { size, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  fitTitleHeight(ws, row, columns, text, size);
}

function fitTitleHeight(ws: ExcelJS.Worksheet, row: number, columns: number, text: string, size: number): void {
  const lines = Math.max(1, Math.ceil((textWidth(text) * size) / 11 / Math.max(1, widthOf(ws, columns) - 2)));
  ws.getRow(row).height = Math.max(size * 1.9, lines * size * 1.45 + 8);
}

/** Digits (or a masked ID: 5119**********1234) long enough for Excel to turn into a rounded number or wrap. */
const ID_LIKE = /^[0-9*]{11,}[0-9Xx*]?$/;

/** True for an ID number, account or long code: written as text ('@'), never wrapped. */
export function idLike(value: unknown): boolean {
  return typeof value === 'string' && ID_LIKE.test(value);
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
  ws.getRow(row).height = wrappedHeight(text, widthOf(ws, columns), 11);
}

/** The columns' widths stretched to fill the paper's printable width when they are narrower. */
function stretched(columns: readonly SheetColumn[], setup: SheetSetup): number[] {
  const widths = columns.map((c) => c.width);
  const room = printable(setup).width;
  const used = columnsPt(widths);
  if (used >= room * 0.98) return widths;
  const k = (room * 0.98 - columns.length * COLUMN_PAD_PT) / (used - columns.length * COLUMN_PAD_PT);
  return widths.map((w) => Math.floor(w * k * 10) / 10);
}

/** A ruled table on its own sheet: merged title, header repeated on every printed page. */
export function addTableSheet(wb: ExcelJS.Workbook, t: TableSheet): ExcelJS.Worksheet {
  const headerRow = 2 + (t.subtitle ? 1 : 0) + (t.intro ? 1 : 0);
  const n = t.columns.length;
  const ws = wb.addWorksheet(sheetName(t.name), { ...sheetOptions({ ...t.setup, repeatRows: [headerRow, headerRow] }), views: [{ state: 'frozen', ySplit: headerRow }] });
  const widths = stretched(t.columns, t.setup);
  // ID-like values widen their column to fit unwrapped (18 digits: 20 units).
  const needed = t.columns.map(() => 0);
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
  /** Estimated printed heights (points, before scaling) of the table's rows, for the page fit below. */
  const heights: number[] = [];
  const put = (values: readonly (string | number | null)[], bold = false): void => {
    const row = ws.getRow(r);
    let h = 15;
    t.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const v = values[i] ?? null;
      cell.value = v;
      cell.border = THIN;
      if (idLike(v)) {
        cell.numFmt = '@';
        cell.alignment = { horizontal: c.align ?? 'center', vertical: 'middle', wrapText: false };
        needed[i] = Math.max(needed[i]!, String(v).length + 2);
      } else {
        cell.alignment = { horizontal: c.align ?? 'center', vertical: 'middle', wrapText: true };
        // 15 pt a line at the default 11 pt.
        if (typeof v === 'string' && v.length > 2) h = Math.max(h, wrappedLines(v, widths[i]!, 11) * 15);
      }
      if (bold) cell.font = { bold: true };
    });
    // Excel sizes a row with wrapped text itself, but WPS and LibreOffice (the UOS/Kylin office
    // suites) keep the default height and the lines run over the next row: a wrapped row is given
    // its height.
    if (h > 15) row.height = h;
    heights.push(h);
    r++;
  };
  for (const group of t.groups) {
    const first = r;
    group.forEach((values) => put(values));
    if (group.length > 1) t.columns.forEach((c, i) => c.group && ws.mergeCells(first, i + 1, r - 1, i + 1));
  }
  for (const values of t.footer ?? []) put(values, true);
  const lastTableRow = r - 1;
  ws.columns = widths.map((w, i) => ({ width: Math.max(w, needed[i]!) }));
  // Merged lines are sized once the columns have their final widths.
  titleRow(ws, 1, n, t.title);
  if (t.subtitle) mergedLine(ws, 2, n, t.subtitle);
  if (t.intro) mergedLine(ws, headerRow - 1, n, t.intro);
  header.height = Math.max(18, ...t.columns.map((c, i) => wrappedHeight(c.label, ws.getColumn(i + 1).width ?? c.width, 11)));
  for (const note of t.notes ?? []) mergedLine(ws, r++, n, note.text, note.align);
  const lastRow = r - 1;
  const lastColumn = ws.getColumn(n).letter;
  ws.pageSetup.printArea = `A1:${lastColumn}${lastRow}`;
  keepNotesWithTable(ws, t.setup, { headerRow, lastTableRow, lastRow, heights });
  return ws;
}

/**
 * Excel prints the closing lines (issuer, seal, date) on a page of their own when the table just
 * fills the previous one. Estimated from the row heights at the fit-to-width scale: when they
 * would, the sheet is fitted to the table's own page count instead (Excel shrinks it a little).
 */
function keepNotesWithTable(ws: ExcelJS.Worksheet, setup: SheetSetup, at: { headerRow: number; lastTableRow: number; lastRow: number; heights: readonly number[] }): void {
  if (at.lastRow === at.lastTableRow) return;
  const page = printable(setup);
  const widths = Array.from({ length: ws.columnCount }, (_, i) => ws.getColumn(i + 1).width ?? 8.43);
  const scale = Math.min(1, page.width / columnsPt(widths));
  const rowPt = (row: number): number => ws.getRow(row).height ?? 15;
  let top = 0;
  for (let row = 1; row <= at.headerRow; row++) top += rowPt(row);
  const repeated = rowPt(at.headerRow);
  const room = page.height / scale;
  // Pages needed for everything up to `rows` data rows and then `extra` points.
  const pagesFor = (extra: number): number => {
    let pages = 1;
    let used = top;
    for (const h of at.heights) {
      if (used + h > room) {
        pages++;
        used = repeated;
      }
      used += h;
    }
    if (used + extra > room) pages++;
    return pages;
  };
  let notes = 0;
  for (let row = at.lastTableRow + 1; row <= at.lastRow; row++) notes += rowPt(row);
  const withoutNotes = pagesFor(0);
  if (pagesFor(notes) > withoutNotes) ws.pageSetup.fitToHeight = withoutNotes;
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
