// Test helper: a fake of the parts of Electron the main process uses, recording what is
// called in which order. The real package cannot load here (no binary) and must never be
// imported by tests. The app root is a temp folder with a stand-in dist/renderer/index.html.
// Also faked: the screens (work areas), the file dialogs (answers set by the test), printing
// (webContents.print's outcome per call) and window events (fire them with `emit`).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import { vi } from 'vitest';
import type { Envelope } from '../shared/api/index.ts';
import type { SenderEvent } from './ipc.ts';
import type { ElectronMain } from './startup.ts';
import type { Rect } from './window-state.ts';

export interface FakeWindow {
  options: BrowserWindowConstructorOptions;
  url?: string;
  focus: () => void;
  /** Fires a window event the app listens to ('resize', 'move', 'close' …). */
  emit: (event: string) => void;
  bounds: Rect;
  maximized: boolean;
  maximize: () => void;
  destroyed: boolean;
}

export interface FakePrint {
  window: FakeWindow;
  options: WebContentsPrintOptions;
}

export interface FakeOptions {
  lock?: boolean;
  renderer?: boolean;
  /** Work areas of the screens, the first the primary (default one 1920×1040). */
  displays?: Rect[];
}

export function fakeElectron(opts: FakeOptions = {}) {
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
  const showMessageBox = vi.fn(() => Promise.resolve({ response: 0 }));
  const displays = opts.displays ?? [{ x: 0, y: 0, width: 1920, height: 1040 }];
  /** What the next dialogs answer (a path, or null for cancel), in order. */
  const dialogAnswers: (string | null)[] = [];
  const dialogCalls: { kind: 'open' | 'save'; options: { defaultPath?: string; filters?: { name: string; extensions: string[] }[]; title?: string } }[] = [];
  const prints: FakePrint[] = [];
  /** The outcome of each webContents.print (default: printed). */
  let printOutcome: (n: number, options: WebContentsPrintOptions) => [boolean, string] = () => [true, ''];
  const printRequests: string[] = [];

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
    entry: FakeWindow;
    private readonly listeners = new Map<string, (() => void)[]>();
    webContents = {
      on: vi.fn(),
      send: vi.fn(),
      getPrintersAsync: () => Promise.resolve([{ name: 'HP_LaserJet_1020', displayName: 'HP LaserJet 1020', description: '办公室', options: {} }]),
      print: (options: WebContentsPrintOptions, callback: (success: boolean, reason: string) => void) => {
        prints.push({ window: this.entry, options });
        const [ok, reason] = printOutcome(prints.length, options);
        queueMicrotask(() => {
          callback(ok, reason);
        });
      },
    };
    constructor(options: BrowserWindowConstructorOptions) {
      calls.push('window');
      const entry: FakeWindow = {
        options,
        focus: vi.fn(),
        emit: (event) => {
          for (const l of this.listeners.get(event) ?? []) l();
        },
        bounds: { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 },
        maximized: false,
        maximize: () => {
          entry.maximized = true;
        },
        destroyed: false,
      };
      this.entry = entry;
      windows.push(entry);
    }
    on(event: string, l: () => void) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), l]);
    }
    once() {}
    show() {}
    isDestroyed = () => this.entry.destroyed;
    destroy() {
      this.entry.destroyed = true;
    }
    isMinimized = () => false;
    isMaximized = () => this.entry.maximized;
    maximize() {
      this.entry.maximize();
    }
    getNormalBounds = () => ({ ...this.entry.bounds });
    restore() {}
    focus() {
      this.entry.focus();
    }
    loadURL(url: string) {
      this.entry.url = url;
      if (this.entry.options.webPreferences?.partition) printRequests.push(url);
      return Promise.resolve();
    }
  }
  const answer = (kind: 'open' | 'save', a: unknown, b?: unknown) => {
    const options = (b ?? a) as (typeof dialogCalls)[number]['options'];
    dialogCalls.push({ kind, options });
    return dialogAnswers.length ? (dialogAnswers.shift() ?? null) : null;
  };
  const fakeSession = (name: string) => ({
    setPermissionRequestHandler: () => calls.push(`harden ${name}`),
    setPermissionCheckHandler: () => undefined,
    webRequest: { onBeforeRequest: () => undefined, onHeadersReceived: () => undefined },
  });
  const electron = {
    app,
    BrowserWindow,
    dialog: {
      showErrorBox,
      showMessageBoxSync: vi.fn(() => 1),
      showMessageBox,
      showOpenDialog: (a: unknown, b?: unknown) => {
        const file = answer('open', a, b);
        return Promise.resolve({ canceled: !file, filePaths: file ? [file] : [] });
      },
      showSaveDialog: (a: unknown, b?: unknown) => {
        const file = answer('save', a, b);
        return Promise.resolve({ canceled: !file, filePath: file ?? '' });
      },
    },
    ipcMain: {
      handle: (channel: string, listener: (event: SenderEvent, input: unknown) => Promise<Envelope<unknown>>) => {
        if (!handlers.size) calls.push('handlers');
        handlers.set(channel, listener);
      },
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => calls.push('menu') },
    screen: {
      getAllDisplays: () => displays.map((workArea) => ({ workArea })),
      getPrimaryDisplay: () => ({ workArea: displays[0]! }),
    },
    session: {
      defaultSession: { ...fakeSession('session'), setPermissionRequestHandler: () => calls.push('harden session') },
      fromPartition: (name: string) => fakeSession(name),
    },
  };
  return {
    electron: electron as unknown as ElectronMain,
    root,
    calls,
    paths,
    appOn,
    windows,
    dialogAnswers,
    dialogCalls,
    prints,
    printRequests,
    setPrintOutcome: (f: typeof printOutcome) => {
      printOutcome = f;
    },
    handled: () => [...handlers.keys()],
    /** Calls a registered IPC handler as the app's own page would. */
    invoke: (channel: string, input: unknown, url = windows[0]?.url ?? '') => handlers.get(channel)!({ senderFrame: { url, parent: null } }, input),
    showErrorBox,
    /** Message boxes shown so far. */
    messageBoxes: () => showMessageBox.mock.calls.length,
    app,
  };
}
