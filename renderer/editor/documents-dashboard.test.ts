import { describe, expect, it } from 'vitest';
import { chartIsEmpty, figureCard, screenOption } from './documents-dashboard.ts';

describe('key figures as cards', () => {
  it('splits households and people', () => {
    expect(figureCard('未脱贫（户/人）', '23 / 97')).toEqual({ label: '未脱贫', value: '23', suffix: '户 · 97 人', raw: '23 / 97' });
    expect(figureCard('建档立卡和监测（户/人）', '286 / 1078')).toMatchObject({ label: '建档立卡和监测', value: '286', suffix: '户 · 1078 人' });
    expect(figureCard('总户数 / 总人口', '1500 / 6139')).toMatchObject({ label: '总户数 / 总人口', value: '1500', suffix: '户 · 6139 人' });
  });
  it('keeps a leading number with its words, and anything else as printed', () => {
    expect(figureCard('行政村', '3 个（贫困村 1）')).toMatchObject({ value: '3', suffix: '个（贫困村 1）' });
    expect(figureCard('结对帮扶覆盖率', '91.61%')).toMatchObject({ value: '91.61%', suffix: '' });
    expect(figureCard('结对帮扶覆盖率', '—')).toEqual({ label: '结对帮扶覆盖率', value: '—', suffix: '', raw: '—' });
  });
});

describe('chart options on screen', () => {
  const bar = { title: { text: 't' }, xAxis: {}, series: [{ type: 'bar', data: [1, 2] }] };
  const pie = { series: [{ type: 'pie', data: [{ name: 'a', value: 1 }] }] };
  it('adds a tooltip fitting the chart, keeps the data and does not touch the original', () => {
    const b = screenOption(bar);
    expect(b.tooltip).toEqual({ trigger: 'axis', axisPointer: { type: 'shadow' } });
    expect(b.series).toBe(bar.series);
    expect(bar).not.toHaveProperty('tooltip');
    expect(screenOption(pie).tooltip).toMatchObject({ trigger: 'item' });
    expect(screenOption({ ...pie, tooltip: { show: false } }).tooltip).toEqual({ show: false });
  });
  it('knows a chart with no data', () => {
    expect(chartIsEmpty(bar)).toBe(false);
    expect(chartIsEmpty({ series: [{ type: 'pie', data: [] }] })).toBe(true);
    expect(chartIsEmpty({})).toBe(true);
  });
});
