// The overview's quality-check part, asked for after the figures are shown: a job with a
// progress bar (useJobQuery: jobs.status polled); the figures stay usable meanwhile. `known` is
// what overview.get already had (a current kept result): no job then.
import type { OverviewProblemsView } from '../../shared/api/index.ts';
import { api } from '../api.ts';
import type { JobProgress } from '../editor/import-job.ts';
import { useJobQuery } from './use-job-query.ts';

export interface OverviewCheck {
  result: OverviewProblemsView | null;
  progress: JobProgress | null;
  error: string | null;
}

export function useOverviewCheck(known: OverviewProblemsView | null | undefined, loaded: boolean): OverviewCheck {
  // While the figures reload (`loaded` false) the card keeps what it showed.
  const job = useJobQuery((jobId) => api.overview.problems({ jobId }), [known, loaded], { skip: !loaded || Boolean(known), startLabel: '数据检查' });
  if (known) return { result: known, progress: null, error: null };
  // A check under way or failed shows its bar or its error, never the answer of an earlier one.
  const busy = job.progress !== null || job.error !== null;
  return { result: busy ? null : (job.data ?? null), progress: job.progress, error: job.error };
}
