// Backup and restore of a whole archive file.
// Backup: a consistent copy of the live archive (VACUUM INTO), encrypted with the archive's key
// like the archive itself, its key file copied beside it, verified by reopening it.
// Restore: the chosen copy is checked on a scratch copy first (this archive's, not newer,
// upgraded if older, integrity ok; a plain copy from before encryption is encrypted with this
// archive's key); only then is the current archive moved aside into 备份/ (never deleted) and
// the checked copy renamed into its place.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { encryptFile } from '../db/encrypt.ts';
import { keystoreFile } from '../db/keystore.ts';
import { archiveFileKind, openArchive } from '../db/open.ts';
import { writeAtomicSync } from './files/atomic-write.ts';
import { backupCopy, backupNameFor } from './files/backup-copy.ts';
import type { Archive } from '../db/open.ts';
import { integrityCheck } from '../db/repos/archive-info.ts';
import { UserError } from '../shared/errors.ts';
import type { Actor } from '../shared/actor.ts';

const SIDE_FILES = ['-wal', '-shm'];

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

function checkIntegrity(file: string, key: Buffer | null): void {
  let archive: Archive;
  try {
    archive = openArchive(file, { key });
  } catch (e) {
    if (e instanceof UserError && /密钥与档案不符/.test(e.message)) {
      throw new UserError(`备份文件 ${basename(file)} 不是用这个档案的密钥加密的（可能是别的乡镇的档案，或已损坏），不能用来恢复这个档案。请换一个备份文件。`);
    }
    throw e;
  }
  try {
    const result = integrityCheck(archive.db);
    if (result !== 'ok') throw new UserError(`备份文件 ${file} 已损坏（完整性检查未通过：${result}），不能用来恢复。请换一个备份文件。`);
  } finally {
    archive.close();
  }
}

/** The archive's key file beside a copy of it, so the copy opens on its own (with the passwords of the day, or the recovery code). */
function copyKeystore(archiveFile: string, out: string): string | null {
  if (!existsSync(keystoreFile(archiveFile))) return null;
  writeAtomicSync(keystoreFile(out), (part) => copyFileSync(keystoreFile(archiveFile), part));
  return keystoreFile(out);
}

export interface BackupDone {
  file: string;
  /** The key file copied beside the backup (it opens only with it). */
  keyFile: string | null;
}

export function backupArchive(archive: Archive, out: string): BackupDone {
  if (existsSync(out)) throw new UserError(`备份文件已存在：${out}。为免覆盖，请换一个文件名。`);
  backupCopy(archive, out);
  let keyFile: string | null = null;
  try {
    checkIntegrity(out, archive.key);
    keyFile = copyKeystore(archive.file, out);
  } catch (e) {
    for (const f of [out, keystoreFile(out)]) rmSync(f, { force: true });
    throw e;
  }
  return { file: out, keyFile };
}

export interface RestoreResult {
  file: string;
  /** Where the archive that was replaced now lies, if there was one. */
  previous: string | null;
}

/** Replaces the open archive (closed here) with a checked copy of `from`. */
export function restoreArchive(from: string, archive: Archive, actor: Actor): RestoreResult {
  if (!existsSync(from)) throw new UserError(`找不到备份文件：${from}。请检查路径。`);
  const { file, key } = archive;
  const scratch = `${file}.恢复中`;
  for (const s of ['', ...SIDE_FILES]) rmSync(scratch + s, { force: true });
  try {
    if (archiveFileKind(from) === 'plain' && key) {
      // A backup from before encryption: it comes back encrypted with this archive's key.
      encryptFile(from, scratch, key);
    } else {
      copyFileSync(from, scratch);
      for (const s of SIDE_FILES) if (existsSync(from + s)) copyFileSync(from + s, scratch + s);
    }
    checkIntegrity(scratch, key); // also refuses non-archives, other archives and newer versions, and upgrades older ones
  } catch (e) {
    for (const s of ['', ...SIDE_FILES]) rmSync(scratch + s, { force: true });
    throw e;
  }
  archive.close();
  let previous: string | null = null;
  if (existsSync(file)) {
    const dir = join(dirname(file), '备份');
    mkdirSync(dir, { recursive: true });
    previous = backupNameFor(dir, file, '恢复前', stamp(actor.now()));
    for (const s of ['', ...SIDE_FILES]) if (existsSync(file + s)) renameSync(file + s, previous + s);
    copyKeystore(file, previous);
  }
  for (const s of ['', ...SIDE_FILES]) if (existsSync(scratch + s)) renameSync(scratch + s, file + s);
  return { file, previous };
}
