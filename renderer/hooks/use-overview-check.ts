// The overview's quality-check part, asked for after the figures are shown: a job with a
// progress bar (jobs.status polled, renderer/editor/import-job.ts); the figures stay usable
// meanwhile. `known` is what overview.get already had (a current kept result): no job then.
import { useEffect, useState } from 'react';
import type { OverviewProblemsView } from '../../shared/api/index.ts';
import { api } from '../api.ts';
import { newJobId, runJob } from '../editor/import-job.ts';
import type { JobProgress } from '../editor/import-job.ts';

export interface OverviewCheck {
  result: OverviewProblemsView | null;
  progress: JobProgress | null;
  error: string | null;
}

export function useOverviewCheck(known: OverviewProblemsView | null | undefined, loaded: boolean): OverviewCheck {
  const [state, setState] = useState<OverviewCheck>({ result: null, progress: null, error: null });
  useEffect(() => {
    if (!loaded) return;
    if (known) {
      setState({ result: known, progress: null, error: null });
      return;
    }
    let live = true;
    setState({ result: null, progress: { label: '数据检查', fraction: 0, cancelling: false }, error: null });
    const job = runJob({
      api: { status: (id) => api.jobs.status({ id }), cancel: (id) => api.jobs.cancel({ id }) },
      kind: 'whole',
      id: newJobId().replace('imp-', 'chk-'),
      call: (jobId) => api.overview.problems({ jobId }),
      onProgress: (progress) => live && setState((s) => ({ ...s, progress })),
    });
    job.result.then(
      (result) => live && setState({ result, progress: null, error: null }),
      (e: unknown) => live && setState({ result: null, progress: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [known, loaded]);
  return state;
}
