// The archive lock on real files: taken and released, shared within a process, a live holder
// respected (its lock file untouched), another machine's respected, a dead holder's taken over,
// and release never removes a lock that is no longer ours.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../db/testing.ts';
import { acquireArchiveLock, archiveHolder, lockFileOf } from './archive-lock.ts';
import type { LockHolder } from './archive-lock.ts';

const now = () => new Date('2026-12-02T01:14:00Z');
const SHELL = { forCli: false };
const CLI = { forCli: true };

/** The local minute the message shows for `now` (the test runs in any time zone). */
function shown(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function foreignLock(file: string, over: Partial<LockHolder>): string {
  const text = JSON.stringify({ shell: '桌面程序', operator: '张三', pid: process.ppid, hostname: hostname(), since: now().toISOString(), ...over });
  writeFileSync(lockFileOf(file), text);
  return text;
}

/** A pid that surely has no process: a child that has run and exited (and been reaped). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
  return r.pid;
}

describe('archive lock', () => {
  it('is created beside the archive naming holder and since, shared within the process, and gone once the last holder lets go', () => {
    const dir = tempDir();
    const file = join(dir, '青山镇.db');
    const a = acquireArchiveLock(file, { shell: '命令行', operator: ' 李四 ' }, now, CLI);
    const held = JSON.parse(readFileSync(lockFileOf(file), 'utf8')) as LockHolder;
    expect(held).toMatchObject({ shell: '命令行', operator: '李四', pid: process.pid, hostname: hostname(), since: '2026-12-02T01:14:00.000Z' });
    expect(Object.keys(held).sort()).toEqual(['boot', 'hostname', 'operator', 'pid', 'shell', 'since']);
    expect(archiveHolder(file)).toBeNull(); // our own process is not "another opener"
    const b = acquireArchiveLock(file, { shell: '命令行', operator: '王五' }, now, CLI);
    a.release();
    a.release(); // once only: the second holder still has it
    expect(existsSync(lockFileOf(file))).toBe(true);
    b.release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a live holder on this machine is respected: refused with its name and since, its lock file untouched', () => {
    const file = join(tempDir(), '青山镇.db');
    const text = foreignLock(file, {});
    expect(() => acquireArchiveLock(file, { shell: '命令行', operator: '李四' }, now, CLI)).toThrow(
      `档案正由 张三（桌面程序）于 ${shown(now())} 起打开使用，同一时间只能在一处修改。请在那里关闭档案后再试；只查看可用只读命令（如 stats、check、export-xlsx）。`,
    );
    expect(() => acquireArchiveLock(file, { shell: '浏览器界面', operator: '李四' }, now, SHELL)).toThrow(/张三（桌面程序）.*请在那里关闭档案后再打开。$/);
    expect(archiveHolder(file)).toMatchObject({ operator: '张三', pid: process.ppid });
    expect(readFileSync(lockFileOf(file), 'utf8')).toBe(text);
  });

  it("another machine's lock is respected, naming the machine and how to clear a lock left behind", () => {
    const file = join(tempDir(), '青山镇.db');
    const text = foreignLock(file, { hostname: '乡镇站-办公室2', pid: deadPid() });
    expect(() => acquireArchiveLock(file, { shell: '命令行', operator: '李四' }, now, CLI)).toThrow(/张三（桌面程序，电脑 乡镇站-办公室2）.*可删除档案旁的文件 青山镇\.db\.lock 后再试/);
    expect(readFileSync(lockFileOf(file), 'utf8')).toBe(text);
  });

  it("a dead holder's lock (pid gone, or from before the machine restarted) is taken over, and ours goes on release", () => {
    for (const over of [{ pid: deadPid() }, { pid: process.ppid, boot: 1 }]) {
      const dir = tempDir();
      const file = join(dir, '青山镇.db');
      foreignLock(file, over);
      expect(archiveHolder(file)).toBeNull();
      const lock = acquireArchiveLock(file, { shell: '浏览器界面', operator: '李四' }, now, SHELL);
      expect(JSON.parse(readFileSync(lockFileOf(file), 'utf8'))).toMatchObject({ operator: '李四', pid: process.pid });
      lock.release();
      expect(readdirSync(dir)).toEqual([]);
    }
  });

  it('release leaves a lock that is no longer ours (taken over by someone after ours was judged stale)', () => {
    const file = join(tempDir(), '青山镇.db');
    const lock = acquireArchiveLock(file, { shell: '命令行', operator: '李四' }, now, CLI);
    const text = foreignLock(file, {});
    lock.release();
    expect(readFileSync(lockFileOf(file), 'utf8')).toBe(text);
  });
});
