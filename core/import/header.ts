// Finding a roster's header under whatever title rows sit above it — one row, or a two- or
// three-level header whose cells are merged — and matching its cells to the known columns.
import { columnByKey, columnFor, headerKey } from './columns.ts';
import type { ColumnDef } from './columns.ts';
import type { SheetRows } from './workbook.ts';

/** The clerk's corrections of the automatic matching: header text → column key, or null to ignore. */
export type ColumnMapping = Readonly<Record<string, string | null>>;

export interface HeaderMatch {
  /** 0-based index of the header row (its lowest row when the header spans two or three). */
  row: number;
  /** column index → definition, for recognised columns. */
  columns: Map<number, ColumnDef>;
  /** Headers that were not recognised (kept as they are written, for the clerk). */
  unknown: string[];
  /** The header's text per column, as read (a two-level header's cells merged into one row). */
  labels: string[];
}

function columnOf(header: string, mapping: ColumnMapping | undefined): ColumnDef | undefined {
  const key = headerKey(header);
  if (mapping && key in mapping) {
    const to = mapping[key];
    return to == null ? undefined : columnByKey(to);
  }
  return columnFor(header);
}

/** The header is the row, among the first 15, that names the most known columns (at least 3). */
export function findHeader(sheet: SheetRows, mapping?: ColumnMapping): HeaderMatch | null {
  return findHeaderWith(sheet, (h) => columnOf(h, mapping));
}

/** Rows a header may span: a two-level header (merged group cells over their columns) or three. */
const HEADER_DEPTH = 3;

/**
 * The header text per column of a header ending at row `r` and starting `depth - 1` rows above:
 * each column's lowest non-empty cell. A two-level header writes its single columns (户编号, 姓名)
 * merged down over both rows — the text in the upper cell, the lower one empty — and a group's
 * columns (家庭成员信息 over 性别, 民族 …) in the lower row under the merged group cell.
 */
export function headerLabels(sheet: SheetRows, r: number, depth: number): string[] {
  const out: string[] = [...(sheet.rows[r] ?? [])];
  for (let up = 1; up < depth && r - up >= 0; up++) {
    (sheet.rows[r - up] ?? []).forEach((h, j) => {
      if (h && !out[j]) out[j] = h;
    });
  }
  return Array.from(out, (h) => h ?? '');
}

/** Every header a sheet's first rows may hold: each row alone, and with the one or two rows above it. */
export function* headerCandidates(sheet: SheetRows): Generator<{ row: number; labels: string[] }> {
  for (let r = 0; r < Math.min(15, sheet.rows.length); r++) {
    for (let depth = 1; depth <= Math.min(HEADER_DEPTH, r + 1); depth++) yield { row: r, labels: headerLabels(sheet, r, depth) };
  }
}

/**
 * The header row under any title rows, for columns described elsewhere (a department's list,
 * core/screening): the row among the first 15 where `lookup` knows the most headers (at least `min`),
 * read alone or together with the rows above it (a two- or three-level header: a combination is
 * taken only when it knows more columns than the rows alone).
 */
export function findHeaderWith<C extends { key: string }>(sheet: SheetRows, lookup: (header: string) => C | undefined, min = 3): { row: number; columns: Map<number, C>; unknown: string[]; labels: string[] } | null {
  let best: { row: number; columns: Map<number, C>; unknown: string[]; labels: string[] } | null = null;
  for (const { row, labels } of headerCandidates(sheet)) {
    const columns = new Map<number, C>();
    const unknown: string[] = [];
    const seen = new Set<string>();
    labels.forEach((h, j) => {
      if (!h) return;
      const def = lookup(h);
      if (def && !seen.has(def.key)) {
        columns.set(j, def);
        seen.add(def.key);
      } else if (!def) unknown.push(h);
    });
    if (columns.size >= min && (!best || columns.size > best.columns.size)) best = { row, columns, unknown, labels };
  }
  return best;
}
