import { describe, expect, it } from 'vitest';
import { checkDue, earlyRemoval, monitoringLevel, monthsElapsed, previousMonth } from './monitoring.ts';

describe('monitoring level (seed 004: < 5000 red, 5000–9999.99 yellow, ≥ 10000 green)', () => {
  it.each([
    [499_999, 'red'],
    [500_000, 'yellow'],
    [999_999, 'yellow'],
    [1_000_000, 'green'],
    [0, 'red'],
  ] as const)('%i fen is %s', (fen, level) => {
    expect(monitoringLevel(fen, []).level).toBe(level);
  });

  it('any 两不愁三保障 item at risk is red whatever the income, and says which', () => {
    const r = monitoringLevel(2_000_000, ['housing', 'water']);
    expect(r.level).toBe('red');
    expect(r.reasons[0]).toBe('“两不愁三保障”有风险：住房安全有保障、饮水安全有保障');
  });

  it('uses the thresholds given (a province’s own figures)', () => {
    const t = { redBelowFen: 730_000, yellowBelowFen: 1_200_000 };
    expect(monitoringLevel(729_999, [], t).level).toBe('red');
    expect(monitoringLevel(730_000, [], t).level).toBe('yellow');
    expect(monitoringLevel(1_200_000, [], t).level).toBe('green');
  });

  it('explains the level in yuan', () => {
    expect(monitoringLevel(499_999, []).reasons).toEqual(['预估人均纯收入 4,999.99 元，低于 5,000.00 元']);
    expect(monitoringLevel(1_000_000, []).reasons[0]).toMatch(/不低于 10,000.00 元/);
  });

  it('without an income figure the object is managed as red', () => {
    const r = monitoringLevel(null, []);
    expect(r.level).toBe('red');
    expect(r.reasons[0]).toMatch(/没有预估人均纯收入/);
  });
});

describe('risk removal sooner than six months', () => {
  it('counts calendar months by day when both dates have one', () => {
    expect(monthsElapsed('2026-03-15', '2026-09-14')).toBe(5);
    expect(monthsElapsed('2026-03-15', '2026-09-15')).toBe(6);
    expect(monthsElapsed('2025-11-30', '2026-05-29')).toBe(5);
  });

  it('counts by month when identification is known only as YYYYMM (as in the national export)', () => {
    expect(monthsElapsed('202603', '2026-09-01')).toBe(6);
    expect(monthsElapsed('202603', '2026-08-31')).toBe(5);
  });

  it('flags a removal a day short of six months, not one on the day', () => {
    const early = earlyRemoval('2026-03-15', '2026-09-14');
    expect(early.early).toBe(true);
    expect(early.message).toMatch(/监测不足6个月（5个月）/);
    expect(earlyRemoval('2026-03-15', '2026-09-15')).toEqual({ early: false, months: 6, message: null });
  });
});

describe('monthly check due', () => {
  it('is done with a check this month, due without, overdue with none last month either', () => {
    expect(checkDue('2026-11-03', '2025-01-10', '2026-11')).toBe('done');
    expect(checkDue('2026-10-20', '2025-01-10', '2026-11')).toBe('due');
    expect(checkDue('2026-09-20', '2025-01-10', '2026-11')).toBe('overdue');
    expect(checkDue(null, '2025-01-10', '2026-11')).toBe('overdue');
  });

  it('an object taken in last month is only due, not overdue', () => {
    expect(checkDue(null, '2026-10-25', '2026-11')).toBe('due');
    expect(checkDue(null, '202610', '2026-11')).toBe('due');
    expect(checkDue(null, '202609', '2026-11')).toBe('overdue');
  });

  it('knows the month before January', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
  });
});
