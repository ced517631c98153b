// Test helper: the fuzz loop shared by the fuzz test files — one archive that already holds
// data, many seeded cases, every failure collected with its seed (reproduce one case with
// `fuzzCase(seed, bases)`), and the outcomes counted so a test can show the fuzz reached both
// the refusals and the writes.
import { accessSync, constants, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Archive } from '../../../db/open.ts';
import { tempDir } from '../../../db/testing.ts';
import type { Actor } from '../../../shared/actor.ts';
import { fuzzCase } from './mutate.ts';
import type { BookSpec } from './book.ts';
import { ImportOracle } from './oracle.ts';
import type { CaseReport } from './oracle.ts';

/**
 * A scratch folder in memory (/dev/shm) where there is one: a thousand imports, each taking a
 * backup of the archive first and committing with synchronous=FULL, are several times faster
 * without the disk's fsyncs. What is tested does not depend on it (the kill test uses the disk).
 */
export function fuzzDir(prefix: string): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return mkdtempSync(join('/dev/shm', prefix));
  } catch {
    return tempDir(prefix);
  }
}

export interface FuzzSummary {
  cases: number;
  outcomes: Record<CaseReport['outcome'], number>;
  failures: string[];
}

export async function runFuzz(opts: { archive: Archive; actor: Actor; dir: string; bases: readonly BookSpec[]; prefix: string; cases: number; bytes?: number }): Promise<FuzzSummary> {
  const oracle = new ImportOracle(opts.archive, opts.actor, opts.dir);
  const summary: FuzzSummary = { cases: 0, outcomes: { applied: 0, refused: 0, 'dry-run': 0, crashed: 0 }, failures: [] };
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  process.on('unhandledRejection', onUnhandled);
  try {
    for (let i = 0; i < opts.cases; i++) {
      const seed = `${opts.prefix}-${i}`;
      const c = await fuzzCase(seed, opts.bases, opts.bytes === undefined ? {} : { bytes: opts.bytes });
      const report = await oracle.run(c);
      summary.cases++;
      summary.outcomes[report.outcome]++;
      if (report.failure) summary.failures.push(report.failure);
      if (unhandled.length) summary.failures.push(`seed ${seed}: unhandled rejection ${String(unhandled.splice(0).map(String))}`);
    }
  } finally {
    oracle.close();
    process.off('unhandledRejection', onUnhandled);
  }
  return summary;
}
