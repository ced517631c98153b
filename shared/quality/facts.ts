// Helpers the rules share: who is a current member, a member's age and gender, the head,
// the check year's per-capita income and policy figures. Pure; no I/O.
import { isIsoDate } from '../dates.ts';
import { parseIdNumber } from '../id-number.ts';
import type { IdResult } from '../id-number.ts';
import { computeIncome } from '../income.ts';
import { formatYuan } from '../money.ts';
import { resolvePolicy } from '../policy.ts';
import type { PolicyKind } from '../policy.ts';
import { MONITORED_STATUSES, REGISTERED_STATUSES } from '../status.ts';
import type { HouseholdStatus } from '../status.ts';
import type { FactIncome, FactMember, Finding, HouseholdFacts, QualityContext } from './types.ts';

/** Empty or whitespace-only counts as not filled in. */
export function blank(s: string | null | undefined): boolean {
  return s == null || s.trim() === '';
}

export function isCurrent(m: FactMember): boolean {
  return blank(m.leftReason);
}

// While runRules checks one household, its current members and heads are worked out once for
// all of its ~30 rules (rules are pure and never change facts or these lists); called outside
// a run (a rule's own test), they are worked out at each call.
interface Memo {
  facts: HouseholdFacts;
  current?: readonly FactMember[];
  heads?: readonly FactMember[];
  derived?: Map<FactMember, Derived>;
  /** Ages of the current members (same order), on `agesOn`: the ~70 member rules share them. */
  ages?: readonly (number | null)[];
  agesOn?: string;
}
let running: Memo | null = null;

/** Runs `fn` (the rules over one household) with that household's derived lists kept for its length. */
export function withFactsMemo<T>(facts: HouseholdFacts, fn: () => T): T {
  const outer = running;
  running = { facts };
  try {
    return fn();
  } finally {
    running = outer;
  }
}

function ownMemo(facts: HouseholdFacts): Memo | null {
  return running !== null && running.facts === facts ? running : null;
}

/** Current members in household order (户内序号). */
export function currentMembers(facts: HouseholdFacts): readonly FactMember[] {
  const memo = ownMemo(facts);
  if (memo?.current) return memo.current;
  const current = facts.members.filter(isCurrent);
  // gatherFacts already orders by seq; sort only when a caller built them otherwise.
  for (let i = 1; i < current.length; i++) {
    if (current[i - 1]!.seq > current[i]!.seq) {
      current.sort((a, b) => a.seq - b.seq);
      break;
    }
  }
  if (memo) memo.current = current;
  return current;
}

/**
 * The current members' ages on `today`, in the order of currentMembers (one look-up per
 * household for the member rules instead of one per member and rule).
 */
export function currentAges(facts: HouseholdFacts, today: string): readonly (number | null)[] {
  const memo = ownMemo(facts);
  if (memo?.ages && memo.agesOn === today) return memo.ages;
  const ages = currentMembers(facts).map((m) => ageOf(m, today));
  if (memo) {
    memo.ages = ages;
    memo.agesOn = today;
  }
  return ages;
}

export const HEAD = '户主';

export function heads(facts: HouseholdFacts): readonly FactMember[] {
  const memo = ownMemo(facts);
  if (memo?.heads) return memo.heads;
  const found = currentMembers(facts).filter((m) => m.relation === HEAD);
  if (memo) memo.heads = found;
  return found;
}

/** The head the relation rules compare against: the first current 户主, if any. */
export function headOf(facts: HouseholdFacts): FactMember | null {
  return heads(facts)[0] ?? null;
}

interface Derived {
  today: string;
  raw: string | null;
  recordedBirth: string | null;
  id: IdResult;
  age: number | null;
}

/** ageOn for two valid 'YYYY-MM-DD' dates, without splitting them into arrays (once per member and check). */
function yearsOn(birth: string, today: string): number {
  return Number(today.slice(0, 4)) - Number(birth.slice(0, 4)) - (today.slice(5) < birth.slice(5) ? 1 : 0);
}

// The check date as a Date for parseIdNumber, made once per check date rather than per member.
let lastDay: { today: string; date: Date } | null = null;
function dayOf(today: string): Date {
  if (lastDay?.today !== today) lastDay = { today, date: new Date(`${today}T00:00:00Z`) };
  return lastDay.date;
}

// Several rules need the same member's parsed ID and age; derive them once per check date.
// Keyed on the inputs too, so a record changed in place is derived again. Inside a run the
// household's own map holds them (dropped with the household: a WeakMap over 300k members
// made the garbage collector's work grow with the archive); outside, this one.
const derivedCache = new WeakMap<FactMember, Derived>();

function derived(m: FactMember, today: string): Derived {
  const cache: { get(m: FactMember): Derived | undefined; set(m: FactMember, d: Derived): unknown } = running ? (running.derived ??= new Map<FactMember, Derived>()) : derivedCache;
  const hit = cache.get(m);
  if (hit && hit.today === today && hit.raw === m.idNumber && hit.recordedBirth === m.birthDate) return hit;
  const id = parseIdNumber(m.idNumber, dayOf(today));
  const birth = id.ok ? id.info.birthDate : m.birthDate != null && isIsoDate(m.birthDate) ? m.birthDate : null;
  const d = { today, raw: m.idNumber, recordedBirth: m.birthDate, id, age: birth == null ? null : yearsOn(birth, today) };
  cache.set(m, d);
  return d;
}

/** The member's ID parsed as of the check date (a birth date after it is invalid). */
export function idOf(m: FactMember, today: string): IdResult {
  return derived(m, today).id;
}

/** Whole years on the check date, from the ID's birth date when valid, else the recorded one. */
export function ageOf(m: FactMember, today: string): number | null {
  return derived(m, today).age;
}

/** The ID's gender when the ID is valid, else the recorded 男/女; null when unknown. */
export function genderOf(m: FactMember, today: string): '男' | '女' | null {
  const id = idOf(m, today);
  if (id.ok) return id.info.gender;
  return m.gender === '男' || m.gender === '女' ? m.gender : null;
}

/** "张三（之女，9岁）" — names the member the way a clerk finds them on the form. */
export function who(m: FactMember, today: string): string {
  const age = ageOf(m, today);
  return `${m.name}（${m.relation}${age == null ? '' : `，${age}岁`}）`;
}

export function memberFinding(m: FactMember, field: string, message: string): Finding {
  return { memberId: m.id, field, message };
}

const REGISTERED = new Set<HouseholdStatus>(REGISTERED_STATUSES);
const MONITORED = new Set<HouseholdStatus>(MONITORED_STATUSES);

export function isRegistered(status: HouseholdStatus): boolean {
  return REGISTERED.has(status);
}

export function isMonitored(status: HouseholdStatus): boolean {
  return MONITORED.has(status);
}

/** The latest year among rows (incomes, assessments …); null when there are none. A loop: no spread of an array into Math.max per household. */
export function latestYear(rows: readonly { year: number }[]): number | null {
  let latest: number | null = null;
  for (const r of rows) if (latest === null || r.year > latest) latest = r.year;
  return latest;
}

export function incomeOf(facts: HouseholdFacts, year: number): FactIncome | null {
  return facts.incomes.find((i) => i.year === year) ?? null;
}

/** 人均纯收入 (fen) of a year's income row; null without a row or a usable household size. */
export function perCapitaOf(facts: HouseholdFacts, year: number): number | null {
  const row = incomeOf(facts, year);
  return row == null ? null : computeIncome(row, row.householdSize).perCapitaFen;
}

/** The policy figure in force for the check year and the archive's province; null if none. */
export function policyValue(ctx: QualityContext, kind: PolicyKind, year: number = ctx.year): number | null {
  return resolvePolicy(ctx.policy, kind, year, ctx.province)?.value ?? null;
}

export function yuan(fen: number): string {
  return `${formatYuan(fen)}元`;
}

/** Months between two 'YYYYMM' strings (end − start); null when either is not a valid month. */
export function monthsBetween(start: string | null, end: string | null): number | null {
  if (start == null || end == null) return null;
  const a = monthIndex(start);
  const b = monthIndex(end);
  return a == null || b == null ? null : b - a;
}

const YYYYMM = /^(\d{4})(\d{2})$/;

function monthIndex(s: string): number | null {
  const m = YYYYMM.exec(s.trim());
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? Number(m[1]) * 12 + month - 1 : null;
}

/** 危房等级 C级 / D级, or a 危房 of unknown grade (a 危房户 “是” of the 2022 lists). */
export function isUnsafeHousing(value: string | null | undefined): boolean {
  if (value == null) return false;
  const v = value.trim();
  return v === 'C级' || v === 'D级' || v === '危房' || v === '是';
}

/** Whether a member is in school (a school status other than none / pre-school age). */
export function isStudent(m: FactMember): boolean {
  const s = m.schoolStatus?.trim();
  return s != null && s !== '' && s !== '非在校生' && s !== '学龄前儿童';
}

/** Years of a 'YYYY-MM-DD' or 'YYYYMM' text; null when it is neither. */
export function yearOf(s: string | null | undefined): number | null {
  const m = s == null ? null : /^(\d{4})(?:-\d{2}-\d{2}|\d{2})$/.exec(s.trim());
  return m ? Number(m[1]) : null;
}

/** The check date as 'YYYYMM'. */
export function monthOf(today: string): string {
  return today.slice(0, 4) + today.slice(5, 7);
}
