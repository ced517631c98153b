// A staging copy of an open archive: a consistent snapshot (VACUUM INTO, like a backup) that a
// preview may write into to see what the archive WOULD hold — the import preview applies its
// plan there and runs the quality check on it, the archive itself untouched. An encrypted
// archive's copy is written encrypted with the same key (db/cipher.ts: every VACUUM INTO copy
// is), into a fresh private folder, and removed with its -wal/-shm when disposed. A plain
// (legacy, not yet encrypted) archive is staged in memory only: no clear copy lands on disk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { UserError } from '../shared/errors.ts';
import { applyKey } from './cipher.ts';
import type { Archive, Db } from './open.ts';
import * as schema from './schema/index.ts';

/** An Archive the core's writers and the check take as they are; `close` also deletes its files (idempotent). */
export type StagingCopy = Archive;

/** Where staging copies go unless told: a fresh folder under the system's temp folder. */
function freshDir(parent: string): string {
  return mkdtempSync(join(parent, 'relief-staging-'));
}

function wrapStaging(sqlite: Database.Database, file: string, key: Buffer | null, cleanup: () => void): StagingCopy {
  // Nothing here must survive a power cut: the copy is thrown away.
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('foreign_keys = ON');
  const db: Db = drizzle(sqlite, { schema });
  let open = true;
  return {
    file,
    db,
    sqlite,
    key,
    schemaVersion: sqlite.pragma('user_version', { simple: true }) as number,
    backupFile: null,
    close() {
      if (!open) return;
      open = false;
      try {
        sqlite.close();
      } finally {
        cleanup();
      }
    },
  };
}

/**
 * A writable copy of `archive` as it is now. `parent`: the folder the private staging folder is
 * made in (default the system's temp folder). A full disk is said in Chinese, nothing left behind.
 */
export function stagingCopy(archive: Pick<Archive, 'sqlite' | 'key'>, parent: string = tmpdir()): StagingCopy {
  if (!archive.key) {
    const sqlite = new Database(archive.sqlite.serialize());
    return wrapStaging(sqlite, ':memory:', null, () => undefined);
  }
  const dir = freshDir(parent);
  const file = join(dir, 'staging.db');
  const cleanup = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    archive.sqlite.prepare('VACUUM INTO ?').run(file);
    const sqlite = new Database(file, { fileMustExist: true });
    try {
      applyKey(sqlite, archive.key);
      sqlite.pragma('journal_mode = WAL');
    } catch (e) {
      sqlite.close();
      throw e;
    }
    return wrapStaging(sqlite, file, archive.key, cleanup);
  } catch (e) {
    cleanup();
    if (/SQLITE_FULL|disk is full|database or disk is full/i.test(String(e))) {
      throw new UserError(`临时文件夹 ${parent} 所在的磁盘空间不足，无法预先计算导入后的数据检查（需要约与档案同样大小的空间）。请清理磁盘后重试；档案没有任何改动。`, { cause: e });
    }
    throw e;
  }
}
