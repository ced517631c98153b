// A value against its catalogue entry's limits, as one pure function: the save schemas
// (schema.ts, so the API and the household page's editor), the roster import and the data
// check all ask these, so a value one of them refuses none of them lets in.
import type { FieldDef, Limits } from './define.ts';
import { isCodes } from './define.ts';

/**
 * Characters no typed value holds: C0/C1 controls (a spreadsheet cell can carry them, a keyboard
 * does not type them) and the invisible direction marks and overrides (U+202E turns 张三 into a
 * name that reads differently from what it holds), and the zero-width ones (U+200B…U+200D, U+2060,
 * U+FEFF inside a value: two names that look alike would then differ). Tab and line breaks only in
 * multi-line fields.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u200B-\u200D\u2028\u2029\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/u;
const LINE_BREAKS = /[\t\n\r]/u;

/** What a limit check needs of an entry (a column outside the catalogue passes its own). */
export type Limited = Pick<FieldDef, 'label' | 'limits' | 'kind'> & Partial<Pick<FieldDef, 'mask'>>;

export type LimitRule = 'chars' | 'length' | 'pattern' | 'range' | 'count';

export interface LimitIssue {
  rule: LimitRule;
  /** The same sentence the editor shows under the input. */
  message: string;
}

const codeOf = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** A value with every hidden character (line breaks included) spelled out as [U+XXXX], to show it. */
export function spellHidden(text: string): string {
  return text.replace(new RegExp(`${HIDDEN.source}|${LINE_BREAKS.source}`, 'gu'), (c) => `[${codeOf(c)}]`);
}

const HIDDEN_OR_BREAK = new RegExp(`${HIDDEN.source}|${LINE_BREAKS.source}`, 'u');

/** True when the text holds no hidden character and no line break: one scan can clear many values at once (the data check's fast path). */
export function plainText(text: string): boolean {
  return !HIDDEN_OR_BREAK.test(text);
}

/** The first character a value must not hold, as U+XXXX; null when there is none. */
export function hiddenChar(text: string, limits: Limits): string | null {
  const hit = HIDDEN.exec(text) ?? (limits.multiline ? null : LINE_BREAKS.exec(text));
  if (!hit) return null;
  return codeOf(hit[0]);
}

export const hiddenCharMessage = (label: string, code: string): string => `${label}含有看不见的控制字符（${code}），请删去后重新输入`;
export const tooLongMessage = (label: string, max: number): string => `${label}不能超过${max}个字`;
export const tooManyMessage = (label: string, max: number): string => `${label}最多选${max}项`;
export const patternMessageOf = (f: Pick<FieldDef, 'label' | 'limits'>): string => f.limits.patternMessage ?? `${f.label}的格式不对`;

/** A text value (trimmed, as saved) against the entry's characters, length and pattern. */
export function textLimitIssue(f: Pick<FieldDef, 'label' | 'limits'>, raw: string): LimitIssue | null {
  const text = raw.trim();
  const code = hiddenChar(text, f.limits);
  if (code) return { rule: 'chars', message: hiddenCharMessage(f.label, code) };
  const { maxLength, pattern } = f.limits;
  if (maxLength !== undefined && text.length > maxLength) return { rule: 'length', message: tooLongMessage(f.label, maxLength) };
  if (pattern && text !== '' && !pattern.test(text)) return { rule: 'pattern', message: patternMessageOf(f) };
  return null;
}

/** A number against the entry's hard range, in the save schema's words (the warn range only warns). */
export function numberLimitIssue(f: Limited, n: number): LimitIssue | null {
  const { min, max } = f.limits;
  const integer = f.kind !== 'decimal';
  const range = min !== undefined && max !== undefined ? `${min}到${max}之间的${integer ? '整数' : '数'}` : integer ? '整数' : '数字';
  if (min !== undefined && n < min) return { rule: 'range', message: min === 0 ? `${f.label}不能为负数` : `${f.label}应为${range}` };
  if (max !== undefined && n > max) return { rule: 'range', message: `${f.label}应为${range}` };
  if (integer && !Number.isInteger(n)) return { rule: 'range', message: `${f.label}应为${range}` };
  return null;
}

/** Any stored value of the entry: text, a list of labels or a number; null/booleans pass. */
export function valueLimitIssue(f: Limited, value: unknown): LimitIssue | null {
  if (typeof value === 'string') {
    // ID and account numbers are kept without the spaces people type in them (input.ts does so too).
    const spaced = f.kind === 'id' || f.mask === 'bank';
    return spaced && hiddenChar(value, f.limits) === null ? textLimitIssue(f, value.replace(/\s/g, '')) : textLimitIssue(f, value);
  }
  if (typeof value === 'number') return Number.isFinite(value) ? numberLimitIssue(f, value) : null;
  if (Array.isArray(value)) {
    if (isCodes(f.kind) && value.length > f.kind.max) return { rule: 'count', message: tooManyMessage(f.label, f.kind.max) };
    for (const v of value) {
      const issue = typeof v === 'string' ? textLimitIssue({ label: f.label, limits: { maxLength: LIST_LABEL_MAX } }, v) : null;
      if (issue) return issue;
    }
  }
  return null;
}

/** A label inside a multi-select (其他致贫原因, 风险) is at most this long, as the save schema says. */
export const LIST_LABEL_MAX = 20;
