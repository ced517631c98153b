// Long work from a UI (import, a batch of documents, a package): the UI names the job with an
// id of its own, starts the long call, and meanwhile polls `jobs.status` for a progress bar and
// may call `jobs.cancel`. The core work takes the job's signal and reports into it; the long
// call itself answers with the result (or "已取消"). Works the same over IPC and HTTP.
import type { JobView } from '../shared/api/jobs.ts';
import { isUserError, UserError } from '../shared/errors.ts';

export interface Job {
  readonly signal: AbortSignal;
  report(label: string, fraction: number): void;
  /**
   * Names the job anew (its first phase, and the 已取消 message): a job run on a worker thread
   * (core/worker/runner.ts) starts as 排队中… and learns its name when the worker begins.
   */
  rename(label: string): void;
}

interface Entry {
  view: JobView;
  /** The phases the job went through, in order: each reported label without its running count in （…）. */
  phases: string[];
  controller: AbortController;
  finishedAt: number | null;
}

const KEEP_MS = 60_000;

export class Jobs {
  private readonly entries = new Map<string, Entry>();

  /** Runs `work` as job `id` (or untracked when id is null). */
  async run<T>(id: string | null | undefined, label: string, work: (job: Job) => Promise<T>): Promise<T> {
    this.sweep();
    const controller = new AbortController();
    if (!id) return work({ signal: controller.signal, report: () => undefined, rename: (l) => void (label = l) });
    const entry: Entry = { view: { id, state: 'running', label, fraction: 0 }, phases: [label.split('（')[0]!], controller, finishedAt: null };
    this.entries.set(id, entry);
    try {
      const result = await work({
        signal: controller.signal,
        report: (l, f) => {
          const phase = l.split('（')[0]!;
          if (entry.phases.at(-1) !== phase) entry.phases.push(phase);
          entry.view = { ...entry.view, label: l, fraction: Math.max(0, Math.min(1, f)) };
        },
        rename: (l) => {
          label = l;
          entry.phases[0] = l.split('（')[0]!;
          entry.view = { ...entry.view, label: l };
        },
      });
      entry.view = { ...entry.view, state: 'done', fraction: 1 };
      return result;
    } catch (e) {
      entry.view = { ...entry.view, state: controller.signal.aborted ? 'cancelled' : 'failed' };
      // Work that stopped on the signal without its own message still tells the clerk plainly.
      if (controller.signal.aborted && !isUserError(e)) throw new UserError(`${label}已取消，没有写入任何内容。`, { cause: e });
      throw e;
    } finally {
      entry.finishedAt = Date.now();
    }
  }

  status(id: string): JobView {
    return this.entries.get(id)?.view ?? { id, state: 'unknown', label: '', fraction: 0 };
  }

  /**
   * The labels a job went through, kept as long as its status: lets a test (or a log) say that
   * progress was reported without having to catch the bar at the right moment.
   */
  phases(id: string): readonly string[] {
    return this.entries.get(id)?.phases ?? [];
  }

  cancel(id: string): JobView {
    const e = this.entries.get(id);
    if (e && e.view.state === 'running') {
      e.controller.abort();
      e.view = { ...e.view, label: `${e.view.label}（正在取消…）` };
    }
    return this.status(id);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, e] of this.entries) if (e.finishedAt !== null && now - e.finishedAt > KEEP_MS) this.entries.delete(id);
  }
}
