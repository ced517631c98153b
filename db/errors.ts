// SQLite failures a clerk can do something about, said in Chinese. Every write runs in a
// transaction, so when one of these happens the archive is as it was before.
import { UserError } from '../shared/errors.ts';

const MESSAGES: Record<string, string> = {
  SQLITE_FULL: '磁盘空间不足，操作已撤销，档案保持原样。请清理磁盘（或换一个保存位置）后重试。',
  SQLITE_IOERR: '读写档案文件时出错（U盘被拔出或磁盘故障？），操作已撤销。请检查存储设备后重试。',
  SQLITE_BUSY: '档案正被另一个程序或窗口使用，请关闭其他打开此档案的窗口后重试。',
  SQLITE_LOCKED: '档案正被另一个程序或窗口使用，请关闭其他打开此档案的窗口后重试。',
  SQLITE_READONLY: '档案文件是只读的（或在只读的U盘、光盘上），无法保存。请把档案复制到电脑硬盘上再打开。',
  SQLITE_CORRUPT: '档案文件已损坏或被改动过（文件中某一页的校验值不符）。请不要继续写入，用最近的备份恢复（restore），并把损坏的文件交技术支持。',
  SQLITE_NOTADB: '这不是扶贫档案文件，或文件已损坏。请选择正确的档案文件，或用备份恢复。',
  SQLITE_CANTOPEN: '无法打开档案文件：文件夹不存在或没有权限。请检查保存位置。',
};

export function translateDbError(e: unknown): UserError | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const base = Object.keys(MESSAGES).find((k) => code === k || code.startsWith(`${k}_`));
  return base ? new UserError(MESSAGES[base]!, { cause: e }) : null;
}
