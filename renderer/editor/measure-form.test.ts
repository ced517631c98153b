import { describe, expect, it } from 'vitest';
import { measureInput } from '../../shared/api/help.ts';
import type { MeasureRecord } from '../../shared/records.ts';
import { helperLabel, isIsoDate, isoDay, measureFormFrom, measureInputFrom } from './measure-form.ts';
import type { MeasureFormValues } from './measure-form.ts';

const blank = (over: Partial<MeasureFormValues> = {}): MeasureFormValues => ({ ...measureFormFrom(null, 2026), category: '产业帮扶', ...over });

describe('measure form', () => {
  it('starts blank in the given year', () => {
    expect(measureFormFrom(null, 2026)).toEqual({ year: 2026, category: null, content: '', startOn: '', endOn: '', amount: '', result: '', helperId: null });
  });

  it('fills from a record, money as 元 with two decimals', () => {
    const m = { id: 'ms1', householdId: 'h1', helperId: 'p1', year: 2024, category: '产业帮扶', content: '发放鸡苗', startOn: '2024-03-01', endOn: null, amountFen: 150050, result: null } as MeasureRecord;
    const v = measureFormFrom(m, 2026);
    expect(v).toMatchObject({ year: 2024, content: '发放鸡苗', endOn: '', amount: '1500.50', result: '', helperId: 'p1' });
    const back = measureInputFrom(v, 'h1', 'ms1');
    expect(back).toEqual({ ok: true, input: { id: 'ms1', householdId: 'h1', helperId: 'p1', year: 2024, category: '产业帮扶', content: '发放鸡苗', startOn: '2024-03-01', endOn: null, amountFen: 150050, result: null } });
  });

  it('turns 元 into integer 分 and blanks into null; the result passes the contract', () => {
    const r = measureInputFrom(blank({ amount: ' 1,234.5元 ', content: '  ', result: '增收' }), 'h1', null);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input).toMatchObject({ id: null, amountFen: 123450, content: null, result: '增收', helperId: null, startOn: null });
    expect(measureInput.safeParse(r.input).success).toBe(true);
    expect(measureInputFrom(blank({ amount: '0.1' }), 'h1', null)).toMatchObject({ input: { amountFen: 10 } });
    expect(measureInputFrom(blank({ amount: '' }), 'h1', null)).toMatchObject({ input: { amountFen: null } });
  });

  it('reports the field that is wrong', () => {
    expect(measureInputFrom(blank({ category: null }), 'h', null)).toMatchObject({ ok: false, field: 'category' });
    expect(measureInputFrom(blank({ year: null }), 'h', null)).toMatchObject({ ok: false, field: 'year' });
    expect(measureInputFrom(blank({ amount: '12.345' }), 'h', null)).toMatchObject({ ok: false, field: 'amount', message: '金额最多保留两位小数（元）' });
    expect(measureInputFrom(blank({ amount: '-5' }), 'h', null)).toMatchObject({ ok: false, field: 'amount', message: '金额不能为负数' });
    expect(measureInputFrom(blank({ amount: '五百' }), 'h', null)).toMatchObject({ ok: false, field: 'amount' });
    expect(measureInputFrom(blank({ startOn: '2024-02-30' }), 'h', null)).toMatchObject({ ok: false, field: 'startOn' });
    expect(measureInputFrom(blank({ startOn: '2024-05-01', endOn: '2024-04-01' }), 'h', null)).toMatchObject({ ok: false, field: 'endOn' });
  });
});

describe('helpers', () => {
  it('labels a helper by name, unit and phone, skipping blanks', () => {
    expect(helperLabel({ name: '王芳', unit: '县农业农村局', phone: '13800000000' })).toBe('王芳 · 县农业农村局 · 13800000000');
    expect(helperLabel({ name: '王芳', unit: null, phone: '13800000000' })).toBe('王芳 · 13800000000');
  });
  it('writes and checks ISO dates', () => {
    expect(isoDay(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-1')).toBe(false);
  });
});
