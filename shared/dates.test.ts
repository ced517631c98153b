import { describe, expect, it } from 'vitest';
import { addDays, ageOn, chineseDate, daysBetween, isIsoDate, publicityPeriod, publicityRunning } from './dates.ts';

describe('dates', () => {
  it('computes a 7-day publicity period inclusively, across month ends', () => {
    expect(publicityPeriod('2026-11-01', 7)).toEqual({ start: '2026-11-01', end: '2026-11-07', closableFrom: '2026-11-08', days: 7 });
    expect(publicityPeriod('2026-12-28', 5)).toMatchObject({ end: '2027-01-01', closableFrom: '2027-01-02' });
    expect(publicityPeriod('2028-02-25', 7).end).toBe('2028-03-02');
    expect(() => publicityPeriod('2026-11-01', 0)).toThrow(/正整数/);
  });

  it('says whether a period is still running', () => {
    const p = publicityPeriod('2026-11-01', 7);
    expect(publicityRunning(p, '2026-10-31')).toBe(false);
    expect(publicityRunning(p, '2026-11-07')).toBe(true);
    expect(publicityRunning(p, '2026-11-08')).toBe(false);
  });

  it('computes ages on a day, birthday included', () => {
    expect(ageOn('2010-11-24', '2026-11-24')).toBe(16);
    expect(ageOn('2010-11-25', '2026-11-24')).toBe(15);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
  });

  it('validates, adds and prints dates', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(addDays('2026-11-24', 38)).toBe('2027-01-01');
    expect(daysBetween('2026-11-01', '2026-11-08')).toBe(7);
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
    expect(() => addDays('2026-13-01', 1)).toThrow(/日期/);
  });

  it('tells real days by the calendar alone, as a Date round trip does', () => {
    const byDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8))).toISOString().slice(0, 10) === s;
    const two = (n: number): string => String(n).padStart(2, '0');
    for (const y of ['0050', '0099', '0100', '1600', '1900', '2000', '2024', '2026', '2100', '9999']) {
      for (let m = 0; m <= 13; m++) for (let d = 0; d <= 32; d++) expect(isIsoDate(`${y}-${two(m)}-${two(d)}`), `${y}-${two(m)}-${two(d)}`).toBe(byDate(`${y}-${two(m)}-${two(d)}`));
    }
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2024-1-05')).toBe(false);
  });
});
