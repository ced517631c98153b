// 核对列: the column-matching step as pure functions — the clerk's draft (each header of the file
// → the archive column it is read as, or null to ignore it), the rows of the matching table with
// their marks (自动 / 已修改 / 沿用上次 / 未对应), the required columns still missing, the
// grouped choices, and the corrections sent to imports.check / imports.apply.
import type { ImportableColumn, ImportColumnView } from '../../shared/api/index.ts';

/** Header as written → column key (null: ignored). */
export type MappingDraft = Readonly<Record<string, string | null>>;

/** The Select cannot hold null: this value stands for 忽略. */
export const IGNORE = '__ignore__';

export const LEVEL_NAMES: Record<ImportableColumn['level'], string> = {
  place: '所在地区',
  household: '户信息',
  member: '成员信息',
  income: '收入',
};

export type ColumnMark = 'auto' | 'changed' | 'remembered' | 'none';

export const MARK_TAGS: Record<ColumnMark, { label: string; color: string; hint: string }> = {
  auto: { label: '自动', color: 'blue', hint: '按列名自动对应' },
  changed: { label: '已修改', color: 'orange', hint: '您修改了这一列的对应' },
  remembered: { label: '沿用上次', color: 'purple', hint: '沿用上次导入同样表头时的修改' },
  none: { label: '未对应', color: 'default', hint: '这一列不会导入' },
};

export interface ColumnRow {
  /** Position in the sheet (0-based) — also the table row key. */
  index: number;
  /** The spreadsheet letter of the column (A, B … AA). */
  letter: string;
  header: string;
  key: string | null;
  auto: string | null;
  mark: ColumnMark;
  /** Another header is already read as the same column: this one is then not read. */
  duplicateOf: string | null;
}

/** A, B … Z, AA, AB … for a 0-based index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The matching as the archive read it (the starting point of the clerk's draft). */
export function draftFromColumns(columns: readonly ImportColumnView[]): MappingDraft {
  const out: Record<string, string | null> = {};
  for (const c of columns) if (!(c.header in out)) out[c.header] = c.key;
  return out;
}

export function setColumn(draft: MappingDraft, header: string, key: string | null): MappingDraft {
  return { ...draft, [header]: key };
}

/** Every header back to the automatic match. */
export function resetToAuto(columns: readonly ImportColumnView[]): MappingDraft {
  const out: Record<string, string | null> = {};
  for (const c of columns) if (!(c.header in out)) out[c.header] = c.auto;
  return out;
}

const keyOf = (draft: MappingDraft, c: ImportColumnView): string | null => (c.header in draft ? (draft[c.header] ?? null) : c.key);

/**
 * What the API receives: the headers read otherwise than the automatic match. Sent as it is
 * (even empty) once the clerk has seen the matching, so a remembered correction the clerk
 * undid is not applied again.
 */
export function mappingToSend(columns: readonly ImportColumnView[], draft: MappingDraft): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const c of columns) {
    const key = keyOf(draft, c);
    if (key !== c.auto && !(c.header in out)) out[c.header] = key;
  }
  return out;
}

/** True when the draft reads some header otherwise than the last check did. */
export function draftDiffers(columns: readonly ImportColumnView[], draft: MappingDraft): boolean {
  return columns.some((c) => keyOf(draft, c) !== c.key);
}

/**
 * What the archive read otherwise than automatically on a check without corrections: the
 * corrections remembered from the last import with the same header.
 */
export function rememberedMapping(columns: readonly ImportColumnView[]): MappingDraft {
  const out: Record<string, string | null> = {};
  for (const c of columns) if (c.key !== c.auto && !(c.header in out)) out[c.header] = c.key;
  return out;
}

export function columnRows(columns: readonly ImportColumnView[], draft: MappingDraft, remembered: MappingDraft = {}): ColumnRow[] {
  const firstWith = new Map<string, string>();
  return columns.map((c) => {
    const key = keyOf(draft, c);
    let duplicateOf: string | null = null;
    if (key !== null) {
      const first = firstWith.get(key);
      if (first === undefined) firstWith.set(key, c.header);
      else duplicateOf = first;
    }
    const mark: ColumnMark = key === null && c.auto === null ? 'none' : key === c.auto ? 'auto' : c.header in remembered && remembered[c.header] === key ? 'remembered' : 'changed';
    return { index: c.index, letter: columnLetter(c.index), header: c.header, key, auto: c.auto, mark, duplicateOf };
  });
}

/** The required archive columns no header is read as (by label, in the archive's order). */
export function missingRequired(columns: readonly ImportColumnView[], draft: MappingDraft, importable: readonly ImportableColumn[]): string[] {
  const used = new Set(columns.map((c) => keyOf(draft, c)));
  return importable.filter((c) => c.required && !used.has(c.key)).map((c) => c.label);
}

export interface ColumnOption {
  value: string;
  label: string;
}

export interface ColumnOptionGroup {
  label: string;
  options: ColumnOption[];
}

/** The choices of the “读作” select: 忽略 first, then the archive's columns grouped by where they belong. */
export function columnOptions(importable: readonly ImportableColumn[]): (ColumnOption | ColumnOptionGroup)[] {
  const groups = (Object.keys(LEVEL_NAMES) as ImportableColumn['level'][])
    .map((level) => ({
      label: LEVEL_NAMES[level],
      options: importable.filter((c) => c.level === level).map((c) => ({ value: c.key, label: c.required ? `${c.label}（必需）` : c.label })),
    }))
    .filter((g) => g.options.length > 0);
  return [{ value: IGNORE, label: '忽略（不导入这一列）' }, ...groups];
}

/**
 * The choices for one row: a column the archive reads only to check others (序号, 性别 from
 * the ID …) is not offered to choose, but a header matched to it keeps it as its first choice.
 */
export function rowOptions(options: readonly (ColumnOption | ColumnOptionGroup)[], importable: readonly ImportableColumn[], row: Pick<ColumnRow, 'key' | 'header'>): (ColumnOption | ColumnOptionGroup)[] {
  if (row.key === null || importable.some((c) => c.key === row.key)) return [...options];
  return [{ value: row.key, label: `${row.header}（只作核对）` }, ...options];
}

/** The label of a column key for texts (the fallback, or the key itself, when it is not offered). */
export function labelOf(importable: readonly ImportableColumn[], key: string | null, fallback?: string): string {
  if (key === null) return '忽略';
  return importable.find((c) => c.key === key)?.label ?? fallback ?? key;
}

/** One line above the matching table. */
export function matchingSummary(rows: readonly ColumnRow[], missing: readonly string[], required: readonly string[]): string {
  const read = rows.filter((r) => r.key !== null && r.duplicateOf === null).length;
  const ignored = rows.length - read;
  const head = `文件共 ${rows.length} 列：导入 ${read} 列，忽略 ${ignored} 列。`;
  if (missing.length) return `${head}还缺少必需的列：${missing.join('、')}。请在下表中找到写着它的表头，在“读作档案中的”一栏选择“${missing.join('”“')}”。`;
  return `${head}必需的列（${required.join('、')}）都已对应。`;
}
