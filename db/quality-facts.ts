// The facts the quality rules read, a bounded chunk of households at a time. The whole check
// used to hold every household's facts (members, incomes … of 80k people) at once: the heap
// grew with the archive and the garbage collector's work with it, so the time per household
// rose with the archive's size. Here one chunk's facts are handed out and dropped before the
// next chunk is read, so memory and time per household stay flat; better-sqlite3 builds the
// rows under their schema keys, and only the columns whose schema decoder changes the value
// (booleans, JSON) are decoded in JS, instead of drizzle's per-row mapping.
import { Column, getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Statement } from 'better-sqlite3';
import { UNREAD_HOUSEHOLD, UNREAD_INCOME, UNREAD_MEMBER } from '../shared/quality/types.ts';
import type { FactHousehold, HouseholdFacts } from '../shared/quality/types.ts';
import type { ReadDb } from './handles.ts';
import { assessments, households, incomes, measures, members, monitoringChecks, pairings, statusHistory } from './schema/index.ts';

export interface GatherOptions {
  villageId?: string;
  householdIds?: string[];
}

/**
 * Households per chunk: well under SQLite's bound-parameter limit. Small: a chunk's facts are
 * what is alive while the rules allocate, and each young-generation collection copies them; at
 * 500 households (a few MB) those copies cost ~0.25 s of the 20k township's check, at 100 they
 * are a fifth of that, and the extra statements cost next to nothing.
 */
const CHUNK = 100;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * A table's columns in schema order, selected under their schema keys (`"id_number" AS
 * "idNumber"`) so that better-sqlite3 builds the row objects itself; only the columns whose
 * schema decoder changes the stored value (booleans, JSON lists) are then decoded in place.
 */
interface Decoder<T> {
  columns: string;
  decode(row: Record<string, unknown>): T;
}

/** `unread`: keys of columns left out (shared/quality/types.ts: UNREAD_…, what the rules never read). */
function decoderFor<T>(table: SQLiteTable, unread: readonly string[] = []): Decoder<T> {
  const cols = (Object.entries(getTableColumns(table)) as [string, SQLiteColumn][]).filter(([key]) => !unread.includes(key));
  const mapped = cols.filter(([, c]) => c.mapFromDriverValue !== Column.prototype.mapFromDriverValue);
  return {
    columns: cols.map(([key, c]) => `"${c.name}" AS "${key}"`).join(', '),
    decode(row) {
      for (const [key, c] of mapped) {
        const v = row[key];
        if (v != null) row[key] = c.mapFromDriverValue(v);
      }
      return row as T;
    },
  };
}

type ListKey = 'members' | 'incomes' | 'assessments' | 'measures' | 'pairings' | 'history';

/** Each child table, the list of the facts it fills, and the order rules rely on (rowid last: entries of one day keep their entry order). */
const CHILDREN: readonly { table: SQLiteTable; list: ListKey; order: string; unread?: readonly string[] }[] = [
  { table: members, list: 'members', order: 'seq', unread: UNREAD_MEMBER },
  { table: incomes, list: 'incomes', order: 'year', unread: UNREAD_INCOME },
  { table: assessments, list: 'assessments', order: 'year' },
  { table: measures, list: 'measures', order: 'year' },
  { table: pairings, list: 'pairings', order: 'start_on' },
  { table: statusHistory, list: 'history', order: 'effective_on' },
];

interface Head {
  id: string;
  villageName: string;
  sort: number;
  code: string;
  no: string;
}

const HEAD_SELECT = `SELECT h.id AS id, v.name AS villageName, v.sort_order AS sort, v.code AS code, h.no AS no
  FROM households h JOIN villages v ON v.id = h.village_id`;
const HEAD_ORDER = 'ORDER BY v.sort_order, v.code, h.no';
const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** The households in scope, ordered by village (sort order, code) then 户编号. */
function headsInOrder(db: ReadDb, opts: GatherOptions): Head[] {
  const sqlite = db.$client;
  if (opts.householdIds) {
    const lists = chunks([...new Set(opts.householdIds)]);
    const heads = lists.flatMap((ids) => sqlite.prepare(`${HEAD_SELECT} WHERE h.id IN (${placeholders(ids.length)}) ${HEAD_ORDER}`).all(...ids) as Head[]);
    if (lists.length > 1) {
      const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
      heads.sort((a, b) => a.sort - b.sort || cmp(a.code, b.code) || cmp(a.no, b.no));
    }
    return heads;
  }
  if (opts.villageId != null) return sqlite.prepare(`${HEAD_SELECT} WHERE h.village_id = ? ${HEAD_ORDER}`).all(opts.villageId) as Head[];
  return sqlite.prepare(`${HEAD_SELECT} ${HEAD_ORDER}`).all() as Head[];
}

type Statements = { head: Statement; children: Statement[]; visits: Statement };

/** The per-chunk statements, their households chosen by `where` ("IN (…)" or a range) on the id column named. */
function statementsOf(db: ReadDb, where: (column: string) => string): Statements {
  const sqlite = db.$client;
  const head = decoderFor<FactHousehold>(households, UNREAD_HOUSEHOLD);
  return {
    head: sqlite.prepare(`SELECT ${head.columns} FROM households WHERE ${where('id')}`),
    children: CHILD_DECODERS().map((c) =>
      sqlite.prepare(`SELECT ${c.decoder.columns} FROM "${c.name}" WHERE ${where('household_id')} ORDER BY household_id, ${c.order}, rowid`),
    ),
    // Only the days of the monitoring checks (rule Q751): two short columns, the household index.
    visits: sqlite.prepare(`SELECT household_id, checked_on FROM "${getTableName(monitoringChecks)}" WHERE ${where('household_id')} ORDER BY household_id, checked_on`).raw(),
  };
}

let childDecoders: { table: SQLiteTable; list: ListKey; order: string; decoder: Decoder<{ householdId: string }>; name: string }[] | null = null;
const CHILD_DECODERS = () => (childDecoders ??= CHILDREN.map((c) => ({ ...c, decoder: decoderFor<{ householdId: string }>(c.table, c.unread), name: getTableName(c.table) })));
let headDecoder: Decoder<FactHousehold> | null = null;

/** One chunk's facts, in the order of `chunk`, read by `statements` with `params`. */
function readChunk(statements: Statements, params: unknown[], chunk: readonly { id: string; villageName: string }[]): HouseholdFacts[] {
  const head = (headDecoder ??= decoderFor<FactHousehold>(households, UNREAD_HOUSEHOLD));
  const byId = new Map<string, HouseholdFacts>();
  const records = new Map<string, FactHousehold>();
  for (const raw of statements.head.all(...params) as Record<string, unknown>[]) {
    const record = head.decode(raw);
    records.set(record.id, record);
  }
  for (const h of chunk) {
    const household = records.get(h.id);
    if (household) byId.set(h.id, { household, villageName: h.villageName, members: [], incomes: [], assessments: [], measures: [], pairings: [], history: [], visits: [] });
  }
  CHILD_DECODERS().forEach((c, i) => {
    for (const raw of statements.children[i]!.all(...params) as Record<string, unknown>[]) {
      const row = c.decoder.decode(raw);
      (byId.get(row.householdId)?.[c.list] as { householdId: string }[] | undefined)?.push(row);
    }
  });
  for (const [householdId, checkedOn] of statements.visits.all(...params) as [string, string][]) (byId.get(householdId)?.visits as string[] | undefined)?.push(checkedOn);
  return [...byId.values()];
}

/**
 * Calls `visit` with the facts of every household in scope (all, one village's, or the listed
 * ones), in village order then 户编号, reading a chunk of households at a time: per chunk one
 * indexed query per table. Nothing of a chunk is kept by this function after its visits.
 */
/** `afterChunk(done, total)` is called after each chunk's households were visited (a job's progress, its cancel point). */
export function forEachHouseholdFacts(db: ReadDb, opts: GatherOptions, visit: (facts: HouseholdFacts) => void, afterChunk?: (done: number, total: number) => void): void {
  const heads = headsInOrder(db, opts);
  if (heads.length === 0) return;
  // Statements per chunk size (at most two sizes: full chunks and the last one).
  const prepared = new Map<number, Statements>();
  const statementsFor = (n: number): Statements => {
    let s = prepared.get(n);
    if (!s) prepared.set(n, (s = statementsOf(db, (column) => `${column} IN (${placeholders(n)})`)));
    return s;
  };
  let done = 0;
  for (const chunk of chunks(heads)) {
    const ids = chunk.map((h) => h.id);
    for (const facts of readChunk(statementsFor(ids.length), ids, chunk)) visit(facts);
    done += chunk.length;
    afterChunk?.(done, heads.length);
  }
}

/** A household as the whole check walks them: in id order, with its place in village order then 户编号. */
export interface HeadById {
  id: string;
  villageName: string;
  /** The household's place in village order then 户编号 (the order the check reports in). */
  position: number;
}

/** Every household in the order of their ids (ordered by SQLite itself, so chunks' ranges are exactly its comparison of the ids). */
export function householdHeadsById(db: ReadDb): HeadById[] {
  return db.$client
    .prepare(`SELECT h.id AS id, v.name AS villageName, row_number() OVER (${HEAD_ORDER}) - 1 AS position
      FROM households h JOIN villages v ON v.id = h.village_id ORDER BY h.id`)
    .all() as HeadById[];
}

/**
 * The facts of `heads` (a run of householdHeadsById: consecutive in id order), each chunk read by
 * one range scan of each table's household index (a third faster than the village order's IN
 * lists, which seek every household in every table). A worker of the parallel check walks its
 * own run of the households this way.
 */
export function forEachHouseholdFactsOfRun(
  db: ReadDb,
  heads: readonly HeadById[],
  visit: (facts: HouseholdFacts, head: HeadById) => void,
  afterChunk?: (done: number, total: number) => void,
): void {
  if (heads.length === 0) return;
  const statements = statementsOf(db, (column) => `${column} BETWEEN ? AND ?`);
  let done = 0;
  for (const chunk of chunks(heads)) {
    let i = 0;
    for (const facts of readChunk(statements, [chunk[0]!.id, chunk.at(-1)!.id], chunk)) {
      // readChunk keeps the chunk's order, leaving out only a household deleted meanwhile.
      while (chunk[i]!.id !== facts.household.id) i++;
      visit(facts, chunk[i]!);
    }
    done += chunk.length;
    afterChunk?.(done, heads.length);
  }
}

/** Every household's facts, for the whole check, in the order of their ids (forEachHouseholdFactsOfRun over all of them). */
export function forEachHouseholdFactsById(db: ReadDb, visit: (facts: HouseholdFacts, position: number) => void, afterChunk?: (done: number, total: number) => void): void {
  forEachHouseholdFactsOfRun(db, householdHeadsById(db), (f, h) => visit(f, h.position), afterChunk);
}

/** The facts of every household in scope, in village order then 户编号 (for a few households: the whole check streams). */
export function gatherFacts(db: ReadDb, opts: GatherOptions = {}): HouseholdFacts[] {
  const out: HouseholdFacts[] = [];
  forEachHouseholdFacts(db, opts, (f) => out.push(f));
  return out;
}
