// Test helper: a fake of the parts of Electron the main process uses, recording what is
// called in which order. The real package cannot load here (no binary) and must never be
// imported by tests. The app root is a temp folder with a stand-in dist/renderer/index.html.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { vi } from 'vitest';
import type { Envelope } from '../shared/api/index.ts';
import type { SenderEvent } from './ipc.ts';
import type { ElectronMain } from './startup.ts';

export interface FakeWindow {
  options: BrowserWindowConstructorOptions;
  url?: string;
  focus: () => void;
}

export function fakeElectron(opts: { lock?: boolean; renderer?: boolean } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'relief-electron-'));
  if (opts.renderer !== false) {
    mkdirSync(join(root, 'dist', 'renderer'), { recursive: true });
    writeFileSync(join(root, 'dist', 'renderer', 'index.html'), '<!doctype html>');
  }
  const calls: string[] = [];
  const paths: Record<string, string> = { appData: join(root, 'appData'), documents: root };
  const appOn = new Map<string, (...a: unknown[]) => void>();
  const windows: FakeWindow[] = [];
  const handlers = new Map<string, (event: SenderEvent, input: unknown) => Promise<Envelope<unknown>>>();
  const showErrorBox = vi.fn();
  const app = {
    setPath: (name: string, p: string) => {
      calls.push(`setPath ${name}`);
      paths[name] = p;
    },
    getPath: (name: string) => paths[name]!,
    enableSandbox: () => calls.push('enableSandbox'),
    requestSingleInstanceLock: () => {
      calls.push('lock');
      return opts.lock ?? true;
    },
    on: (name: string, l: (...a: unknown[]) => void) => appOn.set(name, l),
    whenReady: () => {
      calls.push('whenReady');
      return Promise.resolve();
    },
    getAppPath: () => root,
    isPackaged: true,
    getVersion: () => '0.1.0',
    quit: vi.fn(() => calls.push('quit')),
    exit: vi.fn(() => calls.push('exit')),
  };
  class BrowserWindow {
    webContents = { on: vi.fn(), send: vi.fn() };
    entry: FakeWindow;
    constructor(options: BrowserWindowConstructorOptions) {
      calls.push('window');
      const focus = vi.fn();
      this.entry = { options, focus };
      windows.push(this.entry);
    }
    once() {}
    show() {}
    isDestroyed = () => false;
    isMinimized = () => false;
    restore() {}
    focus() {
      this.entry.focus();
    }
    loadURL(url: string) {
      this.entry.url = url;
      return Promise.resolve();
    }
  }
  const electron = {
    app,
    BrowserWindow,
    dialog: { showErrorBox, showMessageBoxSync: vi.fn(() => 1) },
    ipcMain: {
      handle: (channel: string, listener: (event: SenderEvent, input: unknown) => Promise<Envelope<unknown>>) => {
        if (!handlers.size) calls.push('handlers');
        handlers.set(channel, listener);
      },
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => calls.push('menu') },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => calls.push('harden session'),
        setPermissionCheckHandler: () => undefined,
        webRequest: { onBeforeRequest: () => undefined, onHeadersReceived: () => undefined },
      },
    },
  };
  return {
    electron: electron as unknown as ElectronMain,
    root,
    calls,
    paths,
    appOn,
    windows,
    handled: () => [...handlers.keys()],
    /** Calls a registered IPC handler as the app's own page would. */
    invoke: (channel: string, input: unknown, url = windows[0]?.url ?? '') => handlers.get(channel)!({ senderFrame: { url, parent: null } }, input),
    showErrorBox,
    app,
  };
}
