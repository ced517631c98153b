// Lays out form blocks (blocks.ts) on a worksheet of 24 equal columns: the same grid as the
// PDF, merged cells for spans, shaded labels, ☑/□ options as text, A4 fit to one page wide.
import type ExcelJS from 'exceljs';
import type { Block, Cell, FormPage } from './blocks.ts';
import { GRID, optionsText } from './blocks.ts';
import type { SheetSetup } from './xlsx.ts';
import { HEADER_FILL, idLike, LABEL_FILL, sheetOptions, THIN, titleRow, wrappedHeight } from './xlsx.ts';

/** Width of one of the 24 columns, in Excel units (A4 portrait, fit to width). */
const UNIT = 3.9;

class SheetWriter {
  row = 1;
  constructor(readonly ws: ExcelJS.Worksheet) {}

  /** Writes cells spanning the given column widths (in 24ths) on the current row. */
  put(widths: readonly number[], cells: readonly { text: string; label?: boolean; bold?: boolean; fill?: ExcelJS.Fill; align?: 'left' | 'center' | 'right'; border?: boolean }[], size = 10): void {
    let col = 1;
    let height = 18;
    cells.forEach((c, i) => {
      const span = widths[i]!;
      if (span > 1) this.ws.mergeCells(this.row, col, this.row, col + span - 1);
      const cell = this.ws.getCell(this.row, col);
      cell.value = c.text;
      cell.font = { size, bold: c.bold ?? false };
      const horizontal = c.align ?? (c.label ? 'center' : 'left');
      if (idLike(c.text)) {
        // An ID number never breaks over two lines: as text, on one line, shrunk by Excel when its
        // merged cell is narrower than the digits (the form's 24 columns are all one width).
        cell.numFmt = '@';
        cell.alignment = { horizontal, vertical: 'middle', wrapText: false, shrinkToFit: true };
      } else {
        cell.alignment = { horizontal, vertical: 'middle', wrapText: true };
        height = Math.max(height, wrappedHeight(c.text, span * UNIT, size));
      }
      if (c.label || c.fill) cell.fill = c.fill ?? LABEL_FILL;
      if (c.border !== false) for (let k = col; k < col + span; k++) this.ws.getCell(this.row, k).border = THIN;
      col += span;
    });
    this.ws.getRow(this.row).height = height;
    this.row++;
  }
}

function cellText(c: Cell): string {
  return c.options ? optionsText(c.options) : (c.text ?? '');
}

function gridWidths(columns: readonly number[], row: readonly Cell[]): number[] {
  let col = 0;
  return row.map((c) => {
    const span = c.span ?? 1;
    const w = columns.slice(col, col + span).reduce((s, x) => s + x, 0);
    col += span;
    return w;
  });
}

function writeBlock(w: SheetWriter, block: Block): void {
  switch (block.type) {
    case 'title':
      titleRow(w.ws, w.row++, GRID, block.text);
      if (block.subtitle) w.put([GRID], [{ text: block.subtitle, align: 'center', border: false }]);
      return;
    case 'meta':
      w.put([12, 12], [{ text: block.left, border: false }, { text: block.right ?? '', align: 'right', border: false }]);
      return;
    case 'section':
      w.put([GRID], [{ text: block.text, label: true, bold: true, align: 'left' }]);
      return;
    case 'grid':
      for (const row of block.rows) {
        w.put(gridWidths(block.columns, row), row.map((c) => ({ text: cellText(c), label: c.label, align: c.align })));
      }
      return;
    case 'table': {
      const widths = block.columns.map((c) => c.width);
      w.put(widths, block.columns.map((c) => ({ text: c.label, bold: true, fill: HEADER_FILL, align: 'center' as const })));
      block.rows.forEach((r, i) => w.put(widths, r.map((text, k) => ({ text, align: block.columns[k]!.align ?? 'center', bold: block.bold?.includes(i) }))));
      for (let i = 0; i < (block.emptyRows ?? 0); i++) w.put(widths, widths.map(() => ({ text: '' })));
      return;
    }
    case 'paragraph':
      w.put([GRID], [{ text: block.indent ? `\u3000\u3000${block.text}` : block.text, border: false }], block.size ?? 11);
      return;
    case 'box': {
      w.put([3, 21], [{ text: block.label, label: true }, { text: block.text }]);
      const r = w.ws.getRow(w.row - 1);
      r.height = Math.max(r.height ?? 18, block.minLines * 16);
      return;
    }
    case 'signatures': {
      const items = block.dated ? [...block.items, '日期：　　年　　月　　日'] : [...block.items];
      const base = Math.floor(GRID / items.length);
      const widths = items.map((_, i) => (i === items.length - 1 ? GRID - base * (items.length - 1) : base));
      w.row++;
      w.put(widths, items.map((text) => ({ text: text.startsWith('日期') ? text : `${text}____________`, border: false })));
      return;
    }
    case 'seal':
      w.row++;
      w.put([14, 10], [{ text: '', border: false }, { text: block.issuer, align: 'center', border: false }]);
      w.put([14, 10], [{ text: '', border: false }, { text: '（盖章）', align: 'center', border: false }]);
      w.put([14, 10], [{ text: '', border: false }, { text: block.date, align: 'center', border: false }]);
      return;
    case 'gap':
      w.row += Math.max(1, Math.round(block.lines / 2));
      return;
  }
}

/** One form on its own worksheet. */
export function addFormSheet(wb: ExcelJS.Workbook, name: string, page: FormPage, setup: SheetSetup = { paper: 'A4', landscape: false }): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, sheetOptions(setup));
  ws.columns = Array.from({ length: GRID }, () => ({ width: UNIT }));
  const w = new SheetWriter(ws);
  for (const block of page.blocks) writeBlock(w, block);
  return ws;
}
