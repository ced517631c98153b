// Opening an archive: check what the file is before writing a single byte to it, then
// pragmas → refuse a newer schema → back up if migrations are pending → migrate → ready.
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { UserError } from '../shared/errors.ts';
import { writeAtomicSync } from './files/atomic-write.ts';
import { diskFailure } from './files/disk-errors.ts';
import { applyKey } from './cipher.ts';
import { translateDbError } from './errors.ts';
import { newDataKey } from './keystore.ts';
import { applyMigrations, ForeignKeyViolation, readMigrations, schemaState } from './migrate.ts';
import type { Migration } from './migrate.ts';
import * as schema from './schema/index.ts';

/** Written into the SQLite header (PRAGMA application_id) so we know our own files: "RELF". */
export const APPLICATION_ID = 0x52454c46;

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** A transaction handle, as passed to `db.transaction((tx) => …)`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** What a repository write needs: the database or an open transaction on it. */
export type DbOrTx = Db | Tx;

export interface Archive {
  file: string;
  db: Db;
  sqlite: Database.Database;
  /** The data key the file is encrypted with; null for an archive from before encryption (plain, to be upgraded). */
  key: Buffer | null;
  schemaVersion: number;
  /** The backup taken before migrating, if any. */
  backupFile: string | null;
  close(): void;
}

export interface OpenOptions {
  /** The archive's data key (db/keystore.ts): every archive is encrypted with one; null/absent opens only a plain (legacy) file. */
  key?: Buffer | null;
  migrations?: Migration[];
  /** Where pre-migration backups go; default: a `备份` folder beside the archive. */
  backupDir?: string;
  now?: () => Date;
  /** Creates the file unencrypted, as versions before encryption did: only to test the upgrade. */
  legacyPlain?: boolean;
}

const SQLITE_MAGIC = 'SQLite format 3\0';

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(100);
    const n = readSync(fd, buf, 0, 100, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

export type FileKind = 'plain' | 'encrypted';

const KNOWN_SIGNATURES = ['PK\u0003\u0004', '%PDF', '\u00d0\u00cf\u0011\u00e0'];

/** 100 random bytes show about 80 distinct values; text and most file formats far fewer. */
function looksRandom(header: Buffer): boolean {
  const start = header.subarray(0, 4).toString('latin1');
  if (KNOWN_SIGNATURES.some((sig) => start.startsWith(sig))) return false;
  return new Set(header).size >= 55;
}

/**
 * What a file is, from its first 100 bytes: one of our plain archives (from before encryption),
 * or an encrypted file (random bytes: it is ours only if a key opens it). Refuses the rest.
 */
export function archiveFileKind(file: string): FileKind {
  if (!existsSync(file)) {
    throw new UserError(`找不到档案文件：${file}。请检查盘符、文件夹和文件名是否正确（档案文件以 .db 结尾），或新建一个档案。`);
  }
  if (!statSync(file).isFile()) throw new UserError(`${file} 不是文件，请选择扶贫档案文件（.db）。`);
  const header = readHeader(file);
  if (header.length < 100) throw new UserError(`${file} 不是扶贫档案文件（文件过小）。请选择由本程序创建的档案文件，文件未作任何改动。`);
  if (header.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC) {
    // An encrypted archive's first page is indistinguishable from random bytes; a workbook, a PDF or
    // a text file is not (few distinct byte values, or a known signature).
    if (!looksRandom(header)) throw new UserError(`${file} 不是扶贫档案文件（不是 SQLite 数据库，也不是加密的档案）。请选择由本程序创建的档案文件，文件未作任何改动。`);
    return 'encrypted';
  }
  if (header.readUInt32BE(68) !== APPLICATION_ID) {
    throw new UserError(`${file} 是 SQLite 数据库，但不是扶贫档案。请选择由本程序创建的档案文件，文件未作任何改动。`);
  }
  return 'plain';
}

/** Opens the driver's connection on an archive file, keyed before any other statement. */
function connect(file: string, key: Buffer | null, opts: { readonly?: boolean; create?: boolean } = {}): Database.Database {
  const sqlite = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: !opts.create });
  try {
    if (key) applyKey(sqlite, key);
    if (!opts.create) {
      // The first read proves the key: a wrong one makes every page unreadable.
      const id = sqlite.pragma('application_id', { simple: true }) as number;
      if (id !== APPLICATION_ID) throw new UserError(`${file} 不是扶贫档案。请选择由本程序创建的档案文件，文件未作任何改动。`);
    }
    return sqlite;
  } catch (e) {
    sqlite.close();
    if (e instanceof UserError) throw e;
    if (/file is not a database|SQLITE_NOTADB/i.test(String(e))) {
      throw new UserError(
        key
          ? `无法解开档案 ${file}：密钥与档案不符（文件可能已损坏，或不是这个档案的密钥文件）。请用恢复码或备份恢复；档案未作任何改动。`
          : `${file} 是加密的扶贫档案（或不是扶贫档案）：需要先登录（姓名和密码）才能打开。`,
      );
    }
    throw e;
  }
}

function nowIso(now: () => Date): string {
  return now().toISOString();
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

/** A consistent copy of a live archive (VACUUM INTO): safe while the archive is open. */
export function backupTo(sqlite: Database.Database, outFile: string): void {
  if (existsSync(outFile)) throw new UserError(`备份文件已存在：${outFile}。请换一个文件名。`);
  mkdirSync(dirname(outFile), { recursive: true });
  sqlite.prepare('VACUUM INTO ?').run(outFile);
}

/**
 * The copy kept before a migration, written like every file the program keeps (a .part, fsync,
 * rename; a full disk said in Chinese with the folder and the size needed, nothing left) and read
 * back before it takes its name: a half or unreadable copy must never pose as the backup.
 */
function backupBeforeMigration(sqlite: Database.Database, out: string, key: Buffer | null): void {
  if (existsSync(out)) throw new UserError(`备份文件已存在：${out}。请换一个文件名。`);
  const file = sqlite.name;
  const needed = [file, `${file}-wal`].reduce((n, f) => n + (existsSync(f) ? statSync(f).size : 0), 0);
  writeAtomicSync(
    out,
    (part) => {
      sqlite.prepare('VACUUM INTO ?').run(part);
      const copy = connect(part, key, { readonly: true });
      try {
        const check = copy.pragma('quick_check', { simple: true }) as string;
        if (check !== 'ok') throw new UserError(`升级前的备份 ${out} 读回检查未通过（${check}），档案没有升级、没有任何改动。请检查磁盘后重试。`);
      } finally {
        copy.close();
      }
    },
    { needed },
  );
}

function configure(sqlite: Database.Database): void {
  // Sorting and temporary indexes stay in memory: nothing of the archive spills to a clear temp file.
  sqlite.pragma('temp_store = MEMORY');
  // 64 MiB of page cache (default 2 MiB): a decrypted page stays decrypted while the archive is
  // open, so the overview and the quality check, which read the same pages again, pay the cipher
  // once (bench/at-rest.ts).
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('journal_mode = WAL');
  // FULL: a clerk's last save must survive a power cut.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
}

function wrap(file: string, sqlite: Database.Database, backupFile: string | null, key: Buffer | null): Archive {
  const db: Db = drizzle(sqlite, { schema });
  return {
    file,
    db,
    sqlite,
    key,
    schemaVersion: sqlite.pragma('user_version', { simple: true }) as number,
    backupFile,
    close: () => sqlite.close(),
  };
}

function migrateOrExplain(sqlite: Database.Database, migrations: Migration[], now: string, file: string): void {
  try {
    applyMigrations(sqlite, migrations, now);
  } catch (e) {
    const why = e instanceof ForeignKeyViolation ? e.message : String(e);
    throw new UserError(`档案升级失败，已撤销，档案保持原样：${file}（${why}）。请把此消息告知技术支持。`, { cause: e });
  }
}

export function openArchive(file: string, options: OpenOptions = {}): Archive {
  try {
    return openChecked(file, options);
  } catch (e) {
    // A damaged or altered page (the cipher's check fails) is found here already: say it in Chinese.
    throw translateDbError(e) ?? e;
  }
}

function openChecked(file: string, options: OpenOptions): Archive {
  const migrations = options.migrations ?? readMigrations();
  const now = options.now ?? (() => new Date());
  const kind = archiveFileKind(file);
  const key = options.key ?? null;
  if (kind === 'encrypted' && !key) throw new UserError(`${file} 是加密的扶贫档案：需要先登录（姓名和密码）才能打开。`);
  const useKey = kind === 'encrypted' ? key : null;

  // Look before writing: a read-only connection cannot change the file.
  const peek = connect(file, useKey, { readonly: true });
  let state;
  try {
    state = schemaState(peek, migrations);
  } finally {
    peek.close();
  }
  if (state.unknown.length > 0 || state.userVersion > migrations.length) {
    throw new UserError(
      `此档案由更新版本的扶贫档案程序写入（档案结构 ${state.userVersion} 版，本程序只认识到 ${migrations.length} 版）。` +
        '请先把程序升级到最新版本再打开；档案未作任何改动。',
    );
  }

  const sqlite = connect(file, useKey);
  try {
    configure(sqlite);
    let backupFile: string | null = null;
    if (state.pending.length > 0 && state.applied.length > 0) {
      const dir = options.backupDir ?? join(dirname(file), '备份');
      backupFile = join(dir, `${basename(file).replace(/\.[^.]+$/, '')}-升级前-${stamp(now())}.db`);
      backupBeforeMigration(sqlite, backupFile, useKey);
    }
    migrateOrExplain(sqlite, migrations, nowIso(now), file);
    return wrap(file, sqlite, backupFile, useKey);
  } catch (e) {
    sqlite.close();
    throw e;
  }
}

/**
 * A second, read-only connection to an archive open elsewhere at its current schema (a worker
 * thread of the parallel check): no migration, nothing written. The key comes from the caller's
 * memory, as the job worker's does.
 */
export function openArchiveReadOnly(file: string, key: Buffer | null): Archive {
  try {
    const sqlite = connect(file, archiveFileKind(file) === 'encrypted' ? key : null, { readonly: true });
    sqlite.pragma('temp_store = MEMORY');
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('busy_timeout = 5000');
    return wrap(file, sqlite, null, key);
  } catch (e) {
    throw translateDbError(e) ?? e;
  }
}

/** Creates a new, empty archive file with the full schema. Refuses to touch an existing file. */
export function createArchiveFile(file: string, options: OpenOptions = {}): Archive {
  if (existsSync(file)) {
    throw new UserError(`文件已存在：${file}。新建档案不会覆盖已有文件；请换一个文件名，或直接打开这个档案。`);
  }
  const dir = dirname(file);
  if (!existsSync(dir)) throw new UserError(`文件夹不存在：${dir}。请先建好文件夹或换一个保存位置。`);
  try {
    accessSync(dir, constants.W_OK); // a read-only stick or folder: say which, not SQLite's "cannot open"
  } catch (e) {
    throw diskFailure(e, file) ?? e;
  }
  const migrations = options.migrations ?? readMigrations();
  // Every new archive is encrypted: with the key given, or a new random one (kept on the Archive).
  const key = options.legacyPlain ? null : (options.key ?? newDataKey());
  const sqlite = connect(file, key, { create: true });
  try {
    sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    configure(sqlite);
    migrateOrExplain(sqlite, migrations, nowIso(options.now ?? (() => new Date())), file);
    return wrap(file, sqlite, null, key);
  } catch (e) {
    sqlite.close();
    throw e;
  }
}
