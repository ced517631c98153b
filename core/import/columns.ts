// The columns the national exports carry, matched by label with aliases (FIELDS-REFERENCE §2):
// every stored field's column comes from the field catalogue (shared/fields: its header, aliases,
// kind and warning range); only place names and the columns read to derive or check something
// (人数, 序号, 脱贫属性, 致贫返贫风险1…5, 人均纯收入) are described here. Code numbers are never
// trusted; value lists are matched by label. The export writes the same list, so whatever it
// writes, the import reads back.
import type { CodeCategory } from '../../shared/code-lists/index.ts';
import { HOUSEHOLD_FIELDS, INCOME_FIELDS, MEMBER_FIELDS, isCode, isCodes } from '../../shared/fields/index.ts';
import type { FieldDef } from '../../shared/fields/index.ts';
import { LIST_LABEL_MAX } from '../../shared/fields/limits.ts';
import type { Limited } from '../../shared/fields/limits.ts';

export type ColumnKind =
  | 'text'
  | 'int'
  /** A year: 2019, also 2019年, 2019.12, 201912, 2019-12-31 or a date cell (its year). */
  | 'year'
  | 'decimal'
  | 'money'
  | 'flag'
  | 'id'
  /** A month as the 防返贫 exports write it: YYYYMM (also read from 2021-03, 2021年3月, a date). */
  | 'month'
  /** A day: 2021-03-15, 2021/3/15, 2021年3月15日, 20210315. */
  | 'date'
  | { code: CodeCategory }
  /** Several labels of one list in one cell, separated by 、，,; (e.g. 其他致贫原因). */
  | { codes: CodeCategory; max: number };

/** Where a column's value lives in the archive. */
export type ColumnLevel = 'place' | 'household' | 'member' | 'income';

export interface ColumnDef {
  key: string;
  label: string;
  aliases: readonly string[];
  level: ColumnLevel;
  kind: ColumnKind;
  /** The record's property it fills (drizzle name); none for place columns and derived ones. */
  field?: string;
  /** A range a sensible value lies in (a warning outside it, the value kept). */
  range?: readonly [number, number];
  /** Read but never written back: derived from other columns (序号, 人数, 人均纯收入, 性别…). */
  derived?: boolean;
  /** What a cell may hold: the catalogue entry's limits (the editor's), or a column's own. */
  limited: Limited;
}

interface Extra {
  aliases?: string[];
  range?: readonly [number, number];
  derived?: boolean;
}

/** Longest place name (县, 乡镇, 行政村) or other text outside the catalogue an import takes. */
const PLAIN_TEXT_MAX = 30;

/** A column the catalogue does not describe: place names, and what is derived or read only to check. */
const col = (key: string, label: string, level: ColumnLevel, kind: ColumnKind, extra: Extra = {}): ColumnDef => ({
  key,
  label,
  aliases: extra.aliases ?? [],
  level,
  kind,
  ...(extra.range ? { range: extra.range } : {}),
  ...(extra.derived ? { derived: true } : {}),
  // Place names and the other text read beside the catalogue: one line, no hidden characters.
  limited: { label, kind: 'text', limits: kind === 'text' ? { maxLength: PLAIN_TEXT_MAX } : typeof kind === 'object' ? { maxLength: LIST_LABEL_MAX } : {} },
});
const risk = (n: number) => col(`risk${n}`, `致贫返贫风险${n}`, 'household', { code: 'risk' }, { aliases: [`致贫/返贫风险${n}`, `致贫（返贫）风险${n}`, `风险类型${n}`, `返贫致贫风险${n}`] });

function kindOf(f: FieldDef): ColumnKind {
  const k = f.kind;
  if (isCode(k) || isCodes(k)) return k;
  if (k === 'status') throw new Error(`${f.key} is not read from a column`);
  return k;
}

/** A catalogue field as a roster column: its national header, aliases, kind and warning range. */
function fromField(f: FieldDef): ColumnDef {
  return {
    key: f.importKey,
    label: f.column,
    aliases: f.aliases,
    level: f.record,
    kind: kindOf(f),
    field: f.key,
    limited: f,
    ...(f.limits.warn ? { range: f.limits.warn } : {}),
  };
}

/** The catalogue's columns of one record kind, with the extra columns placed after the field named. */
function columnsOf(fields: readonly FieldDef[], extras: Readonly<Record<string, readonly ColumnDef[]>> = {}): ColumnDef[] {
  const out: ColumnDef[] = [...(extras[''] ?? [])];
  for (const f of fields) {
    if (f.io) out.push(fromField(f));
    out.push(...(extras[f.key] ?? []));
  }
  return out;
}

export const PLACE_COLUMNS: readonly ColumnDef[] = [
  col('county', '县', 'place', 'text', { aliases: ['县(市、区、旗)', '县区', '所在县', '县（市、区）'] }),
  col('township', '乡镇', 'place', 'text', { aliases: ['乡(镇)', '乡镇(街道)', '所在乡镇', '乡（镇、街道）'] }),
  col('village', '行政村', 'place', 'text', { aliases: ['村', '村名', '所在行政村', '行政村名称'] }),
];

export const HOUSEHOLD_COLUMNS: readonly ColumnDef[] = columnsOf(HOUSEHOLD_FIELDS, {
  no: [col('size', '人数', 'household', 'int', { aliases: ['家庭人口数', '家庭人数', '户人数', '当前家庭人口数'], derived: true })],
  otherCauses: [col('exitMark', '脱贫属性', 'household', 'text', { aliases: ['脱贫标志', '是否脱贫'] })],
  monitoringCategory: [risk(1), risk(2), risk(3), risk(4), risk(5)],
  monitoringEnd: [col('perCapita', '人均纯收入', 'household', 'money', { aliases: ['人均纯收入（元）', '家庭人均纯收入'], derived: true })],
});

/** The income of the import year (`--year`); 人均纯收入 is computed from these, never stored. */
export const INCOME_COLUMNS: readonly ColumnDef[] = columnsOf(INCOME_FIELDS);

export const MEMBER_COLUMNS: readonly ColumnDef[] = columnsOf(MEMBER_FIELDS, {
  '': [
    col('personNo', '人编号', 'member', 'text', { aliases: ['人员编号', '成员编号'] }),
    col('seq', '序号', 'member', 'int', { aliases: ['编号', '户内序号'], derived: true }),
  ],
});

export const COLUMNS: readonly ColumnDef[] = [...PLACE_COLUMNS, ...HOUSEHOLD_COLUMNS, ...MEMBER_COLUMNS, ...INCOME_COLUMNS];

export const REQUIRED_KEYS = ['name', 'idNumber', 'relation'] as const;

export const RISK_KEYS = ['risk1', 'risk2', 'risk3', 'risk4', 'risk5'] as const;

/**
 * Header text as compared: no spaces or line breaks (Alt+Enter) or invisible characters, no
 * required-column marks (*姓名), half-width parentheses turned full-width, and a trailing unit
 * dropped — 人均纯收入（元）, 家庭人口数（人）, 务工时间（个月）, 住房面积（平方米） read as the label
 * without it (labels are keyed the same way, so a label that carries its unit still matches).
 */
export function headerKey(s: string): string {
  return s
    .replace(/[\s\u3000\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/^[*＊★※]+|[*＊★※]+$/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[/／]/g, '')
    .replace(/（(元|万元|人|户|个月|月|亩|平方米|㎡|m²|公里|km|年)）$/i, '');
}

const BY_LABEL = new Map<string, ColumnDef>();
const BY_KEY = new Map<string, ColumnDef>();
for (const c of COLUMNS) {
  BY_KEY.set(c.key, c);
  for (const l of [c.label, ...c.aliases]) {
    const k = headerKey(l);
    if (BY_LABEL.has(k) && BY_LABEL.get(k) !== c) throw new Error(`column alias ${l} used twice`);
    BY_LABEL.set(k, c);
  }
}

export function columnFor(header: string): ColumnDef | undefined {
  return BY_LABEL.get(headerKey(header));
}

export function columnByKey(key: string): ColumnDef | undefined {
  return BY_KEY.get(key);
}
