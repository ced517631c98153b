// The write-ahead log is where every committed write lives until a checkpoint copies it into the
// archive file. If the -wal file is deleted (or replaced) while the archive is open, this
// connection keeps writing into the unlinked file: every save looks fine until the process ends,
// and then all of them since the last checkpoint are gone. So before and after each outermost
// write transaction the -wal path is compared with the one this connection started with; when
// it is gone, the still-open connection checkpoints (its file descriptor still reaches the
// unlinked log, so every committed page lands in the archive file, fsynced) and leaves and
// re-enters WAL mode, which starts a fresh -wal at the path. The cost is one stat per side.
import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { UserError } from '../shared/errors.ts';

export const WAL_LOST = (file: string) =>
  `档案的日志文件（${file}-wal）在使用中被删除或替换，已保存的内容无法再安全写入。为免丢失，档案已转为只读。请关闭其他正在使用此档案的程序后关闭并重新打开档案；如果内容有缺失，请用最近的备份恢复。`;

/** Thrown when the log went missing and could not be made safe: the session treats it as damage. */
export class WalLostError extends UserError {}

const walInode = new WeakMap<Database.Database, number | null>();

function inodeOf(path: string): number | null {
  try {
    return statSync(path).ino;
  } catch {
    return null;
  }
}

/** Makes sure the connection's -wal is the file at its path; puts the committed writes into the archive file when not. */
export function guardWal(sqlite: Database.Database): void {
  if (sqlite.memory || sqlite.readonly || sqlite.inTransaction) return;
  let known = walInode.get(sqlite);
  if (known === undefined) {
    const wal = String(sqlite.pragma('journal_mode', { simple: true })) === 'wal';
    // In WAL mode the log exists from the connection's first read on (openArchive reads at once).
    walInode.set(sqlite, (known = wal ? inodeOf(`${sqlite.name}-wal`) : null));
  }
  if (known === null) return;
  const now = inodeOf(`${sqlite.name}-wal`);
  if (now === known) return;
  try {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    // Leaving WAL mode checkpoints again and drops the lost log; re-entering makes a new one.
    if (String(sqlite.pragma('journal_mode = DELETE', { simple: true })) !== 'delete') throw new Error('journal mode unchanged');
    sqlite.pragma('journal_mode = WAL');
    // The new log appears at the next read; read now so the next check compares with it.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    walInode.set(sqlite, inodeOf(`${sqlite.name}-wal`));
  } catch (e) {
    throw new WalLostError(WAL_LOST(sqlite.name), { cause: e });
  }
}
