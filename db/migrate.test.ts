import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations, schemaState } from './migrate.ts';
import type { Migration } from './migrate.ts';
import { tempDir } from './testing.ts';

const NOW = '2026-11-24T08:00:00.000Z';
const opened: Database.Database[] = [];
function memory(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function migration(tag: string, sql: string): Migration {
  return { tag, when: 0, sql, hash: tag };
}

// A parent/child pair, then the kind of table rebuild drizzle-kit generates for a column change.
const CREATE = migration(
  '0000_create',
  `CREATE TABLE parent (id text PRIMARY KEY NOT NULL, name text);
--> statement-breakpoint
CREATE TABLE child (id text PRIMARY KEY NOT NULL, parent_id text NOT NULL REFERENCES parent(id) ON DELETE cascade);`,
);
const REBUILD = migration(
  '0001_rebuild',
  `PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE __new_parent (id text PRIMARY KEY NOT NULL, name text NOT NULL DEFAULT '');
--> statement-breakpoint
INSERT INTO __new_parent (id, name) SELECT id, coalesce(name, '') FROM parent;--> statement-breakpoint
DROP TABLE parent;--> statement-breakpoint
ALTER TABLE __new_parent RENAME TO parent;--> statement-breakpoint
PRAGMA foreign_keys=ON;`,
);

function seedRows(db: Database.Database): void {
  db.exec("INSERT INTO parent VALUES ('p1', 'a'), ('p2', 'b')");
  db.exec("INSERT INTO child VALUES ('c1', 'p1'), ('c2', 'p1'), ('c3', 'p2')");
}

describe('migrations', () => {
  it('builds the whole schema from empty and records every migration', () => {
    const db = memory();
    const all = readMigrations();
    expect(all.length).toBeGreaterThan(0);
    expect(applyMigrations(db, all, NOW)).toBe(all.length);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((r) => r.name);
    for (const t of ['households', 'members', 'incomes', 'villages', 'audit_log', 'batches', 'objections', 'meetings', 'attachments']) {
      expect(tables).toContain(t);
    }
    expect(db.pragma('user_version', { simple: true })).toBe(all.length);
    expect(schemaState(db, all).pending).toHaveLength(0);
    expect(applyMigrations(db, all, NOW)).toBe(0);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('keeps child rows when a migration rebuilds their parent table', () => {
    const db = memory();
    applyMigrations(db, [CREATE], NOW);
    seedRows(db);
    applyMigrations(db, [CREATE, REBUILD], NOW);
    expect(db.prepare('SELECT count(*) AS n FROM child').get()).toEqual({ n: 3 });
    expect(db.prepare('SELECT name FROM parent ORDER BY id').all()).toEqual([{ name: 'a' }, { name: 'b' }]);
  });

  it('shows the trap it guards against: the same rebuild in a plain transaction loses the children', () => {
    const db = memory();
    applyMigrations(db, [CREATE], NOW);
    seedRows(db);
    db.transaction(() => {
      for (const s of REBUILD.sql.split('--> statement-breakpoint')) if (s.trim()) db.exec(s);
    })();
    expect(db.prepare('SELECT count(*) AS n FROM child').get()).toEqual({ n: 0 });
  });

  it('rolls everything back when the result has foreign-key violations', () => {
    const db = memory();
    applyMigrations(db, [CREATE], NOW);
    seedRows(db);
    const bad = migration('0001_bad', "DELETE FROM parent WHERE id = 'p2';");
    expect(() => applyMigrations(db, [CREATE, bad], NOW)).toThrow(/外键/);
    expect(db.prepare('SELECT count(*) AS n FROM parent').get()).toEqual({ n: 2 });
    expect(schemaState(db, [CREATE, bad]).pending.map((m) => m.tag)).toEqual(['0001_bad']);
  });

  it('reads the journal in order from a migrations folder', () => {
    const dir = tempDir();
    const copy = join(dir, 'migrations');
    mkdirSync(copy);
    cpSync(join(import.meta.dirname, 'migrations'), copy, { recursive: true });
    writeFileSync(join(copy, 'extra.sql'), 'not listed in the journal');
    expect(readMigrations(copy).map((m) => m.tag)).toEqual(readMigrations().map((m) => m.tag));
  });
});
