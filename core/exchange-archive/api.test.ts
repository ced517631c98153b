// The exchange endpoints through the core dispatcher (the path both shells use): keys made and
// registered, pack as a job with progress, a package inspected without a key, unpack, county
// opinions — and the county-mode guard on every other write.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listHouseholds } from '../../db/repos/households.ts';
import { tempDir } from '../../db/testing.ts';
import type { KeyStatusView, PackageInfoView, PackResultView, UnpackResultView } from '../../shared/api/exchange.ts';
import { fixedDayClock } from '../../shared/clock.ts';
import { createCoreDispatch } from '../api/index.ts';
import { pathGuardOf } from '../api/path-guard.ts';
import type { Dispatch } from '../api/dispatch.ts';
import { generateDemo } from '../demo/index.ts';
import { createSession } from '../session.ts';
import type { Session } from '../session.ts';
import { COUNTY_READ_ONLY } from '../access.ts';
import { TEST_PASSWORD } from '../testing.ts';

let dir: string;
let township: Session;
let county: Session;
let t: Dispatch;
let c: Dispatch;

async function ok<T>(d: Dispatch, channel: string, input: unknown): Promise<T> {
  const r = await d(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

beforeAll(async () => {
  dir = tempDir('relief-exchange-api-');
  township = createSession({ dataDir: join(dir, 't'), clock: fixedDayClock('2026-11-24') });
  county = createSession({ dataDir: join(dir, 'c'), clock: fixedDayClock('2026-11-24') });
  const fail = (e: unknown) => {
    throw e;
  };
  t = createCoreDispatch(township, fail);
  c = createCoreDispatch(county, fail);
  // `dir` stands for the USB stick carried between the two: a folder each shell was given (dialogs, --allow-dir).
  pathGuardOf(township).allowFolder(dir);
  pathGuardOf(county).allowFolder(dir);
  await ok(t, 'archive.create', { name: '青山镇', code: '511922101000', province: '四川省', admin: { name: '李会计', password: TEST_PASSWORD } });
  generateDemo(township.requireArchive(), { villages: 1, households: 10, seed: 'api', asOf: '2026-11-24', actor: township.actor(), plant: false });
  await ok(c, 'archive.create', { name: '示例县', role: 'county', admin: { name: '王科长', password: TEST_PASSWORD } });
}, 60_000);
afterAll(() => {
  township.close();
  county.close();
});

describe('exchange.* through the dispatcher', () => {
  it('makes keys, says what is missing, registers the other side', async () => {
    const before = await ok<KeyStatusView>(t, 'exchange.keyStatus', {});
    expect(before.own).toBeNull();
    expect(before.notReady.join()).toMatch(/还没有本方密钥/);
    const ts = await ok<KeyStatusView>(t, 'exchange.newKey', { name: '青山镇扶贫工作站' });
    const cs = await ok<KeyStatusView>(c, 'exchange.newKey', {});
    expect(ts.own?.role).toBe('township');
    expect(cs.own?.name).toBe('示例县');
    const cPublic = (await ok<{ file: string }>(c, 'exchange.savePublicKey', { out: join(dir, '示例县_public.json') })).file;
    const tPublic = (await ok<{ file: string }>(t, 'exchange.savePublicKey', { out: join(dir, '青山镇_public.json') })).file;
    const seen = await ok<{ fingerprint: string; registered: boolean }>(t, 'exchange.inspectKey', { file: cPublic });
    expect(seen).toMatchObject({ fingerprint: cs.own!.fingerprint, registered: false });
    await ok(t, 'exchange.trustKey', { file: cPublic, checkedBy: '李会计', fingerprint: cs.own!.fingerprint });
    await ok(c, 'exchange.trustKey', { file: tPublic, checkedBy: '王科长' });
    expect((await ok<KeyStatusView>(t, 'exchange.keyStatus', {})).notReady).toEqual([]);
  });

  it('packs as a job with progress, inspects, unpacks', async () => {
    const out = join(dir, '报送.fpkg');
    const packed = await ok<PackResultView>(t, 'exchange.pack', { out, jobId: 'pack-job-1' });
    expect(packed.seq).toBe(1);
    expect((await t('jobs.status', { id: 'pack-job-1' })).ok && township.jobs.status('pack-job-1')).toMatchObject({ state: 'done', fraction: 1 });
    const info = await ok<PackageInfoView>(c, 'exchange.inspect', { file: out });
    expect(info).toMatchObject({ kind: 'township-export', registered: true, authenticated: true, forUs: true, alreadyImported: 'no', refusal: null });
    const r = await ok<UnpackResultView>(c, 'exchange.unpack', { file: out, jobId: 'unpack-job-1' });
    expect(r.applied).toBe(true);
    expect((await ok<PackageInfoView>(c, 'exchange.inspect', { file: out })).alreadyImported).toBe('same');
    const logs = await ok<{ direction: string }[]>(c, 'exchange.packages', {});
    expect(logs.map((l) => l.direction)).toEqual(['in']);
  });

  it('refuses every other write in the county archive, in Chinese', async () => {
    const h = listHouseholds(county.requireArchive().db, { limit: 1 }).items[0]!;
    for (const [channel, input] of [
      ['households.save', { id: h.id, expectedVersion: 1, villageId: h.villageId, no: 'X1', members: [{ name: '甲', relation: '户主' }] }],
      ['workflows.create', { kind: 'edge', year: 2026, villageIds: [], createdOn: '2026-01-05' }],
      ['help.saveHelper', { name: '王干部' }],
      ['exchange.pack', { out: join(dir, 'x.fpkg') }],
    ] as const) {
      const r = await c(channel, input);
      expect(r.ok, channel).toBe(false);
      if (!r.ok) expect(r.error.message, channel).toMatch(channel === 'exchange.pack' ? /这是县级档案/ : new RegExp(COUNTY_READ_ONLY.slice(0, 12)));
    }
    const townships = await ok<{ id: string; households: number }[]>(c, 'exchange.townships', {});
    expect(townships).toMatchObject([{ households: 10 }]);
  });

  it('refuses review opinions in a township archive', async () => {
    const r = await t('exchange.recordOpinion', { batchId: 'x', opinion: 'pass', reviewer: '甲', reviewedOn: '2026-01-05' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/审核意见只能在县级档案中登记/);
  });
});
