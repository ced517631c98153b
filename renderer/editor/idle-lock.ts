// The idle lock: after the archive's set minutes without a key pressed or the mouse used, the
// app locks itself (archive.lock) — an office PC left open shows no personal data for long.
// Activity only records the time (mouse moves come by the hundred); one timer runs to the
// earliest moment the lock could be due and looks again then. While a call is still running
// (an import, a package, a print job) it waits instead: locking closes the archive under it.
import type { Timers } from './import-job.ts';

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** How long to wait again while a call is running. */
export const BUSY_RETRY_MS = 30_000;

export interface IdleLock {
  /** A key, a click, a mouse move: the idle time starts again. */
  activity(): void;
  stop(): void;
}

export function startIdleLock(opts: {
  minutes: number;
  onIdle: () => void;
  /** True while a call is running (not to be locked under). */
  busy?: () => boolean;
  now?: () => number;
  timers?: Timers;
}): IdleLock {
  const now = opts.now ?? Date.now;
  const timers = opts.timers ?? realTimers;
  const limit = Math.max(1, opts.minutes) * 60_000;
  let last = now();
  let handle: unknown = null;
  let stopped = false;

  const schedule = (ms: number): void => {
    handle = timers.set(check, Math.max(0, ms));
  };
  function check(): void {
    handle = null;
    if (stopped) return;
    const idle = now() - last;
    if (idle < limit) {
      schedule(limit - idle);
      return;
    }
    if (opts.busy?.()) {
      schedule(BUSY_RETRY_MS);
      return;
    }
    stopped = true;
    opts.onIdle();
  }
  schedule(limit);

  return {
    activity() {
      last = now();
    },
    stop() {
      stopped = true;
      if (handle !== null) timers.clear(handle);
      handle = null;
    },
  };
}
