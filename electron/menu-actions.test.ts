// 打开档案 / 备份 / 从备份恢复 / 关于 with faked dialogs over the real core (temp session, real archives).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCoreDispatch } from '../core/api/index.ts';
import { pathGuardOf } from '../core/api/path-guard.ts';
import { createSession } from '../core/session.ts';
import type { Session } from '../core/session.ts';
import { TEST_PASSWORD, tempDir } from '../core/testing.ts';
import { systemClock } from '../shared/clock.ts';
import { backupFolder, menuActions } from './menu-actions.ts';
import type { Dialogs } from './menu-actions.ts';

vi.mock('electron', () => {
  throw new Error('electron must not be imported by these tests');
});

let dir: string;
let archiveFile: string;
let session: Session;

beforeAll(async () => {
  dir = tempDir();
  // Made by one session, opened through the menu by another, as after a restart.
  const maker = createSession({ dataDir: dir, clock: systemClock });
  await maker.create({ name: '青山镇', code: null, county: null, province: null, role: 'township', file: join(dir, '青山镇.db'), admin: { name: '测试', password: TEST_PASSWORD } });
  archiveFile = maker.archive!.file;
  maker.close();
  session = createSession({ dataDir: join(dir, 'data'), clock: systemClock });
});
afterAll(() => {
  session.close();
  rmSync(dir, { recursive: true, force: true });
});

function setup(answers: { open?: string | null; save?: string | null } = {}) {
  const messages: Parameters<Dialogs['message']>[0][] = [];
  // As electronDialogs does: a path the user picked is registered with the session's path guard.
  const picked = (file: string | null | undefined) => {
    if (file) pathGuardOf(session).choose(file);
    return Promise.resolve(file ?? null);
  };
  const open = vi.fn((_o: Parameters<Dialogs['open']>[0]) => picked(answers.open));
  const save = vi.fn((_o: Parameters<Dialogs['save']>[0]) => picked(answers.save));
  const dialogs: Dialogs = {
    open,
    save,
    message: vi.fn((o: Parameters<Dialogs['message']>[0]) => {
      messages.push(o);
      return Promise.resolve();
    }),
  };
  const notify = vi.fn();
  const actions = menuActions({
    dialogs,
    dispatch: createCoreDispatch(session),
    session,
    notify,
    appVersion: '0.1.0',
    now: () => new Date(2026, 0, 2, 3, 4),
  });
  return { actions, open, save, notify, messages };
}

describe('文件 → 新建档案', () => {
  it('asks the page to show its form', () => {
    const { actions, notify } = setup();
    void actions.newArchive();
    expect(notify).toHaveBeenCalledWith('menu.newArchive');
  });
});

describe('文件 → 备份…', () => {
  it('says so when no archive is open', async () => {
    const { actions, save, messages } = setup({ save: join(dir, 'x.db') });
    await actions.backup();
    expect(save).not.toHaveBeenCalled();
    expect(messages[0]).toMatchObject({ type: 'warning', message: '还没有打开档案。' });
  });
});

describe('文件 → 打开档案…', () => {
  it('does nothing when the dialog is cancelled', async () => {
    const { actions, notify, messages } = setup({ open: null });
    await actions.openArchive();
    expect(notify).not.toHaveBeenCalled();
    expect(messages).toEqual([]);
    expect(session.archive).toBeNull();
  });

  it('refuses a file that is not an archive, in Chinese, and changes nothing', async () => {
    const bogus = join(dir, '不是档案.db');
    writeFileSync(bogus, 'hello');
    const { actions, notify, messages } = setup({ open: bogus });
    await actions.openArchive();
    expect(notify).not.toHaveBeenCalled();
    expect(messages[0]!.type).toBe('error');
    expect(messages[0]!.detail).toMatch(/[\u4e00-\u9fff]/);
    expect(session.archive).toBeNull();
  });

  it('chooses the archive through the core and tells the page, which then asks for the login', async () => {
    const { actions, open, notify } = setup({ open: archiveFile });
    await actions.openArchive();
    expect(open).toHaveBeenCalledWith(expect.objectContaining({ title: '打开档案', defaultPath: session.dataDir }));
    expect(session.archive).toBeNull(); // encrypted: nothing is open before the password is given
    expect(session.pending).toEqual({ file: archiveFile, kind: 'login' });
    expect(notify).toHaveBeenCalledWith('session.changed');
    expect(await createCoreDispatch(session)('archive.login', { name: '测试', password: TEST_PASSWORD })).toMatchObject({ ok: true });
    expect(session.archive?.file).toBe(archiveFile);
  });
});

describe('文件 → 备份… with an open archive', () => {
  it('proposes a dated name beside the archive and writes a checked copy', async () => {
    const out = join(dir, '备份1.db');
    const { actions, save, messages } = setup({ save: out });
    await actions.backup();
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: join(dir, '青山镇-备份-20260102-0304.db') }));
    expect(existsSync(out)).toBe(true);
    expect(existsSync(`${out}.key`)).toBe(true);
    // The backup opens only with its key file (or the recovery code): the message names both files.
    expect(messages.at(-1)).toMatchObject({ type: 'info', detail: `${out}\n密钥文件：${out}.key（须与备份放在一起）` });
  });

  it('refuses to overwrite an existing file, in Chinese', async () => {
    const out = join(dir, '备份1.db');
    const { actions, messages } = setup({ save: out });
    await actions.backup();
    expect(messages.at(-1)).toMatchObject({ type: 'error', message: '备份没有完成。', detail: expect.stringMatching(/已存在/) as string });
  });
});

describe('文件 → 从备份恢复…', () => {
  const helpers = async (d: ReturnType<typeof createCoreDispatch>) => {
    const r = await d('help.helpers', {});
    return r.ok ? (r.value as { name: string }[]).map((h) => h.name) : r.error.message;
  };

  it('restores the chosen backup and works on in the restored file: the next save lands there, none in the file moved aside', async () => {
    const dispatch = createCoreDispatch(session);
    expect(await dispatch('help.saveHelper', { name: '备份后干部' })).toMatchObject({ ok: true }); // after 备份1.db: the restore takes it back
    const { actions, open, notify, messages } = setup({ open: join(dir, '备份1.db') });
    // The backups beside the archive: its own folder until a restore has made its 备份 folder.
    expect(backupFolder(archiveFile)).toBe(dir);
    await actions.restore();
    expect(open).toHaveBeenCalledWith(expect.objectContaining({ title: '选择用来恢复的备份文件', defaultPath: dir }));
    expect(backupFolder(archiveFile)).toBe(join(dir, '备份'));
    expect(notify).toHaveBeenCalledWith('session.changed');
    const done = messages.at(-1)!;
    expect(done).toMatchObject({ type: 'info', message: '已从备份恢复档案。' });
    const moved = /原档案已移到：(.+)（未删除）/.exec(done.detail ?? '')![1]!;
    const movedBytes = readFileSync(moved);
    expect(await helpers(dispatch)).not.toContain('备份后干部');
    expect(await dispatch('help.saveHelper', { name: '恢复后干部' })).toMatchObject({ ok: true });
    expect(readFileSync(moved).equals(movedBytes)).toBe(true);
    // Reopened as after a restart: the save is in the archive file.
    session.lock();
    expect(await dispatch('archive.login', { name: '测试', password: TEST_PASSWORD })).toMatchObject({ ok: true });
    expect(await helpers(dispatch)).toContain('恢复后干部');
  });

  it('refuses a file that is not a backup of this archive, in Chinese, and the archive stays open as it was', async () => {
    const bogus = join(dir, '不是备份.db');
    writeFileSync(bogus, 'not an archive');
    const { actions, messages } = setup({ open: bogus });
    await actions.restore();
    expect(messages.at(-1)).toMatchObject({ type: 'error', message: '档案没有恢复。' });
    expect(session.archive?.file).toBe(archiveFile);
    expect(await helpers(createCoreDispatch(session))).toContain('恢复后干部');
  });
});

describe('帮助 → 关于', () => {
  it('names the version and says the app stays offline', async () => {
    const { actions, messages } = setup();
    await actions.about();
    expect(messages[0]!.message).toBe('扶贫档案 0.1.0');
    expect(messages[0]!.detail).toMatch(/不联网/);
  });
});
