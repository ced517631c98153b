// The main window: hidden until its first paint, never smaller than the tables need, and
// asking (in Chinese) before a page with unsaved changes is closed or reloaded.
import type { BrowserWindow, BrowserWindowConstructorOptions, Event, MessageBoxSyncOptions } from 'electron';
import { webPreferences } from './security.ts';
import type { WindowState } from './window-state.ts';
import { DEFAULT_SIZE, MIN_SIZE, trackWindowState } from './window-state.ts';

export const WINDOW_TITLE = '扶贫档案';

/** `place`: where the window opens (window-state.ts); without it, Electron centres the default size. */
export function windowOptions(preload: string, devTools: boolean, place?: WindowState): BrowserWindowConstructorOptions {
  const bounds = place ? { x: place.x, y: place.y, width: place.width, height: place.height } : { ...DEFAULT_SIZE };
  return {
    title: WINDOW_TITLE,
    ...bounds,
    // A small screen (1366×768 minus the task bar) gets a window that fits rather than one cut off.
    minWidth: Math.min(MIN_SIZE.width, bounds.width),
    minHeight: Math.min(MIN_SIZE.height, bounds.height),
    show: false,
    backgroundColor: '#f5f5f5',
    webPreferences: webPreferences(preload, { devTools }),
  };
}

export const UNLOAD_PROMPT: MessageBoxSyncOptions = {
  type: 'question',
  title: WINDOW_TITLE,
  message: '还有没有保存的修改。',
  detail: '现在离开，这些修改将会丢失。要保留它们，请选“留下继续编辑”，保存后再关闭。',
  buttons: ['放弃修改并离开', '留下继续编辑'],
  defaultId: 1,
  cancelId: 1,
  noLink: true,
};

/**
 * The page's beforeunload asked to stay (it has unsaved changes). Electron shows no prompt
 * of its own: unless the user chooses to discard, the unload is cancelled.
 */
export function onWillPreventUnload(event: Pick<Event, 'preventDefault'>, ask: (options: MessageBoxSyncOptions) => number): void {
  // preventDefault() here means "ignore the page's objection and unload".
  if (ask(UNLOAD_PROMPT) === 0) event.preventDefault();
}

export const CRASH_PROMPT: MessageBoxSyncOptions = {
  type: 'error',
  title: WINDOW_TITLE,
  message: '界面意外退出了。',
  detail: '已保存的档案不受影响；正在编辑、尚未保存的内容可能丢失。',
  buttons: ['重新加载', '退出程序'],
  defaultId: 0,
  cancelId: 1,
  noLink: true,
};

export interface WindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  showMessageBoxSync: (window: BrowserWindow, options: MessageBoxSyncOptions) => number;
  quit: () => void;
  log: (message: string, error?: unknown) => void;
}

export interface MainWindowOptions {
  pageUrl: string;
  preload: string;
  devTools: boolean;
  /** Where it opens, and the file its place is saved to (window-state.ts). */
  place?: WindowState;
  stateFile?: string;
}

export function createMainWindow(deps: WindowDeps, opts: MainWindowOptions): BrowserWindow {
  const win = new deps.BrowserWindow(windowOptions(opts.preload, opts.devTools, opts.place));
  if (opts.stateFile) trackWindowState(win, opts.stateFile, { log: deps.log });
  win.once('ready-to-show', () => {
    if (opts.place?.maximized) win.maximize();
    win.show();
  });
  win.webContents.on('will-prevent-unload', (event) => {
    onWillPreventUnload(event, (o) => deps.showMessageBoxSync(win, o));
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    deps.log(`界面进程退出：${details.reason}`);
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    if (deps.showMessageBoxSync(win, CRASH_PROMPT) === 0) win.webContents.reload();
    else deps.quit();
  });
  win.loadURL(opts.pageUrl).catch((e: unknown) => {
    deps.log(`界面加载失败：${opts.pageUrl}`, e);
  });
  return win;
}
