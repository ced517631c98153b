// Household income per year (seed 001):
//   家庭总收入 = 工资性收入 + 家庭经营收入 + 财产性收入 + 转移性收入
//   人均纯收入 = (家庭总收入 − 家庭生产经营性支出) ÷ 家庭常住人口数（当年）
// Only the components are stored; every total here is computed from them.
import { INCOME_COMPONENT_FIELDS } from './fields/index.ts';
import type { IncomeField } from './fields/index.ts';
import type { Fen } from './money.ts';

export interface IncomeComponents {
  wageFen: Fen; // 工资性收入
  businessFen: Fen; // 生产经营性收入
  propertyFen: Fen; // 财产性收入
  familyPlanningFen: Fen; // 计划生育金
  dibaoFen: Fen; // 低保金
  tekunFen: Fen; // 特困供养金（五保金）
  pensionFen: Fen; // 养老保险金
  ecoCompensationFen: Fen; // 生态补偿金
  otherTransferFen: Fen; // 其他转移性收入
  businessExpenseFen: Fen; // 生产经营性支出
}

export const TRANSFER_KEYS = [
  'familyPlanningFen',
  'dibaoFen',
  'tekunFen',
  'pensionFen',
  'ecoCompensationFen',
  'otherTransferFen',
] as const satisfies readonly (keyof IncomeComponents)[];

/** The components' Chinese names: the catalogue's labels (shared/fields/income.ts). */
export const INCOME_LABELS = Object.fromEntries(INCOME_COMPONENT_FIELDS.map((f) => [f.key, f.label])) as Record<keyof IncomeComponents, string>;

// The formula's components are exactly the catalogue's required money fields (compile-time check).
type ComponentKeys = Extract<IncomeField, { readonly kind: 'money'; readonly required: true }>['key'];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const COMPONENTS_MATCH_CATALOGUE: Same<ComponentKeys, keyof IncomeComponents> = true;

export interface IncomeTotals {
  transferFen: Fen; // 转移性收入
  grossFen: Fen; // 家庭总收入（年收入）
  netFen: Fen; // 家庭纯收入
  /** 人均纯收入, rounded to whole fen; null when the year's household size is unknown or zero. */
  perCapitaFen: Fen | null;
}

export function emptyIncome(): IncomeComponents {
  return {
    wageFen: 0,
    businessFen: 0,
    propertyFen: 0,
    familyPlanningFen: 0,
    dibaoFen: 0,
    tekunFen: 0,
    pensionFen: 0,
    ecoCompensationFen: 0,
    otherTransferFen: 0,
    businessExpenseFen: 0,
  };
}

export function transferTotal(c: IncomeComponents): Fen {
  return TRANSFER_KEYS.reduce((sum, k) => sum + c[k], 0);
}

/** `householdSize` is the number of resident members in that income year (年度家庭人口数). */
export function computeIncome(c: IncomeComponents, householdSize: number | null): IncomeTotals {
  const transferFen = transferTotal(c);
  const grossFen = c.wageFen + c.businessFen + c.propertyFen + transferFen;
  const netFen = grossFen - c.businessExpenseFen;
  const perCapitaFen =
    householdSize != null && householdSize > 0 ? Math.round(netFen / householdSize) : null;
  return { transferFen, grossFen, netFen, perCapitaFen };
}

/** Components that must never be negative (an expense is a positive amount that is subtracted). */
export function negativeComponents(c: IncomeComponents): (keyof IncomeComponents)[] {
  return (Object.keys(c) as (keyof IncomeComponents)[]).filter((k) => c[k] < 0);
}
