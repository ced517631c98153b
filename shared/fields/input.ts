// What an input holds ↔ what a record stores, by the field's kind: text inputs hold exactly what
// was typed (so nothing is rounded away while typing), yes/no and multi-selects their values.
// A number that does not parse becomes NaN, which the field's schema refuses with its message.
import type { FieldDef } from './define.ts';
import { isCodes } from './define.ts';
import { normalizeIdInput, parseIdNumber } from '../id-number.ts';

export type InputValue = string | boolean | null | string[];

export function toInput(f: FieldDef, value: unknown): InputValue {
  if (f.kind === 'flag') return typeof value === 'boolean' ? value : null;
  if (isCodes(f.kind)) return Array.isArray(value) ? value.map(String) : [];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** An input's value as the draft carries it: blanks become null, text is trimmed, numbers parsed. */
export function fromInput(f: FieldDef, input: InputValue): unknown {
  if (f.kind === 'flag') return typeof input === 'boolean' ? input : null;
  if (isCodes(f.kind)) return Array.isArray(input) ? input : [];
  const raw = typeof input === 'string' ? input.trim() : '';
  if (f.kind === 'int' || f.kind === 'year' || f.kind === 'money') {
    if (raw === '') return f.required ? NaN : null;
    return INTEGER.test(raw) ? Number(raw) : NaN;
  }
  if (f.kind === 'decimal') {
    if (raw === '') return null;
    return DECIMAL.test(raw) ? Number(raw) : NaN;
  }
  if (f.kind === 'id') {
    if (raw === '') return null;
    const r = parseIdNumber(raw);
    return r.ok ? r.info.normalized : normalizeIdInput(raw);
  }
  if (f.mask === 'bank') return raw.replace(/\s/g, '') || null;
  if (raw === '') return f.required ? '' : null;
  return raw;
}
