// The preload against a mocked Electron: one frozen object with only `invoke`, unknown
// channels refused before IPC, ipcRenderer never handed to the page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../shared/api/index.ts';
import type { Envelope } from '../shared/api/index.ts';
import { createBridge, SHELL_EVENT } from './preload-bridge.ts';
import type { ReliefArchiveBridge } from './preload-bridge.ts';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), send: vi.fn(), sendSync: vi.fn() },
}));
vi.mock('electron', () => electron);

async function loadPreload(): Promise<{ bridge: ReliefArchiveBridge; onShell: (event: unknown, name: unknown) => void }> {
  vi.resetModules();
  electron.contextBridge.exposeInMainWorld.mockClear();
  electron.ipcRenderer.on.mockClear();
  await import('./preload.ts');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, ReliefArchiveBridge];
  expect(name).toBe('reliefArchive');
  const [channel, onShell] = electron.ipcRenderer.on.mock.calls[0] as [string, (event: unknown, name: unknown) => void];
  expect(channel).toBe(SHELL_EVENT);
  return { bridge, onShell };
}

beforeEach(() => {
  electron.ipcRenderer.invoke.mockReset();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('preload', () => {
  it('exposes exactly one frozen object with only invoke', async () => {
    const { bridge } = await loadPreload();
    expect(Object.keys(bridge)).toEqual(['invoke']);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(typeof bridge.invoke).toBe('function');
    expect(Object.values(bridge)).not.toContain(electron.ipcRenderer);
    expect(() => {
      (bridge as unknown as Record<string, unknown>).ipcRenderer = electron.ipcRenderer;
    }).toThrow(TypeError);
  });

  it('forwards every contract channel to ipcRenderer.invoke and returns its envelope', async () => {
    const { bridge } = await loadPreload();
    const answer: Envelope<unknown> = { ok: true, value: { operator: null } };
    electron.ipcRenderer.invoke.mockResolvedValue(answer);
    for (const channel of CHANNELS) {
      await expect(bridge.invoke(channel, { x: 1 })).resolves.toBe(answer);
      expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(channel, { x: 1 });
    }
  });

  it('refuses unknown channels without touching IPC', async () => {
    const { bridge } = await loadPreload();
    for (const channel of ['fs.readFile', 'archive.session ', '__proto__', 'constructor', '', 42 as unknown as string]) {
      const r = await bridge.invoke(channel, {});
      expect(r).toMatchObject({ ok: false, error: { kind: 'usage', message: expect.stringMatching(/^未知的调用.*已拒绝/) as string } });
    }
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('turns an IPC failure into an envelope instead of a rejection', async () => {
    const { bridge } = await loadPreload();
    electron.ipcRenderer.invoke.mockRejectedValue(new Error('An object could not be cloned.'));
    await expect(bridge.invoke('archive.session', {})).resolves.toMatchObject({ ok: false, error: { kind: 'internal', details: ['An object could not be cloned.'] } });
  });

  it('re-dispatches only known shell events to the page', async () => {
    const { onShell } = await loadPreload();
    const dispatchEvent = vi.fn();
    vi.stubGlobal('dispatchEvent', dispatchEvent);
    onShell({}, 'session.changed');
    onShell({}, 'evil');
    onShell({}, { toString: () => 'session.changed' });
    expect(dispatchEvent).toHaveBeenCalledTimes(1);
    const event = dispatchEvent.mock.calls[0]![0] as CustomEvent<string>;
    expect(event.type).toBe(SHELL_EVENT);
    expect(event.detail).toBe('session.changed');
  });
});

describe('createBridge', () => {
  it('uses its own copy of the allow-list', async () => {
    const list = ['a.b'];
    const send = vi.fn().mockResolvedValue({ ok: true, value: 1 });
    const bridge = createBridge(list, send);
    list.push('c.d');
    await expect(bridge.invoke('c.d', {})).resolves.toMatchObject({ ok: false });
    await expect(bridge.invoke('a.b', {})).resolves.toEqual({ ok: true, value: 1 });
  });
});
