// Editor draft → the API's HouseholdDraft: each input converted by its catalogue field's kind
// (shared/fields/input.ts), 元 into 分, blank new member rows left out — then checked with the
// API's own schema (householdDraft, derived from the catalogue), so the editor refuses exactly
// what the archive would, with the same messages, before anything is sent.
import type { HouseholdDraft } from '../../shared/api/index.ts';
import { householdDraft } from '../../shared/api/index.ts';
import { draftFields } from '../../shared/fields/index.ts';
import type { FieldDef } from '../../shared/fields/index.ts';
import { fromInput } from '../../shared/fields/input.ts';
import type { InputValue } from '../../shared/fields/input.ts';
import { idNumberIssue } from '../../shared/fields/schema.ts';
import { INCOME_KEYS } from './draft.ts';
import { parseYuanInput } from './money-input.ts';
import type { EditorDraft, FieldError, IncomeRow, MemberRow } from './types.ts';

export interface Conversion {
  draft: HouseholdDraft;
  /** Must be fixed before saving. */
  errors: FieldError[];
  /** For each member sent, its row in the editor (blank rows are left out): maps API paths back. */
  memberRows: number[];
}

const HOUSEHOLD = draftFields('household');
const MEMBER = draftFields('member');
const SIZE = draftFields('income').find((f) => f.key === 'householdSize')!;

function valuesOf(fields: readonly FieldDef[], inputs: object): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f.key, fromInput(f, (inputs as Record<string, InputValue>)[f.key] ?? null)]));
}

export function isBlankMember(m: MemberRow): boolean {
  return m.id == null && m.name.trim() === '' && m.idNumber.trim() === '';
}

function incomeValues(row: IncomeRow, at: string, errors: FieldError[]): Record<string, unknown> {
  const out: Record<string, unknown> = { year: row.year, householdSize: fromInput(SIZE, row.householdSize) };
  for (const k of INCOME_KEYS) {
    const r = parseYuanInput(row.amounts[k]);
    // 元 → 分 is the editor's own conversion; what does not parse is said in 元 terms here.
    if (!r.ok) errors.push({ field: `${at}.${k}`, message: `${row.year}年：${r.message}` });
    out[k] = r.ok ? r.fen : 0;
  }
  return out;
}

// Errors are listed in the order the page shows the inputs: household fields, members, incomes.
const TOP = ['villageId', ...HOUSEHOLD.map((f) => f.key), 'members', 'incomes'];
const INNER = ['year', 'householdSize', ...INCOME_KEYS, ...MEMBER.map((f) => f.key)];
function rank(field: string): number[] {
  const [top = '', index, inner] = field.split('.');
  return [TOP.indexOf(top), index === undefined ? -1 : Number(index), inner === undefined ? -1 : INNER.indexOf(inner)];
}
function byRank(a: FieldError, b: FieldError): number {
  const ra = rank(a.field);
  const rb = rank(b.field);
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i]! - rb[i]!;
  return 0;
}

/** `today`: the session's day, for the ID check that birth dates are not in the future. */
export function toHouseholdDraft(d: EditorDraft, today?: Date): Conversion {
  const errors: FieldError[] = [];
  const memberRows: number[] = [];
  const members: Record<string, unknown>[] = [];
  d.members.forEach((m, row) => {
    if (isBlankMember(m)) return;
    const issue = idNumberIssue(m.name, m.idNumber, today);
    if (issue) errors.push({ field: `members.${members.length}.idNumber`, message: issue });
    members.push({ id: m.id, ...valuesOf(MEMBER, m) });
    memberRows.push(row);
  });
  const incomes = d.incomes.map((row, i) => incomeValues(row, `incomes.${i}`, errors));
  const candidate = {
    id: d.id,
    expectedVersion: d.version,
    villageId: d.villageId,
    ...valuesOf(HOUSEHOLD, d),
    otherCauses: d.otherCauses.filter((c) => c !== d.mainCause).slice(0, 2),
    members,
    incomes,
  };
  const parsed = householdDraft.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.join('.');
      if (field === 'members' && members.length === 0) continue; // said below, at the head's name
      const year = issue.path[0] === 'incomes' ? d.incomes[Number(issue.path[1])]?.year : undefined;
      errors.push({ field, message: year === undefined ? issue.message : `${year}年${issue.message}` });
    }
  }
  if (members.length === 0) errors.push({ field: 'members.0.name', message: '至少要有一名家庭成员：请填写户主姓名' });
  const seen = new Set<string>();
  const unique = errors.sort(byRank).filter((e) => !seen.has(e.field) && seen.add(e.field));
  return { draft: (parsed.success ? parsed.data : candidate) as HouseholdDraft, errors: unique, memberRows };
}

/** An API field path ('members.2.idNumber') in terms of the editor's rows ('members.3.idNumber'). */
export function editorField(apiField: string, memberRows: readonly number[]): string {
  const m = /^members\.(\d+)(\..*)?$/.exec(apiField);
  if (!m) return apiField;
  const row = memberRows[Number(m[1])];
  return row == null ? apiField : `members.${row}${m[2] ?? ''}`;
}

/** Which tab of the household page shows a field. */
export function tabOfField(field: string): 'basic' | 'members' | 'incomes' {
  if (field.startsWith('members')) return 'members';
  if (field.startsWith('incomes')) return 'incomes';
  return 'basic';
}
