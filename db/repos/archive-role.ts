// Which side an archive is (township or county): what the contract's role checks need first.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { ReadDb } from '../handles.ts';
import { archiveInfo } from '../schema/index.ts';

export type ArchiveSide = 'township' | 'county';

export function archiveSide(db: ReadDb): ArchiveSide | null {
  return db.select({ role: archiveInfo.role }).from(archiveInfo).get()?.role ?? null;
}

/** The side of an archive file, read without opening it for writing; null when it is not one. */
export function archiveSideOfFile(file: string): ArchiveSide | null {
  if (!existsSync(file)) return null;
  try {
    const sqlite = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const row = sqlite.prepare('SELECT role FROM archive_info WHERE id = 1').get() as { role: ArchiveSide } | undefined;
      return row?.role ?? null;
    } finally {
      sqlite.close();
    }
  } catch {
    return null; // not an archive: the command refuses it with its own message
  }
}
