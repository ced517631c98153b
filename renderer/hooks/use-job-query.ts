// A read that is long work (a job on the worker): like useQuery, plus the job's progress and 取消
// while it runs (renderer/editor/import-job.ts polls jobs.status). A kept answer comes back at once.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api.ts';
import { newJobId, runJob } from '../editor/import-job.ts';
import type { JobProgress, RunningJob } from '../editor/import-job.ts';
import type { Query } from './use-query.ts';

export interface JobQuery<T> extends Query<T> {
  /** While the job runs. */
  progress: JobProgress | null;
  cancel: () => void;
}

export interface JobQueryOptions {
  /**
   * No job now (what it needs is not there yet, or the caller already holds the answer): the
   * hook keeps what it had, and a job still running for the deps before is let go.
   */
  skip?: boolean;
  /** What the bar says until the archive reports the job. */
  startLabel?: string;
}

export function useJobQuery<T>(call: (jobId: string) => Promise<T>, deps: readonly unknown[], opts: JobQueryOptions = {}): JobQuery<T> {
  const [state, setState] = useState<{ data?: T; error: string | null; progress: JobProgress | null }>({ error: null, progress: null });
  const [tick, setTick] = useState(0);
  const callRef = useRef(call);
  callRef.current = call;
  const running = useRef<RunningJob<T> | null>(null);

  const skip = opts.skip ?? false;

  useEffect(() => {
    if (skip) return;
    let live = true;
    setState((s) => ({ ...s, error: null }));
    const job = runJob({
      startLabel: opts.startLabel ?? '正在启动…',
      api: { status: (id) => api.jobs.status({ id }), cancel: (id) => api.jobs.cancel({ id }) },
      kind: 'whole',
      id: newJobId().replace('imp-', 'job-'),
      call: (jobId) => callRef.current(jobId),
      onProgress: (progress) => live && setState((s) => ({ ...s, progress })),
    });
    running.current = job;
    job.result.then(
      (data) => live && setState({ data, error: null, progress: null }),
      (e: unknown) => live && setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e), progress: null })),
    );
    return () => {
      live = false;
      running.current = null;
    };
    // Callers pass their own deps, like useEffect.
  }, [...deps, skip, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const cancel = useCallback(() => running.current?.cancel(), []);
  return { data: state.data, error: state.error, loading: state.progress !== null, progress: state.progress, reload, cancel };
}
