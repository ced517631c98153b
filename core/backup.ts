// Backup and restore of a whole archive file.
// Backup: a consistent copy of the live archive (VACUUM INTO), verified by reopening it.
// Restore: the chosen copy is checked on a scratch copy first (our archive, not newer,
// upgraded if older, integrity ok); only then is the current archive moved aside into
// 备份/ (never deleted) and the checked copy renamed into its place.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { backupTo, openArchive } from '../db/open.ts';
import { integrityCheck } from '../db/repos/archive-info.ts';
import { UserError } from '../shared/errors.ts';
import type { Actor } from '../shared/actor.ts';

const SIDE_FILES = ['-wal', '-shm'];

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

function checkIntegrity(file: string): void {
  const archive = openArchive(file);
  try {
    const result = integrityCheck(archive.db);
    if (result !== 'ok') throw new UserError(`备份文件 ${file} 已损坏（完整性检查未通过：${result}），不能用来恢复。请换一个备份文件。`);
  } finally {
    archive.close();
  }
}

export function backupArchive(file: string, out: string): { file: string } {
  if (existsSync(out)) throw new UserError(`备份文件已存在：${out}。为免覆盖，请换一个文件名。`);
  const archive = openArchive(file);
  try {
    backupTo(archive.sqlite, out);
  } finally {
    archive.close();
  }
  try {
    checkIntegrity(out);
  } catch (e) {
    rmSync(out, { force: true });
    throw e;
  }
  return { file: out };
}

export interface RestoreResult {
  file: string;
  /** Where the archive that was replaced now lies, if there was one. */
  previous: string | null;
}

export function restoreArchive(from: string, file: string, actor: Actor): RestoreResult {
  if (!existsSync(from)) throw new UserError(`找不到备份文件：${from}。请检查路径。`);
  const scratch = `${file}.恢复中`;
  for (const s of ['', ...SIDE_FILES]) rmSync(scratch + s, { force: true });
  try {
    copyFileSync(from, scratch);
    for (const s of SIDE_FILES) if (existsSync(from + s)) copyFileSync(from + s, scratch + s);
    checkIntegrity(scratch); // also refuses non-archives and newer versions, and upgrades older ones
  } catch (e) {
    for (const s of ['', ...SIDE_FILES]) rmSync(scratch + s, { force: true });
    throw e;
  }
  let previous: string | null = null;
  if (existsSync(file)) {
    const dir = join(dirname(file), '备份');
    mkdirSync(dir, { recursive: true });
    previous = join(dir, `${basename(file).replace(/\.[^.]+$/, '')}-恢复前-${stamp(actor.now())}.db`);
    for (const s of ['', ...SIDE_FILES]) if (existsSync(file + s)) renameSync(file + s, previous + s);
  }
  for (const s of ['', ...SIDE_FILES]) if (existsSync(scratch + s)) renameSync(scratch + s, file + s);
  return { file, previous };
}
