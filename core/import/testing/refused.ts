// Test helper: an import that must be refused — its result, and the archive's rows unchanged.
import { expect } from 'vitest';
import { archiveChecksum } from '../../../db/testing.ts';
import type { Archive } from '../../archive.ts';
import type { Actor } from '../../context.ts';
import { ImportRefused, importRoster } from '../index.ts';
import type { ImportResult } from '../index.ts';

export async function importRefused(archive: Archive, actor: Actor, file: string): Promise<ImportResult> {
  const before = archiveChecksum(archive.sqlite);
  const err = await importRoster(archive, actor, file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(archiveChecksum(archive.sqlite)).toBe(before);
  if (err instanceof ImportRefused) return err.result;
  throw err instanceof Error ? err : new Error('the import was not refused');
}
