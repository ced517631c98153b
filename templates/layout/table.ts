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
  /** Values that must stay on one line (ID numbers, totals) shrink down to this size before they wrap. */
  shrinkTo?: number;
}

export interface Row {
  cells: readonly string[];
  bold?: boolean;
  fill?: string;
  /** Every cell of the row shrinks to stay on one line, down to this size, before it wraps (a totals row). */
  shrinkTo?: number;
  /** The record the row (and its group) is about, for reports of unprintable characters ("户编号 …（户主 …）"). */
  where?: string;
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
  /**
   * Room kept free below the last row, on the page where the table ends only (a notice's seal
   * and date): a table that ends with that room to spare takes every page fully; one whose rest
   * fits on a page but not with the room carries its last rows over, so they and what follows
   * share the last sheet. Needs `groups` as an array.
   */
  closing?: number;
}

/** Rows carried over to the last page when what follows the table does not fit after them. */
const CARRIED_ROWS = 2;

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

/** The smallest size a single-line cell shrinks to before it wraps instead. */
export const SHRINK_FLOOR = 7;

/**
 * The size a cell's text is drawn at to stay on one line of `width`: `size` when it fits, else
 * the largest half-point step down to `floor` that fits, else `floor` (and the text wraps there).
 */
export function fitSize(pdf: Pdf, text: string, width: number, size: number, floor = SHRINK_FLOOR): number {
  if (!text || size <= floor) return size;
  const w = pdf.widthOf(text, size);
  if (w <= width) return size;
  // Width grows with size: the first guess is exact up to rounding, then step down to be sure.
  let s = Math.max(floor, Math.floor(((size * width) / w) * 2) / 2);
  while (s > floor && pdf.widthOf(text, s) > width) s -= 0.5;
  return s;
}

function rowHeight(pdf: Pdf, g: Geometry, cells: readonly string[], skip?: readonly boolean[], sizes?: readonly number[]): number {
  let h = g.size * 1.25;
  cells.forEach((text, i) => {
    if (skip?.[i] || !text) return;
    h = Math.max(h, pdf.heightOf(text, g.widths[i]! - 2 * PAD, sizes?.[i] ?? g.size));
  });
  return h + 2 * PAD;
}

function drawCells(pdf: Pdf, g: Geometry, columns: readonly Column[], row: Row, y: number, h: number, opts: { blank?: readonly boolean[]; openTop?: readonly boolean[]; sizes?: readonly number[] }): void {
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
    const size = opts.sizes?.[i] ?? g.size;
    const th = pdf.heightOf(text, w - 2 * PAD, size);
    const ty = y + Math.max(PAD, (h - th) / 2);
    // The row is as high as its tallest cell: the height given is only a guard against pdfkit
    // starting a page by itself, with room to spare so that no line of the cell is ever cut.
    pdf.text(text, g.xs[i]! + PAD, ty, { size, width: w - 2 * PAD, align: c.align ?? 'center', bold: row.bold, height: th + size });
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

/** Per-cell sizes of a row whose cells (or some columns' cells) shrink to stay on one line; undefined when none does. */
function rowSizes(pdf: Pdf, g: Geometry, columns: readonly Column[], row: Row): number[] | undefined {
  if (row.shrinkTo === undefined && !columns.some((c) => c.shrinkTo !== undefined)) return undefined;
  return row.cells.map((text, i) => {
    const floor = row.shrinkTo ?? columns[i]?.shrinkTo;
    return floor === undefined ? g.size : fitSize(pdf, text, g.widths[i]! - 2 * PAD, g.size, floor);
  });
}

/** The height the table takes when it fits on the current page (header, rows, footer). */
export function tableHeight(pdf: Pdf, spec: Pick<TableSpec, 'columns' | 'groups' | 'footer' | 'size' | 'width'>): number {
  const size = spec.size ?? 9;
  const g = geometry(pdf, spec.columns, size, 0, spec.width);
  const groupCols = spec.columns.map((c) => c.group === true);
  let h = rowHeight(pdf, { ...g, size: size - 0.5 }, spec.columns.map((c) => c.label));
  for (const group of [...spec.groups, ...(spec.footer ? [spec.footer] : [])]) group.forEach((r, k) => (h += rowHeight(pdf, g, r.cells, k === 0 ? undefined : groupCols, rowSizes(pdf, g, spec.columns, r))));
  return h;
}

/** Draws the table from the current position; returns the number of data rows drawn. */
export function drawTable(pdf: Pdf, spec: TableSpec): number {
  const size = spec.size ?? 9;
  const g = geometry(pdf, spec.columns, size, spec.x, spec.width);
  const groupCols = spec.columns.map((c) => c.group === true);
  const headerHeight = rowHeight(pdf, { ...g, size: size - 0.5 }, spec.columns.map((c) => c.label));
  let drawn = 0;
  const outside = pdf.where;
  /** Unprintable characters of a group are reported as of its record (the table's own place otherwise). */
  const about = (rows: readonly Row[]): void => {
    pdf.where = rows.find((r) => r.where)?.where ?? outside;
  };
  const startPage = (): void => {
    pdf.newPage();
    spec.continued?.(pdf);
    drawHeader(pdf, g, spec.columns);
  };
  if (pdf.pages === 0 || pdf.y + headerHeight + size * 3 > pdf.bottom) startPage();
  else drawHeader(pdf, g, spec.columns);

  const drawGroup = (rows: readonly Row[]): void => {
    about(rows);
    const sizes = rows.map((r) => rowSizes(pdf, g, spec.columns, r));
    const heights = rows.map((r, k) => rowHeight(pdf, g, r.cells, k === 0 ? undefined : groupCols, sizes[k]));
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
      // A group continued on a new page prints its group cells again: the row is measured with them.
      const h = k > 0 && !inner ? rowHeight(pdf, g, row.cells, undefined, sizes[k]) : heights[k]!;
      if (h > heights[k]! && pdf.y + h > pdf.bottom) {
        bottomRule(pdf, g, pdf.y);
        startPage();
      }
      const y = pdf.y;
      drawCells(pdf, g, spec.columns, row, y, h, {
        blank: inner ? groupCols : undefined,
        openTop: inner ? groupCols : undefined,
        sizes: sizes[k],
      });
      pdf.y = y + h;
      firstOnPage = false;
      drawn++;
    });
  };
  const closing = spec.closing ?? 0;
  if (closing > 0 && Array.isArray(spec.groups)) {
    const groups = spec.groups as readonly (readonly Row[])[];
    // Height of each group and of every group from it to the end (the footer included).
    const heights = groups.map((rows) => {
      about(rows);
      return rows.reduce((s, r, k) => s + rowHeight(pdf, g, r.cells, k === 0 ? undefined : groupCols, rowSizes(pdf, g, spec.columns, r)), 0);
    });
    const rest = [...heights, (spec.footer ?? []).reduce((s, r) => s + rowHeight(pdf, g, r.cells, undefined, rowSizes(pdf, g, spec.columns, r)), 0)];
    for (let i = rest.length - 2; i >= 0; i--) rest[i]! += rest[i + 1]!;
    groups.forEach((group, i) => {
      const restFits = pdf.y + rest[i]! <= pdf.bottom;
      if (restFits && pdf.y + rest[i]! + closing > pdf.bottom && groups.length - i <= CARRIED_ROWS && i > 0) {
        bottomRule(pdf, g, pdf.y);
        startPage();
      }
      drawGroup(group);
    });
  } else for (const group of spec.groups) drawGroup(group);
  if (spec.footer?.length) drawGroup(spec.footer);
  bottomRule(pdf, g, pdf.y);
  pdf.where = outside;
  return drawn;
}

/**
 * A long list of single-line rows in `sets` side-by-side column groups (序号|组|户主|人口 ‖
 * 序号|组|户主|人口), as official notices print them: each page fills its left group first.
 * A value too long for its cell is drawn smaller, down to `floor`, and only then wraps (its row
 * grows): a name is never cut.
 */
export function drawSideBySide(
  pdf: Pdf,
  spec: { columns: readonly Column[]; rows: readonly Row[]; sets: number; size?: number; floor?: number; gap?: number; continued?: (pdf: Pdf) => void; closing?: number },
): void {
  const size = spec.size ?? 10;
  const gap = spec.gap ?? 8;
  const setWidth = (pdf.width - gap * (spec.sets - 1)) / spec.sets;
  const sets = Array.from({ length: spec.sets }, (_, s) => geometry(pdf, spec.columns, size, pdf.left + s * (setWidth + gap), setWidth));
  const g0 = sets[0]!;
  const sizes = spec.rows.map((r) => r.cells.map((text, i) => fitSize(pdf, text, g0.widths[i]! - 2 * PAD, size, spec.floor)));
  const heights = spec.rows.map((r, k) => rowHeight(pdf, g0, r.cells, undefined, sizes[k]));
  const headerHeight = rowHeight(pdf, { ...g0, size: size - 0.5 }, spec.columns.map((c) => c.label));
  let next = 0;
  let first = true;
  while (next < spec.rows.length || first) {
    if (!first) {
      pdf.newPage();
      spec.continued?.(pdf);
    }
    const full = pdf.bottom - pdf.y - headerHeight;
    // How many rows from `from` fit in one group of height `room` (at least one, so a page always moves on).
    const fitting = (from: number, cap: number, room: number): number => {
      let n = 0;
      for (let used = 0; from + n < spec.rows.length && n < cap && (n === 0 || used + heights[from + n]! <= room); n++) used += heights[from + n]!;
      return n;
    };
    const fitsAll = (cap: number, room: number): boolean => {
      let at = next;
      for (let s = 0; s < spec.sets; s++) at += fitting(at, cap, room);
      return at >= spec.rows.length;
    };
    // The last page shares its rows evenly between the groups, when an even share fits, and
    // keeps the closing's room below them; a page whose rows would leave no room for it
    // carries its last rows over to the last page.
    const left = spec.rows.length - next;
    const share = Math.ceil(left / spec.sets);
    const closing = spec.closing ?? 0;
    let room = full;
    let cap = Infinity;
    let budget = Infinity;
    if (fitsAll(Infinity, full - closing)) {
      room = full - closing;
      if (fitsAll(share, room)) cap = share;
    } else if (closing > 0 && fitsAll(Infinity, full)) budget = Math.max(1, left - CARRIED_ROWS);
    const top = pdf.y;
    let lowest = top;
    for (const g of sets) {
      pdf.y = top;
      drawHeader(pdf, g, spec.columns);
      const n = Math.min(fitting(next, cap, room), budget);
      budget -= n;
      for (let k = 0; k < n; k++, next++) {
        const y = pdf.y;
        drawCells(pdf, g, spec.columns, spec.rows[next]!, y, heights[next]!, { sizes: sizes[next] });
        pdf.y = y + heights[next]!;
      }
      bottomRule(pdf, g, pdf.y);
      lowest = Math.max(lowest, pdf.y);
      if (next >= spec.rows.length || budget <= 0) break;
    }
    pdf.y = lowest;
    first = false;
  }
}
