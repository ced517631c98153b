// The start screen's list: the archive folder's .db files (not their -wal, key, lock or other
// files), newest first, recent ones left to the recent list; an archive another live process
// holds is named with its holder before the clerk tries to open it.
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../db/testing.ts';
import { archiveChoices } from './archive-list.ts';

const dir = tempDir('choices-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function touch(name: string, at: string): string {
  const file = join(dir, name);
  writeFileSync(file, 'x'.repeat(100));
  utimesSync(file, new Date(at), new Date(at));
  return file;
}

describe('archiveChoices', () => {
  it('lists the folder archives newest first, names the one held elsewhere, leaves recent ones out', () => {
    const old = touch('白马镇.db', '2026-10-01T08:00:00Z');
    const fresh = touch('青山镇.db', '2026-11-20T08:00:00Z');
    const recent = touch('红岩镇.db', '2026-11-21T08:00:00Z');
    for (const other of ['青山镇.db-wal', '青山镇.db.keys', 'recent.json', '说明.txt']) touch(other, '2026-11-22T08:00:00Z');
    // 青山镇 and 红岩镇 are held by a live process of this machine (the test runner's parent).
    const boot = Math.round((Date.now() - uptime() * 1000) / 60_000) * 60_000;
    const lock = { shell: '桌面程序', operator: '张三', pid: process.ppid, hostname: hostname(), since: '2026-11-24T01:30:00.000Z', boot };
    writeFileSync(`${fresh}.lock`, JSON.stringify(lock));
    writeFileSync(`${recent}.lock`, JSON.stringify({ ...lock, operator: '李四' }));

    const c = archiveChoices(dir, [recent], false);
    expect(c.folder).toBe(dir);
    expect(c.nativeDialogs).toBe(false);
    expect(c.inFolder.map((a) => a.name)).toEqual(['青山镇', '白马镇']);
    expect(c.inFolder[0]).toMatchObject({ file: fresh, bytes: 100, modifiedAt: '2026-11-20T08:00:00.000Z' });
    expect(c.inFolder[0]!.busy).toMatch(/^正由 张三（桌面程序）于 2026-11-24 \d\d:30 起使用$/);
    expect(c.inFolder[1]).toMatchObject({ file: old, busy: null });
    expect(Object.keys(c.busy)).toEqual([recent]);
    expect(c.busy[recent]).toContain('李四（桌面程序）');
  });

  it('a missing folder lists nothing', () => {
    expect(archiveChoices(join(dir, '没有'), [], true)).toEqual({ folder: join(dir, '没有'), inFolder: [], busy: {}, nativeDialogs: true });
  });
});
