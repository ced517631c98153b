// A township export of chosen batches: the batches with their households' full records and what
// those refer to, imported into the county as an addition (nothing removed); then the full archive.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlAll, sqlColumn, tempDir } from '../../db/testing.ts';
import { countyBatches, countyTownships } from './county-review.ts';
import { packTownship } from './export.ts';
import { countyActor, makePair, townshipActor } from './testing.ts';
import type { Pair } from './testing.ts';
import { unpackPackage } from './unpack.ts';

let p: Pair;
beforeAll(async () => {
  p = await makePair(tempDir('relief-exchange-scope-'));
}, 60_000);
afterAll(() => {
  p.township.close();
  p.county.close();
  rmSync(p.dir, { recursive: true, force: true });
});

describe('an export of chosen batches', () => {
  it('carries the batches and their households in full, and the county adds them', async () => {
    const q = (sql: string, ...a: unknown[]) => sqlColumn(p.township, sql, ...a) as string[];
    const [edge, monitoring] = ['edge', 'monitoring'].map((k) => q('SELECT id FROM batches WHERE kind = ? AND status = ?', k, 'open')[0]!);
    const households = new Set([...q('SELECT household_id FROM batch_households WHERE batch_id IN (?, ?)', edge, monitoring), ...q('SELECT o.household_id FROM objections o JOIN batch_steps s ON s.id = o.step_id WHERE s.batch_id IN (?, ?) AND o.household_id IS NOT NULL', edge, monitoring)]);
    const out = join(p.dir, '两个批次.fpkg');
    const packed = await packTownship(p.township, townshipActor, { type: 'batches', batchIds: [edge!, monitoring!] }, { out });
    expect(packed.tables.find((t) => t.name === 'households')!.rows).toBe(households.size);
    const members = (q(`SELECT count(*) FROM members WHERE household_id IN (${[...households].map(() => '?').join(',')})`, ...households)[0] as unknown) as number;
    expect(packed.tables.find((t) => t.name === 'members')!.rows).toBe(members);

    const r = await unpackPackage(p.county, countyActor, out);
    expect(r).toMatchObject({ applied: true, households: { added: households.size, removed: 0 } });
    expect(sqlAll(p.county, 'PRAGMA foreign_key_check')).toEqual([]);
    const t = countyTownships(p.county)[0]!;
    expect(t.lastPackage?.scope).toBe('batches');
    const ids = countyBatches(p.county, t.id).map((b) => b.id);
    expect(ids).toEqual(expect.arrayContaining([edge, monitoring]));

    // Then the whole archive: the rest is added, nothing removed.
    const all = await packTownship(p.township, townshipActor, { type: 'all' }, { out: join(p.dir, '全部.fpkg') });
    const r2 = await unpackPackage(p.county, countyActor, all.file);
    expect(r2.households).toEqual({ added: 40 - households.size, changed: 0, removed: 0 });
    expect(sqlAll(p.county, 'PRAGMA foreign_key_check')).toEqual([]);
  });

  it('refuses a batch that does not exist, writing nothing', async () => {
    await expect(packTownship(p.township, townshipActor, { type: 'batches', batchIds: ['no-such-batch'] }, { out: join(p.dir, 'x.fpkg') })).rejects.toThrow(/找不到所选的批次/);
  });
});
