// The 统计看板 as plain functions: the wall chart's headline figures split for cards (户 and 人
// apart), and its chart options (made for paper) adapted for the screen — hover tips, a short
// animation — without changing what they show.

export interface FigureCard {
  label: string;
  /** The big number. */
  value: string;
  /** The unit after it, or the second figure (… 人). */
  suffix: string;
  /** What the printed chart says, unchanged: the card's title attribute and the tests' reference. */
  raw: string;
}

const PAIR = /^\s*([\d,.]+)\s*\/\s*([\d,.]+)\s*$/;

/**
 * "未脱贫（户/人）" "23 / 97" → 未脱贫 · 23 户 · 97 人; "总户数 / 总人口" "1500 / 6139" → 总户数 / 总人口 ·
 * 1500 户 · 6139 人; "行政村" "3 个（贫困村 1）" → 3 · 个（贫困村 1）; anything else as printed.
 */
export function figureCard(label: string, value: string): FigureCard {
  const pair = PAIR.exec(value);
  const units = /（([^/（）]+)\/([^/（）]+)）$/.exec(label);
  if (pair && units) return { label: label.slice(0, units.index), value: pair[1]!, suffix: `${units[1]} · ${pair[2]} ${units[2]}`, raw: value };
  if (pair && /户数.*\/.*人口/.test(label)) return { label, value: pair[1]!, suffix: `户 · ${pair[2]} 人`, raw: value };
  const lead = /^([\d,.]+%?)\s*(.*)$/.exec(value);
  if (lead) return { label, value: lead[1]!, suffix: lead[2]!.trim(), raw: value };
  return { label, value, suffix: '', raw: value };
}

type Option = Record<string, unknown>;

function seriesTypes(option: Option): string[] {
  const series = option.series;
  const list = Array.isArray(series) ? series : series ? [series] : [];
  return list.map((s) => (s && typeof s === 'object' && typeof (s as Option).type === 'string' ? ((s as Option).type as string) : ''));
}

/** The printed chart's option for the screen: a tooltip where it has none, a short animation; the data untouched. */
export function screenOption(option: Option): Option {
  const pie = seriesTypes(option).includes('pie');
  return {
    ...option,
    tooltip: option.tooltip ?? (pie ? { trigger: 'item', formatter: '{b}（{d}%）' } : { trigger: 'axis', axisPointer: { type: 'shadow' } }),
    animationDuration: 300,
  };
}

/** A chart with nothing to draw says so instead of an empty frame. */
export function chartIsEmpty(option: Option): boolean {
  const series = option.series;
  const list = Array.isArray(series) ? series : series ? [series] : [];
  return list.every((s) => {
    const data = s && typeof s === 'object' ? (s as Option).data : undefined;
    return !Array.isArray(data) || data.length === 0;
  });
}
