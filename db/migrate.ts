// Applies drizzle-kit's generated SQL ourselves rather than with drizzle's migrator, because
// (1) drizzle-kit's table rebuilds say `PRAGMA foreign_keys=OFF`, which is a no-op inside the
// migrator's transaction, so dropping a parent table cascade-deletes every child row; and
// (2) drizzle's migrator only compares against the newest applied timestamp. Here every
// migration is tracked by tag, foreign keys are off for the whole run, and
// `PRAGMA foreign_key_check` must be clean before the transaction commits.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

export interface Migration {
  tag: string;
  when: number;
  sql: string;
  hash: string;
}

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map((e) => {
      const sql = readFileSync(join(dir, `${e.tag}.sql`), 'utf8');
      return { tag: e.tag, when: e.when, sql, hash: createHash('sha256').update(sql).digest('hex') };
    });
}

const LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  tag TEXT PRIMARY KEY NOT NULL,
  hash TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

export function appliedTags(sqlite: Database.Database): string[] {
  const exists = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!exists) return [];
  return (sqlite.prepare('SELECT tag FROM schema_migrations ORDER BY tag').all() as { tag: string }[]).map(
    (r) => r.tag,
  );
}

export interface SchemaState {
  applied: string[];
  pending: Migration[];
  /** Tags applied to this file that this program does not know: it was written by a newer version. */
  unknown: string[];
  userVersion: number;
}

export function schemaState(sqlite: Database.Database, migrations: Migration[]): SchemaState {
  const applied = appliedTags(sqlite);
  const known = new Set(migrations.map((m) => m.tag));
  const done = new Set(applied);
  return {
    applied,
    pending: migrations.filter((m) => !done.has(m.tag)),
    unknown: applied.filter((t) => !known.has(t)),
    userVersion: sqlite.pragma('user_version', { simple: true }) as number,
  };
}

export class ForeignKeyViolation extends Error {}

/** Runs the pending migrations in one transaction with foreign keys off; all or nothing. */
export function applyMigrations(sqlite: Database.Database, migrations: Migration[], now: string): number {
  const state = schemaState(sqlite, migrations);
  if (state.pending.length === 0) return 0;
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.transaction(() => {
      sqlite.exec(LEDGER);
      const record = sqlite.prepare('INSERT INTO schema_migrations (tag, hash, applied_at) VALUES (?, ?, ?)');
      for (const m of state.pending) {
        for (const statement of m.sql.split('--> statement-breakpoint')) {
          if (statement.trim() !== '') sqlite.exec(statement);
        }
        record.run(m.tag, m.hash, now);
      }
      const violations = sqlite.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) {
        throw new ForeignKeyViolation(`迁移后有 ${violations.length} 行外键不一致，已全部撤销`);
      }
      sqlite.pragma(`user_version = ${state.applied.length + state.pending.length}`);
    })();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return state.pending.length;
}
