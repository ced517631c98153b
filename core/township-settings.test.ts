// 乡镇设置: 区划代码, 县 and 省 left blank at creation are filled in later, audited; a bad code is
// refused in Chinese before anything is written (only the station chief may: ADMIN in the contract).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope, TownshipSettings } from '../shared/api/index.ts';
import { fixedDayClock } from '../shared/clock.ts';
import { sqlAll } from '../db/testing.ts';
import { createCoreDispatch } from './api/index.ts';
import { createSession } from './session.ts';
import type { Session } from './session.ts';
import { archiveChecksum, createTestArchive, tempDir, TEST_OPERATOR } from './testing.ts';

let session: Session;
let call: (channel: string, input: unknown) => Promise<Envelope<TownshipSettings>>;

beforeAll(async () => {
  const dir = tempDir('settings-');
  const archive = await createTestArchive({ file: join(dir, 'a.db'), name: '白石乡' });
  session = createSession({ dataDir: dir, clock: fixedDayClock('2026-11-24') });
  session.attach(archive, { name: TEST_OPERATOR, role: 'admin' });
  const dispatch = createCoreDispatch(session);
  call = async (channel, input) => (await dispatch(channel, input)) as Envelope<TownshipSettings>;
});
afterAll(() => session.close());

describe('乡镇设置', () => {
  it('fills in the code, county and province later, with an audit entry; the archive info follows', async () => {
    expect(await call('archive.settings', {})).toEqual({ ok: true, value: { name: '白石乡', code: null, county: null, province: null } });
    const r = await call('archive.saveSettings', { code: '511922102000', county: '示例县', province: '四川省' });
    expect(r).toEqual({ ok: true, value: { name: '白石乡', code: '511922102000', county: '示例县', province: '四川省' } });
    const archive = session.requireArchive();
    expect(sqlAll(archive, 'SELECT county, province FROM archive_info')).toEqual([{ county: '示例县', province: '四川省' }]);
    expect(sqlAll<{ note: string }>(archive, "SELECT note FROM audit_log WHERE table_name = 'townships' ORDER BY id DESC LIMIT 1")[0]!.note).toBe('修改乡镇设置（区划代码、县、省）');
  });

  it('refuses a code that is not 12 digits, changing nothing', async () => {
    const archive = session.requireArchive();
    const before = archiveChecksum(archive.sqlite);
    const bad = await call('archive.saveSettings', { code: '5119221', county: null, province: null });
    expect(bad.ok ? '' : bad.error.message).toContain('区划代码应为12位数字');
    expect(archiveChecksum(archive.sqlite)).toBe(before);
  });
});
