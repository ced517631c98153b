// From a parsed household to the values of its archive records, field by field, for the
// columns the file actually has (a column the file lacks is "not known", never "empty").
import type { HouseholdFields, IncomeFields, MemberFields } from '../../db/repos/household-write.ts';
import { nameInitials } from '../../shared/pinyin.ts';
import { HOUSEHOLD_COLUMNS, INCOME_COLUMNS, MEMBER_COLUMNS, RISK_KEYS } from './columns.ts';
import type { ColumnDef } from './columns.ts';
import type { ParsedHousehold, ParsedMember } from './types.ts';
import type { CellValue } from './values.ts';

export type HouseholdValues = HouseholdFields;
export type MemberValues = MemberFields;
export type IncomeValues = IncomeFields;

/** A record field as the clerk knows it: its Chinese label. */
export interface FieldOf {
  field: string;
  label: string;
}

const stored = (cols: readonly ColumnDef[]) => cols.filter((c) => c.field && !c.derived && c.key !== 'householdNo');
const HOUSEHOLD_FIELDS = stored(HOUSEHOLD_COLUMNS);
const MEMBER_FIELDS = stored(MEMBER_COLUMNS).filter((c) => !['name', 'idNumber', 'relation', 'gender', 'birthDate'].includes(c.key));
const INCOME_FIELDS = stored(INCOME_COLUMNS);

const labels = (cols: readonly ColumnDef[]) => Object.fromEntries(cols.map((c) => [c.field!, c.label])) as Record<string, string>;
/** Field → the Chinese label a clerk knows it by, per record. */
export const LABELS = {
  household: { villageId: '行政村', status: '户状态', risks: '致贫返贫风险', ...labels(HOUSEHOLD_FIELDS) },
  member: { name: '姓名', idNumber: '证件号码', relation: '与户主关系', gender: '性别', birthDate: '出生日期', seq: '户内序号', ...labels(MEMBER_FIELDS) },
  income: labels(INCOME_FIELDS),
} satisfies Record<string, Record<string, string>>;

/** Cells hold what the column kind gives; a record wants null for an empty text or list. */
function recordValue(v: CellValue | undefined): unknown {
  if (v === undefined || v === '') return null;
  if (Array.isArray(v)) return v.length ? v : null;
  return v;
}

export function householdValues(h: ParsedHousehold): HouseholdValues {
  const out: Record<string, unknown> = {};
  for (const c of HOUSEHOLD_FIELDS) if (c.key in h.values) out[c.field!] = recordValue(h.values[c.key]);
  if (RISK_KEYS.some((k) => k in h.values)) {
    out.risks = recordValue(RISK_KEYS.map((k) => h.values[k]).filter((x): x is string => typeof x === 'string'));
  }
  if (h.status) out.status = h.status;
  return out;
}

/** The import year's income, when the file has any income column. */
export function incomeValues(h: ParsedHousehold): IncomeValues | null {
  const present = INCOME_FIELDS.filter((c) => c.key in h.values);
  if (present.length === 0) return null;
  const out: Record<string, unknown> = {};
  for (const c of present) {
    const v = h.values[c.key];
    out[c.field!] = typeof v === 'number' ? v : c.key === 'medicalOutOfPocketFen' ? null : 0;
  }
  if (!('householdSize' in out) || out.householdSize === 0) out.householdSize = h.members.length;
  return out;
}

const initialsCache = new Map<string, string>();
function initials(name: string): string {
  let v = initialsCache.get(name);
  if (v === undefined) {
    v = nameInitials(name);
    if (initialsCache.size > 50_000) initialsCache.clear();
    initialsCache.set(name, v);
  }
  return v;
}

export function memberValues(m: ParsedMember, seq: number): MemberValues {
  const out: Record<string, unknown> = {
    seq,
    name: m.name,
    nameInitials: initials(m.name),
    idNumber: m.idNumber,
    gender: m.gender,
    birthDate: m.birthDate,
    relation: m.relation,
  };
  for (const c of MEMBER_FIELDS) if (c.key in m.values) out[c.field!] = recordValue(m.values[c.key]);
  return out;
}

/** Shown in a preview: 是/否, lists joined, money in 元. */
export function display(field: string, v: unknown): string {
  if (v == null || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.join('、');
  if (typeof v === 'number') return field.endsWith('Fen') ? (v / 100).toFixed(2) : String(v);
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === undefined || v === '' || (Array.isArray(v) && v.length === 0) ? null : v);
  const x = norm(a);
  const y = norm(b);
  if (Array.isArray(x) || Array.isArray(y)) return JSON.stringify(x) === JSON.stringify(y);
  return x === y;
}
