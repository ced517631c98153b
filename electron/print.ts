// The desktop shell's printer (core/documents/print.ts `Printer`): the core hands over a PDF file
// it rendered; a hidden window of its own loads it in Chromium's PDF viewer and webContents.print
// sends it either through the system print dialog (the clerk picks the printer there) or, for a
// batch, silently to the printer the clerk picked once (deviceName). The print window lives in a
// session of its own that may load nothing but the one file being printed (and the viewer's own
// chrome-extension: pages): no network, no permissions, no preload, no Node.
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions, PrinterInfo, WebContentsPrintOptions } from 'electron';
import type { Printer } from '../core/documents/print.ts';
import { UserError } from '../shared/errors.ts';
import type { SessionLike } from './security.ts';

export const PRINT_PARTITION = 'relief-print';

/** A silent print whose callback never comes (seen with some drivers) fails instead of hanging the batch. */
export const SILENT_PRINT_TIMEOUT_MS = 120_000;

export interface PrintWindowLike {
  loadURL(url: string): Promise<void>;
  destroy(): void;
  isDestroyed(): boolean;
  webContents: { print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void };
}

export interface PrintDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => PrintWindowLike;
  /** The main window's contents list the printers (Electron has no app-level call). */
  printersOf: () => Promise<PrinterInfo[]>;
  /** The print session (session.fromPartition(PRINT_PARTITION)), hardened once here. */
  session: SessionLike;
  parent: () => BrowserWindowConstructorOptions['parent'] | null;
  log: (message: string, error?: unknown) => void;
}

export function printWindowOptions(parent: BrowserWindowConstructorOptions['parent'] | null): BrowserWindowConstructorOptions {
  return {
    show: false,
    ...(parent ? { parent } : {}),
    webPreferences: {
      partition: PRINT_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      // Chromium's PDF viewer is a plugin: without it the file would not render.
      plugins: true,
      devTools: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}

/** What the print window may load: the file being printed, and the PDF viewer's own pages. */
export function isPrintRequest(url: string, printing: ReadonlySet<string>): boolean {
  if (printing.has(url)) return true;
  return /^(chrome-extension|chrome|blob|data):/.test(url);
}

/** A cancelled system dialog: Electron reports it as a failure with this reason. */
const isCancel = (reason: string): boolean => /cancel/i.test(reason);

export function electronPrinter(deps: PrintDeps): Printer {
  const printing = new Set<string>();
  deps.session.setPermissionRequestHandler((_c, _p, callback) => {
    callback(false);
  });
  deps.session.setPermissionCheckHandler(() => false);
  deps.session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isPrintRequest(details.url, printing);
    if (!allowed) deps.log(`打印窗口：已阻止请求 ${details.url}`);
    callback({ cancel: !allowed });
  });

  return {
    async printers() {
      const list = await deps.printersOf();
      return list.map((p) => ({ name: p.name, displayName: p.displayName || p.name, description: p.description }));
    },
    async print(file, { title, deviceName }) {
      const url = pathToFileURL(file).href;
      printing.add(url);
      const win = new deps.BrowserWindow(printWindowOptions(deps.parent()));
      try {
        await win.loadURL(url);
        return await new Promise<boolean>((resolve, reject) => {
          const options: WebContentsPrintOptions = deviceName ? { silent: true, deviceName, printBackground: true } : { silent: false, printBackground: true };
          const timer = deviceName
            ? setTimeout(() => {
                reject(new UserError(`打印机“${deviceName}”一直没有回应（${title}）。请检查打印机是否开机、联网、有纸，再重试。`));
              }, SILENT_PRINT_TIMEOUT_MS)
            : null;
          win.webContents.print(options, (success, reason) => {
            if (timer) clearTimeout(timer);
            if (success || (!deviceName && isCancel(reason))) {
              resolve(success);
              return;
            }
            deps.log(`打印失败：${title} → ${deviceName ?? '（对话框）'}：${reason}`);
            // A silent job the printer refused: the core stops the batch and says so.
            if (deviceName) resolve(false);
            else reject(new UserError(`没能打印“${title}”：${reason || '打印机没有接受'}。请检查打印机后重试，或先“保存”再用 PDF 阅读器打印。`));
          });
        });
      } finally {
        printing.delete(url);
        if (!win.isDestroyed()) win.destroy();
      }
    },
  };
}
