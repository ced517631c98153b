// Finding 2 of issue 13 (restore while open), on real files: while a shell's session holds the
// archive, the command line's writes — restore first — are refused with the holder's name and
// since when, leaving every byte as it was, and its reads still work; a restore made inside the
// shell reopens the restored file, so the next save lands there and not in the file moved into
// 备份/; a lock left by a dead process is taken over, and the command's own lock goes with it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreDispatch } from '../core/api/index.ts';
import type { Dispatch } from '../core/api/dispatch.ts';
import { backupArchive } from '../core/backup.ts';
import { generateDemo } from '../core/demo/index.ts';
import { lockFileOf } from '../core/files/archive-lock.ts';
import { createSession } from '../core/session.ts';
import type { Session } from '../core/session.ts';
import { createTestArchive, rowsChecksum, runCli, TEST_PASSWORD, tempDir } from '../core/testing.ts';
import type { HouseholdDetail } from '../shared/api/index.ts';
import { fixedDayClock } from '../shared/clock.ts';

const HOLDER = '张三';
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function call<T>(dispatch: Dispatch, name: string, input: unknown): Promise<T> {
  const r = await dispatch(name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

/** A save as the editor makes it: from the version it read. */
async function saveNo(dispatch: Dispatch, id: string, no: string): Promise<void> {
  const { household } = await call<HouseholdDetail>(dispatch, 'households.get', { id });
  await call(dispatch, 'households.save', { id, villageId: household.villageId, expectedVersion: household.version, no, members: [{ name: '甲', relation: '户主' }] });
}

describe('one archive lock: the command line against a shell holding the archive', { timeout: 120_000 }, () => {
  let dir: string;
  let file: string;
  let backup: string;
  let session: Session;
  let dispatch: Dispatch;
  let householdId: string;

  beforeAll(async () => {
    dir = tempDir();
    file = join(dir, '青山镇.db');
    const a = await createTestArchive({ file, name: '青山镇', code: '511922101000' }, { operator: HOLDER });
    generateDemo(a, { villages: 1, households: 3, seed: 'lock', asOf: '2026-12-02', actor: { operator: HOLDER, now: () => new Date('2026-12-02T01:00:00Z') } });
    session = createSession({ dataDir: join(dir, 'app'), clock: fixedDayClock('2026-12-02'), shell: '桌面程序' });
    session.attach(a, { name: HOLDER, role: 'admin' });
    dispatch = createCoreDispatch(session);
    householdId = (await call<{ items: { id: string }[] }>(dispatch, 'households.list', { limit: 1 })).items[0]!.id;
    backup = join(dir, '青山镇-备份.db');
    backupArchive(a, backup);
  });
  afterAll(() => session.close());

  it('restore from the command line is refused naming the holder and since when, every byte unchanged; reads still work', () => {
    const entries = readdirSync(dir).sort();
    const bytes = sha(file);
    const rows = rowsChecksum(session.requireArchive());
    const r = runCli(['restore', backup, '--db', file], { as: HOLDER });
    expect(r.code).toBe(1);
    // The session's clock starts at 08:00 local on its fixed day.
    expect(r.stderr).toMatch(/档案正由 张三（桌面程序）于 2026-12-02 08:\d\d 起打开使用，同一时间只能在一处修改。请在那里关闭档案后再试；只查看可用只读命令/);
    expect(readdirSync(dir).sort()).toEqual(entries); // no 备份/ folder, no scratch copy, the shell's lock as it was
    expect(sha(file)).toBe(bytes);
    expect(rowsChecksum(session.requireArchive())).toBe(rows);
    const stats = runCli(['stats', '--db', file, '--json'], { as: HOLDER });
    expect(stats.code, stats.stderr).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ households: 3 });
    expect(JSON.parse(readFileSync(lockFileOf(file), 'utf8'))).toMatchObject({ operator: HOLDER, shell: '桌面程序', pid: process.pid });
  });

  it('restore inside the shell: the next save lands in the restored archive, none in the file moved into 备份/', async () => {
    await saveNo(dispatch, householdId, 'LOST-1'); // after the backup: the restore takes it back
    const r = session.restore(backup);
    expect(r.previous).toMatch(/备份/);
    const moved = sha(r.previous!);
    expect((await call<HouseholdDetail>(dispatch, 'households.get', { id: householdId })).household.no).not.toBe('LOST-1');
    await saveNo(dispatch, householdId, 'AFTER-1');
    expect(sha(r.previous!)).toBe(moved);
    expect(existsSync(`${r.previous!}-wal`)).toBe(false);
    // Reopen the file as the next shell would: the save is there.
    session.close();
    expect(existsSync(lockFileOf(file))).toBe(false);
    const next = createSession({ dataDir: join(dir, 'app2'), clock: fixedDayClock('2026-12-02'), shell: '浏览器界面' });
    try {
      next.open(file);
      await next.login({ name: HOLDER, password: TEST_PASSWORD });
      expect((await call<HouseholdDetail>(createCoreDispatch(next), 'households.get', { id: householdId })).household.no).toBe('AFTER-1');
    } finally {
      next.close();
    }
  });

  it("a dead command's lock is taken over by the next writer, whose own lock goes when it ends; a live one keeps a shell out", () => {
    const dead = spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' }).pid;
    const stale = (pid: number) => writeFileSync(lockFileOf(file), JSON.stringify({ shell: '命令行', operator: '李四', pid, hostname: hostname(), since: '2026-12-01T02:00:00Z' }));
    stale(process.ppid); // alive: respected by a shell, at open (before any password) and at login
    const shell = createSession({ dataDir: join(dir, 'app3'), clock: fixedDayClock('2026-12-02') });
    expect(() => shell.open(file)).toThrow(/档案正由 李四（命令行）于 2026-12-01 \d\d:00 起打开使用，同一时间只能在一处修改。请在那里关闭档案后再打开。/);
    expect(shell.state()).toMatchObject({ archive: null, pending: null });
    stale(dead);
    const out = join(dir, '再备份.db');
    const r = runCli(['backup', '--db', file, '--out', out], { as: HOLDER });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(existsSync(lockFileOf(file))).toBe(false);
  });
});
