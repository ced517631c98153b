// Calendar dates are plain 'YYYY-MM-DD' strings, computed in UTC so no time zone shifts a day.

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number of the ASCII digits at `from`…`to` (exclusive) of `s`, or -1 if any is not one. */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * A real calendar day written 'YYYY-MM-DD' (four, two and two ASCII digits, read by char codes: the quality
 * check asks this of every date field of every member, with no match arrays and no Date objects).
 */
export function isIsoDate(s: string): boolean {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 7);
  const day = digitsAt(s, 8, 10);
  if (y < 0 || month < 0 || day < 0) return false;
  // Years before 100 were never accepted (Date.UTC reads 0–99 as 1900–1999).
  if (y < 100 || month < 1 || month > 12 || day < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return day <= (month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!);
}

function toUtc(s: string): Date {
  if (!isIsoDate(s)) throw new RangeError(`不是有效日期：${s}`);
  return new Date(`${s}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  const dt = toUtc(date);
  dt.setUTCDate(dt.getUTCDate() + days);
  return dt.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** Age in whole years on a given date. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

export interface PublicityPeriod {
  start: string;
  /** Last day of the period (inclusive): a 7-day period starting on the 1st ends on the 7th. */
  end: string;
  /** First day the step may be closed: the day after the period ends. */
  closableFrom: string;
  days: number;
}

export function publicityPeriod(start: string, days: number): PublicityPeriod {
  if (!Number.isInteger(days) || days < 1) throw new RangeError('公示天数必须是正整数');
  const end = addDays(start, days - 1);
  return { start, end, closableFrom: addDays(end, 1), days };
}

/** Whether a period is still running on a given day (inclusive of the end day). */
export function publicityRunning(period: PublicityPeriod, today: string): boolean {
  return today >= period.start && today <= period.end;
}

export function todayIso(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}
