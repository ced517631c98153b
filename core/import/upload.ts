// The app's import: the workbook arrives as bytes (from the file picker), is written to a
// private temp file for the streaming reader, checked or imported, and the temp file removed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Archive } from '../../db/open.ts';
import type { Actor } from '../../shared/actor.ts';
import type { ImportResultView } from '../../shared/api/index.ts';
import { ImportRefused, importRoster } from './index.ts';
import type { ImportResult } from './index.ts';

async function withTempFile<T>(fileName: string, dataBase64: string, fn: (file: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'relief-import-'));
  try {
    const file = join(dir, basename(fileName).replace(/[\\/]/g, '_') || 'roster.xlsx');
    writeFileSync(file, Buffer.from(dataBase64, 'base64'));
    return await fn(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const view = (fileName: string, r: ImportResult, refused: boolean): ImportResultView => ({
  fileName,
  applied: r.applied,
  refused,
  households: r.households,
  members: r.members,
  problems: r.problems,
});

/** Checks without writing; a refusal is an answer here (with every problem), not an error. */
export function checkUpload(archive: Archive, actor: Actor, input: { fileName: string; dataBase64: string }): Promise<ImportResultView> {
  return withTempFile(input.fileName, input.dataBase64, async (file) => {
    try {
      return view(input.fileName, await importRoster(archive, actor, file, { dryRun: true }), false);
    } catch (e) {
      if (e instanceof ImportRefused) return view(input.fileName, e.result, true);
      throw e;
    }
  });
}

export function applyUpload(archive: Archive, actor: Actor, input: { fileName: string; dataBase64: string; year: number | null }): Promise<ImportResultView> {
  return withTempFile(input.fileName, input.dataBase64, async (file) =>
    view(input.fileName, await importRoster(archive, actor, file, input.year == null ? {} : { year: input.year }), false),
  );
}
