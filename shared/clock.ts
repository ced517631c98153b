// What time it is for a session or a command. Business dates (publicity periods, ages, "today"
// as the default of every asOf) come from here, never from the machine's calendar directly, so
// a shell can fix the day: tests and the demo run on the day their data was made for, and keep
// passing on any later date. Only the shells choose the clock (the real one, or a fixed day).
import { isIsoDate, todayIso } from './dates.ts';
import { UserError } from './errors.ts';

export interface Clock {
  /** The current instant: audit timestamps, updatedAt. */
  readonly now: () => Date;
  /** The current calendar day (local), YYYY-MM-DD. */
  readonly today: () => string;
}

export const systemClock: Clock = { now: () => new Date(), today: () => todayIso() };

/**
 * A clock on a fixed working day: it starts at 08:00 (local) of `day` and runs on at the real
 * pace, so timestamps written one after another stay in order. The day turns only after 16
 * hours of running, as a real working day would.
 */
export function fixedDayClock(day: string, realNow: () => number = Date.now): Clock {
  if (!isIsoDate(day)) throw new UserError(`日期“${day}”无效：应为 YYYY-MM-DD 格式，例如 2026-11-24。`, { kind: 'usage' });
  const started = realNow();
  const base = new Date(`${day}T08:00:00`).getTime();
  const now = (): Date => new Date(base + (realNow() - started));
  return { now, today: () => todayIso(now()) };
}

/** The clock a shell runs on: a fixed day when one is given (flag or RELIEF_ARCHIVE_TODAY), else the real one. */
export function clockFor(today: string | null | undefined): Clock {
  return today ? fixedDayClock(today) : systemClock;
}

/** The environment variable that fixes "today" for the CLI and the browser shell. */
export const TODAY_ENV = 'RELIEF_ARCHIVE_TODAY';
