// Rows as they travel: one JSON object per row, keyed by the SQL column names, every column
// present, booleans as true/false and JSON columns as JSON (not text). The same strict check
// runs on the township before packing and on the receiving side before anything is written:
// types and nullability from the schema, enums, ID numbers with their check digit, money as
// whole fen (never negative), dates, record ids that cannot be paths, attachment names that
// cannot mislead.
import { ATTACHMENT_OWNERS, ATTACHMENT_TYPES } from '../../shared/api/attachments.ts';
import { FIELDS } from '../../shared/fields/index.ts';
import type { FieldDef, RecordKind } from '../../shared/fields/index.ts';
import { valueLimitIssue } from '../../shared/fields/limits.ts';
import { parseIdNumber } from '../../shared/id-number.ts';
import { WORKFLOW_KINDS } from '../../shared/workflows/index.ts';
import type { ColumnSpec, TableSpec } from './tables.ts';

export type Row = Record<string, unknown>;

export const RECORD_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const STAMP_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;
const MAX_TEXT = 20_000;
const MAX_FEN = 100_000_000_00;

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const validDate = (s: string): boolean => {
  if (!DATE_RE.test(s)) return false;
  const y = +s.slice(0, 4);
  const m = +s.slice(5, 7);
  const d = +s.slice(8, 10);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && !leap ? 28 : DAYS[m - 1]!);
};

/** A refusal of one row: which column and why, in Chinese. */
export interface RowProblem {
  column: string;
  why: string;
  /** The column's name for a clerk, when `why` starts with it (the field catalogue's label). */
  label?: string;
}

/** `now`: the checking side's clock (an ID's birth date may not lie after tomorrow). */
type Check = (v: unknown, row: Row, now: Date) => string | null;

const RESERVED_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** Attachment names never become paths, but a name that looks like one is refused outright. */
export function badDisplayName(name: string): string | null {
  if (name.length === 0 || name.length > 255) return '文件名为空或过长';
  if (/[/\\:]/.test(name) || /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(name)) return '文件名含有路径符号或控制字符';
  if (name === '.' || name === '..' || /[. ]$/.test(name) || /^[ ]/.test(name) || RESERVED_NAME.test(name)) return '文件名是设备名或以点、空格结尾';
  if (name.normalize('NFC') !== name) return '文件名不是规范的 Unicode 形式';
  return null;
}

const inList = (list: readonly string[], what: string): Check => (v) => (v == null || list.includes(v as string) ? null : `${what}“${JSON.stringify(v).slice(0, 24)}”不在允许的取值中`);

/** Per-column rules beyond type and nullability, by "table.column" or by column name. */
const COLUMN_CHECKS: Record<string, Check> = {
  'members.id_number': (v, _row, now) => {
    if (v == null || v === '') return null;
    const r = parseIdNumber(v as string, new Date(now.getTime() + 86_400_000));
    return r.ok ? null : r.message;
  },
  'batches.kind': inList(WORKFLOW_KINDS, '程序类型'),
  'attachments.mime': inList(Object.keys(ATTACHMENT_TYPES), '文件类型'),
  'attachments.owner_table': inList(ATTACHMENT_OWNERS, '资料所属记录类型'),
  'attachments.original_name': (v) => badDisplayName(v as string),
  'attachments.sha256': (v) => (/^[0-9a-f]{64}$/.test(v as string) ? null : '校验值格式不对'),
  'attachments.size': (v) => ((v as number) >= 1 && (v as number) <= 1024 ** 3 ? null : '大小超出范围'),
};

function columnCheck(table: string, column: string): Check | null {
  const own = COLUMN_CHECKS[`${table}.${column}`];
  if (own) return own;
  if (column === 'id' || column.endsWith('_id')) return (v) => (v == null || RECORD_ID_RE.test(v as string) ? null : '记录编号格式不对');
  if (column.endsWith('_fen')) return (v) => (v == null || ((v as number) >= 0 && (v as number) <= MAX_FEN) ? null : '金额应为不小于0的整数（分）');
  if (column === 'updated_at') return (v) => (STAMP_RE.test(v as string) ? null : '时间格式不对');
  if (column.endsWith('_on') || column === 'birth_date') return (v) => (v == null || validDate(v as string) ? null : '日期格式应为 YYYY-MM-DD');
  return null;
}

/** The tables whose columns the field catalogue describes (rows keyed by its keys in snake_case). */
const CATALOGUE: Readonly<Record<string, RecordKind>> = { households: 'household', members: 'member', incomes: 'income' };
const snake = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The catalogue's limits (shared/fields/limits.ts) on a travelling row, as the editor and the
 * import apply them: a value the editor would refuse to save is refused in a package too (and a
 * township sees it before packing). ID numbers have their own check above; statuses are enums.
 */
function catalogueChecks(table: string, columns: ReadonlySet<string>): Array<{ column: string; field: FieldDef }> {
  const record = CATALOGUE[table];
  if (!record) return [];
  return FIELDS[record].filter((f) => f.kind !== 'id' && f.kind !== 'status' && columns.has(snake(f.key))).map((field) => ({ column: snake(field.key), field }));
}

const isJsonValue = (v: unknown): boolean => {
  if (Array.isArray(v)) return v.length <= 50 && v.every((x) => typeof x === 'string' && x.length <= 200);
  if (typeof v !== 'object' || v === null) return false;
  const entries = Object.entries(v);
  // Objects: a village's checklist (item → met) or a 预警's figures (label → value as written).
  return entries.length <= 200 && entries.every(([k, x]) => k.length <= 200 && (typeof x === 'boolean' || (typeof x === 'string' && x.length <= 200)));
};

/** The column's type and nullability as one check (a plain function: zod costs ~7 µs a row, this well under 1). */
function typeCheck(col: ColumnSpec): (v: unknown) => string | null {
  let ok: (v: unknown) => string | null;
  switch (col.kind) {
    case 'text':
      if (col.enumValues) {
        const allowed = new Set(col.enumValues);
        ok = (v) => (typeof v !== 'string' ? '类型不对' : allowed.has(v) ? null : '取值不在允许范围内');
      } else ok = (v) => (typeof v !== 'string' ? '类型不对' : v.length > MAX_TEXT ? '内容过长' : null);
      break;
    case 'json':
      ok = (v) => (isJsonValue(v) ? null : '类型不对（应为文字列表或“项目：内容”）');
      break;
    case 'integer':
      ok = (v) => (typeof v === 'number' && Number.isSafeInteger(v) ? null : '类型不对（应为整数）');
      break;
    case 'boolean':
      ok = (v) => (typeof v === 'boolean' ? null : '类型不对（应为是/否）');
      break;
    case 'real':
      ok = (v) => (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 1e12 ? null : '类型不对（应为数字）');
      break;
  }
  const nullable = !col.notNull;
  return (v) => (v === null ? (nullable ? null : '不能为空') : v === undefined ? '缺少该列' : ok(v));
}

export interface RowCodec {
  spec: TableSpec;
  /** Refuses or returns the row with every column checked; problems list the columns. */
  check(row: unknown, now: Date): RowProblem[];
}

export function codecOf(spec: TableSpec): RowCodec {
  const names = spec.columns.map((c) => c.name);
  const types = spec.columns.map((col) => [col.name, typeCheck(col)] as const);
  const known = new Set(names);
  const checks = names.map((name) => [name, columnCheck(spec.name, name)] as const).filter((c): c is [string, Check] => c[1] !== null);
  const limited = catalogueChecks(spec.name, known);
  return {
    spec,
    check(row, now) {
      if (typeof row !== 'object' || row === null || Array.isArray(row)) return [{ column: '（整行）', why: '不是一条记录' }];
      const r = row as Row;
      const out: RowProblem[] = [];
      const extra = Object.keys(r).filter((k) => !known.has(k));
      if (extra.length) out.push({ column: '（整行）', why: `多出了未知的列（${extra.slice(0, 5).join('、').slice(0, 80)}）` });
      for (const [name, t] of types) {
        const why = t(r[name]);
        if (why) out.push({ column: name, why });
      }
      if (out.length) return out.slice(0, 3);
      for (const [name, c] of checks) {
        const why = c(r[name], r, now);
        if (why) out.push({ column: name, why });
      }
      for (const { column, field } of limited) {
        const issue = valueLimitIssue(field, r[column]);
        if (issue) out.push({ column, why: issue.message, label: field.label });
      }
      return out;
    },
  };
}

const CODECS = new Map<string, RowCodec>();
export function codecFor(spec: TableSpec): RowCodec {
  let c = CODECS.get(spec.name);
  if (!c) CODECS.set(spec.name, (c = codecOf(spec)));
  return c;
}
