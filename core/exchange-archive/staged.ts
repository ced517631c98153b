// Reading a staged package (core/exchange stagePackage): its tables as NDJSON files, line by
// line in bounded memory — synchronously, because the apply runs inside one better-sqlite3
// transaction, which cannot await.
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { StagedPackage } from '../exchange/index.ts';

const CHUNK = 1 << 20;

/** The lines of a file, without their newline; never holds more than one chunk plus one line. */
export function* lines(file: string): Generator<string> {
  const fd = openSync(file, 'r');
  try {
    let carry: Buffer = Buffer.alloc(0);
    const buf = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      const data = carry.length ? Buffer.concat([carry, buf.subarray(0, n)]) : buf.subarray(0, n);
      let start = 0;
      for (let i = data.indexOf(10, start); i !== -1; i = data.indexOf(10, start)) {
        yield data.toString('utf8', start, i);
        start = i + 1;
      }
      carry = Buffer.from(data.subarray(start));
    }
    if (carry.length) yield carry.toString('utf8');
  } finally {
    closeSync(fd);
  }
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
  for (const line of lines(file)) if (line !== '') yield JSON.parse(line) as Record<string, unknown>;
}
