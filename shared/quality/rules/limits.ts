// Stored values the household editor would refuse to save (the field catalogue's limits: hidden
// control or direction characters, length, pattern), e.g. from an import made before the import
// checked them. Numbers are the range rules' (Q306, Q401, Q60x); ID numbers are Q101's.
import { HOUSEHOLD_FIELDS, MEMBER_FIELDS } from '../../fields/index.ts';
import type { FieldDef } from '../../fields/index.ts';
import { spellHidden, valueLimitIssue } from '../../fields/limits.ts';
import { memberFinding, who } from '../facts.ts';
import type { Finding, RuleCheck } from '../types.ts';
import { NONE } from './make.ts';

const checked = (fields: readonly FieldDef[]) => fields.filter((f) => f.kind !== 'id' && f.kind !== 'status');
const HOUSEHOLD = checked(HOUSEHOLD_FIELDS);
const MEMBER = checked(MEMBER_FIELDS);

/**
 * Whether a text of plain characters passes this field on its length alone: no pattern, and
 * not an ID or account number (those are checked without their spaces). Such a text breaks
 * no limit when it is no longer than the maximum (trimming only shortens it).
 */
const byLength = (f: FieldDef): boolean => !f.limits.pattern && f.kind !== 'id' && f.mask !== 'bank';

/** The checked fields of one record kind, each with whether its length alone can clear it. */
const plans = new Map<readonly FieldDef[], { key: string; field: FieldDef; byLength: boolean }[]>();
function planOf(fields: readonly FieldDef[]): { key: string; field: FieldDef; byLength: boolean }[] {
  let plan = plans.get(fields);
  if (!plan) plans.set(fields, (plan = fields.map((field) => ({ key: field.key, field, byLength: byLength(field) }))));
  return plan;
}

/**
 * Whether a text holds none of the characters the catalogue refuses in a one-line field: the
 * hidden characters and line breaks of fields/limits.ts (HIDDEN and LINE_BREAKS, whose union
 * this is, code unit by code unit: none of them is outside the BMP). A loop over char codes:
 * the check asks it of every text of every member, and nearly all of them are plain.
 */
export function plainChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Chinese text first: from U+206A up only U+FEFF is refused (two comparisons per character).
    if (c >= 0x206a) {
      if (c === 0xfeff) return false;
    } else if (c < 0x7f) {
      if (c < 0x20) return false;
    } else if (c <= 0x9f || c === 0x061c || c === 0x2060 || (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
      return false;
    }
  }
  return true;
}

type Issue = { field: string; message: string };
const NO_ISSUES: readonly Issue[] = Object.freeze([]);

/**
 * The first limit a record's text values break, field by field; numbers are left to their rules.
 * Nearly every value is a plain text within its length: those are cleared without building a
 * message (valueLimitIssue would find nothing in them), the rest are asked in full.
 */
function issues(fields: readonly FieldDef[], record: object): readonly Issue[] {
  const plan = planOf(fields);
  const values = record as Record<string, unknown>;
  let out: Issue[] | null = null;
  for (const { key, field: f, byLength: lengthOnly } of plan) {
    const v = values[key];
    if (typeof v === 'string') {
      if (lengthOnly && (f.limits.maxLength === undefined || v.length <= f.limits.maxLength) && plainChars(v)) continue;
    } else if (!Array.isArray(v)) continue;
    const issue = valueLimitIssue(f, v);
    if (issue) (out ??= []).push({ field: f.key, message: issue.message });
  }
  return out ?? NO_ISSUES;
}

const cut = (s: string) => spellHidden(s.length > 20 ? `${s.slice(0, 20)}…` : s);

export const limitRules: RuleCheck[] = [
  {
    code: 'Q801',
    severity: 'error',
    title: '内容超出录入限制',
    check(facts, ctx) {
      let out: Finding[] | null = null;
      for (const i of issues(HOUSEHOLD, facts.household)) (out ??= []).push({ field: i.field, message: `${i.message}。请在户信息中改正，否则这一户无法保存` });
      for (const m of facts.members) {
        for (const i of issues(MEMBER, m)) {
          (out ??= []).push(memberFinding(m, i.field, `成员${who({ ...m, name: cut(m.name) }, ctx.today)}：${i.message}。请在成员信息中改正，否则这一户无法保存`));
        }
      }
      return out ?? NONE;
    },
  },
];
