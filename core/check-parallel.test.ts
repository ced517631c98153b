// The parallel check (core/check-parallel.ts) gives the one-thread check's result exactly: a
// small generated township, roughened so that many rules fire and one ID number sits in two
// households checked by different threads (one of them stored with spaces around it), forced
// through worker threads (the archive is below the size from which the check goes parallel).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlColumn, sqlRun, tempDir } from '../db/testing.ts';
import type { Archive } from '../db/open.ts';
import { initArchive } from './archive.ts';
import { checkArchive } from './check.ts';
import { CheckCache } from './check-cache.ts';
import { checkArchiveParallel, closeCheckWorkers, PARALLEL_FROM } from './check-parallel.ts';
import type { Actor } from './context.ts';
import { generateDemo } from './demo/index.ts';

const AS_OF = '2026-11-24';
const actor: Actor = { operator: '测试', now: () => new Date(`${AS_OF}T08:00:00Z`) };
const dir = tempDir('relief-check-parallel-');
let archive: Archive;
/** The households in id order. */
let ids: string[];

beforeAll(() => {
  archive = initArchive({ file: join(dir, 'a.db'), name: '青山镇', code: '511922101000', county: '仁寿县', province: '四川省' }, actor);
  generateDemo(archive, { villages: 3, households: 120, seed: 'check-parallel', asOf: AS_OF, actor });
  for (const sql of [
    'UPDATE members SET id_number = NULL WHERE rowid % 7 = 0',
    "UPDATE members SET birth_date = '1901-01-01' WHERE rowid % 13 = 0",
    "UPDATE members SET left_reason = '迁出' WHERE rowid % 17 = 0",
    'UPDATE households SET farmland_mu = 500 WHERE rowid % 5 = 0',
    'DELETE FROM incomes WHERE rowid % 8 = 0',
  ]) {
    sqlRun(archive, sql);
  }
  // The first and the last household in id order (the first and the last thread's runs) share a member's number.
  ids = sqlColumn(archive, 'SELECT id FROM households ORDER BY id') as string[];
  const number = sqlColumn(archive, 'SELECT id_number FROM members WHERE household_id = ? AND id_number IS NOT NULL AND left_reason IS NULL ORDER BY seq', ids.at(-1))[0] as string;
  sqlRun(archive, "UPDATE members SET id_number = ' ' || ? || ' ' WHERE id = (SELECT id FROM members WHERE household_id = ? AND left_reason IS NULL ORDER BY seq LIMIT 1)", number, ids[0]);
});

afterAll(async () => {
  archive.close();
  await closeCheckWorkers();
  rmSync(dir, { recursive: true, force: true });
});

describe('the check on several threads', () => {
  it('finds exactly what the one-thread check finds, in the same order', async () => {
    const one = checkArchive(archive, { asOf: AS_OF });
    expect(new Set(one.problems.map((p) => p.code)).size).toBeGreaterThan(10);
    expect(one.problems.filter((p) => p.code === 'Q105').map((p) => p.householdId)).toEqual(expect.arrayContaining([ids[0], ids.at(-1)]));
    const progress: number[] = [];
    const two = await checkArchiveParallel(archive, { asOf: AS_OF, threads: 2, from: 0, onProgress: (f) => progress.push(f) });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(progress.at(-1)).toBe(1);
    // Only workers (a shell's loop stays free), three of them; the workers kept from the first check are used again.
    const three = await checkArchiveParallel(archive, { asOf: AS_OF, threads: 3, callerShare: false, from: 0 });
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
  });

  it('checks a small archive on the calling thread, and stops when cancelled', async () => {
    expect(120).toBeLessThan(PARALLEL_FROM);
    const one = checkArchive(archive, { asOf: AS_OF });
    expect(await checkArchiveParallel(archive, { asOf: AS_OF, threads: 2 })).toEqual(one);
    const controller = new AbortController();
    const running = checkArchiveParallel(archive, { asOf: AS_OF, threads: 2, from: 0, callerShare: false, signal: controller.signal });
    controller.abort(new Error('已取消'));
    await expect(running).rejects.toThrow('已取消');
  });

  it("keeps the app's check: everything on workers, then one household re-checked on save", async () => {
    const cache = new CheckCache(archive, () => new Promise((r) => setImmediate(r)), () => true, 0);
    const all = await cache.compute(AS_OF);
    expect(cache.lastRechecked).toBe(ids.length);
    expect(JSON.stringify(all)).toBe(JSON.stringify(checkArchive(archive, { asOf: AS_OF })));
    // A member born after the check day: the household is re-checked alone, on this thread.
    const household = ids[1]!;
    sqlRun(archive, "UPDATE members SET id_number = NULL, birth_date = '2030-01-01' WHERE id = (SELECT id FROM members WHERE household_id = ? ORDER BY seq LIMIT 1)", household);
    cache.changed([household]);
    const after = await cache.compute(AS_OF);
    expect(cache.lastRechecked).toBe(1);
    expect(after.problems.length).toBeGreaterThan(all.problems.length);
    expect(JSON.stringify(after)).toBe(JSON.stringify(checkArchive(archive, { asOf: AS_OF })));
  });
});
