// The column-matching step: how each header of a sheet was matched (automatically, or as the
// clerk corrected it), and the clerk's corrections remembered for the same header — kept with
// the import log entry of the import they were used for.
import { createHash } from 'node:crypto';
import type { Archive } from '../../db/open.ts';
import { UserError } from '../../shared/errors.ts';
import { columnFor, headerKey } from './columns.ts';
import { findHeader, headerCandidates } from './header.ts';
import type { ColumnMapping } from './header.ts';
import type { SheetRows } from './workbook.ts';
import { rememberedMappingFor } from '../../db/repos/imports.ts';

export interface HeaderColumnView {
  /** 0-based column index in the sheet. */
  index: number;
  header: string;
  /** The column key it is read as, or null when ignored. */
  key: string | null;
  /** The automatic match, for "恢复自动匹配". */
  auto: string | null;
}

export function headerView(sheet: SheetRows, mapping?: ColumnMapping): HeaderColumnView[] {
  const header = findHeader(sheet, mapping) ?? findHeader(sheet);
  if (!header) return [];
  return header.labels.flatMap((h, index) => (h ? [{ index, header: h, key: header.columns.get(index)?.key ?? null, auto: columnFor(h)?.key ?? null }] : []));
}

function rowSignature(cells: readonly string[]): string {
  return createHash('sha256').update(cells.filter(Boolean).map(headerKey).join('\u0001')).digest('hex').slice(0, 32);
}

/** The signature of the sheet's header row (what "the same header" means). */
export function signatureOf(sheet: SheetRows, mapping?: ColumnMapping): string | null {
  const header = findHeader(sheet, mapping);
  return header ? rowSignature(header.labels) : null;
}

/** The corrections last used with a header like one among the first rows of these sheets. */
export function rememberedMapping(archive: Archive, sheets: SheetRows[]): ColumnMapping | undefined {
  const candidates = sheets.flatMap((s) => [...headerCandidates(s)].map((c) => rowSignature(c.labels)));
  return rememberedMappingFor(archive.db, candidates);
}

/** A mapping as the API receives it (header text as written → key) keyed the way findHeader compares. */
export function normalizeMapping(m: Readonly<Record<string, string | null>>): ColumnMapping {
  return Object.fromEntries(Object.entries(m).map(([h, k]) => [headerKey(h), k]));
}

/**
 * The command line's form of corrections: "表头=列名;表头=忽略", the column named by its label
 * (or any alias) as the roster writes it.
 */
export function mappingFromLabels(spec: string): ColumnMapping {
  const out: Record<string, string | null> = {};
  for (const pair of spec.split(/[;；]/).map((s) => s.trim()).filter(Boolean)) {
    const [header, target] = pair.split(/[=＝]/).map((s) => s.trim());
    if (!header || target === undefined) throw new UserError(`列对应“${pair}”写法不对：应写成“表头=列名”，例如“户码=户编号”或“备用列=忽略”。`, { kind: 'usage' });
    if (target === '忽略' || target === '') {
      out[headerKey(header)] = null;
      continue;
    }
    const def = columnFor(target);
    if (!def) throw new UserError(`列对应“${pair}”中的“${target}”不是可导入的列名。可用的列名如：姓名、证件号码、与户主关系、户编号、行政村、村民小组……`, { kind: 'usage' });
    out[headerKey(header)] = def.key;
  }
  return out;
}
