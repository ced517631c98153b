import { describe, expect, it } from 'vitest';
import { clockFor, fixedDayClock, systemClock } from './clock.ts';

describe('clocks', () => {
  it('a fixed day starts that morning and runs on at the real pace', () => {
    let real = 1_000_000;
    const clock = fixedDayClock('2026-11-24', () => real);
    expect(clock.today()).toBe('2026-11-24');
    const first = clock.now().getTime();
    real += 1500;
    expect(clock.now().getTime() - first).toBe(1500);
    expect(clock.today()).toBe('2026-11-24');
    real += 15 * 3_600_000; // 23:00 that day
    expect(clock.today()).toBe('2026-11-24');
  });

  it('refuses a day that is not YYYY-MM-DD, in Chinese', () => {
    expect(() => fixedDayClock('2026-13-01')).toThrow(/日期“2026-13-01”无效/);
    expect(() => clockFor('tomorrow')).toThrow(/YYYY-MM-DD/);
  });

  it('without a fixed day, the shell runs on the real clock', () => {
    expect(clockFor(undefined)).toBe(systemClock);
    expect(clockFor('')).toBe(systemClock);
    expect(clockFor('2030-01-02').today()).toBe('2030-01-02');
  });
});
