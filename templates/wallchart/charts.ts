// The wall chart's charts as ECharts options: plain JSON (no functions), so the same options
// render to SVG for the printed chart and travel over the API to an in-app dashboard.
import type { ChartView } from '../../shared/api/documents.ts';
import type { WallChartModel } from './model.ts';

const LEVEL_COLORS = { 红色: '#d9363e', 黄色: '#e6a700', 绿色: '#3f9e4d' } as const;
const PALETTE = ['#3a6ea5', '#e07b39', '#5b9c5b', '#c9504b', '#8a6bb8', '#b58b3a', '#4aa3a8', '#d46fa0', '#7f7f7f', '#a5a53a', '#3f5f8f', '#9c6b4f'];

const text = { fontSize: 13, color: '#222' };
/** Ticks on a value axis: ECharts' suggestion (it rounds to a nice step). */
export const VALUE_TICKS = 4;
const title = (t: string, sub?: string) => ({ text: t, ...(sub ? { subtext: sub } : {}), left: 'center', top: 4, textStyle: { fontSize: 16, fontWeight: 'normal', color: '#111' }, subtextStyle: { fontSize: 12, color: '#444' } });

function entries(r: Record<string, number>): [string, number][] {
  return Object.entries(r).filter(([, n]) => n > 0);
}

function bar(t: string, data: [string, number][], opts: { horizontal?: boolean; unit: string; sub?: string }): Record<string, unknown> {
  const names = data.map(([k]) => k);
  const values = data.map(([, v]) => v);
  // Every category is named (interval 0); under a vertical bar many names turn to fit.
  const category = { type: 'category', data: opts.horizontal ? [...names].reverse() : names, axisLabel: { ...text, fontSize: names.length > 8 ? 10 : 12, interval: 0, ...(!opts.horizontal && names.length > 6 ? { rotate: 40 } : {}) } };
  // Few ticks, and a tick that would touch its neighbour is dropped: three-digit figures on a
  // narrow axis otherwise print as one number ("120150180").
  const value = { type: 'value', name: opts.unit, nameTextStyle: text, axisLabel: { ...text, fontSize: 10, hideOverlap: true, margin: 6 }, splitNumber: opts.horizontal ? VALUE_TICKS - 1 : VALUE_TICKS, minInterval: 1 };
  return {
    title: title(t, opts.sub),
    color: PALETTE,
    grid: { left: opts.horizontal ? 110 : 48, right: 40, top: opts.sub ? 64 : 46, bottom: !opts.horizontal && names.length > 6 ? 44 : 30 },
    xAxis: opts.horizontal ? value : category,
    yAxis: opts.horizontal ? category : value,
    series: [{ type: 'bar', data: opts.horizontal ? [...values].reverse() : values, barMaxWidth: 34, label: { show: true, position: opts.horizontal ? 'right' : 'top', ...text, fontSize: names.length > 8 ? 10 : 13 }, labelLayout: { hideOverlap: true } }],
  };
}

function pie(t: string, data: [string, number][], opts: { colors?: readonly string[]; sub?: string; unit: string }): Record<string, unknown> {
  // Names carry their counts and the legend carries the names: labels on the slices stay short
  // (a percentage), so nothing runs off the chart's box on paper.
  const named = data.map(([name, value]) => ({ name: `${name} ${value}${opts.unit}`, value }));
  return {
    title: title(t, opts.sub),
    color: opts.colors ?? PALETTE,
    legend: { bottom: 4, left: 'center', itemWidth: 12, itemHeight: 10, textStyle: { ...text, fontSize: 12 }, data: named.map((d) => d.name) },
    series: [
      {
        type: 'pie',
        radius: ['24%', '48%'],
        center: ['50%', opts.sub ? '54%' : '50%'],
        data: named,
        label: { ...text, fontSize: 12, formatter: '{d}%' },
        labelLine: { length: 6, length2: 6 },
      },
    ],
  };
}

/** The six charts of the wall chart; `clean` makes data labels printable (PDF font). */
export function wallChartOptions(m: WallChartModel, clean: (s: string) => string = (s) => s): ChartView[] {
  const c = (data: [string, number][]): [string, number][] => data.map(([k, v]) => [clean(k), v]);
  const levels = entries(m.monitoringLevels);
  const coverage = m.helperCoverage;
  const rate = coverage.households > 0 ? Math.round((coverage.covered / coverage.households) * 1000) / 10 : 0;
  return [
    { key: 'cause', title: '主要致贫原因', option: bar('主要致贫原因（建档立卡户）', c(entries(m.byCause)), { horizontal: true, unit: '户' }) },
    { key: 'attribute', title: '贫困户属性', option: pie('贫困户属性', c(entries(m.byAttribute)), { unit: '户' }) },
    { key: 'exits', title: '历年脱贫户数', option: bar('历年脱贫户数', entries(m.exitsByYear), { unit: '户' }) },
    { key: 'status', title: '户类别', option: bar('建档立卡和监测户类别', c(entries(m.byStatus)), { horizontal: true, unit: '户' }) },
    {
      key: 'monitoring',
      title: '监测对象风险等级',
      option: pie('监测对象风险等级', levels, { unit: '户', colors: levels.map(([k]) => LEVEL_COLORS[k as keyof typeof LEVEL_COLORS] ?? '#7f7f7f'), sub: levels.length ? undefined : '暂无监测对象' }),
    },
    {
      key: 'helpers',
      title: '结对帮扶覆盖',
      option: pie('结对帮扶覆盖', [['已结对', coverage.covered], ['未结对', coverage.households - coverage.covered]].filter(([, n]) => Number(n) > 0) as [string, number][], {
        unit: '户',
        colors: ['#3f9e4d', '#c9504b'],
        sub: `帮扶责任人 ${coverage.helpers} 名，覆盖率 ${rate}%`,
      }),
    },
  ];
}
