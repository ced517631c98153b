// What the start screen offers besides typing a path: the archives in the app's own archive
// folder (the browser shell has no file dialog, and a clerk rarely knows a full path), and which
// of them — recent ones included — another window or computer has open right now (the archive
// lock, core/files/archive-lock.ts), so the clerk sees it before choosing, not after.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchiveChoices } from '../shared/api/archive.ts';
import { busyNote } from './files/archive-lock.ts';

/** An archive file is a `.db`; its -wal, -shm, .keys, .lock and backups are not listed. */
const ARCHIVE_FILE = /\.db$/i;
const MAX_LISTED = 50;

export function archiveChoices(dataDir: string, recent: readonly string[], nativeDialogs: boolean): ArchiveChoices {
  const known = new Set(recent);
  let names: string[] = [];
  try {
    names = readdirSync(dataDir).filter((n) => ARCHIVE_FILE.test(n));
  } catch {
    // No folder yet: nothing to list.
  }
  const folder = names
    .map((name) => join(dataDir, name))
    .filter((file) => !known.has(file))
    .flatMap((file) => {
      try {
        const st = statSync(file);
        return st.isFile() ? [{ file, name: file.slice(dataDir.length + 1).replace(ARCHIVE_FILE, ''), bytes: st.size, modifiedAt: st.mtime.toISOString(), busy: busyNote(file) }] : [];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt))
    .slice(0, MAX_LISTED);
  const busy: Record<string, string> = {};
  for (const file of recent) {
    const note = busyNote(file);
    if (note) busy[file] = note;
  }
  return { folder: dataDir, inFolder: folder, busy, nativeDialogs };
}
