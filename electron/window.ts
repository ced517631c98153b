// The main window: hidden until its first paint, never smaller than the tables need, and
// asking (in Chinese) before a page with unsaved changes is closed or reloaded.
import type { BrowserWindow, BrowserWindowConstructorOptions, Event, MessageBoxSyncOptions } from 'electron';
import { webPreferences } from './security.ts';

export const WINDOW_TITLE = '扶贫档案';

export function windowOptions(preload: string, devTools: boolean): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1360,
    height: 860,
    minWidth: 1100,
    minHeight: 700,
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

export function createMainWindow(deps: WindowDeps, opts: { pageUrl: string; preload: string; devTools: boolean }): BrowserWindow {
  const win = new deps.BrowserWindow(windowOptions(opts.preload, opts.devTools));
  win.once('ready-to-show', () => {
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
