// Test helper: a fresh archive file in a temp folder, built from the real migrations.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { WriteDb } from './handles.ts';
import { createArchiveFile } from './open.ts';
import type { Archive } from './open.ts';
import { batchHouseholds, batchSteps, batches, meetingVotes, meetings, stepOutcomes } from './schema/index.ts';

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

/** A checksum of every row of every table: equal before and after means nothing was written. */
export function archiveChecksum(sqlite: Database.Database): string {
  const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  const hash = createHash('sha256');
  for (const t of tables) {
    hash.update(t);
    for (const row of sqlite.prepare(`SELECT * FROM "${t}" ORDER BY 1`).raw().all()) hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
  }
  return hash.digest('hex');
}

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
