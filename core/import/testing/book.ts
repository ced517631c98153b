// Test helper: a workbook as plain data (sheets of rows of exceljs cell values), so the fuzz
// tests can mutate it in memory and write a fresh .xlsx buffer for every case — reading a
// base workbook once, never once per case.
import ExcelJS from 'exceljs';

export type Cell = ExcelJS.CellValue;

export interface SheetSpec {
  name: string;
  rows: Cell[][];
  /** 0-based index of the header row, -1 when unknown (kept up to date by the mutations). */
  header: number;
  state?: 'visible' | 'hidden';
  /** Ranges such as "A1:F1". */
  merges?: string[];
}

export interface BookSpec {
  sheets: SheetSpec[];
}

export const cloneBook = (b: BookSpec): BookSpec => ({
  sheets: b.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]), ...(s.merges ? { merges: [...s.merges] } : {}) })),
});

/** Reads a workbook (the non-streaming reader: the bases are small) into plain rows. */
export async function loadBook(source: string | Buffer): Promise<BookSpec> {
  const wb = new ExcelJS.Workbook();
  if (typeof source === 'string') await wb.xlsx.readFile(source);
  else await wb.xlsx.load(source as unknown as ArrayBuffer);
  return {
    sheets: wb.worksheets.map((ws) => {
      const rows: Cell[][] = [];
      ws.eachRow({ includeEmpty: true }, (row, n) => {
        rows[n - 1] = (row.values as Cell[]).slice(1).map((v) => v ?? null);
      });
      for (let i = 0; i < rows.length; i++) rows[i] ??= [];
      const header = rows.findIndex((r) => r.includes('姓名'));
      return { name: ws.name, rows, header };
    }),
  };
}

/** Writes the book as .xlsx bytes; `store` keeps the zip entries uncompressed (XML visible). */
export async function writeBook(book: BookSpec, opts: { store?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of book.sheets) {
    const ws = wb.addWorksheet(s.name, s.state === 'hidden' ? { state: 'hidden' } : {});
    s.rows.forEach((r, i) => {
      if (r.length) ws.getRow(i + 1).values = r;
    });
    for (const m of s.merges ?? []) {
      try {
        ws.mergeCells(m);
      } catch {
        // A range overlapping an earlier one: exceljs refuses it, and so would Excel.
      }
    }
  }
  // Fast deflate: the fuzz writes a thousand of these.
  const zip = opts.store ? { compression: 'STORE' } : { compression: 'DEFLATE', compressionOptions: { level: 1 } };
  const out = await wb.xlsx.writeBuffer({ zip } as unknown as ExcelJS.XlsxWriteOptions);
  return Buffer.from(out);
}

/** The index of a header label in the sheet's header row, -1 when absent. */
export function columnIndex(sheet: SheetSpec, label: string): number {
  return sheet.header < 0 ? -1 : (sheet.rows[sheet.header] ?? []).indexOf(label);
}

/**
 * The title rows, the header and the rows of `count` households from the `from`-th on
 * (households by 户编号, in the order they first appear).
 */
export function sliceHouseholds(book: BookSpec, from: number, count: number): BookSpec {
  const out = cloneBook(book);
  const s = out.sheets[0]!;
  const j = columnIndex(s, '户编号');
  if (j < 0) throw new Error('base workbook without 户编号 column');
  const no = (r: Cell[]) => (typeof r[j] === 'string' ? r[j] : '');
  const nos = [...new Set(s.rows.slice(s.header + 1).map(no))].filter(Boolean);
  const keep = new Set(nos.slice(from, from + count));
  s.rows = [...s.rows.slice(0, s.header + 1), ...s.rows.slice(s.header + 1).filter((r) => keep.has(no(r)))];
  return out;
}

/** Gives every 户编号 of every sheet a suffix (digits), so the households are new to the archive. */
export function renumber(book: BookSpec, suffix: string): void {
  for (const s of book.sheets) {
    const j = columnIndex(s, '户编号');
    if (j < 0) continue;
    for (let r = s.header + 1; r < s.rows.length; r++) {
      const v = s.rows[r]![j];
      if (typeof v === 'string' && v !== '') s.rows[r]![j] = `${v}${suffix}`;
    }
  }
}

/** A one-sheet roster (花名册) written to `file`: the header row (when given), then the rows. Returns `file`. */
export async function writeRosterFile(file: string, rows: readonly unknown[][], header?: readonly string[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  if (header) ws.addRow([...header]);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
  return file;
}
