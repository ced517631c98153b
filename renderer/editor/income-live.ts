// The year's totals as the clerk types: 家庭总收入, 纯收入, 人均纯收入 (computeIncome with
// that year's 家庭人口数). Components that do not parse are named, and counted as 0 meanwhile.
import type { IncomeComponents, IncomeTotals } from '../../shared/income.ts';
import { INCOME_LABELS } from '../../shared/income.ts';
import { computeIncome } from '../../shared/income.ts';
import { INCOME_KEYS } from './draft.ts';
import { parseYuanInput } from './money-input.ts';
import type { IncomeRow } from './types.ts';

export interface LiveIncome extends IncomeTotals {
  /** Labels of components that are not valid amounts yet (counted as 0 in the totals). */
  invalid: string[];
  size: number | null;
}

export function parseHouseholdSize(raw: string): number | null {
  const s = raw.trim();
  if (!/^\d{1,2}$/.test(s)) return null;
  const n = Number(s);
  return n > 0 ? n : null;
}

export function liveIncome(row: IncomeRow): LiveIncome {
  const components = {} as IncomeComponents;
  const invalid: string[] = [];
  for (const k of INCOME_KEYS) {
    const r = parseYuanInput(row.amounts[k]);
    components[k] = r.ok ? r.fen : 0;
    if (!r.ok) invalid.push(INCOME_LABELS[k]);
  }
  const size = parseHouseholdSize(row.householdSize);
  return { ...computeIncome(components, size), invalid, size };
}
