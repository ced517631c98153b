// Test helper: a fresh archive file in a temp folder, built from the real migrations.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { createArchiveFile } from './open.ts';
import type { Archive } from './open.ts';

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

// Raw SQL for tests only: looking at or tampering with rows no repository exposes (a row
// edited behind the app's back, a count across tables). Code outside tests uses db/repos.
type WithSqlite = Pick<Archive, 'sqlite'>;

/** Every row of a query, as objects keyed by column name. */
export function sqlAll(archive: WithSqlite, sql: string, ...args: unknown[]): Record<string, unknown>[] {
  return archive.sqlite.prepare(sql).all(...args) as Record<string, unknown>[];
}

/** The first row of a query (undefined: none). */
export function sqlGet(archive: WithSqlite, sql: string, ...args: unknown[]): Record<string, unknown> | undefined {
  return archive.sqlite.prepare(sql).get(...args) as Record<string, unknown> | undefined;
}

/** The first column of every row of a query. */
export function sqlColumn(archive: WithSqlite, sql: string, ...args: unknown[]): unknown[] {
  return archive.sqlite.prepare(sql).pluck().all(...args);
}

/** The first column of the first row of a query (a count, one id). */
export function sqlValue(archive: WithSqlite, sql: string, ...args: unknown[]): unknown {
  return archive.sqlite.prepare(sql).pluck().get(...args);
}

/** Runs a statement that changes rows; returns how many it changed. */
export function sqlRun(archive: WithSqlite, sql: string, ...args: unknown[]): number {
  return archive.sqlite.prepare(sql).run(...args).changes;
}
