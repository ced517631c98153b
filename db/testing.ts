// Test helper: a fresh archive file in a temp folder, built from the real migrations.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArchiveFile } from './open.ts';
import type { Archive } from './open.ts';

export interface TempArchive extends Archive {
  dir: string;
  dispose(): void;
}

export function tempDir(prefix = 'relief-archive-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function freshArchive(): TempArchive {
  const dir = tempDir();
  const archive = createArchiveFile(join(dir, 'archive.db'));
  return {
    ...archive,
    dir,
    dispose() {
      archive.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
