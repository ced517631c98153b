// What the 文件 and 帮助 menu items do. Opening goes through the same dispatch as the page
// (same validation, same Chinese errors); backing up and restoring call the core directly, since
// they are not something the page asks for (and the backup to restore from is a path the clerk
// chose in a file dialog). Dialogs are a narrow interface so tests can fake them.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { errorBody } from '../core/api/dispatch.ts';
import type { Dispatch } from '../core/api/dispatch.ts';
import { backupArchive } from '../core/backup.ts';
import type { BackupDone } from '../core/backup.ts';
import type { Session } from '../core/session.ts';
import type { SessionState } from '../shared/api/index.ts';
import type { MenuActions } from './menu.ts';
import type { ShellEvent } from './shell-events.ts';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface Dialogs {
  /** The chosen file, or null when cancelled. */
  open(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
  save(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
  message(options: { type: 'info' | 'error' | 'warning'; message: string; detail?: string }): Promise<void>;
}

export interface ActionDeps {
  dialogs: Dialogs;
  dispatch: Dispatch;
  session: Session;
  /** Tells the page (see shell-events.ts). */
  notify: (event: ShellEvent) => void;
  appVersion: string;
  now?: () => Date;
  /** Makes the backup (the shell: on a worker thread, core/worker/runner.ts); default: here, core/backup.ts. */
  backup?: (out: string) => Promise<BackupDone>;
}

const ARCHIVE_FILTERS: FileFilter[] = [
  { name: '扶贫档案', extensions: ['db'] },
  { name: '所有文件', extensions: ['*'] },
];

/** Backups are kept beside the archive: in its 备份 folder once there is one (a restore makes it), else its own folder. */
export function backupFolder(archiveFile: string): string {
  const kept = join(dirname(archiveFile), '备份');
  return existsSync(kept) ? kept : dirname(archiveFile);
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

export function menuActions(deps: ActionDeps): MenuActions {
  const { dialogs, session } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    newArchive() {
      deps.notify('menu.newArchive');
    },

    async openArchive() {
      const file = await dialogs.open({ title: '打开档案', defaultPath: session.dataDir, filters: ARCHIVE_FILTERS });
      if (!file) return;
      const r = await deps.dispatch('archive.open', { file });
      if (!r.ok) {
        await dialogs.message({ type: 'error', message: '档案没有打开。', detail: r.error.message });
        return;
      }
      deps.notify('session.changed');
      const opened = (r.value as SessionState).archive;
      if (opened?.backupFile) {
        await dialogs.message({
          type: 'info',
          message: `档案“${opened.township}”已升级到本版本的格式。`,
          detail: `升级前的原样副本保存在：\n${opened.backupFile}`,
        });
      }
    },

    async backup() {
      const archive = session.archive;
      if (!archive) {
        await dialogs.message({ type: 'warning', message: '还没有打开档案。', detail: '请先新建或打开一个档案，再备份。' });
        return;
      }
      const township = session.state().archive?.township ?? '档案';
      const out = await dialogs.save({
        title: '备份档案',
        defaultPath: join(backupFolder(archive.file), `${township}-备份-${stamp(now())}.db`),
        filters: [{ name: '扶贫档案备份', extensions: ['db'] }],
      });
      if (!out) return;
      try {
        const done = deps.backup ? await deps.backup(out) : backupArchive(archive, out);
        await dialogs.message({ type: 'info', message: '备份完成，已检查备份文件完好。', detail: done.keyFile ? `${done.file}\n密钥文件：${done.keyFile}（须与备份放在一起）` : done.file });
      } catch (e) {
        await dialogs.message({ type: 'error', message: '备份没有完成。', detail: errorBody(e).message });
      }
    },

    async restore() {
      if (!session.archive) {
        await dialogs.message({ type: 'warning', message: '还没有打开档案。', detail: '请先打开要恢复的档案并登录，再选择备份文件。' });
        return;
      }
      const from = await dialogs.open({ title: '选择用来恢复的备份文件', defaultPath: backupFolder(session.archive.file), filters: [{ name: '扶贫档案备份', extensions: ['db'] }, ...ARCHIVE_FILTERS.slice(1)] });
      if (!from) return;
      try {
        // The session swaps the file and reopens the restored one: no save goes to the replaced file.
        const r = session.restore(from);
        deps.notify('session.changed');
        const relogin = session.archive ? '' : '\n恢复的档案中没有您的账户（或已停用），请用其中的账户重新登录。';
        await dialogs.message({ type: 'info', message: '已从备份恢复档案。', detail: `${r.file}${r.previous ? `\n原档案已移到：${r.previous}（未删除）` : ''}${relogin}` });
      } catch (e) {
        deps.notify('session.changed');
        await dialogs.message({ type: 'error', message: '档案没有恢复。', detail: errorBody(e).message });
      }
    },

    async about() {
      await dialogs.message({
        type: 'info',
        message: `扶贫档案 ${deps.appVersion}`,
        detail: `乡镇扶贫工作站建档立卡档案。\n档案只保存在本机，程序不联网、不自动更新、不收集任何信息。\n档案文件夹：${session.dataDir}`,
      });
    },
  };
}
