// A catalogue field as a form prints it: its label and its value as text, or — for a yes/no or
// a short value list — every option with the chosen one ticked (☑砖混 □…). Forms lay these out
// generically, so a field whose entry says it prints on a form appears there with no layout code.
import { CODE_LISTS } from '../code-lists/index.ts';
import type { FieldDef, PrintPlace } from './define.ts';
import { isCode, isCodes } from './define.ts';

export interface PrintedField {
  key: string;
  label: string;
  text: string;
  /** All choices and the chosen ones, when the form prints them as tick boxes. */
  options: { options: readonly string[]; chosen: readonly string[] } | null;
}

/** Value lists short enough to print every option. */
const MAX_TICK_OPTIONS = 6;

export function printedField(f: FieldDef, value: unknown): PrintedField {
  const base = { key: f.key, label: f.label };
  if (f.kind === 'flag') {
    const chosen = value == null ? [] : [value === true ? '是' : '否'];
    return { ...base, text: chosen[0] ?? '', options: { options: ['是', '否'], chosen } };
  }
  if (isCode(f.kind)) {
    const labels = CODE_LISTS[f.kind.code].entries.filter((e) => e.era !== '2014-2020').map((e) => e.label);
    const v = typeof value === 'string' ? value : '';
    const options = labels.length <= MAX_TICK_OPTIONS ? { options: labels, chosen: v ? [v] : [] } : null;
    return { ...base, text: v, options };
  }
  if (isCodes(f.kind)) return { ...base, text: Array.isArray(value) ? value.join('、') : '', options: null };
  if (value == null || value === '') return { ...base, text: '', options: null };
  const text = typeof value === 'number' || typeof value === 'string' ? String(value) : '';
  return { ...base, text: f.unit && text ? `${text} ${f.unit}` : text, options: null };
}

/** The fields a form prints, in catalogue order, from a record already presented for its audience. */
export function printedFields(fields: readonly FieldDef[], place: PrintPlace, record: object): PrintedField[] {
  return fields.filter((f) => f.prints.includes(place)).map((f) => printedField(f, (record as Record<string, unknown>)[f.key]));
}
