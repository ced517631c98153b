// How values read on paper: money in 元 with two decimals, Chinese dates, yes/no, percent.
import { chineseDate } from '../../shared/dates.ts';
import { formatYuan } from '../../shared/money.ts';

/** "1,234.50 元"; empty when unknown. */
export function yuan(fen: number | null | undefined): string {
  return fen == null ? '' : `${formatYuan(fen)} 元`;
}

/** "1,234.50" for a column whose header already says （元）. */
export function yuanFigure(fen: number | null | undefined): string {
  return fen == null ? '' : formatYuan(fen);
}

/** "2026年11月24日"; a blank to fill in by hand when unknown. */
export function dateCn(iso: string | null | undefined): string {
  return iso ? chineseDate(iso) : '　　　　年　　月　　日';
}

export function yesNoText(v: boolean | null | undefined): string {
  return v == null ? '' : v ? '是' : '否';
}

/** "2.35%" */
export function percent(n: number): string {
  return `${n.toFixed(2)}%`;
}

/** A rate that may not exist (nobody to count): — rather than a 0.00% that reads as a result. */
export function rateText(n: number | null): string {
  return n == null ? '—' : percent(n);
}

export function orBlank(v: string | number | null | undefined): string {
  return v == null ? '' : String(v);
}
