// Building an editor draft: from a loaded household, or empty for 新增农户.
import type { HouseholdDetail } from '../../shared/api/index.ts';
import { draftFields } from '../../shared/fields/index.ts';
import type { FieldDef } from '../../shared/fields/index.ts';
import { toInput } from '../../shared/fields/input.ts';
import type { InputValue } from '../../shared/fields/input.ts';
import { INCOME_LABELS } from '../../shared/income.ts';
import type { IncomeRecord, MemberRecord } from '../../shared/records.ts';
import { fenToYuanInput } from './money-input.ts';
import type { EditorDraft, HouseholdInputs, IncomeKey, IncomeRow, MemberInputs, MemberRow } from './types.ts';

export const INCOME_KEYS = Object.keys(INCOME_LABELS) as IncomeKey[];

let seq = 0;
/** A key for a row that has no record id yet; unique within the page's lifetime. */
export function newKey(prefix: string): string {
  seq += 1;
  return `${prefix}-${Date.now().toString(36)}-${seq}`;
}

const MEMBER_INPUTS = draftFields('member');
const HOUSEHOLD_INPUTS = draftFields('household');

/** Each carried field's input for a stored record (or blank ones when there is none). */
function inputsOf(fields: readonly FieldDef[], record: object | null): Record<string, InputValue> {
  return Object.fromEntries(fields.map((f) => [f.key, toInput(f, record ? (record as Record<string, unknown>)[f.key] : null)]));
}

export function emptyMember(relation = ''): MemberRow {
  return { ...(inputsOf(MEMBER_INPUTS, null) as MemberInputs), key: newKey('m'), id: null, relation, ethnicity: '汉族' };
}

export function memberFromRecord(m: MemberRecord): MemberRow {
  return { ...(inputsOf(MEMBER_INPUTS, m) as MemberInputs), key: m.id, id: m.id };
}

export function incomeFromRecord(r: IncomeRecord): IncomeRow {
  const amounts = {} as Record<IncomeKey, string>;
  for (const k of INCOME_KEYS) amounts[k] = fenToYuanInput(r[k]);
  return { key: `y${r.year}`, year: r.year, householdSize: String(r.householdSize), amounts };
}

export function emptyIncome(year: number, householdSize: number): IncomeRow {
  const amounts = {} as Record<IncomeKey, string>;
  for (const k of INCOME_KEYS) amounts[k] = '';
  return { key: `y${year}`, year, householdSize: householdSize > 0 ? String(householdSize) : '', amounts };
}

/** Members still in the household (not 减员). */
export function currentMemberCount(d: Pick<EditorDraft, 'members'>): number {
  return d.members.filter((m) => m.leftReason.trim() === '').length;
}

export function draftFromDetail(detail: HouseholdDetail): EditorDraft {
  const h = detail.household;
  return {
    ...(inputsOf(HOUSEHOLD_INPUTS, h) as HouseholdInputs),
    id: h.id,
    version: h.version,
    villageId: h.villageId,
    // Current members first in their order, those who left after them (kept, read-only).
    members: [
      ...detail.members.filter((m) => !m.leftReason),
      ...detail.members.filter((m) => m.leftReason),
    ].map(memberFromRecord),
    incomes: [...detail.incomes].sort((a, b) => b.year - a.year).map(incomeFromRecord),
  };
}

export function emptyDraft(villageId = '', groupName = ''): EditorDraft {
  return {
    ...(inputsOf(HOUSEHOLD_INPUTS, null) as HouseholdInputs),
    id: null,
    version: null,
    villageId,
    groupName,
    members: [emptyMember('户主')],
    incomes: [],
  };
}
