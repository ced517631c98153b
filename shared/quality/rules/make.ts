// Builders for the rules that carry their own category, hint and source: a household rule
// (one finding at most, on a field of the household) and a member rule (one finding per
// current member it describes). The message is what was found, then the hint.
import { currentAges, currentMembers, memberFinding, who } from '../facts.ts';
import type { FactMember, Finding, HouseholdFacts, QualityContext, Rule, RuleMeta, Severity } from '../types.ts';

export interface RuleHead extends RuleMeta {
  code: string;
  severity: Severity;
  title: string;
}

/** What a rule returns when it finds nothing: one frozen list, not a new one per household and rule. */
export const NONE: Finding[] = Object.freeze([]) as unknown as Finding[];

/** “…，请核实…”; a hint that explains first (“…：…”) follows as its own sentence. */
const sentence = (found: string, hint: string): string => (hint.includes('：') ? `${found}。${hint}` : `${found}，请${hint}`);

/** A household rule: `test` says what is wrong (no 请…: the hint follows), or null. */
export function householdRule(head: RuleHead & { field?: string; test: (facts: HouseholdFacts, ctx: QualityContext) => string | null }): Rule {
  const { test, field, ...rest } = head;
  return {
    ...rest,
    check(facts, ctx) {
      const found = test(facts, ctx);
      if (found == null) return NONE;
      return [field == null ? { message: sentence(found, head.hint) } : { field, message: sentence(found, head.hint) }];
    },
  };
}

/** A member rule over current members: `test` gets the member and its age; its text follows the member's name. */
export function memberRule(
  head: RuleHead & { field: string; test: (m: FactMember, age: number | null, facts: HouseholdFacts, ctx: QualityContext) => string | null },
): Rule {
  const { test, field, ...rest } = head;
  return {
    ...rest,
    check(facts, ctx) {
      let out: Finding[] | null = null;
      const members = currentMembers(facts);
      const ages = currentAges(facts, ctx.today);
      for (let i = 0; i < members.length; i++) {
        const m = members[i]!;
        const found = test(m, ages[i] ?? null, facts, ctx);
        if (found != null) (out ??= []).push(memberFinding(m, field, sentence(`成员${who(m, ctx.today)}${found}`, head.hint)));
      }
      return out ?? NONE;
    },
  };
}

/** Like memberRule, over every member (those who left too): for dates of leaving. */
export function anyMemberRule(head: RuleHead & { field: string; test: (m: FactMember, ctx: QualityContext) => string | null }): Rule {
  const { test, field, ...rest } = head;
  return {
    ...rest,
    check(facts, ctx) {
      let out: Finding[] | null = null;
      for (const m of facts.members) {
        const found = test(m, ctx);
        if (found != null) (out ??= []).push(memberFinding(m, field, sentence(`成员${m.name}${found}`, head.hint)));
      }
      return out ?? NONE;
    },
  };
}

/** A rule over rows of a child table (incomes, measures …): one finding per row described. */
export function rowRule<T>(
  head: RuleHead & { field?: string; rows: (facts: HouseholdFacts) => readonly T[]; test: (row: T, facts: HouseholdFacts, ctx: QualityContext) => string | null },
): Rule {
  const { test, rows, field, ...rest } = head;
  return {
    ...rest,
    check(facts, ctx) {
      let out: Finding[] | null = null;
      for (const row of rows(facts)) {
        const found = test(row, facts, ctx);
        if (found != null) (out ??= []).push(field == null ? { message: sentence(found, head.hint) } : { field, message: sentence(found, head.hint) });
      }
      return out ?? NONE;
    },
  };
}
