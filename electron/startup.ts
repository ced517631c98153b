// Startup in the order STYLE.md asks for: one instance → app ready → user-data folder →
// core session → IPC handlers → menu → window. Electron is passed in (main.ts hands over the
// real module) so the order can be tested with a fake.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as Electron from 'electron';
import { createCoreDispatch } from '../core/api/index.ts';
import { JobRunner } from '../core/worker/runner.ts';
import { pathGuardOf } from '../core/api/path-guard.ts';
import { createSession } from '../core/session.ts';
import { systemClock } from '../shared/clock.ts';
import type { AppLocation } from './app-location.ts';
import { appLocation, isAppPage } from './app-location.ts';
import { setPrinter } from '../core/documents/print.ts';
import { chooseOptions, electronDialogs } from './dialogs.ts';
import { registerApi } from './ipc.ts';
import { createLog } from './log.ts';
import type { Log } from './log.ts';
import { menuActions } from './menu-actions.ts';
import { menuTemplate } from './menu.ts';
import { SHELL_EVENT } from './preload-bridge.ts';
import { hardenContents, hardenSession } from './security.ts';
import type { ShellEvent } from './shell-events.ts';
import { createMainWindow } from './window.ts';
import { placeWindow, readWindowState, WINDOW_STATE_FILE } from './window-state.ts';
import { electronPrinter, PRINT_PARTITION } from './print.ts';

export type ElectronMain = Pick<typeof Electron, 'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'Menu' | 'session' | 'screen'>;

/** A stable ASCII folder name, whatever launched us (`electron .`, the installer, a test). */
export const USER_DATA_FOLDER = 'relief-archive';

export function preloadPath(appRoot: string): string {
  return join(appRoot, 'dist', 'electron', 'preload.cjs');
}

function ready(electron: ElectronMain, loc: AppLocation, log: Log, setWindow: (w: Electron.BrowserWindow) => void): void {
  const { app, dialog } = electron;
  const devTools = !app.isPackaged;
  let win: Electron.BrowserWindow | null = null;

  hardenSession(electron.session.defaultSession, loc, log);
  const session = createSession({ dataDir: join(app.getPath('userData'), 'archives'), clock: systemClock, shell: '桌面程序' });
  // Long work runs on worker threads: the main process, which draws the window, never waits for it.
  const runner = new JobRunner();
  app.on('will-quit', () => {
    session.close();
    void runner.close();
  });
  const dispatch = createCoreDispatch(
    session,
    (e) => {
      log('内部错误', e);
    },
    runner,
  );
  registerApi(electron.ipcMain, dispatch, { isAppPage: (url) => isAppPage(url, loc), log });

  const notify = (event: ShellEvent): void => {
    if (win && !win.isDestroyed()) win.webContents.send(SHELL_EVENT, event);
  };
  const dialogs = electronDialogs(dialog, () => win, (path) => pathGuardOf(session).choose(path));
  // The page's 选择… buttons (files.choose) open the same dialogs; what they return is then allowed.
  // A bare name is proposed beside the open archive (the archive being opened, before login).
  pathGuardOf(session).chooser = (r) => dialogs[r.mode](chooseOptions(r, session.archive?.file ?? session.pending?.file ?? null, app.getPath('documents')));
  // The print bridge (print.* endpoints): a hidden window per document, in a session of its own.
  setPrinter(
    session,
    electronPrinter({
      BrowserWindow: electron.BrowserWindow,
      session: electron.session.fromPartition(PRINT_PARTITION),
      printersOf: () => (win && !win.isDestroyed() ? win.webContents.getPrintersAsync() : Promise.resolve([])),
      parent: () => (win && !win.isDestroyed() ? win : null),
      log,
    }),
  );
  const actions = menuActions({
    dialogs,
    dispatch,
    session,
    notify,
    appVersion: app.getVersion(),
    backup: (out) => runner.backup(out, session),
  });
  electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(menuTemplate(actions, { devTools })));

  if (!loc.devOrigin && !existsSync(join(loc.rendererDir, 'index.html'))) {
    throw new Error(`找不到界面文件：${join(loc.rendererDir, 'index.html')}。安装可能不完整，请重新安装扶贫档案。`);
  }
  // Where the clerk left the window, if that screen is still there (window-state.ts).
  const stateFile = join(app.getPath('userData'), WINDOW_STATE_FILE);
  const place = placeWindow(
    readWindowState(stateFile, log),
    electron.screen.getAllDisplays().map((d) => d.workArea),
    electron.screen.getPrimaryDisplay().workArea,
  );
  win = createMainWindow(
    {
      BrowserWindow: electron.BrowserWindow,
      showMessageBoxSync: (w, o) => dialog.showMessageBoxSync(w, o),
      quit: () => {
        app.quit();
      },
      log,
    },
    { pageUrl: loc.pageUrl, preload: preloadPath(app.getAppPath()), devTools, place, stateFile },
  );
  setWindow(win);
}

export function startApp(electron: ElectronMain, env: Record<string, string | undefined>): void {
  const { app, dialog } = electron;
  app.setPath('userData', join(app.getPath('appData'), USER_DATA_FOLDER));
  const log = createLog(join(app.getPath('userData'), 'logs', 'main.log'));
  const fatal = (e: unknown): void => {
    log('启动失败', e);
    dialog.showErrorBox('扶贫档案无法启动', e instanceof Error ? e.message : String(e));
    app.exit(1);
  };

  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    // Two instances writing one archive is what the lock is for: hand over to the first one.
    app.quit();
    return;
  }

  let loc: AppLocation;
  try {
    loc = appLocation(app.getAppPath(), env.RELIEF_DEV_URL);
  } catch (e) {
    void app.whenReady().then(() => {
      fatal(e);
    });
    return;
  }

  let win: Electron.BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenContents(contents, loc, log);
  });
  app.on('window-all-closed', () => {
    app.quit();
  });
  app
    .whenReady()
    .then(() => {
      ready(electron, loc, log, (w) => (win = w));
    })
    .catch(fatal);
}
