// Reading a staged package (core/exchange stagePackage): its tables as NDJSON files, line by
// line in bounded memory — synchronously, because the apply runs inside one better-sqlite3
// transaction, which cannot await.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openSealed } from '../exchange/index.ts';
import type { StagedPackage } from '../exchange/index.ts';

/** The lines of a sealed staged file, without their newline; never holds more than one block plus one line. */
export function* lines(file: string, key: Buffer): Generator<string> {
  let carry: Buffer = Buffer.alloc(0);
  for (const block of openSealed(file, key)) {
    const data = carry.length ? Buffer.concat([carry, block]) : block;
    let start = 0;
    for (let i = data.indexOf(10, start); i !== -1; i = data.indexOf(10, start)) {
      yield data.toString('utf8', start, i);
      start = i + 1;
    }
    carry = Buffer.from(data.subarray(start));
  }
  if (carry.length) yield carry.toString('utf8');
}

/** The staged table's file, or null when the package has no such table. */
export function tableFile(staged: StagedPackage, name: string): string | null {
  const t = staged.tables.find((x) => x.name === name);
  if (!t) return null;
  const file = join(staged.dir, t.file);
  return existsSync(file) ? file : null;
}

/** Rows of a staged table as objects (the reader checked each was one JSON object). */
export function* rowsOf(staged: StagedPackage, name: string): Generator<Record<string, unknown>> {
  const file = tableFile(staged, name);
  if (!file) return;
  for (const line of lines(file, staged.key)) if (line !== '') yield JSON.parse(line) as Record<string, unknown>;
}

/** Rows of a staged table, leaving out unparsed the positions flagged in `skip` (rows the archive already holds as they are). */
export function* rowsExcept(staged: StagedPackage, name: string, skip: Uint8Array | undefined): Generator<Record<string, unknown>> {
  const file = tableFile(staged, name);
  if (!file) return;
  let n = 0;
  for (const line of lines(file, staged.key)) {
    if (line === '') continue;
    if (skip?.[n++] === 1) continue;
    yield JSON.parse(line) as Record<string, unknown>;
  }
}
