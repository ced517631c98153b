// Progress and cancel of a long call (import check or apply): the renderer names the job, starts
// the call with that id, and while it is pending asks jobs.status every ~300 ms for the bar. A
// cancel asked before the archive has registered the job (the file still uploading) is sent
// again on the next poll, so the clerk's 取消 is never lost.
import type { JobView } from '../../shared/api/index.ts';

export interface JobProgress {
  label: string;
  /** 0…1 of the whole bar. */
  fraction: number;
  cancelling: boolean;
}

export interface JobApi {
  status(id: string): Promise<JobView>;
  cancel(id: string): Promise<JobView>;
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export const POLL_MS = 300;
export const STARTING_LABEL = '正在上传文件';
export const CANCELLING_SUFFIX = '（正在取消…）';

/** A fresh job id the API accepts ([A-Za-z0-9_-]{6,64}). */
export function newJobId(random: () => number = Math.random): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += Math.floor(random() * 36).toString(36);
  return `imp-${s}`;
}

/**
 * A check stops after 检查数据 (75% of the import's bar): stretch it to the whole bar.
 * The import runs the whole bar (读取文件 / 检查数据 / 备份档案 / 写入档案), as does any other job ('whole').
 */
export function barFraction(kind: 'check' | 'apply' | 'whole', fraction: number): number {
  const f = kind === 'check' ? fraction / 0.75 : fraction;
  return Math.max(0, Math.min(1, f));
}

/** The archive no longer looks at a cancel once it writes. */
export function canCancel(p: JobProgress): boolean {
  return !p.cancelling && !p.label.startsWith('写入档案');
}

export function progressLabel(p: JobProgress): string {
  if (p.cancelling && !p.label.includes(CANCELLING_SUFFIX)) return `${p.label}${CANCELLING_SUFFIX}`;
  return p.label;
}

export interface RunningJob<T> {
  id: string;
  result: Promise<T>;
  /** Ask the archive to stop (again on each poll until it has seen the job). */
  cancel(): void;
}

/** Starts `call(jobId)` and reports progress until it settles. */
export function runJob<T>(opts: {
  api: JobApi;
  kind: 'check' | 'apply' | 'whole';
  call: (jobId: string) => Promise<T>;
  onProgress: (p: JobProgress) => void;
  id?: string;
  /** What the bar says until the archive reports the job (an import's file is uploaded first). */
  startLabel?: string;
  timers?: Timers;
  pollMs?: number;
}): RunningJob<T> {
  const id = opts.id ?? newJobId();
  const timers = opts.timers ?? realTimers;
  let settled = false;
  let cancelWanted = false;
  let cancelSeen = false;
  let handle: unknown = null;
  let progress: JobProgress = { label: opts.startLabel ?? STARTING_LABEL, fraction: 0, cancelling: false };
  const report = (p: JobProgress): void => {
    progress = p;
    if (!settled) opts.onProgress(p);
  };

  const sendCancel = async (): Promise<void> => {
    try {
      const v = await opts.api.cancel(id);
      if (v.state !== 'unknown') cancelSeen = true;
    } catch {
      // the next poll sends it again
    }
  };

  const poll = async (): Promise<void> => {
    handle = null;
    if (settled) return;
    try {
      const v = await opts.api.status(id);
      if (v.state === 'running') {
        report({ label: v.label, fraction: barFraction(opts.kind, v.fraction), cancelling: cancelWanted });
        if (cancelWanted && !cancelSeen) await sendCancel();
      } else if (v.state === 'unknown' && cancelWanted && !cancelSeen) {
        await sendCancel();
      }
    } catch {
      // a lost status answer only delays the bar
    }
    if (!settled) handle = timers.set(() => void poll(), opts.pollMs ?? POLL_MS);
  };

  report(progress);
  const result = opts.call(id).finally(() => {
    settled = true;
    if (handle !== null) timers.clear(handle);
    handle = null;
  });
  handle = timers.set(() => void poll(), opts.pollMs ?? POLL_MS);

  return {
    id,
    result,
    cancel() {
      if (settled || cancelWanted) return;
      cancelWanted = true;
      report({ ...progress, cancelling: true });
      void sendCancel();
    },
  };
}
