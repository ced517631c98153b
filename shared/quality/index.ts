// The rule catalogue (docs/quality-rules.md) and the runner that turns findings into problems.
import { withFactsMemo } from './facts.ts';
import { causeRules } from './rules/causes.ts';
import { identityRules } from './rules/identity.ts';
import { incomeRules } from './rules/income.ts';
import { limitRules } from './rules/limits.ts';
import { livingRules } from './rules/living.ts';
import { memberRules } from './rules/members.ts';
import { statusRules } from './rules/status.ts';
import { structureRules } from './rules/structure.ts';
import type { HouseholdFacts, Problem, QualityContext, Rule, Severity } from './types.ts';

export type { Finding, HouseholdFacts, Problem, QualityContext, Rule, Severity } from './types.ts';
export { SEVERITY_LABELS } from './types.ts';

const byCode = <T extends { code: string }>(a: T, b: T): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** Every pure (one-household) rule, sorted by code. */
export const RULES: readonly Rule[] = [
  ...identityRules,
  ...structureRules,
  ...memberRules,
  ...incomeRules,
  ...causeRules,
  ...livingRules,
  ...statusRules,
  ...limitRules,
].sort(byCode);

export interface RuleInfo {
  code: string;
  severity: Severity;
  title: string;
}

/** Rules that need the whole archive; they run in db/quality.ts. */
export const ARCHIVE_RULES: readonly RuleInfo[] = [{ code: 'Q105', severity: 'error', title: '同一人在两户' }];

/**
 * Rules about "the check year" (the latest income year). An archive without any income has
 * no check year, and these stay silent rather than report every household.
 */
export const CHECK_YEAR_RULE_CODES: readonly string[] = ['Q403', 'Q404', 'Q405', 'Q406', 'Q407', 'Q704'];

/** The rules to run: all of them, or without the check-year ones when there is no check year. */
export function rulesFor(hasCheckYear: boolean): readonly Rule[] {
  return hasCheckYear ? RULES : RULES.filter((r) => !CHECK_YEAR_RULE_CODES.includes(r.code));
}

/** Code, severity and title of every rule, the archive-wide ones included, sorted by code. */
export function ruleCatalogue(): RuleInfo[] {
  return [...RULES.map(({ code, severity, title }) => ({ code, severity, title })), ...ARCHIVE_RULES.map((r) => ({ ...r }))].sort(byCode);
}

/** Runs the rules over one household, in rule order. */
export function runRules(facts: HouseholdFacts, ctx: QualityContext, rules: readonly Rule[] = RULES): Problem[] {
  return withFactsMemo(facts, () => runEach(facts, ctx, rules));
}

function runEach(facts: HouseholdFacts, ctx: QualityContext, rules: readonly Rule[]): Problem[] {
  const out: Problem[] = [];
  const { household } = facts;
  for (const rule of rules) {
    for (const f of rule.check(facts, ctx)) {
      const member = f.memberId == null ? undefined : facts.members.find((m) => m.id === f.memberId);
      out.push({
        code: rule.code,
        severity: rule.severity,
        title: rule.title,
        householdId: household.id,
        household: household.no,
        village: facts.villageName,
        member: member?.name ?? null,
        memberId: f.memberId ?? null,
        field: f.field ?? null,
        message: f.message,
      });
    }
  }
  return out;
}
