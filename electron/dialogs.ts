// Electron's file and message dialogs behind the narrow `Dialogs` interface the menu uses,
// attached to the main window when there is one. Every box is titled 扶贫档案, buttons in Chinese.
// Every path a dialog returns is registered as chosen by the user (`chosen`: the session's path
// guard, core/api/path-guard.ts): endpoints read and write only such paths and the app's folders.
// The save dialog asks before replacing a file, so a path it returns may be overwritten.
import type { BrowserWindow, Dialog } from 'electron';
import type { Dialogs } from './menu-actions.ts';
import { WINDOW_TITLE } from './window.ts';

export function electronDialogs(
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox'>,
  window: () => BrowserWindow | null,
  chosen: (path: string) => void,
): Dialogs {
  return {
    async open(o) {
      const options = { ...o, properties: ['openFile' as const] };
      const w = window();
      const r = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
      const file = r.canceled ? null : (r.filePaths[0] ?? null);
      if (file) chosen(file);
      return file;
    },
    async save(o) {
      const options = { ...o, properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const] };
      const w = window();
      const r = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
      if (r.canceled || !r.filePath) return null;
      chosen(r.filePath);
      return r.filePath;
    },
    async message(o) {
      const options = { ...o, title: WINDOW_TITLE, buttons: ['确定'], noLink: true };
      const w = window();
      await (w ? dialog.showMessageBox(w, options) : dialog.showMessageBox(options));
    },
  };
}
