// The one job runner of both shells (issue 14): the contract's long endpoints (offThread in
// shared/api) run on a worker thread with a connection of their own to the open archive, so the
// Electron main process and the web shell's request loop never wait for an import, a quality
// check, a batch of documents or a package. The main side keeps the job's entry in the session's
// Jobs (jobs.status / jobs.cancel and the progress bars work as before), passes progress in and
// cancel out, and marks the session damaged when the worker met a damaged file. Writing jobs
// run one at a time (the archive has one writer): a second one waits as 排队中….
import { Worker } from 'node:worker_threads';
import type { Endpoint } from '../../shared/api/index.ts';
import { UserError } from '../../shared/errors.ts';
import type { OffThread } from '../api/dispatch.ts';
import type { Job } from '../jobs.ts';
import type { Session } from '../session.ts';
import type { BackupDone } from '../backup.ts';
import { BACKUP_TASK, RemoteJobError } from './protocol.ts';
import type { FromWorker, RunMessage, ToWorker } from './protocol.ts';

/** Where the worker's code is: the bundle beside the shell's, or the TypeScript source under tsx. */
export interface WorkerEntry {
  file: string | URL;
  execArgv: string[];
}

/** Set by the bundles' banner (scripts/build-electron.ts, scripts/cli-bundle.ts): the worker bundle beside the running one. */
declare const __reliefSource: { worker?: string } | undefined;

export function jobWorkerEntry(): WorkerEntry {
  const bundled = typeof __reliefSource === 'undefined' ? undefined : __reliefSource.worker;
  if (bundled) return { file: bundled, execArgv: [] };
  // Sources with a worker bundle built for them just now (the test run's globalSetup).
  const built = process.env.RELIEF_ARCHIVE_JOB_WORKER;
  if (built) return { file: built, execArgv: [] };
  return { file: new URL('./job-worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] };
}

export interface JobRunnerOptions {
  entry?: WorkerEntry;
  /** How long a cancelled job may take to stop by itself before its thread is ended. */
  graceMs?: number;
}

/** Workers kept loaded between jobs. */
const MAX_IDLE = 2;

const CANCELLED = (label: string) => `${label}已取消，没有写入任何内容。`;

export class JobRunner implements OffThread {
  private tail: Promise<void> = Promise.resolve();
  private writers = 0;
  private idle: Worker[] = [];
  private readonly forgets = new Map<Worker, () => void>();
  private readonly entry: WorkerEntry;
  private readonly graceMs: number;

  constructor(opts: JobRunnerOptions = {}) {
    this.entry = opts.entry ?? jobWorkerEntry();
    this.graceMs = opts.graceMs ?? 5_000;
  }

  async run(endpoint: Endpoint, input: unknown, session: Session): Promise<unknown> {
    // The job's id names the asking, not the question: the same question under a new id is answered from the cache.
    const { jobId: _asked, ...question } = input as { jobId?: unknown };
    const cacheKey = endpoint.worker?.cache ? `worker:${endpoint.channel}:${session.today()}:${JSON.stringify(question)}` : null;
    if (cacheKey && session.cache.has(cacheKey)) return session.cache.get(cacheKey);
    // A write meanwhile drops this mark (dropWorkerAnswers, from the dispatcher): a stale answer is not kept.
    const mark = Symbol(endpoint.channel);
    if (cacheKey) session.cache.set(`${cacheKey}:asked`, mark);
    const jobId = (input as { jobId?: string | null }).jobId ?? null;
    const value = await this.send(endpoint.channel, endpoint.writes, input, jobId, session);
    if (cacheKey && session.cache.get(`${cacheKey}:asked`) === mark) session.cache.set(cacheKey, value);
    return value;
  }

  /** A backup of the open archive (core/backup.ts: copied, then checked), made by a worker: the menu's 备份档案. */
  backup(out: string, session: Session): Promise<BackupDone> {
    return this.send(BACKUP_TASK, false, { out }, null, session) as Promise<BackupDone>;
  }

  private async send(channel: string, writes: boolean, input: unknown, jobId: string | null, session: Session): Promise<unknown> {
    const archive = session.requireArchive();
    const message: RunMessage = {
      type: 'run',
      channel,
      input,
      file: archive.file,
      key: archive.key ? new Uint8Array(archive.key) : null,
      operator: session.operator,
      role: session.role,
      dataDir: session.dataDir,
      now: session.clock.now().getTime(),
    };
    const queued = writes && this.writers > 0;
    return session.jobs.run(jobId, queued ? `排队中…（等前一个写入档案的任务完成）` : '正在启动…', async (job) => {
      const done = writes ? await this.turn(job) : () => undefined;
      try {
        return await this.inWorker(message, job, session);
      } finally {
        done();
      }
    });
  }

  /** Waits for the writing jobs before this one; the returned function lets the next one go. */
  private async turn(job: Job): Promise<() => void> {
    const before = this.tail;
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    this.tail = before.then(() => mine);
    this.writers++;
    const done = () => {
      this.writers--;
      release();
    };
    try {
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => reject(new UserError(CANCELLED('排队中的任务')));
        if (job.signal.aborted) {
          onAbort();
          return;
        }
        job.signal.addEventListener('abort', onAbort, { once: true });
        void before.then(() => {
          job.signal.removeEventListener('abort', onAbort);
          resolve();
        });
      });
    } catch (e) {
      done();
      throw e;
    }
    return done;
  }

  /** Starts a worker now, so the first job does not wait for its code to load (an idle worker holds no key and no connection). */
  warm(): void {
    if (this.idle.length === 0) this.give(this.spawn());
  }

  /** Ends the idle workers (a shell closing); running jobs end on their own. */
  async close(): Promise<void> {
    const idle = this.idle.splice(0);
    await Promise.all(idle.map((w) => w.terminate()));
  }

  private spawn(): Worker {
    return new Worker(this.entry.file, { execArgv: this.entry.execArgv });
  }

  private take(): Worker {
    const w = this.idle.pop();
    if (!w) return this.spawn();
    const forget = this.forgets.get(w);
    if (forget) w.off('exit', forget);
    this.forgets.delete(w);
    w.ref();
    return w;
  }

  /** A worker that answered is kept for the next job: its code stays loaded; it closed the archive before answering. */
  private give(w: Worker): void {
    if (this.idle.length >= MAX_IDLE) {
      void w.terminate();
      return;
    }
    w.unref();
    // An idle worker that dies (out of memory, say) is not handed the next job.
    const forget = () => {
      this.idle = this.idle.filter((x) => x !== w);
      this.forgets.delete(w);
    };
    w.once('exit', forget);
    this.forgets.set(w, forget);
    this.idle.push(w);
  }

  private inWorker(message: RunMessage, job: Job, session: Session): Promise<unknown> {
    const worker = this.take();
    let label = '后台任务';
    return new Promise<unknown>((resolve, reject) => {
      let settled = false;
      let kill: NodeJS.Timeout | undefined;
      const finish = (answer: () => void, reuse: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(kill);
        job.signal.removeEventListener('abort', onAbort);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (reuse) {
          this.give(worker);
          answer();
        } else {
          // The thread is gone before the answer is given: its connection (and any write it began) is closed.
          void worker.terminate().then(answer, answer);
        }
      };
      const onAbort = () => {
        worker.postMessage({ type: 'cancel' } satisfies ToWorker);
        kill = setTimeout(() => finish(() => reject(new UserError(CANCELLED(label))), false), this.graceMs);
      };
      const onMessage = (m: FromWorker) => {
        if (m.type === 'start') {
          label = m.label;
          job.rename(m.label);
        } else if (m.type === 'progress') job.report(m.label, m.fraction);
        else if (m.type === 'done') finish(() => resolve(m.value), true);
        else {
          if (m.damage && session.archive?.file === message.file) session.markDamaged(m.damage);
          const { message: text, kind, details, field } = m.error;
          finish(() => reject(kind === 'internal' ? new RemoteJobError(m.error) : new UserError(text, { kind, details, ...(field ? { field } : {}) })), true);
        }
      };
      const onError = (e: Error) => finish(() => reject(e), false);
      const onExit = (code: number) => finish(() => reject(new Error(`job worker exited (${code}) before answering`)), false);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      if (job.signal.aborted) onAbort();
      else job.signal.addEventListener('abort', onAbort, { once: true });
      worker.postMessage(message);
    });
  }
}

/**
 * After a write: answers the runner kept (`cache: true` endpoints) are no longer true. Dropping
 * their `:asked` marks too means an answer still being computed is not kept when it arrives.
 */
export function dropWorkerAnswers(session: Session): void {
  for (const key of [...session.cache.keys()]) if (key.startsWith('worker:')) session.cache.delete(key);
}
