// The messages between the shell's main thread and a job's worker thread (core/worker/runner.ts,
// core/worker/job-worker.ts). Everything crosses by structured clone: the archive's key as bytes
// (held in memory only, never written anywhere), results as plain data, errors as the envelope's
// error body so a Chinese message keeps its kind, details and field.
import type { ApiErrorBody } from '../../shared/api/index.ts';
import type { Role } from '../../shared/roles.ts';

/** Work of a shell that is no contract endpoint: the Electron menu's 备份档案. */
export const BACKUP_TASK = 'task:backup';

/** What the worker needs to act as the session: the same file, key, operator, data folder and time. */
export interface RunMessage {
  type: 'run';
  /** A contract channel, or a task (BACKUP_TASK). */
  channel: string;
  /** Already validated (and path-checked) by the dispatcher on the main thread. */
  input: unknown;
  file: string;
  key: Uint8Array | null;
  operator: string | null;
  role: Role | null;
  dataDir: string;
  /** The session clock's instant when the job was sent (a fixed day in tests and the demo runs on from there). */
  now: number;
}

export type ToWorker = RunMessage | { type: 'cancel' };

export type FromWorker =
  /** The job's own name (导入花名册, 生成…): replaces 排队中… in the progress bar. */
  | { type: 'start'; label: string }
  | { type: 'progress'; label: string; fraction: number }
  | { type: 'done'; value: unknown }
  /** `damage`: the worker met a damaged file (core/damage.ts); the main side marks the session. */
  | { type: 'failed'; error: ApiErrorBody; damage: string | null };

/** An internal error of a job's worker, carried to the dispatcher with the body the worker made of it. */
export class RemoteJobError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.details[0] ?? body.message);
    this.name = 'RemoteJobError';
  }
}
