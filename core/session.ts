// One shell's working state: the archive chosen and whether it is open, who is logged in and in
// which role, the recent-archives list. The Electron main process and the browser shell each hold
// one; the CLI unlocks per command (cli/with-archive.ts). An archive opens only at login: its key
// is unwrapped by the operator's password and held in memory until the session locks or closes.
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
import { Jobs } from './jobs.ts';
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

function summaryOf(archive: Archive): ArchiveSummary {
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

/** `clock` is the shell's choice: the real clock, or a fixed day (tests, the demo, --today). */
export function createSession(opts: { dataDir: string; clock: Clock }): Session {
  mkdirSync(opts.dataDir, { recursive: true });
  const recentFile = join(opts.dataDir, 'recent.json');
  const { now } = opts.clock;
  const throttle = new LoginThrottle(() => now().getTime());
  const damage = new DamageMarks();

  const remember = (s: Session): void => {
    if (!s.archive) return;
    const { file, township } = summaryOf(s.archive);
    const list = [{ file, township, openedAt: now().toISOString() }, ...readRecent(recentFile).filter((r) => r.file !== file)].slice(0, MAX_RECENT);
    writeFileSync(`${recentFile}.tmp`, JSON.stringify(list, null, 2));
    renameSync(`${recentFile}.tmp`, recentFile);
  };

  const admit = (s: Session, u: Unlocked): void => {
    s.close();
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
      this.close();
      this.pending = { file, kind: kind === 'plain' ? 'upgrade' : 'login' };
    },
    async login(creds) {
      const file = this.pending?.file ?? this.archive?.file;
      if (!file) throw new UserError('请先选择要打开的档案。');
      throttle.check(file, creds.name);
      let u: Unlocked;
      try {
        u = await unlockArchive(file, creds, { operator: creds.name.trim(), now });
      } catch (e) {
        // Only a guess counts (a wrong name or password), not a damaged or missing key file.
        if (e instanceof UserError && e.message === WRONG_LOGIN) throttle.failed(file, creds.name);
        throw e;
      }
      throttle.succeeded(file, creds.name);
      admit(this, u);
    },
    async recover(recoveryCode, admin) {
      const file = this.pending?.file ?? this.archive?.file;
      if (!file) throw new UserError('请先选择要打开的档案。');
      throttle.check(file, '恢复码');
      try {
        admit(this, await recoverArchive(file, recoveryCode, admin, { operator: admin.name.trim(), now }));
      } catch (e) {
        throttle.failed(file, '恢复码');
        throw e;
      }
    },
    async create(input) {
      const file = input.file ?? join(this.dataDir, `${input.name.replace(/[\\/:*?"<>|]/g, '')}.db`);
      const made = await createProtectedArchive({ ...input, file }, { operator: input.admin.name.trim(), now });
      admit(this, made);
      return made.recoveryCode;
    },
    async upgrade(admin, onProgress, signal) {
      const file = this.pending?.kind === 'upgrade' ? this.pending.file : null;
      if (!file) throw new UserError('没有需要加密的档案：请先选择来自旧版本的档案。');
      const r = await encryptPlainArchive(file, admin, { operator: admin.name.trim(), now }, { ...(onProgress ? { onProgress } : {}), ...(signal ? { signal } : {}) });
      admit(this, r);
      return r;
    },
    lock() {
      const file = this.archive?.file ?? this.pending?.file ?? null;
      this.close();
      if (file) this.pending = { file, kind: 'login' };
    },
    attach(archive, operator) {
      this.close();
      this.archive = archive;
      this.operator = operator.name;
      this.role = operator.role;
      remember(this);
    },
    close() {
      this.archive?.close();
      this.archive = null;
      this.operator = null;
      this.role = null;
      this.pending = null;
      this.cache.clear();
    },
  };
  return session;
}
