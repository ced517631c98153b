// The IPC binding over the real core dispatcher and a real session in a temp folder; only
// Electron's ipcMain is a fake (a map of registered handlers).
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createCoreDispatch } from '../core/api/index.ts';
import type { Dispatch } from '../core/api/dispatch.ts';
import { createSession } from '../core/session.ts';
import { TEST_PASSWORD, tempDir } from '../core/testing.ts';
import { CHANNELS } from '../shared/api/index.ts';
import type { Envelope } from '../shared/api/index.ts';
import { systemClock } from '../shared/clock.ts';
import { appLocation, isAppPage } from './app-location.ts';
import { FOREIGN_SENDER_MESSAGE, registerApi } from './ipc.ts';
import type { IpcMainLike, SenderEvent } from './ipc.ts';

vi.mock('electron', () => {
  throw new Error('electron must not be imported by these tests');
});

const dir = tempDir();
const session = createSession({ dataDir: dir, clock: systemClock });
afterAll(() => {
  session.close();
  rmSync(dir, { recursive: true, force: true });
});

const loc = appLocation('/opt/relief-archive/resources/app.asar');
const own = (url = loc.pageUrl): SenderEvent => ({ senderFrame: { url, parent: null } });

function setup(dispatch: Dispatch = createCoreDispatch(session)) {
  const handlers = new Map<string, (event: SenderEvent, input: unknown) => Promise<Envelope<unknown>>>();
  const registrations: string[] = [];
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      registrations.push(channel);
      handlers.set(channel, listener);
    },
  };
  const spy = vi.fn(dispatch);
  const log = vi.fn();
  const registered = registerApi(ipcMain, spy, { isAppPage: (u) => isAppPage(u, loc), log });
  const call = (channel: string, input: unknown, event: SenderEvent = own()) => handlers.get(channel)!(event, input);
  return { registrations, registered, call, dispatch: spy, log };
}

describe('registerApi', () => {
  it('registers exactly the contract channels, once each', () => {
    const { registrations, registered } = setup();
    expect([...registrations].sort()).toEqual([...CHANNELS].sort());
    expect(registered).toEqual(registrations);
    expect(new Set(registrations).size).toBe(registrations.length);
  });

  it('refuses calls from a foreign page, a subframe or a closed frame without reaching the core', async () => {
    const { call, dispatch } = setup();
    const foreign: SenderEvent[] = [
      own('https://evil.example/'),
      own('file:///tmp/other.html'),
      own('http://localhost:5173/'),
      { senderFrame: { url: loc.pageUrl, parent: {} } },
      { senderFrame: null },
    ];
    for (const event of foreign) {
      const r = await call('archive.session', {}, event);
      expect(r).toEqual({ ok: false, error: { message: FOREIGN_SENDER_MESSAGE, kind: 'refused', details: [] } });
    }
    expect(FOREIGN_SENDER_MESSAGE).toBe('拒绝：调用来自未知页面');
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('passes valid input to the core and returns its envelope', async () => {
    const { call, dispatch } = setup();
    const input = { name: '青山镇', admin: { name: '王会计', password: TEST_PASSWORD } };
    const r = await call('archive.create', input, own(`${loc.pageUrl}#/households`));
    expect(dispatch).toHaveBeenCalledWith('archive.create', input);
    expect(r.ok).toBe(true);
    expect(r.ok && (r.value as { operator: string }).operator).toBe('王会计');
    expect(session.operator).toBe('王会计');
    session.close(); // the next tests start with no archive open
  });

  it('bad input comes back as the dispatcher’s Chinese validation error', async () => {
    const { call } = setup();
    const r = await call('archive.login', { name: '', password: TEST_PASSWORD });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('usage');
    expect(r.error.message).toMatch(/^填写的内容有误：.*请填写姓名/);
    expect(r.error.field).toBe('name');
  });

  it('a core refusal (no archive open) is an envelope too', async () => {
    const { call } = setup();
    const r = await call('villages.list', {});
    expect(r).toMatchObject({ ok: false, error: { kind: 'refused', message: expect.stringMatching(/还没有打开档案/) as string } });
  });

  it('never throws across IPC, even if the dispatcher does', async () => {
    const { call, log } = setup(() => Promise.reject(new Error('boom')));
    const r = await call('archive.session', {});
    expect(r).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(log).toHaveBeenCalled();
  });

  it('is the only place in electron/ that registers IPC handlers', () => {
    const sources = readdirSync(import.meta.dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const offenders = sources.filter((f) => f !== 'ipc.ts' && /ipcMain\s*\.\s*(handle|handleOnce|on|once)\s*\(|\.handle\(/.test(readFileSync(join(import.meta.dirname, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
