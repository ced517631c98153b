// Stored values the household editor would refuse to save (the field catalogue's limits: hidden
// control or direction characters, length, pattern), e.g. from an import made before the import
// checked them. Numbers are the range rules' (Q306, Q401, Q60x); ID numbers are Q101's.
import { HOUSEHOLD_FIELDS, MEMBER_FIELDS } from '../../fields/index.ts';
import type { FieldDef } from '../../fields/index.ts';
import { plainText, spellHidden, valueLimitIssue } from '../../fields/limits.ts';
import { memberFinding, who } from '../facts.ts';
import type { Finding, RuleCheck } from '../types.ts';

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

/** The first limit a record's text values break, field by field; numbers are left to their rules. */
function issues(fields: readonly FieldDef[], record: object): { field: string; message: string }[] {
  const plan = planOf(fields);
  const values = record as Record<string, unknown>;
  // Nearly every value is fine: one scan of all the record's texts for hidden characters
  // clears them, then only lengths are compared.
  let texts = '';
  for (const { key } of plan) {
    const v = values[key];
    if (typeof v === 'string') texts += v;
  }
  const plain = plainText(texts);
  const out: { field: string; message: string }[] = [];
  for (const { key, field: f, byLength: lengthOnly } of plan) {
    const v = values[key];
    if (typeof v !== 'string' && !Array.isArray(v)) continue;
    if (plain && lengthOnly && typeof v === 'string' && (f.limits.maxLength === undefined || v.length <= f.limits.maxLength)) continue;
    const issue = valueLimitIssue(f, v);
    if (issue) out.push({ field: f.key, message: issue.message });
  }
  return out;
}

const cut = (s: string) => spellHidden(s.length > 20 ? `${s.slice(0, 20)}…` : s);

export const limitRules: RuleCheck[] = [
  {
    code: 'Q801',
    severity: 'error',
    title: '内容超出录入限制',
    check(facts, ctx) {
      const out: Finding[] = issues(HOUSEHOLD, facts.household).map((i) => ({ field: i.field, message: `${i.message}。请在户信息中改正，否则这一户无法保存` }));
      for (const m of facts.members) {
        for (const i of issues(MEMBER, m)) {
          out.push(memberFinding(m, i.field, `成员${who({ ...m, name: cut(m.name) }, ctx.today)}：${i.message}。请在成员信息中改正，否则这一户无法保存`));
        }
      }
      return out;
    },
  },
];
