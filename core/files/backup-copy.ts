// A consistent copy of a live archive (VACUUM INTO) written like every other file the program
// keeps: into a .part, fsynced, renamed; a full disk names the folder and the archive's size,
// and neither a half copy under the final name nor a .part is left (a half backup would later
// be blamed on the archive as "档案文件已损坏" when restored).
import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
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

/**
 * A free name for a backup the program makes on its own (before an import, a package, a restore,
 * the encryption): `<archive>-<why>-<stamp>.db`, then `-2`, `-3` … when two are made within the
 * same second — the second is refused otherwise, for a name that is not the clerk's.
 */
export function backupNameFor(dir: string, archiveFile: string, why: string, stamp: string): string {
  const base = `${basename(archiveFile).replace(/\.[^.]+$/, '')}-${why}-${stamp}`;
  for (let i = 1; ; i++) {
    const f = join(dir, `${base}${i > 1 ? `-${i}` : ''}.db`);
    if (!existsSync(f)) return f;
  }
}

export function backupCopy({ sqlite }: Pick<Archive, 'sqlite'>, out: string): void {
  if (existsSync(out)) throw new UserError(`备份文件已存在：${out}。请换一个文件名。`);
  const needed = sizeOf(sqlite.name);
  writeAtomicSync(out, (part) => backupTo(sqlite, part), needed === undefined ? {} : { needed });
}
