// Today as the shell sees it (SessionState.today): default dates, years and ages in forms come
// from here, never from the machine's calendar, so a shell with a fixed day (tests, demos,
// `npm run web -- --today`) shows the same screens on any date. The session is loaded before
// any screen renders (App.tsx), so the day is always known where these are used.
import { useStore } from '../store/index.ts';

export function useToday(): string {
  return useStore((s) => s.session?.today ?? '');
}

/** The year of `today`. */
export function useThisYear(): number {
  return Number(useToday().slice(0, 4));
}

/** The day as a Date (UTC midnight), for the ID number check that birth dates are not in the future. */
export function dayAsDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/**
 * `day` as a local Date, at the hour and minute of `time` when given: file names carry the
 * session's day and, to keep them apart, the time of day the clerk made them.
 */
export function localDay(day: string, time?: Date): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, time?.getHours() ?? 0, time?.getMinutes() ?? 0);
}
