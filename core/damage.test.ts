// Damage: once the archive is found damaged (an integrity check, or a read or write failing with a
// damaged page), the session is read-only — every write refused with the way to restore, the file
// untouched by the attempts; and a -wal deleted while the archive is open loses no confirmed save.
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, openSync, readFileSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openArchive } from '../db/open.ts';
import { sqlColumn } from '../db/testing.ts';
import { fixedDayClock } from '../shared/clock.ts';
import { backupArchive } from './backup.ts';
import { createDispatcher } from './api/dispatch.ts';
import { createCoreDispatch } from './api/index.ts';
import type { Archive } from './archive.ts';
import { generateDemo } from './demo/index.ts';
import { createSession } from './session.ts';
import type { Session } from './session.ts';
import { createTestArchive, tempDir } from './testing.ts';

const actor = { operator: '测试', now: () => new Date('2026-11-24T08:00:00Z') };
const RESTORE = /已损坏或无法正常读写.*只能查看、不能修改.*文件 → 从备份恢复….*relief-archive restore 备份文件 --db 档案文件/;
let session: Session | null = null;
afterEach(() => {
  session?.close();
  session = null;
});

function attached(archive: Archive): Session {
  session = createSession({ dataDir: tempDir(), clock: fixedDayClock('2026-11-24') });
  session.attach(archive, { name: '测试', role: 'admin' });
  return session;
}

/** The archive file and its log, as bytes on disk. */
function diskSha(file: string): string {
  const h = createHash('sha256');
  for (const f of [file, `${file}-wal`]) if (existsSync(f)) h.update(readFileSync(f));
  return h.digest('hex');
}

/** Inverts 64 bytes in the middle of a page halfway through the file (the header page untouched). */
function flipPage(file: string): void {
  const pages = statSync(file).size / 4096;
  const at = Math.floor(pages / 2) * 4096 + 1500;
  const fd = openSync(file, 'r+');
  const buf = Buffer.alloc(64);
  readSync(fd, buf, 0, 64, at);
  for (let i = 0; i < buf.length; i++) buf[i] = buf[i]! ^ 0xff;
  writeSync(fd, buf, 0, 64, at);
  closeSync(fd);
}

describe('a damaged archive', () => {
  it('is reported by 核验 (integrity check) and then refuses every write, leaving the file as it was', async () => {
    const made = await createTestArchive({ file: join(tempDir(), 'a.db'), name: '青山镇', code: '511922101000' });
    generateDemo(made, { villages: 2, households: 60, seed: 'damage', asOf: '2026-11-24', actor });
    const { file, key } = made;
    const backup = backupArchive(made, join(tempDir(), 'before.db')).file;
    made.close();
    flipPage(file);
    const s = attached(openArchive(file, { key }));
    const dispatch = createCoreDispatch(s);
    expect(s.state().damaged).toBeNull();

    const verify = await dispatch('audit.verify', {});
    expect(verify.ok).toBe(false);
    if (!verify.ok) expect(verify.error.message).toMatch(RESTORE);
    expect(s.state().damaged).toMatch(RESTORE);

    const before = diskSha(file);
    for (const [channel, input] of [
      ['help.saveHelper', { name: '王干部' }],
      ['villages.list', {}],
      ['audit.undoLast', {}],
      ['accounts.add', { name: '钱某', role: 'viewer', password: 'viewer-pass-2026' }],
    ] as const) {
      const r = await dispatch(channel, input);
      if (channel === 'villages.list') continue; // a read: answered where the pages allow
      expect(r.ok, channel).toBe(false);
      if (!r.ok) expect(r.error.message, channel).toBe(s.state().damaged);
    }
    // The session itself still answers, with the mark for the banner.
    const state = await dispatch('archive.session', {});
    expect(state.ok && (state.value as { damaged: string | null }).damaged).toMatch(RESTORE);
    expect(diskSha(file)).toBe(before);

    // The way out the message names: restore from the backup inside the app, and writing works again.
    s.restore(backup);
    expect(s.state().damaged).toBeNull();
    expect(await dispatch('help.saveHelper', { name: '王干部' })).toMatchObject({ ok: true });
  });

  it('is marked by a read that meets a damaged page, and no later write reaches the archive', async () => {
    const s = attached(await createTestArchive({ file: join(tempDir(), 'a.db'), name: '青山镇', code: '511922101000' }));
    let writes = 0;
    const dispatch = createDispatcher(
      s,
      new Map<string, () => unknown>([
        ['households.list', () => Promise.reject(Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' }))],
        ['help.saveHelper', () => ++writes],
        ['archive.lock', () => 'locked'],
      ]),
    );
    const read = await dispatch('households.list', {});
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.message).toMatch(/档案文件已损坏/);
    expect(s.damaged()).toMatch(/SQLITE_CORRUPT/);
    const write = await dispatch('help.saveHelper', { name: '王干部' });
    expect(write).toMatchObject({ ok: false, error: { kind: 'refused', message: s.damaged() } });
    expect(writes).toBe(0);
    // Leaving the archive is still allowed.
    expect(await dispatch('archive.lock', {})).toEqual({ ok: true, value: 'locked' });
  });
});

describe('a -wal deleted while the archive is open', () => {
  it('loses no save the clerk was told succeeded: the committed pages go into the archive file and a fresh log is started', async () => {
    const archive = await createTestArchive({ file: join(tempDir(), 'a.db'), name: '青山镇', code: '511922101000' });
    const { file, key } = archive;
    const dispatch = createCoreDispatch(attached(archive));
    const save = async (name: string) => expect(await dispatch('help.saveHelper', { name })).toMatchObject({ ok: true });
    await save('王一');
    rmSync(`${file}-wal`);
    await save('王二');
    expect(existsSync(`${file}-wal`)).toBe(true);
    rmSync(`${file}-wal`);
    await save('王三');
    await save('王四');
    // The crash: only what is on disk now counts (the open connection is never closed).
    const image = join(tempDir(), 'crash.db');
    copyFileSync(file, image);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${image}-wal`);
    const after = openArchive(image, { key });
    try {
      expect(sqlColumn(after, 'SELECT name FROM helpers').sort()).toEqual(['王一', '王三', '王二', '王四'].sort());
    } finally {
      after.close();
    }
    expect(session!.damaged()).toBeNull();
  });
});
