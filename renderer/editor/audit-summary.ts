// A change-log entry's before/after, told in a line a clerk can read:
// "贫困户属性：一般贫困户 → 低保贫困户；李四 身份证号：…；新增成员 王五；2025年工资性收入：…".
// Entries hold either one record or a whole household snapshot { household, members, incomes }.
import { maskBankAccount, maskIdNumber } from '../../shared/mask.ts';
import { fieldLabel, HIDDEN_FIELDS } from './field-labels.ts';

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const records = (v: unknown): Rec[] => (Array.isArray(v) ? v.filter(isRecord) : []);

function show(key: string, v: unknown): string {
  if (v == null || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (key === 'idNumber' && typeof v === 'string') return maskIdNumber(v);
  if (key === 'bankAccount' && typeof v === 'string') return maskBankAccount(v);
  if (key.endsWith('Fen') && typeof v === 'number') return `${(v / 100).toFixed(2)}元`;
  if (Array.isArray(v)) return v.length === 0 ? '（空）' : v.map((x) => show(key, x)).join('、');
  if (isRecord(v)) return '…';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

/** null, '' and [] all mean "not filled": a change between them is none a clerk could see. */
const blankToNull = (v: unknown): unknown => (v == null || v === '' || (Array.isArray(v) && v.length === 0) ? null : v);

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** Fields whose value differs (book-keeping columns left out), in the order they appear. */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !HIDDEN_FIELDS.has(k));
  return keys
    .filter((k) => JSON.stringify(blankToNull(b[k])) !== JSON.stringify(blankToNull(a[k])))
    .map((k) => ({ field: k, label: fieldLabel(k), before: show(k, b[k]), after: show(k, a[k]) }));
}

const line = (c: FieldChange, prefix = ''): string => `${prefix}${c.label}：${c.before} → ${c.after}`;

function memberChanges(before: Rec[], after: Rec[]): string[] {
  const name = (m: Rec): string => (typeof m.name === 'string' ? m.name : '成员');
  const byId = new Map(before.map((m) => [m.id, m]));
  const out: string[] = [];
  for (const m of after) {
    const old = byId.get(m.id);
    if (!old) out.push(`新增成员 ${name(m)}`);
    else out.push(...changedFields(old, m).map((c) => line(c, `${name(m)} `)));
  }
  const kept = new Set(after.map((m) => m.id));
  for (const m of before) if (!kept.has(m.id)) out.push(`删除成员 ${name(m)}`);
  const order = (list: Rec[]): string => list.filter((m) => byId.has(m.id) && kept.has(m.id)).map((m) => String(m.id)).join();
  if (order(before) !== order(after)) out.push('调整成员顺序');
  return out;
}

function incomeChanges(before: Rec[], after: Rec[]): string[] {
  const byYear = new Map(before.map((r) => [r.year, r]));
  const years = new Set(after.map((r) => r.year));
  const out: string[] = [];
  for (const r of after) {
    const old = byYear.get(r.year);
    if (!old) out.push(`新增${String(r.year)}年收入`);
    else out.push(...changedFields(old, r).map((c) => line(c, `${String(r.year)}年`)));
  }
  for (const r of before) if (!years.has(r.year)) out.push(`删除${String(r.year)}年收入`);
  return out;
}

const isSnapshot = (v: unknown): v is Rec => isRecord(v) && isRecord(v.household);

/** Every change as a line, in the order household, members, incomes. */
export function auditChanges(before: unknown, after: unknown): string[] {
  if (isSnapshot(before) && isSnapshot(after)) {
    return [
      ...changedFields(before.household, after.household).map((c) => line(c)),
      ...memberChanges(records(before.members), records(after.members)),
      ...incomeChanges(records(before.incomes), records(after.incomes)),
    ];
  }
  return changedFields(before, after).map((c) => line(c));
}

export function auditSummary(before: unknown, after: unknown, max = 6): string {
  if (before == null && isRecord(after)) return '新增记录';
  if (after == null && isRecord(before)) return '删除记录';
  const changes = auditChanges(before, after);
  if (changes.length === 0) return '';
  return changes.slice(0, max).join('；') + (changes.length > max ? `；另有 ${changes.length - max} 项` : '');
}
