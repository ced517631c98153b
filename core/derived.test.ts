// What the session keeps computed (core/derived.ts) stays true through writes: the overview's
// figures answer at once and its quality-check part comes as a job; a save, an added household,
// an undo that deletes it and an import each show in search and in the check — and the kept
// check always equals a fresh whole check of the archive (nothing stale).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope, HouseholdDetail, OverviewProblemsView, OverviewView } from '../shared/api/index.ts';
import { fixedDayClock } from '../shared/clock.ts';
import { createCoreDispatch } from './api/index.ts';
import { checkArchive } from './check.ts';
import { checkCacheOf } from './derived.ts';
import { generateDemo } from './demo/index.ts';
import { createSession } from './session.ts';
import type { Session } from './session.ts';
import { archiveChecksum, createTestArchive, tempDir, TEST_OPERATOR } from './testing.ts';

const DAY = '2026-11-24';
const SAMPLE = join(import.meta.dirname, '..', '..', 'shared', 'data', 'sample-roster-2019.xlsx');

async function sessionWith(demo: boolean, code = '511922101000'): Promise<{ session: Session; call: <T>(channel: string, input: unknown) => Promise<T> }> {
  const dir = tempDir();
  const archive = await createTestArchive({ file: join(dir, 'a.db'), name: '青山镇', code });
  if (demo) generateDemo(archive, { villages: 2, households: 40, seed: 'derived', asOf: DAY, actor: { operator: TEST_OPERATOR, now: () => new Date(`${DAY}T08:00:00Z`) } });
  const session = createSession({ dataDir: dir, clock: fixedDayClock(DAY) });
  session.attach(archive, { name: TEST_OPERATOR, role: 'admin' });
  const dispatch = createCoreDispatch(session);
  const call = async <T,>(channel: string, input: unknown): Promise<T> => {
    const r = (await dispatch(channel, input)) as Envelope<T>;
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  return { session, call };
}

describe('the overview, search and check kept in step with writes', () => {
  let s: Awaited<ReturnType<typeof sessionWith>>;
  beforeAll(async () => {
    s = await sessionWith(true);
  });
  afterAll(() => s.session.close());

  const fresh = () => checkArchive(s.session.requireArchive(), { asOf: DAY });
  const found = async (q: string) => (await s.call<{ total: number; items: { no: string }[] }>('households.list', { search: q, limit: 500 })).items.map((h) => h.no);
  // Nothing is marked 已核实无误 here: the kept check is the plain check with an empty `acknowledged`.
  const keptCheck = async () => {
    const { acknowledged, ...rest } = await s.call<{ problems: unknown[]; counts: unknown; acknowledged: unknown[] }>('quality.check', {});
    expect(acknowledged).toEqual([]);
    return rest;
  };

  it('answers the figures at once and the check as a job with progress; then the overview has it', async () => {
    const o = await s.call<OverviewView>('overview.get', {});
    expect(o.households).toBe(40);
    expect(o.check).toBeNull();
    const p = await s.call<OverviewProblemsView>('overview.problems', { jobId: 'chk-test-1' });
    const whole = fresh();
    expect(p.problems).toEqual(whole.counts);
    expect(checkCacheOf(s.session).lastRechecked).toBe(40);
    expect(s.session.jobs.status('chk-test-1').state).toBe('done');
    expect(s.session.jobs.phases('chk-test-1')).toContain('检查数据');
    const again = await s.call<OverviewView>('overview.get', {});
    expect(again.check).toEqual(p);
    expect(await keptCheck()).toEqual(JSON.parse(JSON.stringify(whole)));
  });

  it('a renamed member is found by the new name, not the old; the figures and the check follow', async () => {
    const [first] = (await s.call<{ items: { id: string }[] }>('households.list', { limit: 1 })).items;
    const d = await s.call<HouseholdDetail>('households.get', { id: first!.id });
    const head = d.members[0]!;
    expect(await found(head.name)).toContain(d.household.no);
    const members = d.members.map((m, i) => ({ ...m, name: i === 0 ? '欧阳新名' : m.name, idNumber: i === 0 ? '' : m.idNumber }));
    await s.call('households.save', { ...d.household, expectedVersion: d.household.version, members, incomes: d.incomes });
    expect(await found('欧阳新名')).toEqual([d.household.no]);
    expect(await found('oyxm')).toEqual([d.household.no]);
    expect(await found(head.name)).not.toContain(d.household.no);
    // The kept check was marked stale by the save and re-checked that household only: equal to a whole fresh check.
    expect(await keptCheck()).toEqual(JSON.parse(JSON.stringify(fresh())));
    expect(checkCacheOf(s.session).lastRechecked).toBe(1);
    const o = await s.call<OverviewView>('overview.get', {});
    expect(o.check?.problems).toEqual(fresh().counts);
  });

  it('an added household is found and checked; undone (deleted), it is neither', async () => {
    const villageId = (await s.call<{ id: string }[]>('villages.list', {}))[0]!.id;
    const before = await s.call<OverviewView>('overview.get', {});
    await s.call('households.save', { villageId, no: '5119229999000077', members: [{ name: '司马新户', relation: '户主' }] });
    expect(await found('司马新户')).toEqual(['5119229999000077']);
    expect(await found('9999000077')).toEqual(['5119229999000077']);
    const added = await keptCheck();
    expect(added).toEqual(JSON.parse(JSON.stringify(fresh())));
    expect((added.problems as { household: string }[]).some((p) => p.household === '5119229999000077')).toBe(true);
    expect((await s.call<OverviewView>('overview.get', {})).households).toBe(before.households + 1);
    await s.call('audit.undoLast', {});
    expect(await found('司马新户')).toEqual([]);
    expect(await found('9999000077')).toEqual([]);
    const undone = await keptCheck();
    expect(undone).toEqual(JSON.parse(JSON.stringify(fresh())));
    expect((undone.problems as { household: string }[]).some((p) => p.household === '5119229999000077')).toBe(false);
    expect((await s.call<OverviewView>('overview.get', {})).households).toBe(before.households);
  });
});

describe('an import (no household named in the audit log) rebuilds what is kept', () => {
  it('finds the imported households; a refused import leaves search and the archive as they were', async () => {
    const t = await sessionWith(false, '513722101000');
    try {
      const upload = { fileName: '花名册.xlsx', dataBase64: readFileSync(SAMPLE).toString('base64'), mapping: null, jobId: null, skipRejected: false, removeMissing: false, planStamp: null };
      expect((await t.call<{ total: number }>('households.list', { search: 'z' })).total).toBe(0);
      const before = archiveChecksum(t.session.requireArchive().sqlite);
      await expect(t.call('imports.apply', { ...upload, dataBase64: Buffer.from('not a workbook').toString('base64'), year: 2019 })).rejects.toThrow(/./);
      expect(archiveChecksum(t.session.requireArchive().sqlite)).toBe(before);
      expect((await t.call<{ total: number }>('households.list', { search: 'z' })).total).toBe(0);
      await t.call('imports.apply', { ...upload, year: 2019 });
      const z = await t.call<{ total: number }>('households.list', { search: 'z' });
      expect(z.total).toBeGreaterThan(0);
      expect((await t.call<OverviewView>('overview.get', {})).households).toBe(300);
      expect(await t.call<unknown>('quality.check', {})).toEqual({ ...JSON.parse(JSON.stringify(checkArchive(t.session.requireArchive(), { asOf: DAY }))), acknowledged: [] });
    } finally {
      t.session.close();
    }
  });
});
