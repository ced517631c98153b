// After encrypting an archive from before encryption, its plain backup still holds everyone's
// personal data in clear: the station chief deletes it once sure the encrypted archive works.
import { existsSync, openSync, closeSync, fstatSync, writeSync, fsyncSync, rmSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { archiveFileKind } from '../../db/open.ts';
import type { Archive } from '../../db/open.ts';
import { UserError } from '../../shared/errors.ts';

/** Overwrites then removes a plain backup of this archive (only a plain archive file in its 备份 folder). */
export function deletePlainBackup(archive: Archive, file: string): { deleted: string } {
  const path = resolve(file);
  const folder = resolve(dirname(archive.file), '备份');
  if (dirname(path) !== folder || !basename(path).endsWith('.db')) throw new UserError('只能删除本档案“备份”文件夹中的未加密备份。');
  if (!existsSync(path)) throw new UserError(`找不到备份文件：${basename(path)}（可能已删除）。`);
  if (archiveFileKind(path) !== 'plain') throw new UserError(`${basename(path)} 是加密的备份，不需要删除。`);
  // Overwritten before it is unlinked, so its pages do not linger readable on the disk.
  const fd = openSync(path, 'r+');
  try {
    const size = fstatSync(fd).size;
    const zeros = Buffer.alloc(1 << 16);
    for (let at = 0; at < size; at += zeros.length) writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  return { deleted: path };
}
