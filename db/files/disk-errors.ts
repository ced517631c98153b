// What a clerk reads when a file cannot be written: full disk, read-only stick, no permission,
// pulled-out stick. Each message names the folder (and, for a full disk, the space needed when
// known and what is left) and says that nothing half-written was left behind.
import { closeSync, existsSync, mkdirSync, openSync, statSync, statfsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { UserError } from '../../shared/errors.ts';

const FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);
const READ_ONLY = new Set(['EROFS']);
const NO_PERMISSION = new Set(['EACCES', 'EPERM', 'SQLITE_READONLY', 'SQLITE_CANTOPEN']);
const IO = new Set(['EIO', 'SQLITE_IOERR']);
const NO_FOLDER = new Set(['ENOENT', 'ENOTDIR']);

/** 1.5 MB, 300 KB, 2.1 GB: sizes as a clerk reads them. */
export function humanSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

function freeBytes(dir: string): number | null {
  try {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

function codeOf(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  // SQLite's extended codes (SQLITE_IOERR_WRITE, SQLITE_CANTOPEN_ISDIR) count as their base.
  const base = /^SQLITE_[A-Z]+/.exec(code)?.[0];
  return base ?? code;
}

const NOTHING_LEFT = '没有留下不完整的文件。';

/**
 * The Chinese message for a failed write of FILE, or null when the failure is not one of the
 * disk's (then the caller passes the original error on). `needed`: the bytes the file needs, if known.
 */
export function diskFailure(e: unknown, file: string, needed?: number): UserError | null {
  if (e instanceof UserError) return null;
  const code = codeOf(e);
  if (code === null) return null;
  const dir = dirname(resolve(file));
  const name = basename(file);
  let message: string;
  if (FULL.has(code)) {
    const free = freeBytes(dir);
    const facts = [needed === undefined ? null : `约需 ${humanSize(needed)}`, free === null ? null : `该磁盘剩余 ${humanSize(free)}`].filter((f) => f !== null);
    message = `磁盘空间不足，无法在文件夹 ${dir} 中保存 ${name}${facts.length ? `（${facts.join('，')}）` : ''}。${NOTHING_LEFT}请腾出空间或换一个文件夹（U 盘）后重试。`;
  } else if (READ_ONLY.has(code)) {
    message = `无法在文件夹 ${dir} 中保存 ${name}：该磁盘是只读的（U 盘的写保护开关？）。${NOTHING_LEFT}请换一个文件夹后重试。`;
  } else if (NO_PERMISSION.has(code)) {
    message = `无法在文件夹 ${dir} 中保存 ${name}：没有写入权限（或磁盘只读）。${NOTHING_LEFT}请换一个文件夹后重试。`;
  } else if (IO.has(code)) {
    message = `保存 ${name} 到文件夹 ${dir} 时读写出错（U 盘被拔出或磁盘故障？）。${NOTHING_LEFT}请检查存储设备后重试。`;
  } else if (NO_FOLDER.has(code)) {
    message = `无法在文件夹 ${dir} 中保存 ${name}：文件夹不存在。请先选一个存在的文件夹（或插好 U 盘）。`;
  } else return null;
  return new UserError(message, { cause: e });
}

/**
 * The Chinese message for a file that cannot be read: missing, a folder, no permission, a
 * pulled-out stick. `what` names what was expected ('数据包文件', '公钥文件'…). Null when the
 * failure is not the file system's (the caller passes the original error on).
 */
export function readFailure(e: unknown, file: string, what = '文件'): UserError | null {
  if (e instanceof UserError) return null;
  const code = codeOf(e);
  let message: string;
  if (code === 'ENOENT' || code === 'ENOTDIR') message = `找不到文件：${file}。请检查路径或重新选择${what}（U 盘是否已插好）。`;
  else if (code === 'EISDIR') message = `${file} 是文件夹，不是${what}。请重新选择${what}。`;
  else if (code === 'EACCES' || code === 'EPERM') message = `没有读取 ${file} 的权限。请把${what}复制到自己的文件夹后重新选择，或请管理员开放读取权限。`;
  else if (code === 'EIO') message = `读取 ${file} 时出错（U 盘被拔出或磁盘故障？）。请检查存储设备后重试。`;
  else return null;
  return new UserError(message, { cause: e });
}

/** Throws the Chinese message when FILE is not a readable regular file (a folder: EISDIR). */
export function checkReadableFile(file: string, what = '文件'): number {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    size = st.size;
    closeSync(openSync(file, 'r'));
  } catch (e) {
    throw readFailure(e, file, what) ?? e;
  }
  return size;
}

/**
 * `mkdir -p` that fails with the real reason: Node's recursive mkdir says ENOENT ("no such
 * folder") on a read-only disk or a folder without write permission, so on ENOENT the first
 * missing folder is made alone, which fails with EROFS / EACCES when that is the cause.
 */
export function makeFolder(dir: string, mode?: number): void {
  const opts = mode === undefined ? { recursive: true } : { recursive: true, mode };
  try {
    mkdirSync(dir, opts);
  } catch (e) {
    if (codeOf(e) !== 'ENOENT') throw e;
    let missing = resolve(dir);
    while (dirname(missing) !== missing && !existsSync(dirname(missing))) missing = dirname(missing);
    if (dirname(missing) === missing || !existsSync(dirname(missing))) throw e;
    mkdirSync(missing, mode === undefined ? {} : { mode }); // throws EROFS, EACCES … when that is why
    mkdirSync(dir, opts);
  }
}
