// Electron's file and message dialogs behind the narrow `Dialogs` interface the menu uses,
// attached to the main window when there is one. Every box is titled 扶贫档案, buttons in Chinese.
// Every path a dialog returns is registered as chosen by the user (`chosen`: the session's path
// guard, core/api/path-guard.ts): endpoints read and write only such paths and the app's folders.
// The save dialog asks before replacing a file, so a path it returns may be overwritten.
import type { BrowserWindow, Dialog } from 'electron';
import type { FILE_KINDS } from '../shared/api/files.ts';
import type { Dialogs, FileFilter } from './menu-actions.ts';
import { WINDOW_TITLE } from './window.ts';

const ALL: FileFilter = { name: '所有文件', extensions: ['*'] };

/** The filter of each kind of file the page asks to choose (files.choose). */
export const FILE_FILTERS: Record<(typeof FILE_KINDS)[number], FileFilter[]> = {
  package: [{ name: '扶贫档案数据包', extensions: ['fpkg'] }, ALL],
  'public-key': [{ name: '公钥文件', extensions: ['json'] }, ALL],
  'key-export': [{ name: '密钥导出文件', extensions: ['age'] }, ALL],
  archive: [{ name: '扶贫档案', extensions: ['db'] }, ALL],
  document: [{ name: '文档', extensions: ['pdf', 'xlsx'] }, ALL],
};

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
