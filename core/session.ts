// One shell's working state: the archive chosen and whether it is open, who is logged in and in
// which role, the recent-archives list. The Electron main process and the browser shell each hold
// one; the CLI unlocks per command (cli/with-archive.ts). An archive opens only at login: its key
// is unwrapped by the operator's password and held in memory until the session locks or closes.
// While open, the session holds the archive lock (core/files/archive-lock.ts): no other process
// writes it meanwhile, and the session cannot open one another process holds (refused, not read-only).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchiveSummary, SessionState } from '../shared/api/index.ts';
import type { Actor } from '../shared/actor.ts';
import type { Role } from '../shared/roles.ts';
import { ROLE_LABELS } from '../shared/roles.ts';
import type { Clock } from '../shared/clock.ts';
import { UserError } from '../shared/errors.ts';
import { archiveFileKind } from '../db/open.ts';
import { WRONG_LOGIN } from '../db/keystore.ts';
import { archiveInfoOf } from '../db/repos/archive-info.ts';
import { idleLockMinutes } from '../db/repos/operators.ts';
import { createProtectedArchive } from './archive.ts';
import type { Archive, InitInput } from './archive.ts';
import { recoverArchive, unlockArchive } from './accounts/login.ts';
import type { Credentials, Unlocked } from './accounts/login.ts';
import { LoginThrottle } from './accounts/passwords.ts';
import { encryptPlainArchive } from './accounts/upgrade.ts';
import type { UpgradeResult } from './accounts/upgrade.ts';
import type { RestoreResult } from './backup.ts';
import { acquireArchiveLock, archiveHolder, busyMessage } from './files/archive-lock.ts';
import type { ArchiveLock, LockShell } from './files/archive-lock.ts';
import { Jobs } from './jobs.ts';
import { restoreOpenArchive } from './session-restore.ts';
import { DamageMarks } from './damage.ts';

const MAX_RECENT = 8;

export interface Session {
  readonly dataDir: string;
  archive: Archive | null;
  /** The logged-in operator (the actor of every change); null until login. */
  operator: string | null;
  role: Role | null;
  /** The archive chosen but not open (a login due, or a plain archive's upgrade). */
  pending: SessionState['pending'];
  /** Results that are costly to compute (the quality check), dropped on every write. */
  cache: Map<string, unknown>;
  /** Long work in progress, for progress bars and cancel. */
  readonly jobs: Jobs;
  /** The shell's clock: every business date ("today") and every stamp of this session comes from it. */
  readonly clock: Clock;
  /** Today on the session's clock, YYYY-MM-DD: the default of every asOf. */
  today(): string;
  actor(): Actor;
  requireArchive(): Archive;
  /** Why the open archive may only be read (core/damage.ts), or null. */
  damaged(): string | null;
  /** Marks the open archive damaged: every write is refused from now on. */
  markDamaged(reason: string): void;
  /** Runs SQLite's integrity check on the open archive; a failure marks it damaged and is thrown. */
  checkIntegrity(): void;
  state(): SessionState;
  /** Chooses an archive; its login (or upgrade) is then due. */
  open(file: string): void;
  login(creds: Credentials): Promise<void>;
  recover(recoveryCode: string, admin: Credentials): Promise<void>;
  /** A new protected archive, logged in as its first account; returns the recovery code (shown once). */
  create(input: Omit<InitInput, 'file'> & { file: string | null; admin: Credentials }): Promise<string>;
  upgrade(admin: Credentials, onProgress?: (label: string, fraction: number) => void, signal?: AbortSignal): Promise<UpgradeResult>;
  /** Closes the archive and drops its key; the same archive's login is then due. */
  lock(): void;
  /**
   * Replaces the open archive with a checked backup copy (core/backup.ts) and goes on working in
   * the restored file through a new connection; a login is due instead when the operator is not
   * an account in use there.
   */
  restore(from: string): RestoreResult;
  /** Works on an archive already open (tests and tools that made it), as this operator. */
  attach(archive: Archive, operator: { name: string; role: Role }): void;
  close(): void;
}

function readRecent(file: string): SessionState['recent'] {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SessionState['recent'];
  } catch {
    return [];
  }
}

export function summaryOf(archive: Archive): ArchiveSummary {
  const info = archiveInfoOf(archive.db);
  if (!info) throw new UserError(`档案 ${archive.file} 缺少基本信息（可能未初始化完成），请用备份恢复或重新新建。`);
  return {
    file: archive.file,
    township: info.name,
    role: info.role,
    schemaVersion: archive.schemaVersion,
    county: info.county,
    province: info.province,
    backupFile: archive.backupFile,
  };
}

/** `clock` is the shell's choice: the real clock, or a fixed day (tests, the demo, --today); `shell` names it in the archive lock. */
export function createSession(opts: { dataDir: string; clock: Clock; shell?: Exclude<LockShell, '命令行'> }): Session {
  mkdirSync(opts.dataDir, { recursive: true });
  const recentFile = join(opts.dataDir, 'recent.json');
  const { now } = opts.clock;
  const throttle = new LoginThrottle(() => now().getTime());
  let held: ArchiveLock | null = null;
  const take = (file: string, operator: string): ArchiveLock => acquireArchiveLock(file, { shell: opts.shell ?? '桌面程序', operator }, now, { forCli: false });
  /** Takes the lock for `file`, runs `open`, and lets go again if opening fails. */
  const locked = async <T>(file: string, operator: string, open: () => Promise<T>): Promise<{ lock: ArchiveLock; value: T }> => {
    const lock = take(file, operator);
    try {
      return { lock, value: await open() };
    } catch (e) {
      lock.release();
      throw e;
    }
  };
  const damage = new DamageMarks();

  const remember = (s: Session): void => {
    if (!s.archive) return;
    const { file, township } = summaryOf(s.archive);
    const list = [{ file, township, openedAt: now().toISOString() }, ...readRecent(recentFile).filter((r) => r.file !== file)].slice(0, MAX_RECENT);
    writeFileSync(`${recentFile}.tmp`, JSON.stringify(list, null, 2));
    renameSync(`${recentFile}.tmp`, recentFile);
  };

  const admit = (s: Session, u: Unlocked, lock: ArchiveLock): void => {
    s.close();
    held = lock;
    s.archive = u.archive;
    s.operator = u.operator.name;
    s.role = u.operator.role;
    s.pending = null;
    damage.recheck(u.archive);
    remember(s);
  };

  const session: Session = {
    dataDir: opts.dataDir,
    archive: null,
    operator: null,
    role: null,
    pending: null,
    cache: new Map(),
    jobs: new Jobs(),
    clock: opts.clock,
    today: () => opts.clock.today(),
    actor() {
      if (!this.operator) throw new UserError('请先登录（谁签字谁负责：每次修改都记录登录的操作员）。');
      return { operator: this.operator, now };
    },
    requireArchive() {
      if (!this.archive) throw new UserError(this.pending ? '档案已锁定或尚未登录：请输入姓名和密码登录。' : '还没有打开档案：请先新建或打开一个档案。');
      return this.archive;
    },
    damaged() {
      return damage.of(this.archive);
    },
    markDamaged(reason) {
      if (this.archive) damage.mark(this.archive, reason);
    },
    checkIntegrity() {
      damage.check(this.requireArchive());
    },
    state() {
      return {
        operator: this.operator,
        role: this.role,
        roleLabel: this.role ? ROLE_LABELS[this.role] : null,
        pending: this.pending,
        idleLockMinutes: this.archive ? idleLockMinutes(this.archive.db) : null,
        archive: this.archive ? summaryOf(this.archive) : null,
        recent: readRecent(recentFile).filter((r) => existsSync(r.file)),
        dataDir: this.dataDir,
        today: this.today(),
        damaged: this.damaged(),
      };
    },
    open(file) {
      const kind = archiveFileKind(file);
      const holder = archiveHolder(file); // told now, before the password is typed
      if (holder) throw new UserError(busyMessage(file, holder, { forCli: false }));
      this.close();
      this.pending = { file, kind: kind === 'plain' ? 'upgrade' : 'login' };
    },
    async login(creds) {
      const file = this.pending?.file ?? this.archive?.file;
      if (!file) throw new UserError('请先选择要打开的档案。');
      throttle.check(file, creds.name);
      let u: { lock: ArchiveLock; value: Unlocked };
      try {
        // Locked before opening: opening may migrate the file, which is a write.
        u = await locked(file, creds.name, () => unlockArchive(file, creds, { operator: creds.name.trim(), now }));
      } catch (e) {
        // Only a guess counts (a wrong name or password), not a damaged or missing key file.
        if (e instanceof UserError && e.message === WRONG_LOGIN) throttle.failed(file, creds.name);
        throw e;
      }
      throttle.succeeded(file, creds.name);
      admit(this, u.value, u.lock);
    },
    async recover(recoveryCode, admin) {
      const file = this.pending?.file ?? this.archive?.file;
      if (!file) throw new UserError('请先选择要打开的档案。');
      throttle.check(file, '恢复码');
      try {
        const u = await locked(file, admin.name, () => recoverArchive(file, recoveryCode, admin, { operator: admin.name.trim(), now }));
        admit(this, u.value, u.lock);
      } catch (e) {
        throttle.failed(file, '恢复码');
        throw e;
      }
    },
    async create(input) {
      const file = input.file ?? join(this.dataDir, `${input.name.replace(/[\\/:*?"<>|]/g, '')}.db`);
      const made = await locked(file, input.admin.name, () => createProtectedArchive({ ...input, file }, { operator: input.admin.name.trim(), now }));
      admit(this, made.value, made.lock);
      return made.value.recoveryCode;
    },
    async upgrade(admin, onProgress, signal) {
      const file = this.pending?.kind === 'upgrade' ? this.pending.file : null;
      if (!file) throw new UserError('没有需要加密的档案：请先选择来自旧版本的档案。');
      const r = await locked(file, admin.name, () => encryptPlainArchive(file, admin, { operator: admin.name.trim(), now }, { ...(onProgress ? { onProgress } : {}), ...(signal ? { signal } : {}) }));
      admit(this, r.value, r.lock);
      return r.value;
    },
    lock() {
      const file = this.archive?.file ?? this.pending?.file ?? null;
      this.close();
      if (file) this.pending = { file, kind: 'login' };
    },
    restore(from) {
      const file = this.requireArchive().file;
      const r = restoreOpenArchive(this, from);
      // The restored file passed the integrity check before it replaced the damaged one.
      damage.clear(file);
      return r;
    },
    attach(archive, operator) {
      const lock = take(archive.file, operator.name);
      this.close();
      held = lock;
      this.archive = archive;
      this.operator = operator.name;
      this.role = operator.role;
      remember(this);
    },
    close() {
      this.archive?.close();
      held?.release();
      held = null;
      this.archive = null;
      this.operator = null;
      this.role = null;
      this.pending = null;
      this.cache.clear();
    },
  };
  return session;
}
