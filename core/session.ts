// One shell's working state: the open archive, who is working, the recent-archives list.
// The Electron main process and the browser shell each hold one; the CLI does not need it.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchiveSummary, SessionState } from '../shared/api/index.ts';
import type { Actor } from '../shared/actor.ts';
import type { Role } from '../shared/roles.ts';
import type { Clock } from '../shared/clock.ts';
import { UserError } from '../shared/errors.ts';
import { initArchive, openArchive } from './archive.ts';
import { Jobs } from './jobs.ts';
import type { Archive, InitInput } from './archive.ts';
import { archiveInfoOf } from '../db/repos/archive-info.ts';

const MAX_RECENT = 8;

export interface Session {
  readonly dataDir: string;
  archive: Archive | null;
  operator: string | null;
  /** The operator's role once accounts exist; null: the default of the archive's side (core/access.ts). */
  role: Role | null;
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
  state(): SessionState;
  open(file: string): void;
  create(input: Omit<InitInput, 'file'> & { file: string | null }): void;
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
export function createSession(opts: { dataDir: string; operator?: string | null; clock: Clock }): Session {
  mkdirSync(opts.dataDir, { recursive: true });
  const recentFile = join(opts.dataDir, 'recent.json');
  const { now } = opts.clock;

  const remember = (s: Session): void => {
    if (!s.archive) return;
    const { file, township } = summaryOf(s.archive);
    const list = [{ file, township, openedAt: now().toISOString() }, ...readRecent(recentFile).filter((r) => r.file !== file)].slice(0, MAX_RECENT);
    writeFileSync(`${recentFile}.tmp`, JSON.stringify(list, null, 2));
    renameSync(`${recentFile}.tmp`, recentFile);
  };

  const session: Session = {
    dataDir: opts.dataDir,
    archive: null,
    operator: opts.operator ?? null,
    role: null,
    cache: new Map(),
    jobs: new Jobs(),
    clock: opts.clock,
    today: () => opts.clock.today(),
    actor() {
      if (!this.operator) throw new UserError('请先填写操作员姓名（谁签字谁负责：每次修改都记录操作员）。');
      return { operator: this.operator, now };
    },
    requireArchive() {
      if (!this.archive) throw new UserError('还没有打开档案：请先新建或打开一个档案。');
      return this.archive;
    },
    state() {
      return {
        operator: this.operator,
        archive: this.archive ? summaryOf(this.archive) : null,
        recent: readRecent(recentFile).filter((r) => existsSync(r.file)),
        dataDir: this.dataDir,
        today: this.today(),
      };
    },
    open(file) {
      const next = openArchive(file);
      this.close();
      this.archive = next;
      remember(this);
    },
    create(input) {
      const file = input.file ?? join(this.dataDir, `${input.name.replace(/[\\/:*?"<>|]/g, '')}.db`);
      const next = initArchive({ ...input, file }, this.actor());
      this.close();
      this.archive = next;
      remember(this);
    },
    close() {
      this.archive?.close();
      this.archive = null;
      this.cache.clear();
    },
  };
  return session;
}
