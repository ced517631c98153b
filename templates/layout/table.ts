// Ruled tables for PDF: the header repeated on every page, rows grouped (a household's
// members) and kept together on a page when they fit, group-level cells printed once per
// group and page with no rule inside them (a merged look), wrapped text, a totals row; and a
// side-by-side variant (two column groups per page) for long single-line lists.
import type { Pdf } from './pdf.ts';

export interface Column {
  label: string;
  /** Relative width: the columns share the available width in these proportions. */
  weight: number;
  align?: 'left' | 'center' | 'right';
  /** A group-level value (the household's): printed on the group's first row on each page. */
  group?: boolean;
}

export interface Row {
  cells: readonly string[];
  bold?: boolean;
  fill?: string;
}

export interface TableSpec {
  columns: readonly Column[];
  /** Each group is drawn together when it fits on one page; a plain table has one row per group. */
  groups: Iterable<readonly Row[]>;
  size?: number;
  /** Drawn at the top of every page the table continues on, before the header (e.g. "（续）"). */
  continued?: (pdf: Pdf) => void;
  /** Rows after the last group (totals), kept with it. */
  footer?: readonly Row[];
  x?: number;
  width?: number;
}

const PAD = 2.5;
const HEADER_FILL = '#e8e8e8';
const RULE = 0.6;

interface Geometry {
  xs: number[];
  widths: number[];
  size: number;
}

function geometry(pdf: Pdf, columns: readonly Column[], size: number, x = pdf.left, width = pdf.width): Geometry {
  const total = columns.reduce((s, c) => s + c.weight, 0);
  const widths = columns.map((c) => (c.weight / total) * width);
  const xs: number[] = [];
  widths.reduce((at, w) => (xs.push(at), at + w), x);
  return { xs, widths, size };
}

function rowHeight(pdf: Pdf, g: Geometry, cells: readonly string[], skip?: readonly boolean[]): number {
  let h = g.size * 1.25;
  cells.forEach((text, i) => {
    if (skip?.[i] || !text) return;
    h = Math.max(h, pdf.heightOf(text, g.widths[i]! - 2 * PAD, g.size));
  });
  return h + 2 * PAD;
}

function drawCells(pdf: Pdf, g: Geometry, columns: readonly Column[], row: Row, y: number, h: number, opts: { blank?: readonly boolean[]; openTop?: readonly boolean[] }): void {
  const doc = pdf.doc;
  const right = g.xs[g.xs.length - 1]! + g.widths[g.widths.length - 1]!;
  if (row.fill) pdf.fillRect(g.xs[0]!, y, right - g.xs[0]!, h, row.fill);
  doc.lineWidth(RULE).strokeColor('black');
  // The top rule in as few segments as possible: it is open above a group cell that continues.
  let from: number | null = null;
  columns.forEach((_c, i) => {
    const open = opts.openTop?.[i] === true;
    if (!open && from === null) from = g.xs[i]!;
    if (open && from !== null) {
      doc.moveTo(from, y).lineTo(g.xs[i]!, y);
      from = null;
    }
    doc.moveTo(g.xs[i]!, y).lineTo(g.xs[i]!, y + h);
  });
  if (from !== null) doc.moveTo(from, y).lineTo(right, y);
  doc.moveTo(right, y).lineTo(right, y + h);
  doc.stroke();
  columns.forEach((c, i) => {
    const text = opts.blank?.[i] ? '' : (row.cells[i] ?? '');
    if (!text) return;
    const w = g.widths[i]!;
    const th = pdf.heightOf(text, w - 2 * PAD, g.size);
    const ty = y + Math.max(PAD, (h - th) / 2);
    pdf.text(text, g.xs[i]! + PAD, ty, { size: g.size, width: w - 2 * PAD, align: c.align ?? 'center', bold: row.bold, height: h - PAD });
  });
}

function bottomRule(pdf: Pdf, g: Geometry, y: number): void {
  const right = g.xs[g.xs.length - 1]! + g.widths[g.widths.length - 1]!;
  pdf.doc.lineWidth(RULE).moveTo(g.xs[0]!, y).lineTo(right, y).stroke();
}

function drawHeader(pdf: Pdf, g: Geometry, columns: readonly Column[]): void {
  const row: Row = { cells: columns.map((c) => c.label), bold: true, fill: HEADER_FILL };
  const hg = { ...g, size: g.size - 0.5 };
  const h = rowHeight(pdf, hg, row.cells);
  const y = pdf.y;
  drawCells(pdf, hg, columns, row, y, h, {});
  pdf.y = y + h;
}

/** The height the table takes when it fits on the current page (header, rows, footer). */
export function tableHeight(pdf: Pdf, spec: Pick<TableSpec, 'columns' | 'groups' | 'footer' | 'size' | 'width'>): number {
  const size = spec.size ?? 9;
  const g = geometry(pdf, spec.columns, size, 0, spec.width);
  const groupCols = spec.columns.map((c) => c.group === true);
  let h = rowHeight(pdf, { ...g, size: size - 0.5 }, spec.columns.map((c) => c.label));
  for (const group of [...spec.groups, ...(spec.footer ? [spec.footer] : [])]) group.forEach((r, k) => (h += rowHeight(pdf, g, r.cells, k === 0 ? undefined : groupCols)));
  return h;
}

/** Draws the table from the current position; returns the number of data rows drawn. */
export function drawTable(pdf: Pdf, spec: TableSpec): number {
  const size = spec.size ?? 9;
  const g = geometry(pdf, spec.columns, size, spec.x, spec.width);
  const groupCols = spec.columns.map((c) => c.group === true);
  const headerHeight = rowHeight(pdf, { ...g, size: size - 0.5 }, spec.columns.map((c) => c.label));
  let drawn = 0;
  const startPage = (): void => {
    pdf.newPage();
    spec.continued?.(pdf);
    drawHeader(pdf, g, spec.columns);
  };
  if (pdf.pages === 0 || pdf.y + headerHeight + size * 3 > pdf.bottom) startPage();
  else drawHeader(pdf, g, spec.columns);

  const drawGroup = (rows: readonly Row[]): void => {
    const heights = rows.map((r, k) => rowHeight(pdf, g, r.cells, k === 0 ? undefined : groupCols));
    const total = heights.reduce((s, h) => s + h, 0);
    const fitsOnePage = total <= pdf.bottom - pdf.top - headerHeight;
    if (pdf.y + total > pdf.bottom && fitsOnePage) {
      bottomRule(pdf, g, pdf.y);
      startPage();
    }
    let firstOnPage = true;
    rows.forEach((row, k) => {
      if (pdf.y + heights[k]! > pdf.bottom) {
        bottomRule(pdf, g, pdf.y);
        startPage();
        firstOnPage = true;
      }
      const inner = !firstOnPage && k > 0;
      const y = pdf.y;
      drawCells(pdf, g, spec.columns, row, y, heights[k]!, {
        blank: inner ? groupCols : undefined,
        openTop: inner ? groupCols : undefined,
      });
      pdf.y = y + heights[k]!;
      firstOnPage = false;
      drawn++;
    });
  };
  for (const group of spec.groups) drawGroup(group);
  if (spec.footer?.length) drawGroup(spec.footer);
  bottomRule(pdf, g, pdf.y);
  return drawn;
}

/**
 * A long list of single-line rows in `sets` side-by-side column groups (序号|组|户主|人口 ‖
 * 序号|组|户主|人口), as official notices print them: each page fills its left group first.
 */
export function drawSideBySide(pdf: Pdf, spec: { columns: readonly Column[]; rows: readonly Row[]; sets: number; size?: number; gap?: number; continued?: (pdf: Pdf) => void }): void {
  const size = spec.size ?? 10;
  const gap = spec.gap ?? 8;
  const setWidth = (pdf.width - gap * (spec.sets - 1)) / spec.sets;
  const sets = Array.from({ length: spec.sets }, (_, s) => geometry(pdf, spec.columns, size, pdf.left + s * (setWidth + gap), setWidth));
  const h = size * 1.25 + 2 * PAD;
  let next = 0;
  let first = true;
  while (next < spec.rows.length || first) {
    if (!first) {
      pdf.newPage();
      spec.continued?.(pdf);
    }
    const room = Math.max(1, Math.floor((pdf.bottom - pdf.y - h) / h));
    // The last page shares its rows evenly between the groups.
    const perSet = Math.min(room, Math.ceil((spec.rows.length - next) / spec.sets));
    const top = pdf.y;
    let lowest = top;
    for (const g of sets) {
      pdf.y = top;
      drawHeader(pdf, g, spec.columns);
      for (let k = 0; k < perSet && next < spec.rows.length; k++, next++) {
        const y = pdf.y;
        drawCells(pdf, g, spec.columns, spec.rows[next]!, y, h, {});
        pdf.y = y + h;
      }
      bottomRule(pdf, g, pdf.y);
      lowest = Math.max(lowest, pdf.y);
      if (next >= spec.rows.length) break;
    }
    pdf.y = lowest;
    first = false;
  }
}
