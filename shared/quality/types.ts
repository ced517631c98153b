// The data-quality rule engine's contract. Rules are pure functions over one household's
// facts; db/quality.ts gathers the facts (and runs the few rules that need the whole archive).
import type { PolicyParameter } from '../policy.ts';
import type {
  AssessmentRecord,
  HouseholdRecord,
  IncomeRecord,
  MeasureRecord,
  MemberRecord,
  PairingRecord,
  StatusHistoryRecord,
} from '../records.ts';

export type Severity = 'error' | 'warning';

export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '疑点' };

/**
 * Columns the rules never read, which the check leaves unread in the archive (db/quality-facts.ts:
 * fewer strings to build for every household): the sync bookkeeping, the village's id (the facts
 * carry its name), the pinyin search key, an income row's own id.
 */
export const UNREAD_HOUSEHOLD = ['version', 'updatedAt', 'updatedBy', 'villageId'] as const;
export const UNREAD_MEMBER = ['version', 'updatedAt', 'updatedBy', 'nameInitials'] as const;
export const UNREAD_INCOME = ['id', 'version', 'updatedAt', 'updatedBy'] as const;

/** A household as the rules see it. */
export type FactHousehold = Omit<HouseholdRecord, (typeof UNREAD_HOUSEHOLD)[number]>;
/** A member as the rules see it. */
export type FactMember = Omit<MemberRecord, (typeof UNREAD_MEMBER)[number]>;
/** A year's income as the rules see it. */
export type FactIncome = Omit<IncomeRecord, (typeof UNREAD_INCOME)[number]>;

export interface HouseholdFacts {
  household: FactHousehold;
  villageName: string;
  /** All members, including those who left (leftReason set); most rules look at current ones. */
  members: FactMember[];
  incomes: FactIncome[];
  assessments: AssessmentRecord[];
  measures: MeasureRecord[];
  pairings: PairingRecord[];
  /** Oldest first. */
  history: StatusHistoryRecord[];
  /** Days of the monitoring checks (每月“测”), oldest first; absent where not gathered (rules about them stay silent). */
  visits?: readonly string[];
}

export interface QualityContext {
  /** The day ages and periods are computed on (YYYY-MM-DD). */
  today: string;
  /** The income year checked: normally the latest year with incomes in the archive. */
  year: number;
  /** The archive's province, for province-specific policy figures. */
  province: string;
  policy: readonly PolicyParameter[];
}

export interface Finding {
  message: string;
  memberId?: string;
  field?: string;
}

/** The national data-quality categories (数据质量清洗手册): what kind of mistake a rule finds. */
export type Category = 'completeness' | 'format' | 'logic' | 'consistency' | 'policy' | 'timeliness';

export const CATEGORY_LABELS: Record<Category, string> = {
  completeness: '完整性',
  format: '规范性',
  logic: '逻辑性',
  consistency: '一致性',
  policy: '政策符合性',
  timeliness: '时效性',
};

/** A rule's check, as its file writes it; category, hint and source are added in shared/quality/meta.ts or with it. */
export interface RuleCheck {
  /** Stable number, e.g. 'Q201'; listed in docs/quality-rules.md. */
  code: string;
  severity: Severity;
  /** Short Chinese title shown in lists and filters. */
  title: string;
  check(facts: HouseholdFacts, ctx: QualityContext): Finding[];
}

export interface RuleMeta {
  category: Category;
  /** What to do, in plain Chinese (the 整改意见 of a 问题清单). */
  hint: string;
  /** Where the rule comes from: a policy text (shared/seeds) or the rule book (FIELDS-REFERENCE.md). */
  source: string;
}

export type Rule = RuleCheck & RuleMeta;

/** One problem as reported to the user and by `check --json`. */
export interface Problem {
  code: string;
  severity: Severity;
  title: string;
  householdId: string;
  /** 户编号 */
  household: string;
  village: string;
  /** Member's name, when the problem concerns one person. */
  member: string | null;
  memberId: string | null;
  field: string | null;
  message: string;
}
