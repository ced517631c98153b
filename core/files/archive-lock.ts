// One writer per archive: a process that means to change an archive first creates
// `<archive>.lock` beside it (exclusively: the first creator wins) saying who holds it — the
// shell (桌面程序 / 浏览器界面 / 命令行), the logged-in operator's name, pid, machine, since when.
// A second process that wants to write is refused with that holder's name; read-only commands do
// not ask. A lock left by a process that has died (same machine, pid gone, or the machine has
// restarted since) is taken over; a live process's lock, or another machine's, is respected.
// Within one process the lock is shared (counted): the process is the unit, as one shell session
// and the jobs it starts write through the same connection. It is removed on release and at exit,
// and only if the file is still ours. It holds no personal data beyond the operator's name.
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname as machineName, uptime } from 'node:os';
import { basename } from 'node:path';
import { UserError } from '../../shared/errors.ts';

export type LockShell = '桌面程序' | '浏览器界面' | '命令行';

export interface LockHolder {
  shell: LockShell;
  /** The operator who logged in (or is logging in); null when not known. */
  operator: string | null;
  pid: number;
  hostname: string;
  /** ISO instant on the holder's session clock. */
  since: string;
  /** When the holder's machine last started (epoch ms, to the minute): a lock from before a restart is stale even if its pid is in use again. */
  boot: number;
}

export interface ArchiveLock {
  readonly file: string;
  /** Lets go (once; later calls do nothing). The lock file goes when this process's last holder lets go. */
  release(): void;
}

export const lockFileOf = (archive: string): string => `${archive}.lock`;

/** A lock file that cannot be read yet may be one being written right now: younger than this, it counts as held. */
const UNREADABLE_GRACE_MS = 10_000;

/** How much earlier than this machine's start a holder's recorded start must be to count as another boot. */
const RESTART_MARGIN_MS = 10 * 60_000;

const bootTime = (): number => Math.round((Date.now() - uptime() * 1000) / 60_000) * 60_000;

/** What this process holds: lock file → its record and how many holders share it. */
const held = new Map<string, { text: string; count: number }>();
let exitHookInstalled = false;

function readHolder(lockFile: string): { text: string; holder: LockHolder | null } | null {
  let text: string;
  try {
    text = readFileSync(lockFile, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const h = JSON.parse(text) as Partial<LockHolder>;
    const ok = typeof h.pid === 'number' && typeof h.hostname === 'string' && typeof h.since === 'string' && typeof h.shell === 'string';
    return { text, holder: ok ? (h as LockHolder) : null };
  } catch {
    return { text, holder: null };
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user — alive.
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Whether the lock's holder may still be working: the one question that decides takeover. */
function holderLive(lockFile: string, holder: LockHolder | null): boolean {
  if (!holder) {
    try {
      return Date.now() - statSync(lockFile).mtimeMs < UNREADABLE_GRACE_MS;
    } catch {
      return false;
    }
  }
  if (holder.hostname !== machineName()) return true; // another machine (a shared folder): we cannot tell
  // Started before this machine's last start by a clear margin (not a clock adjustment): from before a restart.
  if (typeof holder.boot === 'number' && bootTime() - holder.boot > RESTART_MARGIN_MS) return false;
  if (holder.pid === process.pid) return false; // ours by pid but not in `held`: left by an earlier process with our pid
  return processAlive(holder.pid);
}

function localMinute(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * The refusal a second writer reads. `forCli`: the command line, where read-only commands still
 * work; a shell is told to close the archive over there.
 */
export function busyMessage(archive: string, holder: LockHolder | null, opts: { forCli: boolean }): string {
  const tail = opts.forCli ? '请在那里关闭档案后再试；只查看可用只读命令（如 stats、check、export-xlsx）。' : '请在那里关闭档案后再打开。';
  if (!holder) return `档案 ${basename(archive)} 正在另一处打开（刚刚开始），同一时间只能在一处修改。${tail}`;
  const who = holderName(holder);
  const elsewhere = holder.hostname !== machineName() ? `如确认那台电脑上已不再使用（例如已关机），可删除档案旁的文件 ${basename(lockFileOf(archive))} 后再试。` : '';
  return `档案正由 ${who}于 ${localMinute(holder.since)} 起打开使用，同一时间只能在一处修改。${tail}${elsewhere}`;
}

/** "张三（桌面程序，电脑 OFFICE-2）": who holds a lock, as the start screen and the refusals say it. */
export function holderName(holder: LockHolder): string {
  return `${holder.operator ?? '一位操作员'}（${holder.shell}${holder.hostname !== machineName() ? `，电脑 ${holder.hostname}` : ''}）`;
}

/** The start screen's note beside an archive another process has open, or null when it is free. */
export function busyNote(archive: string): string | null {
  const holder = archiveHolder(archive);
  if (holder) return `正由 ${holderName(holder)}于 ${localMinute(holder.since)} 起使用`;
  return null;
}

/** Who holds the archive now (another process, still live), or null. */
export function archiveHolder(archive: string): LockHolder | null {
  const lockFile = lockFileOf(archive);
  if (held.has(lockFile)) return null;
  const found = readHolder(lockFile);
  return found && found.holder && holderLive(lockFile, found.holder) ? found.holder : null;
}

function releaseAll(): void {
  for (const [lockFile, h] of held) removeIfOurs(lockFile, h.text);
  held.clear();
}

function removeIfOurs(lockFile: string, text: string): void {
  try {
    if (readFileSync(lockFile, 'utf8') === text) unlinkSync(lockFile);
  } catch {
    // Gone already, or unreadable: not ours to remove.
  }
}

function handle(archive: string, lockFile: string): ArchiveLock {
  let released = false;
  return {
    file: archive,
    release() {
      if (released) return;
      released = true;
      const h = held.get(lockFile);
      if (!h) return;
      h.count -= 1;
      if (h.count > 0) return;
      held.delete(lockFile);
      removeIfOurs(lockFile, h.text);
    },
  };
}

/**
 * Takes the archive for writing in this process, or refuses (UserError naming the holder) when
 * another live process has it. Taking it again in the same process shares it and records the
 * newest holder (a second login in the same shell).
 */
export function acquireArchiveLock(archive: string, who: { shell: LockShell; operator: string | null }, now: () => Date, opts: { forCli: boolean }): ArchiveLock {
  const lockFile = lockFileOf(archive);
  const record: LockHolder = { shell: who.shell, operator: who.operator?.trim() || null, pid: process.pid, hostname: machineName(), since: now().toISOString(), boot: bootTime() };
  const text = `${JSON.stringify(record, null, 2)}\n`;
  const mine = held.get(lockFile);
  if (mine) {
    mine.count += 1;
    writeFileSync(lockFile, text);
    mine.text = text;
    return handle(archive, lockFile);
  }
  // A few tries: a stale lock is removed, then the exclusive create decides who takes it.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    let fd: number;
    try {
      fd = openSync(lockFile, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const found = readHolder(lockFile);
      if (found && holderLive(lockFile, found.holder)) throw new UserError(busyMessage(archive, found.holder, opts));
      // Stale (its process is gone). A racer taking it over at the same moment loses at the exclusive create below.
      if (found) removeIfOurs(lockFile, found.text);
      continue;
    }
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    held.set(lockFile, { text, count: 1 });
    if (!exitHookInstalled) {
      exitHookInstalled = true;
      process.on('exit', releaseAll);
    }
    return handle(archive, lockFile);
  }
  const found = readHolder(lockFile);
  throw new UserError(busyMessage(archive, found?.holder ?? null, opts));
}
