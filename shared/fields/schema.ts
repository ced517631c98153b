// The save schemas' field rules, derived from the catalogue: one zod schema per field, with the
// limits and Chinese messages of its entry. The API validates with them, and the household
// page's editor calls the same schemas before it sends anything (no second copy of a rule).
import { z } from 'zod';
import { parseIdNumber } from '../id-number.ts';
import type { FieldDef } from './define.ts';
import { isCodes } from './define.ts';
import { hiddenChar, hiddenCharMessage, LIST_LABEL_MAX, patternMessageOf, tooLongMessage, tooManyMessage } from './limits.ts';

function textSchema(f: FieldDef): z.ZodType {
  const { maxLength, pattern } = f.limits;
  // The same checks, in the same order, as textLimitIssue (limits.ts) that the import and the check use.
  let s = z.string({ error: `${f.label}应为文字` }).trim();
  // An account number is kept without the spaces people type or paste into it (as input.ts and the import do).
  if (f.mask === 'bank') s = s.overwrite((v) => v.replace(/\s/g, ''));
  s = s.check(
    z.superRefine((v, ctx) => {
      const code = hiddenChar(v, f.limits);
      if (code) ctx.addIssue({ code: 'custom', message: hiddenCharMessage(f.label, code), input: v, abort: true });
    }),
  );
  if (maxLength !== undefined) s = s.max(maxLength, tooLongMessage(f.label, maxLength));
  if (f.required) s = s.min(1, { error: f.requiredMessage ?? `请填写${f.label}`, abort: true });
  if (pattern) s = s.regex(pattern, patternMessageOf(f));
  return s;
}

function numberSchema(f: FieldDef): z.ZodType {
  const { min, max } = f.limits;
  const integer = f.kind !== 'decimal';
  const range = min !== undefined && max !== undefined ? `${min}到${max}之间的${integer ? '整数' : '数'}` : integer ? '整数' : '数字';
  let s = z.number({ error: `${f.label}应为${range}` });
  if (integer) s = s.int(`${f.label}应为${range}`);
  if (min !== undefined) s = s.min(min, min === 0 ? `${f.label}不能为负数` : `${f.label}应为${range}`);
  if (max !== undefined) s = s.max(max, `${f.label}应为${range}`);
  return s;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{6}$/;

function valueSchema(f: FieldDef): z.ZodType {
  const k = f.kind;
  if (isCodes(k)) return z.array(textSchema({ ...f, kind: 'text', required: false, limits: { maxLength: LIST_LABEL_MAX } })).max(k.max, tooManyMessage(f.label, k.max));
  if (k === 'flag') return z.boolean();
  if (k === 'int' || k === 'decimal' || k === 'money' || k === 'year') return numberSchema(f);
  if (k === 'date') return z.string().trim().regex(DAY, `${f.label}格式应为 YYYY-MM-DD，例如 1980-03-15`);
  if (k === 'month') return z.string().trim().regex(MONTH, `${f.label}格式应为 YYYYMM，例如 202103`);
  if (k === 'status') throw new Error(`${f.key}: the status is changed only through workflows, never by a draft`);
  return textSchema(f);
}

/** The schema of one field as a draft carries it: optional fields may be left out and mean empty. */
export function fieldSchema(f: FieldDef): z.ZodType {
  const v = valueSchema(f);
  if (isCodes(f.kind)) return v.default([]);
  if (f.required) return f.kind === 'money' ? v.default(0) : v;
  return v.nullable().default(null);
}

/** A z.object shape of the given fields, in catalogue order (errors come in that order too). */
export function shapeOf(fields: readonly FieldDef[]): Record<string, z.ZodType> {
  return Object.fromEntries(fields.map((f) => [f.key, fieldSchema(f)]));
}

/**
 * The ID-number rule (GB 11643), beside its catalogue entry: a member's number must be valid;
 * the message names the member, as the clerk sees it under the cell.
 */
export function idNumberIssue(name: string, idNumber: string | null, today?: Date): string | null {
  if (!idNumber) return null;
  const r = parseIdNumber(idNumber, today);
  if (r.ok) return null;
  return `${name.trim() || '未填姓名的成员'}：${r.message}`;
}
