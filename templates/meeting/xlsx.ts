// A meeting's papers as a workbook: each form on its own sheet, the header of its table (the
// vote table, the signature or sign-in table) printed again at the top of every page.
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { FormPage } from '../layout/blocks.ts';
import { addFormSheet } from '../layout/blocks-xlsx.ts';
import type { RenderResult } from '../layout/pdf.ts';
import { newWorkbook, writeWorkbook } from '../layout/xlsx.ts';

/** The first row whose first cell reads `label` (a table header drawn by addFormSheet). */
function headerRow(ws: ExcelJS.Worksheet, label: string): number | null {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === label) return r;
  return null;
}

export interface MeetingSheet {
  name: string;
  page: FormPage;
  /** The first header label of the table whose header repeats on every printed page. */
  repeatHeader: string;
}

export async function meetingWorkbook(title: string, sheets: readonly MeetingSheet[], out: Writable): Promise<RenderResult> {
  const wb = await newWorkbook(title);
  for (const s of sheets) {
    const ws = addFormSheet(wb, s.name, s.page);
    const r = headerRow(ws, s.repeatHeader);
    if (r != null) ws.pageSetup.printTitlesRow = `${r}:${r}`;
  }
  await writeWorkbook(wb, out);
  return { pages: null, sheets: sheets.length, missingGlyphs: [] };
}
