// The endpoints' own declarations (writes? which roles?) decide who may call them, in both shells
// and on the command line: no channel list is kept anywhere else.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../db/testing.ts';
import { API, ENDPOINTS } from '../shared/api/index.ts';
import { fixedDayClock } from '../shared/clock.ts';
import { COUNTY_ROLES, READ, ROLES, TOWNSHIP_ROLES, mayCall } from '../shared/roles.ts';
import { COUNTY_ONLY, COUNTY_READ_ONLY, refusal } from './access.ts';
import { createCoreDispatch } from './api/index.ts';
import type { Dispatch } from './api/dispatch.ts';
import { generateDemo } from './demo/index.ts';
import { createSession } from './session.ts';
import type { Session } from './session.ts';
import { TEST_PASSWORD } from './testing.ts';
import { EXPECTED_VERSION_MISSING } from '../shared/api/households.ts';

describe('access declared on every endpoint', () => {
  it('every endpoint names at least one role, and every read is open to everyone but the named few', () => {
    // imports.check and screening.check read a list against the archive (a clerk's step); accounts.list is the station chief's.
    const narrowReads = new Set(['imports.check', 'screening.check', 'accounts.list']);
    for (const e of ENDPOINTS.values()) {
      expect(e.roles.length, e.channel).toBeGreaterThan(0);
      if (!e.writes) expect(e.roles.length === ROLES.length || narrowReads.has(e.channel), e.channel).toBe(true);
    }
    expect(API.accounts.list.roles).toEqual(['admin', 'county-reviewer']);
  });

  it('a county archive refuses every township write with the read-only message, and allows its own', () => {
    for (const e of ENDPOINTS.values()) {
      const why = refusal(e, 'county', 'county-reviewer');
      if (e.roles.includes('county-reviewer')) expect(why, e.channel).toBeNull();
      else expect(why, e.channel).toBe(COUNTY_READ_ONLY);
    }
    expect(refusal(API.households.save, 'county', 'county-reviewer')).toBe(COUNTY_READ_ONLY);
    expect(refusal(API.exchange.recordOpinion, 'county', 'county-reviewer')).toBeNull();
  });

  it('a township archive refuses the county’s own calls, and each role what it may not do', () => {
    expect(refusal(API.exchange.recordOpinion, 'township', 'admin')).toBe(COUNTY_ONLY);
    expect(refusal(API.households.save, 'township', 'viewer')).toMatch(/“只读”.*不能做这项操作.*“管理员”或“录入员”/);
    expect(refusal(API.workflows.recordOutcome, 'township', 'clerk')).toMatch(/“录入员”.*“管理员”或“审核员”/);
    expect(refusal(API.households.save, 'township', 'clerk')).toBeNull();
    for (const role of TOWNSHIP_ROLES) expect(mayCall(READ, role)).toBe(true);
    for (const role of COUNTY_ROLES) expect(mayCall(API.households.save, role)).toBe(false);
  });
});

describe('through the dispatcher', () => {
  let session: Session;
  let dispatch: Dispatch;
  let householdId: string;
  let villageId: string;

  beforeAll(async () => {
    session = createSession({ dataDir: tempDir(), clock: fixedDayClock('2026-11-24') });
    dispatch = createCoreDispatch(session);
    await dispatch('archive.create', { name: '青山镇', code: '511922101000', file: join(session.dataDir, 'a.db'), admin: { name: '测试', password: TEST_PASSWORD } });
    generateDemo(session.requireArchive(), { villages: 1, households: 4, seed: 'access', asOf: '2026-11-24', actor: session.actor() });
    const list = await dispatch('households.list', { limit: 1 });
    if (!list.ok) throw new Error(list.error.message);
    ({ id: householdId, villageId } = (list.value as { items: { id: string; villageId: string }[] }).items[0]!);
  });
  afterAll(() => session.close());

  it('a 只读 operator may look but not save, and nothing is written', async () => {
    session.role = 'viewer';
    try {
      expect((await dispatch('households.get', { id: householdId })).ok).toBe(true);
      const r = await dispatch('households.save', { id: householdId, expectedVersion: 1, villageId, no: 'X1', members: [{ name: '甲', relation: '户主' }] });
      expect(r).toMatchObject({ ok: false, error: { kind: 'refused', message: expect.stringMatching(/只读/) as unknown } });
      const again = await dispatch('households.get', { id: householdId });
      expect(again.ok && (again.value as { household: { no: string } }).household.no).not.toBe('X1');
    } finally {
      session.role = null;
    }
  });

  it('refuses, through the contract, a save of an existing household without the version it was edited from', async () => {
    const r = await dispatch('households.save', { id: householdId, villageId, no: 'X1', members: [{ name: '甲', relation: '户主' }] });
    expect(r).toMatchObject({ ok: false, error: { kind: 'usage', message: `填写的内容有误：${EXPECTED_VERSION_MISSING}` } });
    const again = await dispatch('households.get', { id: householdId });
    expect(again.ok && (again.value as { household: { no: string } }).household.no).not.toBe('X1');
  });

  it('keeps what the session computed across a write (brought up to date, core/derived.test.ts), not dropped', async () => {
    session.cache.set('probe', 1);
    await dispatch('villages.list', {});
    const kept = session.cache.get('derived');
    expect(kept).toBeDefined();
    const r = await dispatch('help.saveHelper', { name: '王干部' });
    expect(r.ok).toBe(true);
    expect(session.cache.get('probe')).toBe(1);
    expect(session.cache.get('derived')).toBe(kept);
  });
});
