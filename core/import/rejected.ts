// The rows an import could not take, as a workbook the clerk can fix and import again: the
// sheet's own header, every row of a household with an error (and rows that belong to none),
// and a last column 问题说明 that says what is wrong with each row.
import { loadExcelJS } from '../files/exceljs.ts';
import type { ImportProblem, ParsedHousehold } from './types.ts';
import type { SheetRows } from './workbook.ts';
import { findHeader } from './header.ts';
import type { ColumnMapping } from './header.ts';

export interface Rejection {
  /** 户编号 of the households left out because one of their rows has an error. */
  households: Set<string>;
  /** Row numbers (1-based) per sheet that carry an error or belong to a rejected household. */
  rows: Map<string, Set<number>>;
}

export function rejectionOf(households: ParsedHousehold[], sheetOf: Map<ParsedHousehold, string>, problems: ImportProblem[]): Rejection {
  const errors = problems.filter((p) => p.severity === 'error' && p.row > 0);
  const bad = new Set(errors.map((p) => `${p.sheet}\u0000${p.row}`));
  const rejection: Rejection = { households: new Set(), rows: new Map() };
  const mark = (sheet: string, row: number) => rejection.rows.set(sheet, (rejection.rows.get(sheet) ?? new Set()).add(row));
  for (const p of errors) mark(p.sheet, p.row);
  for (const h of households) {
    const sheet = sheetOf.get(h)!;
    if (h.members.some((m) => bad.has(`${sheet}\u0000${m.row}`)) || bad.has(`${sheet}\u0000${h.firstRow}`)) {
      rejection.households.add(h.no);
      for (const m of h.members) mark(sheet, m.row);
    }
  }
  return rejection;
}

/** Null when no row can be given back (no header found): a workbook without sheets is not one. */
export async function rejectedWorkbook(sheets: SheetRows[], rejection: Rejection, problems: ImportProblem[], mapping?: ColumnMapping): Promise<Buffer | null> {
  const wb = new (await loadExcelJS()).Workbook();
  for (const sheet of sheets) {
    const rows = rejection.rows.get(sheet.name);
    const header = findHeader(sheet, mapping);
    if (!rows?.size || !header) continue;
    const ws = wb.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    const head = header.labels;
    ws.addRow([...head, '问题说明']).font = { bold: true };
    const notes = new Map<number, string[]>();
    for (const p of problems) if (p.sheet === sheet.name && p.row > 0) notes.set(p.row, [...(notes.get(p.row) ?? []), `${p.severity === 'error' ? '【须改正】' : '【请核实】'}${p.column ? `${p.column}：` : ''}${p.message}`]);
    for (const r of [...rows].sort((a, b) => a - b)) {
      const cells = sheet.rows[r - 1] ?? [];
      const padded = Array.from({ length: head.length }, (_v, j) => cells[j] ?? '');
      ws.addRow([...padded, (notes.get(r) ?? ['同户其他成员有须改正的问题']).join('\n')]);
    }
    ws.getColumn(head.length + 1).width = 60;
  }
  if (!wb.worksheets.length) return null;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
