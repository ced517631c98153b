import { openArchive } from '../core/archive.ts';
import type { Archive } from '../core/archive.ts';

/** Opens the archive for one command and always closes it. */
export async function withArchive<T>(file: string, fn: (archive: Archive) => T | Promise<T>): Promise<T> {
  const archive = openArchive(file);
  try {
    return await fn(archive);
  } finally {
    archive.close();
  }
}
