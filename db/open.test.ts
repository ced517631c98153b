import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../shared/errors.ts';
import { readMigrations } from './migrate.ts';
import type { Migration } from './migrate.ts';
import { injectWriteFault } from './files/atomic-write.ts';
import { APPLICATION_ID, createArchiveFile, openArchive } from './open.ts';
import { openReadOnly, tempDir } from './testing.ts';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});

function newArchive(migrations?: Migration[]) {
  const dir = tempDir();
  const file = join(dir, 'a.db');
  const archive = createArchiveFile(file, migrations ? { migrations } : {});
  return { dir, file, archive };
}

function expectRefusal(fn: () => unknown, pattern: RegExp): void {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(UserError);
  expect((err as UserError).message).toMatch(pattern);
}

describe('opening an archive', () => {
  it('opens with WAL, foreign keys and a busy timeout', () => {
    const { file, archive } = newArchive();
    archive.close();
    const again = openArchive(file, { key: archive.key });
    cleanup.push(() => again.close());
    expect(again.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(again.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(again.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(again.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(again.schemaVersion).toBe(readMigrations().length);
    expect(again.backupFile).toBeNull();
  });

  it('refuses to create over an existing file and leaves it alone', () => {
    const { file, archive } = newArchive();
    archive.close();
    const before = sha(file);
    expectRefusal(() => createArchiveFile(file), /文件已存在/);
    expect(sha(file)).toBe(before);
  });

  it('refuses a file that is not a database, byte for byte unchanged', () => {
    const dir = tempDir();
    const file = join(dir, 'roster.xlsx');
    writeFileSync(file, Buffer.from('PK\u0003\u0004 this is a workbook, not an archive'.repeat(10)));
    const before = sha(file);
    expectRefusal(() => openArchive(file), /不是扶贫档案文件/);
    expect(sha(file)).toBe(before);
    expect(readdirSync(dir)).toEqual(['roster.xlsx']);
  });

  it('refuses another program’s SQLite database without changing it', () => {
    const dir = tempDir();
    const file = join(dir, 'other.db');
    const other = new Database(file);
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    other.close();
    const before = sha(file);
    expectRefusal(() => openArchive(file), /不是扶贫档案/);
    expect(sha(file)).toBe(before);
  });

  it('refuses a missing file with a hint', () => {
    expectRefusal(() => openArchive(join(tempDir(), 'nope.db')), /找不到档案文件.*请检查盘符、文件夹和文件名.*或新建一个档案/);
  });

  it('refuses an archive written by a newer version, unchanged', () => {
    const known = readMigrations();
    const future: Migration = { tag: '9999_future', when: Date.now(), sql: 'CREATE TABLE future_thing (id integer);', hash: 'f' };
    const { file, archive } = newArchive([...known, future]);
    archive.close();
    const before = sha(file);
    expectRefusal(() => openArchive(file, { key: archive.key }), /更新版本/);
    expect(sha(file)).toBe(before);
  });

  it('backs up the file before applying pending migrations, then migrates', () => {
    const known = readMigrations();
    const { dir, file, archive } = newArchive(known);
    archive.sqlite.exec("INSERT INTO archive_info (id, role, name, created_at) VALUES (1, 'township', '青山镇', 'x')");
    archive.close();
    const next: Migration = { tag: '9000_next', when: Date.now(), sql: 'ALTER TABLE households ADD `nickname` text;', hash: 'n' };
    const upgraded = openArchive(file, { key: archive.key, migrations: [...known, next], now: () => new Date('2026-11-24T08:00:00Z') });
    cleanup.push(() => upgraded.close());
    expect(upgraded.backupFile).not.toBeNull();
    expect(existsSync(upgraded.backupFile!)).toBe(true);
    expect(upgraded.backupFile!.startsWith(join(dir, '备份'))).toBe(true);
    const backup = openReadOnly(upgraded.backupFile!, archive.key);
    cleanup.push(() => backup.close());
    expect(backup.sqlite.prepare('SELECT name FROM archive_info').get()).toEqual({ name: '青山镇' });
    const cols = backup.sqlite.prepare('PRAGMA table_info(households)').all() as { name: string }[];
    expect(cols.map((c) => c.name)).not.toContain('nickname');
    const newCols = upgraded.sqlite.prepare('PRAGMA table_info(households)').all() as { name: string }[];
    expect(newCols.map((c) => c.name)).toContain('nickname');
    expect(upgraded.schemaVersion).toBe(known.length + 1);
  });

  it.each(['ENOSPC', 'EROFS'])('a disk failing (%s) under the backup before a migration: Chinese message naming 备份/, no backup or .part left, archive not migrated', (code) => {
    const known = readMigrations();
    const { dir, file, archive } = newArchive(known);
    archive.sqlite.exec("INSERT INTO archive_info (id, role, name, created_at) VALUES (1, 'township', '青山镇', 'x')");
    archive.close();
    const before = sha(file);
    const next: Migration = { tag: '9000_next', when: Date.now(), sql: 'ALTER TABLE households ADD `nickname` text;', hash: 'n' };
    injectWriteFault(code);
    try {
      expectRefusal(
        () => openArchive(file, { key: archive.key, migrations: [...known, next], now: () => new Date('2026-11-24T08:00:00Z') }),
        new RegExp(`^(磁盘空间不足，)?无法在文件夹 ${join(dir, '备份')} 中保存 .*-升级前-.*\\.db`),
      );
    } finally {
      injectWriteFault(null);
    }
    expect(readdirSync(join(dir, '备份'))).toEqual([]);
    expect(sha(file)).toBe(before);
    const again = openArchive(file, { key: archive.key });
    cleanup.push(() => again.close());
    expect(again.schemaVersion).toBe(known.length);
  });
});

describe('an encrypted archive', () => {
  it('holds no clear text, and opens only with its own key — a wrong key changes nothing', () => {
    const { file, archive } = newArchive();
    archive.sqlite.exec("INSERT INTO archive_info (id, role, name, created_at) VALUES (1, 'township', '青山镇明文检查', 'x')");
    archive.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    archive.close();
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from('青山镇明文检查'))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    const before = sha(file);
    expectRefusal(() => openArchive(file), /加密的扶贫档案.*登录/);
    expectRefusal(() => openArchive(file, { key: Buffer.alloc(32, 7) }), /密钥与档案不符/);
    expect(sha(file)).toBe(before);
    const right = openArchive(file, { key: archive.key });
    cleanup.push(() => right.close());
    expect(right.sqlite.prepare('SELECT name FROM archive_info').get()).toEqual({ name: '青山镇明文检查' });
  });
});

describe('a changed byte in an encrypted archive', () => {
  it('is caught by the page check and said in Chinese', () => {
    const { file, archive } = newArchive();
    const key = archive.key;
    archive.close();
    const bytes = readFileSync(file);
    const at = 4096 * 2 + 100; // inside the third page
    bytes[at] = bytes[at]! ^ 1;
    writeFileSync(file, bytes);
    let err: unknown;
    try {
      const opened = openArchive(file, { key });
      cleanup.push(() => opened.close());
      const tables = opened.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
      for (const t of tables) opened.sqlite.prepare(`SELECT * FROM "${t}"`).all();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toMatch(/已损坏或被改动过/);
  });
});
