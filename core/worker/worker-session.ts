// The session as a job's worker thread sees it: the archive open on the worker's own connection,
// the operator and role of the shell's session, its data folder and clock — enough for the very
// handler the main thread would run (core/api/index.ts). What changes the shell's state (login,
// lock, restore…) is never routed to a worker (only offThread endpoints are), so it is refused here.
import type { Archive } from '../../db/open.ts';
import { todayIso } from '../../shared/dates.ts';
import type { Clock } from '../../shared/clock.ts';
import { isUserError, UserError } from '../../shared/errors.ts';
import type { Job } from '../jobs.ts';
import { Jobs } from '../jobs.ts';
import type { Session } from '../session.ts';
import { summaryOf } from '../session.ts';
import { idleLockMinutes } from '../../db/repos/operators.ts';
import { ROLE_LABELS } from '../../shared/roles.ts';
import type { FromWorker, RunMessage } from './protocol.ts';

/** Progress is sent at most this often within one phase: a bar needs no more, the main thread gets fewer messages. */
const PROGRESS_EVERY_MS = 25;

/** The jobs of a worker: one job, its progress and name sent to the main side, its cancel coming from there. */
export class WorkerJobs extends Jobs {
  constructor(
    private readonly signal: AbortSignal,
    private readonly post: (m: FromWorker) => void,
  ) {
    super();
  }

  override async run<T>(_id: string | null | undefined, label: string, work: (job: Job) => Promise<T>): Promise<T> {
    let name = label;
    this.post({ type: 'start', label });
    let phase = '';
    let sentAt = 0;
    const job: Job = {
      signal: this.signal,
      report: (l, f) => {
        const p = l.split('（')[0]!;
        const now = Date.now();
        if (p === phase && now - sentAt < PROGRESS_EVERY_MS && f < 1) return;
        phase = p;
        sentAt = now;
        this.post({ type: 'progress', label: l, fraction: f });
      },
      rename: (l) => {
        name = l;
        this.post({ type: 'start', label: l });
      },
    };
    try {
      return await work(job);
    } catch (e) {
      if (this.signal.aborted && !isUserError(e)) throw new UserError(`${name}已取消，没有写入任何内容。`, { cause: e });
      throw e;
    }
  }
}

/** The session clock carried over: the instant the job was sent, running on at the real pace. */
function carriedClock(sentAt: number): Clock {
  const started = Date.now();
  const now = (): Date => new Date(sentAt + (Date.now() - started));
  return { now, today: () => todayIso(now()) };
}

const NOT_IN_WORKER = '此操作不能在后台任务中进行（程序内部错误）：请重试；如果再次出现，请告知技术支持。';

export function workerSession(m: RunMessage, archive: Archive, jobs: Jobs, onDamage: (reason: string) => void): Session {
  const clock = carriedClock(m.now);
  const refuse = (): never => {
    throw new UserError(NOT_IN_WORKER);
  };
  return {
    dataDir: m.dataDir,
    archive,
    operator: m.operator,
    role: m.role,
    pending: null,
    cache: new Map(),
    jobs,
    clock,
    today: () => clock.today(),
    actor() {
      if (!m.operator) throw new UserError('请先登录（谁签字谁负责：每次修改都记录登录的操作员）。');
      return { operator: m.operator, now: clock.now };
    },
    requireArchive: () => archive,
    // The dispatcher refused writes to a damaged archive before the job was sent.
    damaged: () => null,
    markDamaged: onDamage,
    checkIntegrity: refuse,
    // What a handler reads of it (the overview: the township's name); no recent list in a worker.
    state: () => ({
      operator: m.operator,
      role: m.role,
      roleLabel: m.role ? ROLE_LABELS[m.role] : null,
      pending: null,
      idleLockMinutes: idleLockMinutes(archive.db),
      archive: summaryOf(archive),
      recent: [],
      dataDir: m.dataDir,
      today: clock.today(),
      damaged: null,
    }),
    open: refuse,
    login: refuse,
    recover: refuse,
    create: refuse,
    upgrade: refuse,
    lock: refuse,
    restore: refuse,
    attach: refuse,
    close: refuse,
  };
}
