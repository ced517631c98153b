import { describe, expect, it } from 'vitest';
import { computeIncome, emptyIncome, negativeComponents, transferTotal } from './income.ts';
import { formatYuan, yuanToFen } from './money.ts';

describe('household income (seed 001 formula)', () => {
  const c = {
    ...emptyIncome(),
    wageFen: yuanToFen(12000),
    businessFen: yuanToFen(6000),
    propertyFen: yuanToFen(300),
    familyPlanningFen: yuanToFen(200),
    dibaoFen: yuanToFen(1800),
    pensionFen: yuanToFen(1300),
    otherTransferFen: yuanToFen(100.5),
    businessExpenseFen: yuanToFen(2500),
  };

  it('adds the four income kinds, transfer from its sub-items', () => {
    const t = computeIncome(c, 4);
    expect(t.transferFen).toBe(340050);
    expect(transferTotal(c)).toBe(340050);
    expect(t.grossFen).toBe(1200000 + 600000 + 30000 + 340050);
    expect(t.netFen).toBe(t.grossFen - 250000);
    expect(t.perCapitaFen).toBe(Math.round((2170050 - 250000) / 4));
    expect(formatYuan(t.perCapitaFen!)).toBe('4,800.13');
  });

  it('divides by the household size of that year, not today’s', () => {
    expect(computeIncome(c, 5).perCapitaFen).toBe(384010);
    expect(computeIncome(c, 3).perCapitaFen).toBe(640017);
  });

  it('has no per-capita figure without a household size', () => {
    expect(computeIncome(c, 0).perCapitaFen).toBeNull();
    expect(computeIncome(c, null).perCapitaFen).toBeNull();
  });

  it('may be negative when expenses exceed income, and names negative components', () => {
    const loss = { ...emptyIncome(), businessFen: 100000, businessExpenseFen: 300000 };
    expect(computeIncome(loss, 2).perCapitaFen).toBe(-100000);
    expect(negativeComponents(loss)).toEqual([]);
    expect(negativeComponents({ ...loss, wageFen: -1 })).toEqual(['wageFen']);
  });

  it('keeps money in whole fen', () => {
    expect(yuanToFen('1,234.56元')).toBe(123456);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(() => yuanToFen('abc')).toThrow(/金额/);
    expect(formatYuan(-5)).toBe('-0.05');
  });
});
