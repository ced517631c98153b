// Data for the quality rules: the context (province, policy, check year), the facts of many
// households in a few whole-table queries, and the archive-wide rule Q105.
import { asc, eq, getTableColumns, inArray, max } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { parseIdNumber } from '../shared/id-number.ts';
import { maskIdNumber } from '../shared/mask.ts';
import { POLICY_KINDS } from '../shared/policy.ts';
import type { PolicyKind, PolicyParameter } from '../shared/policy.ts';
import type { HouseholdFacts, Problem } from '../shared/quality/types.ts';
import type { Db } from './open.ts';
import { archiveInfo, assessments, households, incomes, measures, members, pairings, policyParameters, statusHistory, townships, villages } from './schema/index.ts';

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

export interface GatherOptions {
  villageId?: string;
  householdIds?: string[];
}

/** Keeps the IN lists well under SQLite's bound-parameter limit. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** A filter on a household_id column; undefined = the whole table. */
type Scope = (householdId: SQLiteColumn) => SQL | undefined;

function scopesFor(db: Db, opts: GatherOptions): Scope[] {
  if (opts.householdIds) return chunks([...new Set(opts.householdIds)]).map((ids) => (col) => inArray(col, ids));
  const { villageId } = opts;
  if (villageId != null) {
    // household_id IN (one village's households): a search on each child table's household index.
    const ofVillage = db.select({ id: households.id }).from(households).where(eq(households.villageId, villageId));
    return [(col) => inArray(col, ofVillage)];
  }
  return [() => undefined];
}

function groupInto<T extends { householdId: string }>(
  byId: Map<string, HouseholdFacts>,
  rows: readonly T[],
  list: (f: HouseholdFacts) => T[],
): void {
  for (const row of rows) {
    const facts = byId.get(row.householdId);
    if (facts) list(facts).push(row);
  }
}

/**
 * The facts of every household (or one village's, or the listed ones), ordered by village
 * (sort order, code) then 户编号. One query per table (per 500 listed ids), grouped in memory.
 */
export function gatherFacts(db: Db, opts: GatherOptions = {}): HouseholdFacts[] {
  const scopes = scopesFor(db, opts);
  const heads = scopes.flatMap((scope) =>
    db
      .select({
        household: getTableColumns(households),
        villageName: villages.name,
        villageSort: villages.sortOrder,
        villageCode: villages.code,
      })
      .from(households)
      .innerJoin(villages, eq(villages.id, households.villageId))
      .where(opts.villageId != null && !opts.householdIds ? eq(households.villageId, opts.villageId) : scope(households.id))
      .orderBy(asc(villages.sortOrder), asc(villages.code), asc(households.no))
      .all(),
  );
  if (scopes.length > 1) {
    const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    heads.sort((a, b) => a.villageSort - b.villageSort || cmp(a.villageCode, b.villageCode) || cmp(a.household.no, b.household.no));
  }

  const byId = new Map<string, HouseholdFacts>();
  for (const { household, villageName } of heads) {
    byId.set(household.id, { household, villageName, members: [], incomes: [], assessments: [], measures: [], pairings: [], history: [] });
  }
  if (byId.size === 0) return [];

  for (const scope of scopes) {
    const w = (col: SQLiteColumn): SQL | undefined => scope(col);
    groupInto(byId, db.select().from(members).where(w(members.householdId)).orderBy(asc(members.householdId), asc(members.seq)).all(), (f) => f.members);
    groupInto(byId, db.select().from(incomes).where(w(incomes.householdId)).orderBy(asc(incomes.householdId), asc(incomes.year)).all(), (f) => f.incomes);
    groupInto(
      byId,
      db.select().from(assessments).where(w(assessments.householdId)).orderBy(asc(assessments.householdId), asc(assessments.year)).all(),
      (f) => f.assessments,
    );
    groupInto(byId, db.select().from(measures).where(w(measures.householdId)).orderBy(asc(measures.householdId), asc(measures.year)).all(), (f) => f.measures);
    groupInto(byId, db.select().from(pairings).where(w(pairings.householdId)).orderBy(asc(pairings.householdId), asc(pairings.startOn)).all(), (f) => f.pairings);
    groupInto(
      byId,
      db.select().from(statusHistory).where(w(statusHistory.householdId)).orderBy(asc(statusHistory.householdId), asc(statusHistory.effectiveOn)).all(),
      (f) => f.history,
    );
  }
  return [...byId.values()];
}

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
 */
export function duplicateIdProblems(db: Db, asOf: string): Problem[] {
  const rows = db.$client
    .prepare(
      `WITH cur AS (
         SELECT id, household_id, name, relation, upper(trim(id_number)) AS idn
         FROM members
         WHERE (left_reason IS NULL OR trim(left_reason) = '') AND id_number IS NOT NULL AND trim(id_number) <> ''
       ),
       dup AS (SELECT idn FROM cur GROUP BY idn HAVING count(DISTINCT household_id) > 1)
       SELECT cur.idn AS idNumber, cur.id AS memberId, cur.name AS name, cur.relation AS relation,
              h.id AS householdId, h.no AS no, v.name AS village
       FROM cur JOIN dup ON dup.idn = cur.idn
       JOIN households h ON h.id = cur.household_id
       JOIN villages v ON v.id = h.village_id
       ORDER BY cur.idn, v.sort_order, v.code, h.no`,
    )
    .all() as DuplicateRow[];

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
