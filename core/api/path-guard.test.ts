// Paths only where the user chose them, through the dispatcher both shells use: an endpoint
// given a path outside the app's folders and the dialogs' choices is refused before its handler
// runs, with one message whatever is (or is not) at that path — so nothing is overwritten and
// nothing is probed — while the archive's folder, the data folder and a dialog's choice work.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../db/testing.ts';
import { ENDPOINTS } from '../../shared/api/index.ts';
import { fixedDayClock } from '../../shared/clock.ts';
import { createSession } from '../session.ts';
import type { Session } from '../session.ts';
import { TEST_PASSWORD } from '../testing.ts';
import { createCoreDispatch } from './index.ts';
import type { Dispatch } from './dispatch.ts';
import { pathGuardOf } from './path-guard.ts';

let session: Session;
let dispatch: Dispatch;
let root: string;
let outside: string;
let archiveDir: string;

beforeAll(async () => {
  root = tempDir();
  outside = join(root, '别处');
  archiveDir = join(root, '档案');
  mkdirSync(outside);
  mkdirSync(archiveDir);
  writeFileSync(join(outside, 'existing.json'), 'a file of someone else');
  writeFileSync(join(outside, 'existing.db'), 'not ours');
  session = createSession({ dataDir: join(root, 'data'), clock: fixedDayClock('2026-11-24') });
  dispatch = createCoreDispatch(session, (e) => {
    throw e;
  });
  // Where the new archive goes is chosen in the save dialog (registered as Electron's dialogs do).
  const file = join(archiveDir, '青山镇.db');
  expect(await dispatch('archive.create', { name: '青山镇', file, admin: { name: '测试', password: TEST_PASSWORD } })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^不能保存到这个位置/) as unknown } });
  pathGuardOf(session).choose(file);
  const created = await dispatch('archive.create', { name: '青山镇', code: '511922101000', file, admin: { name: '测试', password: TEST_PASSWORD } });
  expect(created.ok).toBe(true);
  expect((await dispatch('exchange.newKey', { name: '青山镇扶贫工作站' })).ok).toBe(true);
});
afterAll(() => session.close());

/** The refusal's message with the path taken out: it must not differ by what exists there. */
async function refusalOf(channel: string, input: Record<string, unknown>, path: string): Promise<string> {
  const r = await dispatch(channel, input);
  expect(r.ok, `${channel} ${path}`).toBe(false);
  if (r.ok) return '';
  expect(r.error.kind).toBe('refused');
  expect(r.error.message).toMatch(/^不能(保存到|读取)这个位置：/);
  expect(r.error.message).toContain('文件对话框');
  return r.error.message.replace(path, '<path>');
}

describe('paths only where the user chose them', () => {
  it('every path input of the contract is declared (so a new endpoint cannot skip the check)', () => {
    const pathLike = /^(file|out|path|dir|folder)$/;
    for (const e of ENDPOINTS.values()) {
      const shape = (e.input as { shape?: Record<string, unknown> }).shape ?? {};
      for (const field of Object.keys(shape).filter((f) => pathLike.test(f))) expect(e.paths[field], `${e.channel}.${field}`).toBeDefined();
    }
  });

  it('savePublicKey with overwrite onto a file elsewhere: refused, the file untouched, the same words as for a path that does not exist', async () => {
    const existing = join(outside, 'existing.json');
    const missing = join(outside, 'missing.json');
    const a = await refusalOf('exchange.savePublicKey', { out: existing, overwrite: true }, existing);
    const b = await refusalOf('exchange.savePublicKey', { out: missing, overwrite: true }, missing);
    expect(a).toBe(b);
    expect(readFileSync(existing, 'utf8')).toBe('a file of someone else');
    expect(readdirSync(outside).sort()).toEqual(['existing.db', 'existing.json']);
  });

  it('archive.open, inspect and unpack do not tell whether a path exists', async () => {
    const cases: [string, (file: string) => Record<string, unknown>, string][] = [
      ['archive.open', (file) => ({ file }), '.db'],
      ['exchange.inspect', (file) => ({ file }), '.fpkg'],
      ['exchange.inspectKey', (file) => ({ file }), '.json'],
    ];
    for (const [channel, input, ext] of cases) {
      const existing = join(outside, ext === '.db' ? 'existing.db' : 'existing.json');
      const messages = new Set<string>();
      for (const file of [existing, join(outside, `none${ext}`), outside, '/etc/passwd', join(session.dataDir, '..', '别处', 'existing.db')]) {
        messages.add((await refusalOf(channel, input(file), file)).replace(/：<path>。/, ''));
      }
      expect(messages.size, channel).toBe(1);
    }
    expect(session.pending?.file ?? session.archive?.file).toBe(join(archiveDir, '青山镇.db'));
  });

  it('the archive’s folder, the data folder and a dialog’s choice are allowed', async () => {
    const beside = join(archiveDir, '青山镇_public.json');
    expect(await dispatch('exchange.savePublicKey', { out: beside })).toMatchObject({ ok: true, value: { file: beside } });
    const inData = join(session.dataDir, '公钥', 'public.json');
    mkdirSync(dirname(inData), { recursive: true });
    expect(await dispatch('exchange.savePublicKey', { out: inData })).toMatchObject({ ok: true });
    const picked = join(outside, 'U盘_public.json');
    pathGuardOf(session).choose(picked);
    expect(await dispatch('exchange.savePublicKey', { out: picked })).toMatchObject({ ok: true });
    expect(readdirSync(outside).sort()).toEqual(['U盘_public.json', 'existing.db', 'existing.json']);
  });

  it('a subfolder of the archive’s folder is not the app’s (only its 备份/ and 文档/ are)', async () => {
    const sub = join(archiveDir, '子文件夹', 'x.json');
    await refusalOf('exchange.savePublicKey', { out: sub }, sub);
    const backup = join(archiveDir, '备份', 'public.json');
    mkdirSync(dirname(backup), { recursive: true });
    expect(await dispatch('exchange.savePublicKey', { out: backup })).toMatchObject({ ok: true });
    // Documents are offered in the 文档 folder beside the archive (the documents screen's default).
    const doc = join(archiveDir, '文档', '壁挂图.xlsx');
    expect(await dispatch('documents.render', { kind: 'wallchart', format: 'xlsx', out: doc })).toMatchObject({ ok: true, value: { file: doc } });
  });

  it('a folder named to the shell (the browser shell’s --allow-dir) is allowed with what is below it', async () => {
    const stick = join(root, 'U盘');
    mkdirSync(join(stick, '报送'), { recursive: true });
    const file = join(stick, '报送', 'public.json');
    await refusalOf('exchange.savePublicKey', { out: file }, file);
    pathGuardOf(session).allowFolder(stick);
    expect(await dispatch('exchange.savePublicKey', { out: file })).toMatchObject({ ok: true });
  });

  it('files.choose opens the shell’s dialog, and what it returns may then be written; without a dialog it says so', async () => {
    const guard = pathGuardOf(session);
    const none = await dispatch('files.choose', { mode: 'save', kind: 'public-key', title: '公钥保存到' });
    expect(none).toMatchObject({ ok: false, error: { kind: 'refused', message: expect.stringMatching(/^无法打开文件对话框/) as unknown } });
    const picked = join(outside, '对话框选的_public.json');
    guard.chooser = (r) => Promise.resolve(r.mode === 'save' ? picked : null);
    try {
      expect(await dispatch('files.choose', { mode: 'save', kind: 'public-key', title: '公钥保存到' })).toMatchObject({ ok: true, value: { path: picked } });
      expect(await dispatch('exchange.savePublicKey', { out: picked })).toMatchObject({ ok: true });
      expect(await dispatch('files.choose', { mode: 'open', kind: 'package', title: '数据包文件' })).toMatchObject({ ok: true, value: { path: null } });
    } finally {
      guard.chooser = null;
    }
  });
});
