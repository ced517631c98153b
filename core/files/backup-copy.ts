// A consistent copy of a live archive (VACUUM INTO) written like every other file the program
// keeps: into a .part, fsynced, renamed; a full disk names the folder and the archive's size,
// and neither a half copy under the final name nor a .part is left (a half backup would later
// be blamed on the archive as "档案文件已损坏" when restored).
import { existsSync, statSync } from 'node:fs';
import { backupTo } from '../../db/open.ts';
import type { Archive } from '../../db/open.ts';
import { UserError } from '../../shared/errors.ts';
import { writeAtomicSync } from './atomic-write.ts';

function sizeOf(file: string): number | undefined {
  try {
    return statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
  } catch {
    return undefined;
  }
}

export function backupCopy({ sqlite }: Pick<Archive, 'sqlite'>, out: string): void {
  if (existsSync(out)) throw new UserError(`备份文件已存在：${out}。请换一个文件名。`);
  const needed = sizeOf(sqlite.name);
  writeAtomicSync(out, (part) => backupTo(sqlite, part), needed === undefined ? {} : { needed });
}
