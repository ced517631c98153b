// Edits as pure functions (draft in, new draft out), so the store stays a thin wrapper and
// the behaviour is unit-tested without a DOM.
import { emptyIncome, emptyMember, currentMemberCount } from './draft.ts';
import { applyIdInput } from './id-fill.ts';
import { tidyYuanInput } from './money-input.ts';
import type { EditorDraft, Flag, FlagField, IncomeKey, MemberFlagField, MemberRow, MemberTextField, TextField } from './types.ts';

export function setText(d: EditorDraft, field: TextField, value: string): EditorDraft {
  if (field === 'mainCause') return { ...d, mainCause: value, otherCauses: d.otherCauses.filter((c) => c !== value) };
  return { ...d, [field]: value };
}

export function setFlag(d: EditorDraft, field: FlagField, value: Flag): EditorDraft {
  return { ...d, [field]: value };
}

/** Other causes: at most two, never the main cause, no repeats. */
export function setOtherCauses(d: EditorDraft, causes: string[]): EditorDraft {
  const unique = [...new Set(causes)].filter((c) => c !== d.mainCause).slice(0, 2);
  return { ...d, otherCauses: unique };
}

function mapMember(d: EditorDraft, index: number, fn: (m: MemberRow) => MemberRow): EditorDraft {
  return { ...d, members: d.members.map((m, i) => (i === index ? fn(m) : m)) };
}

/** `today`: the session's day as a Date (an ID's birth date may not lie after it). */
export function setMemberText(d: EditorDraft, index: number, field: MemberTextField, value: string, today: Date): EditorDraft {
  if (field === 'idNumber') return mapMember(d, index, (m) => applyIdInput(m, value, today));
  return mapMember(d, index, (m) => ({ ...m, [field]: value }));
}

export function addMember(d: EditorDraft): EditorDraft {
  const hasHead = d.members.some((m) => m.relation === '户主' && !m.leftReason);
  const row = emptyMember(hasHead ? '' : '户主');
  // New people go after the current members, before those who left.
  const firstLeft = d.members.findIndex((m) => m.leftReason.trim() !== '');
  const at = firstLeft === -1 ? d.members.length : firstLeft;
  return { ...d, members: [...d.members.slice(0, at), row, ...d.members.slice(at)] };
}

export function removeMember(d: EditorDraft, index: number): EditorDraft {
  return { ...d, members: d.members.filter((_, i) => i !== index) };
}

/** Swaps a member with its neighbour (delta −1 up, +1 down); out of range does nothing. */
export function moveMember(d: EditorDraft, index: number, delta: -1 | 1): EditorDraft {
  const to = index + delta;
  if (index < 0 || to < 0 || index >= d.members.length || to >= d.members.length) return d;
  const members = [...d.members];
  [members[index], members[to]] = [members[to]!, members[index]!];
  return { ...d, members };
}

/** The year a new income record would get: the one after the newest, or `fallbackYear`. */
export function nextIncomeYear(d: EditorDraft, fallbackYear: number): number {
  const newest = d.incomes.reduce<number | null>((y, r) => (y == null || r.year > y ? r.year : y), null);
  return newest == null ? fallbackYear : newest + 1;
}

/** Adds a year (default: the next one), sized to the current members; newest first. An existing year is left alone. */
export function addIncomeYear(d: EditorDraft, fallbackYear: number, year = nextIncomeYear(d, fallbackYear)): EditorDraft {
  if (d.incomes.some((r) => r.year === year)) return d;
  const incomes = [emptyIncome(year, currentMemberCount(d)), ...d.incomes].sort((a, b) => b.year - a.year);
  return { ...d, incomes };
}

export function removeIncomeYear(d: EditorDraft, year: number): EditorDraft {
  return { ...d, incomes: d.incomes.filter((r) => r.year !== year) };
}

export function setIncomeAmount(d: EditorDraft, year: number, key: IncomeKey, value: string): EditorDraft {
  return { ...d, incomes: d.incomes.map((r) => (r.year === year ? { ...r, amounts: { ...r.amounts, [key]: value } } : r)) };
}

export function tidyIncomeAmount(d: EditorDraft, year: number, key: IncomeKey): EditorDraft {
  const row = d.incomes.find((r) => r.year === year);
  if (!row) return d;
  const tidy = tidyYuanInput(row.amounts[key]);
  return tidy === row.amounts[key] ? d : setIncomeAmount(d, year, key, tidy);
}

export function setIncomeSize(d: EditorDraft, year: number, value: string): EditorDraft {
  return { ...d, incomes: d.incomes.map((r) => (r.year === year ? { ...r, householdSize: value } : r)) };
}


export function setMemberFlag(d: EditorDraft, index: number, field: MemberFlagField, value: Flag): EditorDraft {
  return mapMember(d, index, (m) => ({ ...m, [field]: value }));
}
