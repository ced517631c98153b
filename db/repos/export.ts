// What the roster export (core/export.ts) reads: which fields hold data at all, the places,
// the year's incomes, the household sizes, and the current members in roster order — the last
// one iterated row by row, so 80k members stream with flat memory.
import { and, asc, count, eq, getTableColumns, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { HouseholdRecord, IncomeRecord, MemberRecord } from '../../shared/records.ts';
import type { ReadDb } from '../handles.ts';
import { households, incomes, members, townships, villages } from '../schema/index.ts';

export type ExportLevel = 'household' | 'member' | 'income';

const TABLES = { household: households, member: members, income: incomes } as const;

function columnOf(level: ExportLevel, field: string): SQLiteColumn {
  const column = (getTableColumns(TABLES[level]) as Record<string, SQLiteColumn | undefined>)[field];
  if (!column) throw new Error(`no ${level} field ${field}`);
  return column;
}

function anyRow(db: ReadDb, level: ExportLevel, where: SQL | undefined): boolean {
  return db.select({ one: sql<number>`1` }).from(TABLES[level]).where(where).limit(1).get() !== undefined;
}

/**
 * Whether a field (drizzle property name) holds a value anywhere: in a current member, in any
 * household, or — for incomes — a non-zero value in the year's incomes.
 */
export function fieldHasData(db: ReadDb, level: ExportLevel, field: string, year: number | null = null): boolean {
  const column = columnOf(level, field);
  if (level === 'income') return anyRow(db, level, and(isNotNull(column), eq(incomes.year, year ?? -1), ne(column, 0)));
  if (level === 'member') return anyRow(db, level, and(isNotNull(column), isNull(members.leftReason)));
  return anyRow(db, level, isNotNull(column));
}

/** Whether any household has at least `slot` risks recorded (风险1 … 风险5). */
export function riskSlotHasData(db: ReadDb, slot: number): boolean {
  return anyRow(db, 'household', and(isNotNull(households.risks), sql`json_array_length(${households.risks}) >= ${slot}`));
}

/** Current members of a village's households (or of all), as the export counts them. */
export function currentMemberCount(db: ReadDb, villageId: string | null): number {
  const row = db
    .select({ n: count() })
    .from(members)
    .innerJoin(households, eq(households.id, members.householdId))
    .where(and(isNull(members.leftReason), villageId ? eq(households.villageId, villageId) : undefined))
    .get();
  return row?.n ?? 0;
}

export interface ExportPlace {
  village: string;
  township: string;
  county: string | null;
}

/** Each village's name with its township's name and county, by village id. */
export function exportPlaces(db: ReadDb): Map<string, ExportPlace> {
  const rows = db
    .select({ id: villages.id, village: villages.name, township: townships.name, county: townships.county })
    .from(villages)
    .innerJoin(townships, eq(townships.id, villages.townshipId))
    .all();
  return new Map(rows.map(({ id, ...p }) => [id, p]));
}

/** The incomes of one year, by household id. */
export function incomesOfYear(db: ReadDb, year: number): Map<string, IncomeRecord> {
  return new Map(
    db
      .select()
      .from(incomes)
      .where(eq(incomes.year, year))
      .all()
      .map((r) => [r.householdId, r]),
  );
}

/** The number of current members of each household that has any. */
export function currentHouseholdSizes(db: ReadDb): Map<string, number> {
  const rows = db.select({ id: members.householdId, n: count() }).from(members).where(isNull(members.leftReason)).groupBy(members.householdId).all();
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** A reader of households by id, prepared once for the many lookups of an export. */
export function householdReader(db: ReadDb): (id: string) => HouseholdRecord | undefined {
  const stmt = db
    .select()
    .from(households)
    .where(eq(households.id, sql.placeholder('id')))
    .prepare();
  return (id) => stmt.get({ id });
}

/**
 * The current members of a village (or of all villages) in roster order — village, 户编号,
 * 户内序号 — one row at a time. Drizzle's query and its own column decoders (booleans, JSON),
 * iterated on the statement because drizzle reads all rows at once.
 */
export function* exportMembers(db: ReadDb, villageId: string | null): Generator<MemberRecord> {
  const columns = getTableColumns(members);
  const query = db
    .select(columns)
    .from(members)
    .innerJoin(households, eq(households.id, members.householdId))
    .innerJoin(villages, eq(villages.id, households.villageId))
    .where(and(isNull(members.leftReason), villageId ? eq(households.villageId, villageId) : undefined))
    .orderBy(asc(villages.sortOrder), asc(villages.code), asc(households.no), asc(members.seq))
    .toSQL();
  const decoders = (Object.entries(columns) as [string, SQLiteColumn][]).map(([prop, c]) => [prop, c.name, c] as const);
  for (const raw of db.$client.prepare(query.sql).iterate(...query.params) as IterableIterator<Record<string, unknown>>) {
    const out: Record<string, unknown> = {};
    for (const [prop, name, c] of decoders) {
      const v = raw[name];
      out[prop] = v == null ? null : c.mapFromDriverValue(v);
    }
    yield out as unknown as MemberRecord;
  }
}
