// Electron's file and message dialogs behind the narrow `Dialogs` interface the menu uses,
// attached to the main window when there is one. Every box is titled 扶贫档案, buttons in Chinese.
import type { BrowserWindow, Dialog } from 'electron';
import type { Dialogs } from './menu-actions.ts';
import { WINDOW_TITLE } from './window.ts';

export function electronDialogs(dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox'>, window: () => BrowserWindow | null): Dialogs {
  return {
    async open(o) {
      const options = { ...o, properties: ['openFile' as const] };
      const w = window();
      const r = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async save(o) {
      const options = { ...o, properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const] };
      const w = window();
      const r = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    async message(o) {
      const options = { ...o, title: WINDOW_TITLE, buttons: ['确定'], noLink: true };
      const w = window();
      await (w ? dialog.showMessageBox(w, options) : dialog.showMessageBox(options));
    },
  };
}
