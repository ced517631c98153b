// Data for the quality rules: the context (province, policy, check year), the facts of
// households (db/quality-facts.ts, a chunk at a time), and the archive-wide rule Q105.
import { asc, eq, max } from 'drizzle-orm';
import { parseIdNumber } from '../shared/id-number.ts';
import { maskIdNumber } from '../shared/mask.ts';
import { POLICY_KINDS } from '../shared/policy.ts';
import type { PolicyKind, PolicyParameter } from '../shared/policy.ts';
import type { Problem } from '../shared/quality/types.ts';
import type { Db } from './open.ts';
import { archiveInfo, incomes, policyParameters, townships } from './schema/index.ts';

export interface QualityContextParts {
  /** '' when the archive does not say. */
  province: string;
  policy: PolicyParameter[];
  /** The latest year with any income row; null for an archive without incomes. */
  latestIncomeYear: number | null;
}

function isPolicyKind(kind: string): kind is PolicyKind {
  return Object.hasOwn(POLICY_KINDS, kind);
}

export function loadQualityContextParts(db: Db): QualityContextParts {
  const info = db.select().from(archiveInfo).get();
  let province = info?.province ?? null;
  if (!province) {
    const query = db.select({ province: townships.province }).from(townships);
    const row = info?.townshipId ? query.where(eq(townships.id, info.townshipId)).get() : query.orderBy(asc(townships.name)).get();
    province = row?.province ?? null;
  }
  const policy: PolicyParameter[] = [];
  for (const p of db.select().from(policyParameters).all()) {
    if (isPolicyKind(p.kind)) policy.push({ kind: p.kind, year: p.year, province: p.province, value: p.value, source: p.source });
  }
  const latest = db.select({ year: max(incomes.year) }).from(incomes).get();
  return { province: province?.trim() ?? '', policy, latestIncomeYear: latest?.year ?? null };
}

export { forEachHouseholdFacts, forEachHouseholdFactsById, forEachHouseholdFactsOfRun, gatherFacts, householdHeadsById } from './quality-facts.ts';
export type { GatherOptions, HeadById } from './quality-facts.ts';

interface DuplicateRow {
  idNumber: string;
  memberId: string;
  name: string;
  relation: string;
  householdId: string;
  no: string;
  village: string;
}

const Q105 = { code: 'Q105', severity: 'error', title: '同一人在两户' } as const;

/**
 * Q105: the same valid ID number is a current member of two or more households. One problem
 * per household involved, naming the other households' 户编号. Valid as of `asOf`, the check's day.
 * `scope.townshipId` (county mode): within that township's households only, as its own archive checks.
 * `scope.candidates` (from a pass that saw every member: DuplicateIds) limits it to those numbers,
 * instead of grouping every member's number in SQL; empty, there is nothing to report.
 */
export function duplicateIdProblems(db: Db, asOf: string, scope: { townshipId?: string; candidates?: ReadonlySet<string>; stored?: readonly string[] } = {}): Problem[] {
  const { townshipId, candidates, stored } = scope;
  if (candidates?.size === 0) return [];
  const inTownship = townshipId === undefined ? '' : ' AND household_id IN (SELECT h.id FROM households h JOIN villages v ON v.id = h.village_id WHERE v.township_id = @townshipId)';
  // `stored`: every spelling the candidates have in the table (DuplicateIds.stored): the index finds them, no scan of all members.
  const spelled = stored ? ' AND id_number IN (SELECT value FROM json_each(@stored))' : '';
  const dup = candidates
    ? 'dup AS (SELECT value AS idn FROM json_each(@candidates))'
    : 'dup AS (SELECT idn FROM cur GROUP BY idn HAVING count(DISTINCT household_id) > 1)';
  const statement = db.$client.prepare(
    `WITH cur AS (
         SELECT id, household_id, name, relation, upper(trim(id_number)) AS idn
         FROM members
         WHERE (left_reason IS NULL OR trim(left_reason) = '') AND id_number IS NOT NULL AND trim(id_number) <> ''${inTownship}${spelled}
       ),
       ${dup}
       SELECT cur.idn AS idNumber, cur.id AS memberId, cur.name AS name, cur.relation AS relation,
              h.id AS householdId, h.no AS no, v.name AS village
       FROM cur JOIN dup ON dup.idn = cur.idn
       JOIN households h ON h.id = cur.household_id
       JOIN villages v ON v.id = h.village_id
       ORDER BY cur.idn, v.sort_order, v.code, h.no`,
  );
  const params: Record<string, string> = {};
  if (townshipId !== undefined) params.townshipId = townshipId;
  if (candidates) params.candidates = JSON.stringify([...candidates]);
  if (stored) params.stored = JSON.stringify(stored);
  const rows = (Object.keys(params).length ? statement.all(params) : statement.all()) as DuplicateRow[];

  const byId = new Map<string, DuplicateRow[]>();
  for (const row of rows) {
    if (!parseIdNumber(row.idNumber, new Date(`${asOf}T00:00:00Z`)).ok) continue;
    const group = byId.get(row.idNumber);
    if (group) group.push(row);
    else byId.set(row.idNumber, [row]);
  }

  const problems: Problem[] = [];
  for (const [idNumber, group] of byId) {
    for (const row of group) {
      const others = [...new Set(group.filter((o) => o.householdId !== row.householdId).map((o) => `${o.no}（${o.village}，${o.name}）`))];
      if (others.length === 0) continue;
      problems.push({
        ...Q105,
        householdId: row.householdId,
        household: row.no,
        village: row.village,
        member: row.name,
        memberId: row.memberId,
        field: 'idNumber',
        message:
          `成员${row.name}（${row.relation}）的身份证号${maskIdNumber(idNumber)}同时登记在户编号${others.join('、')}中，` +
          '同一人只能属于一户，请核实后在其中一户办理减员',
      });
    }
  }
  return problems;
}

/** SQLite's trim(): spaces only. */
function sqlTrim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 32) a++;
  while (b > a && s.charCodeAt(b - 1) === 32) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

const LOWER_ASCII = /[a-z]/;

/** Whether a non-empty number is its own key: no space at either end, no ASCII lower-case letter (a loop: asked of every member). */
function plainKey(s: string): boolean {
  const n = s.length;
  if (n === 0 || s.charCodeAt(0) === 32 || s.charCodeAt(n - 1) === 32) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
  }
  return true;
}

/**
 * The ID numbers current in two or more households, found while the check walks every member
 * (a Map over the numbers, instead of Q105's GROUP BY): exactly what Q105's SQL groups —
 * upper(trim(id_number)) of members whose left_reason is NULL or blank, in SQLite's sense
 * (trim takes spaces only, upper ASCII letters only).
 */
export class DuplicateIds {
  /** Each number's first household, by its position (HeadById.position: a number, not the id's string, kept for 80k members). */
  private readonly first = new Map<string, number>();
  /** Numbers stored otherwise than their key (spaces around, lower-case x): rare. */
  private readonly spellings = new Map<string, Set<string>>();
  readonly found = new Set<string>();

  /** `household`: the member's household as HeadById.position (any number unique to the household). */
  add(m: { idNumber: string | null; leftReason: string | null }, household: number): void {
    const stored = m.idNumber;
    if (stored == null || (m.leftReason != null && sqlTrim(m.leftReason) !== '')) return;
    // Nearly every stored number is already its key: no space at either end, no lower-case letter.
    if (plainKey(stored)) {
      this.note(stored, household);
      return;
    }
    let key = sqlTrim(stored);
    if (key === '') return;
    if (LOWER_ASCII.test(key)) key = key.replace(/[a-z]+/g, (x) => x.toUpperCase());
    if (key !== stored) this.spell(key, stored);
    this.note(key, household);
  }

  private spell(key: string, stored: string): void {
    const set = this.spellings.get(key);
    if (set) set.add(stored);
    else this.spellings.set(key, new Set([stored]));
  }

  /** How the found numbers are stored in the table: each as its key, and as any other spelling seen. */
  stored(): string[] {
    const out: string[] = [];
    for (const key of this.found) {
      out.push(key);
      for (const s of this.spellings.get(key) ?? []) out.push(s);
    }
    return out;
  }

  private note(key: string, household: number): void {
    const first = this.first.get(key);
    if (first === undefined) this.first.set(key, household);
    else if (first !== household) this.found.add(key);
  }

  /** What this walk saw, as plain lists (a worker thread of the parallel check sends it back). */
  seen(): DuplicateIdsSeen {
    const spellings: [string, string][] = [];
    for (const [key, set] of this.spellings) for (const s of set) spellings.push([key, s]);
    return { keys: [...this.first.keys()], households: [...this.first.values()], found: [...this.found], spellings };
  }

  /** Adds another walk's numbers (of other households): a number both saw in different households is found. */
  merge(other: DuplicateIdsSeen): void {
    for (const key of other.found) this.found.add(key);
    for (const [key, stored] of other.spellings) this.spell(key, stored);
    for (let i = 0; i < other.keys.length; i++) this.note(other.keys[i]!, other.households[i]!);
  }
}

/** DuplicateIds' state as plain data: each number's first household, and the numbers found in two. */
export interface DuplicateIdsSeen {
  keys: string[];
  /** The first household of each key, as HeadById.position. */
  households: number[];
  found: string[];
  /** [key, stored spelling] of numbers stored otherwise than their key. */
  spellings: [string, string][];
}
