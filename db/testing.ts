// Test helper: a fresh archive file in a temp folder, built from the real migrations.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { and, count, eq, getTableColumns, isNull } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { AnyColumn, InferInsertModel, InferSelectModel } from 'drizzle-orm';
import { applyKey } from './cipher.ts';
import type { WriteDb } from './handles.ts';
import { createArchiveFile } from './open.ts';
import type { Archive, Db } from './open.ts';
import {
  archiveInfo,
  assessments,
  attachments,
  auditLog,
  batchHouseholds,
  batchSteps,
  batches,
  blobs,
  households,
  importsLog,
  incomes,
  measures,
  meetingVotes,
  meetings,
  members,
  pairings,
  qualityAcks,
  screeningAlerts,
  screeningLists,
  statusHistory,
  stepOutcomes,
  townships,
  villages,
} from './schema/index.ts';
import * as schema from './schema/index.ts';

export interface TempArchive extends Archive {
  dir: string;
  dispose(): void;
}

export function tempDir(prefix = 'relief-archive-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function freshArchive(): TempArchive {
  const dir = tempDir();
  const archive = createArchiveFile(join(dir, 'archive.db'));
  return {
    ...archive,
    dir,
    dispose() {
      archive.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export { archiveChecksum } from './integrity.ts';

// Tests that look at or tamper with raw rows hold their SQL only through these helpers, so no
// query text or driver call sits in core/ (its lint rule forbids them there, tests included).

/** All rows of a query, typed as the test says they are. */
export function sqlAll<T = Record<string, unknown>>(archive: Pick<Archive, 'sqlite'>, sql: string, ...args: unknown[]): T[] {
  return archive.sqlite.prepare(sql).all(...args) as T[];
}

/** The first row of a query, if any. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller states the row type, as with sqlAll
export function sqlGet<T = Record<string, unknown>>(archive: Pick<Archive, 'sqlite'>, sql: string, ...args: unknown[]): T | undefined {
  return archive.sqlite.prepare(sql).get(...args) as T | undefined;
}

/** Runs a statement (a test's tampering); returns how many rows it changed. */
export function sqlRun(archive: Pick<Archive, 'sqlite'>, sql: string, ...args: unknown[]): number {
  return archive.sqlite.prepare(sql).run(...args).changes;
}

/** The rows of one workflow batch, as a test writes them straight into the tables. */
export interface WorkflowRows {
  batch: typeof batches.$inferInsert;
  steps: (typeof batchSteps.$inferInsert)[];
  households: (typeof batchHouseholds.$inferInsert)[];
  outcomes: (typeof stepOutcomes.$inferInsert)[];
  meetings: (typeof meetings.$inferInsert)[];
  votes: (typeof meetingVotes.$inferInsert)[];
}

/** Writes a workflow batch's rows in the order their references need. */
export function insertWorkflowRows(w: WriteDb, rows: WorkflowRows): void {
  w.insert(batches).values(rows.batch).run();
  for (const r of rows.steps) w.insert(batchSteps).values(r).run();
  for (const r of rows.households) w.insert(batchHouseholds).values(r).run();
  for (const r of rows.outcomes) w.insert(stepOutcomes).values(r).run();
  for (const r of rows.meetings) w.insert(meetings).values(r).run();
  for (const r of rows.votes) w.insert(meetingVotes).values(r).run();
}

/** The first column of every row of a query (ids, say). */
export function sqlColumn(archive: Pick<Archive, 'sqlite'>, sql: string, ...args: unknown[]): unknown[] {
  return archive.sqlite.prepare(sql).pluck().all(...args);
}

/** The first column of the first row of a query (a count, one id); the test says what it is. */
export function sqlValue(archive: Pick<Archive, 'sqlite'>, sql: string, ...args: unknown[]): unknown {
  return archive.sqlite.prepare(sql).pluck().get(...args);
}

// Typed row access for tests that arrange or look at raw rows: the query building stays in db/
// (core/ holds no SQL, tests included), and rows keep the schema's camelCase types.
const TABLES = {
  archiveInfo,
  townships,
  villages,
  households,
  members,
  incomes,
  assessments,
  statusHistory,
  auditLog,
  importsLog,
  pairings,
  measures,
  batches,
  batchSteps,
  meetings,
  attachments,
  blobs,
  batchHouseholds,
  screeningLists,
  screeningAlerts,
  qualityAcks,
};
type Tables = typeof TABLES;
export type TestTable = keyof Tables;
export type RowOf<K extends TestTable> = InferSelectModel<Tables[K]>;
export type NewRowOf<K extends TestTable> = InferInsertModel<Tables[K]>;
// One table type stands for all of them: drizzle's builders are generic over the table, and
// the row types above keep the callers typed.
type AnyTable = Tables['households'];

/** Inserts rows into a table, one statement each (not the audit log: its rows come only through recordAudit, onto the hash chain). */
export function insertRows<K extends Exclude<TestTable, 'auditLog'>>(db: Db, table: K, rows: readonly NewRowOf<K>[]): void {
  const t = TABLES[table] as unknown as AnyTable;
  for (const row of rows) db.insert(t).values(row as NewRowOf<'households'>).run();
}

/** The rows of a table whose columns equal the given values (null matches NULL), in rowid order. */
export function rowsWhere<K extends TestTable>(db: Db, table: K, where: Partial<RowOf<K>> = {}): RowOf<K>[] {
  const t = TABLES[table] as unknown as AnyTable;
  const columns = getTableColumns(t) as Record<string, AnyColumn>;
  const conditions = Object.entries(where).map(([key, value]) => {
    const column = columns[key];
    if (!column) throw new Error(`no column ${key} in ${table}`);
    return value === null ? isNull(column) : eq(column, value);
  });
  return db.select().from(t).where(and(...conditions)).all() as unknown as RowOf<K>[];
}

/** How many rows a table holds. */
export function countRows(db: Db, table: TestTable): number {
  const t = TABLES[table] as unknown as AnyTable;
  return db.select({ n: count() }).from(t).get()?.n ?? 0;
}

/** How many rows the connection has changed since it was opened (SQLite's total_changes()). */
export function totalChanges(archive: Pick<Archive, 'sqlite'>): number {
  return archive.sqlite.prepare('SELECT total_changes()').pluck().get() as number;
}

/** A second, read-only connection on an archive file: a test's view of the archive as it was. */
export interface ReadOnlyArchive extends Pick<Archive, 'db' | 'sqlite'> {
  /** Opens a read transaction; its first read fixes the snapshot, which writes through other connections then leave alone (WAL). */
  holdSnapshot(): void;
  /** Ends the read transaction. */
  releaseSnapshot(): void;
  close(): void;
}

export function openReadOnly(file: string, key: Buffer | null = null): ReadOnlyArchive {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  if (key) applyKey(sqlite, key);
  const db: Db = drizzle(sqlite, { schema });
  return {
    db,
    sqlite,
    holdSnapshot: () => sqlite.exec('BEGIN'),
    releaseSnapshot: () => sqlite.exec('COMMIT'),
    close: () => sqlite.close(),
  };
}

/**
 * archiveChecksum of an archive (or its file, as `key` opens it), the operators' last-login stamps left
 * out: each run of the command line logs in, which stamps that login — and a refused command
 * may change nothing else.
 */
export function rowsChecksum(source: string | Pick<Archive, 'sqlite'>, key: Buffer | null = null): string {
  const ro = typeof source === 'string' ? openReadOnly(source, key) : null;
  try {
    const sqlite = ro?.sqlite ?? (source as Pick<Archive, 'sqlite'>).sqlite;
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    const hash = createHash('sha256');
    for (const t of tables) {
      const columns = (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[]).filter((c) => !(t === 'operators' && c === 'last_login_at'));
      hash.update(t);
      for (const row of sqlite.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${t}" ORDER BY 1`).raw().all()) {
        hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
      }
    }
    return hash.digest('hex');
  } finally {
    ro?.close();
  }
}

/** A statement about to run, or just run, as a test probe preloaded into a real process sees it. */
export interface StatementRun {
  /** The start or the commit of a transaction, an insert (into `table`), or anything else. */
  kind: 'begin' | 'commit' | 'insert' | 'other';
  table: string | null;
  inTransaction: boolean;
  /** Sets the connection's page cache, in pages (small: uncommitted pages spill into the -wal file). */
  setCacheSize(pages: number): void;
}

type Run = (this: Database.Statement, ...params: unknown[]) => Database.RunResult;

function statementRun(stmt: Database.Statement): StatementRun {
  const source = stmt.source.trimStart();
  const insert = /^INSERT INTO "([^"]+)"/i.exec(source);
  return {
    kind: /^BEGIN/i.test(source) ? 'begin' : /^COMMIT/i.test(source) ? 'commit' : insert ? 'insert' : 'other',
    table: insert?.[1] ?? null,
    inTransaction: stmt.database.inTransaction,
    setCacheSize: (pages) => void stmt.database.pragma(`cache_size = ${pages}`),
  };
}

/**
 * Calls `before` and `after` around every statement run in this process (better-sqlite3's
 * Statement#run, which its transactions use for BEGIN and COMMIT too), so a test probe can act
 * at a known moment of a transaction. Only for test processes: it patches the driver for good.
 */
export function hookStatementRuns(hook: { before(s: StatementRun): void; after(s: StatementRun, changes: number): void }): void {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as { run: Run };
  probe.close();
  const run = proto.run;
  proto.run = function (this: Database.Statement, ...params: unknown[]) {
    hook.before(statementRun(this));
    const result = run.apply(this, params);
    // `changes`: rows a multi-row INSERT wrote (the county apply writes rows in batches).
    hook.after(statementRun(this), result.changes);
    return result;
  };
}

/**
 * An unencrypted copy of an encrypted archive (benchmarks compare the two; tests look inside):
 * the copy leaves WAL for a rollback journal, then drops its key (SQLite3 Multiple Ciphers'
 * rekey to empty, which WAL mode does not allow).
 */
export function plainCopyOf(file: string, key: Buffer, out: string): void {
  copyFileSync(file, out);
  const sqlite = new Database(out);
  try {
    applyKey(sqlite, key);
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma("rekey = ''");
    sqlite.pragma('journal_mode = WAL');
  } finally {
    sqlite.close();
  }
}
