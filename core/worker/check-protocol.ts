// The messages between the parallel check (core/check-parallel.ts) and its worker threads
// (core/worker/check-worker.ts). The key crosses as bytes, held in memory only.
import type { DuplicateIdsSeen, HeadById } from '../../db/quality.ts';
import type { Problem, QualityContext } from '../../shared/quality/index.ts';

/** One check's share for a worker: the archive, the check's context, and its run of households. */
export interface CheckRun {
  file: string;
  key: Uint8Array | null;
  /** The check year (null: the check-year rules are left out). */
  year: number | null;
  ctx: QualityContext;
  /** Consecutive in id order (householdHeadsById). */
  heads: HeadById[];
}

export type FromCheckWorker =
  /** Households of the run checked so far. */
  | { type: 'progress'; done: number }
  | { type: 'done'; problems: Problem[]; seen: DuplicateIdsSeen }
  /** `user`: the message is a UserError's, in Chinese for the clerk. */
  | { type: 'failed'; message: string; user: boolean };
