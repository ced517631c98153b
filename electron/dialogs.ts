// Electron's file and message dialogs behind the narrow `Dialogs` interface the menu uses,
// attached to the main window when there is one. Every box is titled 扶贫档案, buttons in Chinese.
// Every path a dialog returns is registered as chosen by the user (`chosen`: the session's path
// guard, core/api/path-guard.ts): endpoints read and write only such paths and the app's folders.
// The save dialog asks before replacing a file, so a path it returns may be overwritten.
import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import type { ChooseRequest, FILE_KINDS } from '../shared/api/files.ts';
import type { Dialogs, FileFilter } from './menu-actions.ts';
import { WINDOW_TITLE } from './window.ts';

const ALL: FileFilter = { name: '所有文件', extensions: ['*'] };

/** The filter of each kind of file the page asks to choose (files.choose). */
export const FILE_FILTERS: Record<(typeof FILE_KINDS)[number], FileFilter[]> = {
  package: [{ name: '扶贫档案数据包', extensions: ['fpkg'] }, ALL],
  'public-key': [{ name: '公钥文件', extensions: ['json'] }, ALL],
  'key-export': [{ name: '密钥导出文件', extensions: ['age'] }, ALL],
  archive: [{ name: '扶贫档案', extensions: ['db'] }, ALL],
  document: [{ name: 'PDF 文档', extensions: ['pdf'] }, { name: 'Excel 表格', extensions: ['xlsx'] }, ALL],
  workbook: [{ name: 'Excel 表格', extensions: ['xlsx'] }, ALL],
  backup: [{ name: '扶贫档案备份', extensions: ['db'] }, ALL],
};

/** The kind's filters, the one matching the proposed name's extension first (a .xlsx document lists Excel first). */
export function filtersFor(kind: (typeof FILE_KINDS)[number], proposed: string): FileFilter[] {
  const ext = extname(proposed).slice(1).toLowerCase();
  const filters = FILE_FILTERS[kind];
  const i = ext ? filters.findIndex((f) => f.extensions.includes(ext)) : -1;
  return i > 0 ? [filters[i]!, ...filters.filter((_, j) => j !== i)] : filters;
}

/**
 * Where a dialog opens: the page's full path as given; a bare name (or nothing) beside the open
 * archive (where packages, keys, documents and backups go by default); with no archive open, in
 * the user's 文档 folder.
 */
export function dialogDefaultPath(proposed: string, archiveFile: string | null, fallbackDir: string): string {
  const dir = archiveFile ? dirname(archiveFile) : fallbackDir;
  if (!proposed.trim()) return dir;
  return isAbsolute(proposed) ? proposed : join(dir, basename(proposed));
}

/** The dialog of a files.choose request (the page's 选择… buttons). */
export function chooseOptions(r: ChooseRequest, archiveFile: string | null, fallbackDir: string): { title: string; defaultPath: string; filters: FileFilter[] } {
  return { title: r.title, defaultPath: dialogDefaultPath(r.defaultPath, archiveFile, fallbackDir), filters: filtersFor(r.kind, r.defaultPath) };
}

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
