// The CLI's clock: the real one, or the day fixed by RELIEF_ARCHIVE_TODAY (for tests and demos
// that must give the same answer on any date). One clock per process and day, so the stamps of
// one command run in order. Commands that take --as-of still prefer it.
import { systemActor } from '../core/context.ts';
import type { Actor } from '../core/context.ts';
import { clockFor, TODAY_ENV } from '../shared/clock.ts';
import { OPERATOR_ENV } from './credentials.ts';
import type { Clock } from '../shared/clock.ts';

let cached: { day: string | undefined; clock: Clock } | null = null;

export function cliClock(env: NodeJS.ProcessEnv = process.env): Clock {
  const day = env[TODAY_ENV] || undefined;
  if (!cached || cached.day !== day) cached = { day, clock: clockFor(day) };
  return cached.clock;
}

/** The operator of this command — the one who logged in (--operator / RELIEF_ARCHIVE_OPERATOR) — on the CLI's clock. */
export function cliActor(operator: string | undefined): Actor {
  return systemActor(operator ?? process.env[OPERATOR_ENV]?.trim() ?? '命令行', cliClock());
}
