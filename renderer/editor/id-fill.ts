// Typing an ID number fills gender, birth date (and so age) at once, and says straight away
// what is wrong with it, in Chinese.
import { ageOn } from '../../shared/dates.ts';
import { parseIdNumber } from '../../shared/id-number.ts';
import type { MemberRow } from './types.ts';

/** The member after the clerk typed `raw` into its ID cell. */
export function applyIdInput(member: MemberRow, raw: string, today: Date): MemberRow {
  const r = parseIdNumber(raw, today);
  if (!r.ok) return { ...member, idNumber: raw };
  return { ...member, idNumber: raw, gender: r.info.gender, birthDate: r.info.birthDate };
}

export type IdFeedback =
  | { state: 'empty' }
  | { state: 'ok' }
  | { state: 'typing'; message: string }
  | { state: 'error'; message: string };

/**
 * While the clerk is still typing digits (focused, fewer than 18, nothing wrong yet) this is a
 * neutral count rather than an error; a wrong character, date or check digit is an error at
 * once, and so is a short number once the cell is left.
 */
export function idFeedback(raw: string, focused: boolean, today: Date): IdFeedback {
  const s = raw.trim();
  if (s === '') return { state: 'empty' };
  const r = parseIdNumber(s, today);
  if (r.ok) return { state: 'ok' };
  if (focused && r.problem === 'length' && /^\d{1,17}$/.test(s) && s.length !== 15) {
    return { state: 'typing', message: `已输入 ${s.length} 位，共 18 位` };
  }
  return { state: 'error', message: r.message };
}

/**
 * True when gender and birth date come from a valid ID (and agree with it), so they are not
 * typed by hand. Stored values that disagree stay editable: see idMismatch.
 */
export function idDerived(member: MemberRow, today: Date): boolean {
  const r = member.idNumber.trim() === '' ? null : parseIdNumber(member.idNumber, today);
  return r?.ok === true && r.info.gender === member.gender && r.info.birthDate === member.birthDate;
}

/** When a valid ID says otherwise than the recorded gender or birth date: what it says. */
export function idMismatch(member: MemberRow, today: Date): string | null {
  if (member.idNumber.trim() === '') return null;
  const r = parseIdNumber(member.idNumber, today);
  if (!r.ok || (r.info.gender === member.gender && r.info.birthDate === member.birthDate)) return null;
  return `与身份证号不一致：身份证号显示为${r.info.gender}、${r.info.birthDate}出生`;
}

// `today` / `on` is the session's day (hooks/use-today.ts), never the machine's calendar.

/** Whole years on `on`, or '' when the birth date is missing or malformed. */
export function ageText(birthDate: string, on: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return '';
  const age = ageOn(birthDate, on);
  return age >= 0 && age < 150 ? String(age) : '';
}
