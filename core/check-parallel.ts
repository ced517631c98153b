// The whole check on several threads (issue 16: the 80k-member archive in ≤ 2 s). The households
// in id order are cut into runs of equal size; worker threads (core/worker/check-worker.ts) each
// open the archive read-only with the key passed in memory and check one run, the calling thread
// checks the first run itself meanwhile (unless told to stay free). Problems are merged and sorted
// exactly as the one-thread check sorts them, so the result is the same, byte for byte; Q105 (one
// ID number in two households) runs once, over the numbers every run saw. A village's check, an
// archive of fewer than PARALLEL_FROM households and a machine of one core check on one thread:
// there starting a thread costs more than it saves.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Archive } from '../db/open.ts';
import { DuplicateIds, duplicateIdProblems, householdHeadsById } from '../db/quality.ts';
import type { HeadById } from '../db/quality.ts';
import { UserError } from '../shared/errors.ts';
import type { Problem } from '../shared/quality/index.ts';
import { checkArchive, checkRun, checkSetup, finishCheck } from './check.ts';
import type { CheckOptions, CheckResult, CheckSetup } from './check.ts';
import type { CheckRun, FromCheckWorker } from './worker/check-protocol.ts';
import type { WorkerEntry } from './worker/runner.ts';

/** Households from which the check runs on several threads (a worker's start costs ~0.1 s). */
export const PARALLEL_FROM = 2_000;
/** More threads than this gain little: reading the pages is shared. */
const MAX_THREADS = 4;

export interface ParallelOptions {
  /** Threads in all, the calling one included when it takes a share; default the machine's cores (at most 4). */
  threads?: number;
  /** False: only worker threads check, the calling thread (a shell's request loop) stays free. Default true. */
  callerShare?: boolean;
  /** Check on several threads from this many households (tests force a small archive through). */
  from?: number;
  entry?: WorkerEntry;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** Set by the bundles' banner (scripts/build-electron.ts, scripts/cli-bundle.ts): the job worker bundled beside the running one. */
declare const __reliefSource: { worker?: string } | undefined;

/** The check worker: bundled beside the job worker (check-worker.mjs / .cjs), else the TypeScript source under tsx. */
export function checkWorkerEntry(): WorkerEntry {
  const job = (typeof __reliefSource === 'undefined' ? undefined : __reliefSource.worker) ?? process.env.RELIEF_ARCHIVE_JOB_WORKER;
  if (job) {
    const file = join(dirname(job), basename(job).replace('job-worker', 'check-worker'));
    if (existsSync(file)) return { file, execArgv: [] };
  }
  return { file: new URL('./worker/check-worker.ts', import.meta.url), execArgv: ['--import', 'tsx'] };
}

/** Cuts `heads` into `n` consecutive runs of (nearly) equal size. */
function runsOf<T>(heads: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < n; i++) out.push(heads.slice(Math.floor((i * heads.length) / n), Math.floor(((i + 1) * heads.length) / n)));
  return out;
}

/** The whole check (checkArchive's result, the same byte for byte), on several threads when the archive is large enough. */
export async function checkArchiveParallel(archive: Archive, opts: CheckOptions & ParallelOptions): Promise<CheckResult> {
  const threads = Math.max(1, Math.floor(opts.threads ?? Math.min(availableParallelism(), MAX_THREADS)));
  const callerShare = opts.callerShare ?? true;
  if (opts.villageId != null || (threads < 2 && callerShare)) return checkArchive(archive, opts);
  const setup = checkSetup(archive, opts);
  opts.signal?.throwIfAborted();
  const heads = householdHeadsById(archive.db);
  if (heads.length < (opts.from ?? PARALLEL_FROM)) return checkArchive(archive, opts);
  const runs = runsOf(heads, threads);
  const own = callerShare ? runs.shift()! : [];
  const done = new Array<number>(runs.length + 1).fill(0);
  const progress = (): void => opts.onProgress?.(done.reduce((a, b) => a + b, 0) / heads.length);
  const workers = runs.map((run, i) =>
    startWorker(archive, setup, run, opts.entry ?? checkWorkerEntry(), (n) => {
      done[i + 1] = n;
      progress();
    }),
  );
  const stop = (): void => {
    const reason: unknown = opts.signal?.aborted ? (opts.signal.reason as unknown) : new Error('check stopped');
    for (const w of workers) w.stop(reason);
  };
  opts.signal?.addEventListener('abort', stop, { once: true });
  try {
    const problems: Problem[] = [];
    const duplicates = new DuplicateIds();
    checkRun(archive.db, setup, own, problems, duplicates, (n) => {
      opts.signal?.throwIfAborted();
      done[0] = n;
      progress();
    });
    for (const w of workers) {
      const r = await w.result;
      for (const p of r.problems) problems.push(p);
      duplicates.merge(r.seen);
    }
    const position = new Map(heads.map((h) => [h.id, h.position]));
    return finishCheck(setup, problems, position, duplicateIdProblems(archive.db, setup.asOf, { candidates: duplicates.found, stored: duplicates.stored() }));
  } finally {
    opts.signal?.removeEventListener('abort', stop);
    stop();
  }
}

interface Running {
  result: Promise<Extract<FromCheckWorker, { type: 'done' }>>;
  /** Ends the thread unless it answered (then it went back to the idle ones); the result fails with `reason`. */
  stop(reason: unknown): void;
}

/**
 * Workers kept between checks, per entry: a new thread loads the rules' code and runs it cold
 * (its first run of a share costs about a third more than the next ones). Idle, they hold no key
 * and no connection, and do not keep the process alive (unref).
 */
const idle = new Map<string, Worker[]>();
/** An idle worker's exit listener (taken off when it is handed a check). */
const forgets = new Map<Worker, () => void>();

function takeWorker(entry: WorkerEntry): Worker {
  const w = idle.get(String(entry.file))?.pop();
  if (!w) return new Worker(entry.file, { execArgv: entry.execArgv });
  const forget = forgets.get(w);
  if (forget) w.off('exit', forget);
  forgets.delete(w);
  w.ref();
  return w;
}

function giveBack(entry: WorkerEntry, w: Worker): void {
  const key = String(entry.file);
  const list = idle.get(key) ?? [];
  if (list.length >= MAX_THREADS) {
    void w.terminate();
    return;
  }
  w.unref();
  // An idle worker that dies is not handed the next check.
  const forget = (): void => {
    idle.set(key, (idle.get(key) ?? []).filter((x) => x !== w));
    forgets.delete(w);
  };
  w.once('exit', forget);
  forgets.set(w, forget);
  list.push(w);
  idle.set(key, list);
}

/** Ends the idle check workers (a shell closing, a test's end). */
export async function closeCheckWorkers(): Promise<void> {
  const all = [...idle.values()].flat();
  idle.clear();
  await Promise.all(all.map((w) => w.terminate()));
}

function startWorker(archive: Archive, setup: CheckSetup, heads: HeadById[], entry: WorkerEntry, onDone: (households: number) => void): Running {
  const run: CheckRun = { file: archive.file, key: archive.key ? new Uint8Array(archive.key) : null, year: setup.year, ctx: setup.ctx, heads };
  const worker = takeWorker(entry);
  let settled = false;
  let fail: (reason: unknown) => void = () => undefined;
  const result = new Promise<Extract<FromCheckWorker, { type: 'done' }>>((resolve, reject) => {
    fail = reject;
    const onMessage = (m: FromCheckWorker): void => {
      if (m.type === 'progress') {
        onDone(m.done);
        return;
      }
      settled = true;
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      giveBack(entry, worker);
      if (m.type === 'done') resolve(m);
      else reject(m.user ? new UserError(m.message) : new Error(`check worker: ${m.message}`));
    };
    const onError = (e: Error): void => {
      settled = true;
      reject(e);
    };
    const onExit = (code: number): void => {
      if (!settled) reject(new Error(`check worker exited (${code}) before answering`));
    };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
  // A failure is thrown where the result is awaited; one never awaited (the caller's own run failed) is not unhandled.
  result.catch(() => undefined);
  worker.postMessage(run);
  return {
    result,
    stop: (reason) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      fail(reason);
    },
  };
}
