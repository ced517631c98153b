// Fuzz (issue 4): mutated copies of the archive's own round-trip export (export-xlsx of demo
// archives, the planted data problems included), imported one after another into one archive
// that already holds data — half of them with the 户编号 it already has, so re-import is
// fuzzed too. Whatever the file, the importer throws nothing but a UserError with a Chinese
// message, and either applies exactly what it reported or leaves the archive's checksum as
// it was. A failure names its seed: `fuzzCase(seed, bases)` rebuilds the workbook.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsWhere } from '../../db/testing.ts';
import { initArchive } from '../archive.ts';
import type { Archive } from '../archive.ts';
import { generateDemo } from '../demo/index.ts';
import { exportRoster } from '../export.ts';
import { loadBook, sliceHouseholds } from './testing/book.ts';
import type { BookSpec } from './testing/book.ts';
import { tickingActor } from './testing/oracle.ts';
import { fuzzDir, runFuzz } from './testing/run-fuzz.ts';

const CASES = 450;
const actor = tickingActor('李会计', '2026-11-24T08:00:00Z');
let dir: string;
let archive: Archive;
let bases: BookSpec[];

beforeAll(async () => {
  dir = fuzzDir('relief-fuzz-export-');
  archive = initArchive({ file: join(dir, '青山镇.db'), name: '青山镇', code: '511922101000', province: '四川省' }, actor);
  generateDemo(archive, { villages: 2, households: 8, seed: 'fuzz-export', asOf: '2026-11-24', actor });
  // Another township's archive, with the demo's deliberate data problems.
  const other = initArchive({ file: join(dir, '白河乡.db'), name: '白河乡', code: '511922102000', province: '四川省' }, actor);
  generateDemo(other, { villages: 2, households: 10, seed: 'fuzz-other', asOf: '2026-11-24', actor });
  await exportRoster(other, join(dir, 'other.xlsx'), { exportedOn: '2026-11-24' });
  other.close();
  const village = rowsWhere(archive.db, 'villages').map((v) => v.code).sort()[0]!;
  await exportRoster(archive, join(dir, 'own.xlsx'), { exportedOn: '2026-11-24', villageCode: village });
  const own = await loadBook(join(dir, 'own.xlsx'));
  const foreign = await loadBook(join(dir, 'other.xlsx'));
  bases = [sliceHouseholds(own, 0, 5), sliceHouseholds(foreign, 0, 4), sliceHouseholds(foreign, 5, 5)];
});
afterAll(() => {
  archive.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('import fuzz: the archive’s own export, mutated', () => {
  it(`never crashes and never half-writes (${CASES} workbooks)`, async () => {
    const s = await runFuzz({ archive, actor, dir, bases, prefix: 'export', cases: CASES });
    expect(s.failures).toEqual([]);
    expect(s.cases).toBe(CASES);
    expect(s.outcomes.applied).toBeGreaterThan(CASES / 10);
    expect(s.outcomes.refused).toBeGreaterThan(CASES / 10);
    expect(s.outcomes['dry-run']).toBeGreaterThan(0);
  }, 120_000);
});
