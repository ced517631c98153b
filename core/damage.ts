// A damaged archive is read-only for the rest of the session. Once a read or a write has failed
// with a damaged page (SQLITE_CORRUPT), a file that is no archive (SQLITE_NOTADB), a failing disk
// (SQLITE_IOERR), or its write-ahead log lost (db/wal-guard.ts) — or an integrity check failed —
// every further write would build on pages no one can trust and could spread the damage into
// the next backup. So the session remembers the file as damaged, the dispatcher refuses every
// write with the way to restore, and reads go on where they still can. The mark is kept per file:
// opening the same file again re-checks it, and only a passing integrity check clears it (after a
// restore from a backup, for instance).
import { integrityCheck } from '../db/repos/archive-info.ts';
import { WalLostError } from '../db/wal-guard.ts';
import type { Archive } from '../db/open.ts';
import { UserError } from '../shared/errors.ts';

const DAMAGE_CODES = ['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_IOERR'];

export function damageMessage(file: string, reason: string): string {
  return (
    `档案文件 ${file} 已损坏或无法正常读写（${reason}）。为免损坏扩大，档案现在只能查看、不能修改，这次的修改没有保存。` +
    '请用最近的备份恢复：在桌面程序中选“文件 → 从备份恢复…”，或关闭程序后在命令行运行 relief-archive restore 备份文件 --db 档案文件（备份在档案旁的“备份”文件夹里；' +
    '损坏的文件会被移到“备份”文件夹保留，请交技术支持查看）。'
  );
}

/** What of `e` (or of what caused it) says the archive file is damaged; null when nothing does. */
export function damageReason(e: unknown): string | null {
  for (let c: unknown = e, depth = 0; c && depth < 5; c = (c as { cause?: unknown }).cause, depth++) {
    if (c instanceof WalLostError) return '日志文件在使用中被删除';
    const code = (c as { code?: unknown }).code;
    if (typeof code === 'string' && DAMAGE_CODES.some((k) => code === k || code.startsWith(`${k}_`))) return `读写时出错：${code}`;
  }
  return null;
}

/** The damage marks of one session, by archive file. */
export class DamageMarks {
  private readonly files = new Map<string, string>();

  of(archive: Archive | null): string | null {
    return archive ? (this.files.get(archive.file) ?? null) : null;
  }

  mark(archive: Archive, reason: string): void {
    if (!this.files.has(archive.file)) this.files.set(archive.file, damageMessage(archive.file, reason));
  }

  /** The file was replaced by a checked copy (restore): the mark no longer applies. */
  clear(file: string): void {
    this.files.delete(file);
  }

  /** SQLite's integrity check on the open archive: marks it on failure (and throws the message), clears a mark on success. */
  check(archive: Archive): void {
    let result: string;
    try {
      result = integrityCheck(archive.db);
    } catch (e) {
      result = damageReason(e) ?? String(e);
    }
    if (result === 'ok') {
      this.files.delete(archive.file);
      return;
    }
    this.files.delete(archive.file);
    this.mark(archive, `完整性检查未通过：${result.split('\n')[0]!.slice(0, 200)}`);
    throw new UserError(this.of(archive)!);
  }

  /** On opening: a file marked earlier in this session is checked again before anything is written. */
  recheck(archive: Archive): void {
    if (!this.files.has(archive.file)) return;
    try {
      this.check(archive);
    } catch {
      // Still damaged: the mark stays, the archive opens read-only.
    }
  }
}
