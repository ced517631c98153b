// One contract object per call the renderer may make: its channel, the zod schema of its
// input (validated by every shell before the core sees it) and, as a type only, its output.
// The preload allow-list, the renderer client and the handler registration all derive from it.
// Each also says whether it writes the archive and which roles may call it (shared/roles.ts):
// the dispatcher, the cache, the county's read-only mode and the command line derive from that.
import type { z } from 'zod';
import type { Access, Role } from '../roles.ts';
import { READ } from '../roles.ts';

/** What an endpoint does with a path it is given: the shell checks it was chosen by the user (core/api/path-guard.ts). */
export type PathUse = 'read' | 'write';

export interface Endpoint<I extends z.ZodType = z.ZodType, O = unknown> extends Access {
  readonly channel: string;
  /** The input fields that are paths on this machine, and whether they are read or written. */
  readonly paths: Readonly<Record<string, PathUse>>;
  readonly input: I;
  readonly writes: boolean;
  readonly roles: readonly Role[];
  /**
   * Long work (seconds on a township's archive): the shells run it on a worker thread with its own
   * connection (core/worker/runner.ts), so the Electron main process and the web shell's request
   * loop stay free. Declared with offThread(); writing ones are queued one at a time.
   */
  readonly worker: WorkerUse | null;
  /** Phantom: carries the output type, never read at run time. */
  readonly output?: O;
}

/**
 * `endpoint<Output>()('group.name', inputSchema, EDIT, { out: 'write' })` — without an access, a
 * read anyone may make; `paths` names every input field that is a path on this machine.
 */
export function endpoint<O>() {
  return <I extends z.ZodType>(channel: string, input: I, access: Access = READ, paths: Readonly<Record<string, PathUse>> = {}): Endpoint<I, O> => ({
    channel,
    input,
    writes: access.writes,
    roles: access.roles,
    paths,
    worker: null,
  });
}

/** How an endpoint runs off the main thread. */
export interface WorkerUse {
  /**
   * A pure read whose answer the shell keeps until the next write (the quality check, the overview
   * built on it): asked again, it is answered at once without a worker.
   */
  readonly cache: boolean;
}

/** Marks an endpoint as long work run off the shell's main thread (see Endpoint.worker). */
export function offThread<E extends Endpoint>(e: E, use: WorkerUse = { cache: false }): E {
  return { ...e, worker: use };
}

export type InputOf<E> = E extends Endpoint<infer I> ? z.input<I> : never;
export type ParsedInputOf<E> = E extends Endpoint<infer I> ? z.output<I> : never;
export type OutputOf<E> = E extends Endpoint<z.ZodType, infer O> ? O : never;

export interface ApiErrorBody {
  /** Chinese, says what, where and what to do. */
  message: string;
  kind: 'refused' | 'usage' | 'internal';
  details: string[];
  /** The input field the error is about, when there is one (e.g. 'members.2.idNumber'). */
  field?: string;
}

/** What crosses IPC or HTTP: Electron keeps only `message` of a thrown error, so we never throw across. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
