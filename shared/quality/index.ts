// The rule catalogue (docs/quality-rules.md) and the runner that turns findings into problems.
import { withFactsMemo } from './facts.ts';
import { LEGACY_META } from './meta.ts';
import { causeRules } from './rules/causes.ts';
import { completeRules } from './rules/complete.ts';
import { consistencyRules } from './rules/consistency.ts';
import { formatRules } from './rules/format.ts';
import { logicRules } from './rules/logic.ts';
import { policyRules } from './rules/policy.ts';
import { timelyRules } from './rules/timely.ts';
import { identityRules } from './rules/identity.ts';
import { incomeRules } from './rules/income.ts';
import { limitRules } from './rules/limits.ts';
import { livingRules } from './rules/living.ts';
import { memberRules } from './rules/members.ts';
import { statusRules } from './rules/status.ts';
import { structureRules } from './rules/structure.ts';
import type { Category, HouseholdFacts, Problem, QualityContext, Rule, RuleCheck, RuleMeta, Severity } from './types.ts';

export type { Category, Finding, HouseholdFacts, Problem, QualityContext, Rule, RuleMeta, Severity } from './types.ts';
export { CATEGORY_LABELS, SEVERITY_LABELS } from './types.ts';

function withMeta(rule: RuleCheck): Rule {
  const meta = LEGACY_META[rule.code];
  if (!meta) throw new Error(`rule ${rule.code} has no category, hint and source`);
  return { ...rule, ...meta };
}

const byCode = <T extends { code: string }>(a: T, b: T): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** Every pure (one-household) rule, sorted by code. */
export const RULES: readonly Rule[] = [
  ...[...identityRules, ...structureRules, ...memberRules, ...incomeRules, ...causeRules, ...livingRules, ...statusRules, ...limitRules].map(withMeta),
  ...completeRules,
  ...formatRules,
  ...logicRules,
  ...policyRules,
  ...consistencyRules,
  ...timelyRules,
].sort(byCode);

export interface RuleInfo extends RuleMeta {
  code: string;
  severity: Severity;
  title: string;
}

/** Rules that need the whole archive; they run in db/quality.ts. */
export const ARCHIVE_RULES: readonly RuleInfo[] = [{ code: 'Q105', severity: 'error', title: '同一人在两户', ...LEGACY_META.Q105! }];

/** The categories in the order the national manuals list them. */
export const CATEGORIES: readonly Category[] = ['completeness', 'format', 'logic', 'consistency', 'policy', 'timeliness'];

/**
 * Rules about "the check year" (the latest income year). An archive without any income has
 * no check year, and these stay silent rather than report every household.
 */
export const CHECK_YEAR_RULE_CODES: readonly string[] = ['Q403', 'Q404', 'Q405', 'Q406', 'Q407', 'Q431', 'Q432', 'Q436', 'Q704', 'Q752', 'Q753', 'Q754', 'Q906', 'Q907', 'Q908', 'Q917', 'Q918', 'Q919', 'Q920', 'Q921', 'Q922'];

/** The rules to run: all of them, or without the check-year ones when there is no check year. */
export function rulesFor(hasCheckYear: boolean): readonly Rule[] {
  return hasCheckYear ? RULES : RULES.filter((r) => !CHECK_YEAR_RULE_CODES.includes(r.code));
}

/** Code, severity and title of every rule, the archive-wide ones included, sorted by code. */
export function ruleCatalogue(): RuleInfo[] {
  return [...RULES.map(({ code, severity, title, category, hint, source }) => ({ code, severity, title, category, hint, source })), ...ARCHIVE_RULES.map((r) => ({ ...r }))].sort(byCode);
}

/** Runs the rules over one household, in rule order. */
export function runRules(facts: HouseholdFacts, ctx: QualityContext, rules: readonly Rule[] = RULES): Problem[] {
  return withFactsMemo(facts, () => runEach(facts, ctx, rules));
}

function runEach(facts: HouseholdFacts, ctx: QualityContext, rules: readonly Rule[]): Problem[] {
  const out: Problem[] = [];
  const { household } = facts;
  for (const rule of rules) {
    const found = rule.check(facts, ctx);
    // Most rules find nothing in most households: leave before any per-finding work.
    if (found.length === 0) continue;
    for (const f of found) {
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
