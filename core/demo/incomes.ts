// Yearly incomes (fen) built backwards from a per-capita target that fits the status:
// ordinary and exited households safely above every monitoring line, monitored ones
// 3,000–9,000 元, poor and returned ones under 4,000 元. Transfers follow the members
// (pensions for the over-60s, 低保金 for every 低保 member, 特困供养金 …); wages and farming
// make up the rest, so the components always add up to the target.
import { computeIncome } from '../../shared/income.ts';
import type { Rng } from './random.ts';
import type { DemoContext, GenHousehold, IncomeRow } from './types.ts';

const yuan = (n: number): number => Math.round(n * 100);

function between(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng.next();
}

/** Per-capita targets in 元 for the three income years. */
function targets(ctx: DemoContext, gh: GenHousehold): number[] {
  const { rng } = ctx;
  const floor = ctx.safeFloorFen / 100;
  switch (gh.status) {
    case 'poor':
    case 'returned':
      return ctx.incomeYears.map(() => between(rng, 2600, 3900));
    case 'edge':
    case 'unstable':
    case 'sudden':
      // A household whose risk was removed lives above the lines (rule Q432); same draws either way.
      return ctx.incomeYears.map(() => between(rng, 3200, 8800)).map((v) => (gh.row.riskRemoved === true ? Math.max(v, floor + 300) : v));
    default: {
      // Households where nobody goes out to work live mostly on farming and transfers.
      const working = gh.members.some((m) => (m.row.workMonths ?? 0) > 0);
      const lo = gh.status === 'exited' ? floor + 500 : Math.max(floor + 1000, 8000);
      const top = working ? Math.max(28000, lo + 10000) : Math.max(14000, lo + 4000);
      const hi = gh.status === 'exited' ? Math.min(top, floor + 9000) : top;
      const base = lo + (hi - lo) * rng.next() ** 1.6;
      return ctx.incomeYears.map((_, i) => Math.max(floor + 300, base * 1.05 ** i * between(rng, 0.97, 1.03)));
    }
  }
}

/** The components of one year for a per-capita target (元). */
export function incomeFor(ctx: DemoContext, gh: GenHousehold, year: number, perCapitaYuan: number): IncomeRow & { householdSize: number } {
  const { rng } = ctx;
  const size = gh.members.length;
  const targetNet = yuan(perCapitaYuan) * size;
  const registered = gh.status !== 'ordinary' && gh.status !== 'closed';
  const head = gh.members[0]!;
  const t = {
    pensionFen: gh.members.filter((m) => m.age >= 60).reduce((s) => s + yuan(rng.int(1440, 2400)), 0),
    dibaoFen: gh.members.filter((m) => m.row.isDibao).reduce((s) => s + yuan(rng.int(3000, 4800)), 0),
    tekunFen: gh.members.filter((m) => m.row.isTekun).reduce((s) => s + yuan(rng.int(7200, 9000)), 0),
    familyPlanningFen: head.age >= 60 && head.row.seq === 1 && rng.chance(0.1) ? yuan(960) : 0,
    ecoCompensationFen: yuan((gh.row.forestMu ?? 0) * 15 + (gh.row.returnedFarmlandMu ?? 0) * 250),
    otherTransferFen: registered ? yuan(rng.int(200, 1500)) : rng.chance(0.5) ? yuan(rng.int(50, 500)) : 0,
  };
  let propertyFen = gh.status === 'exited' || gh.status === 'unstable' ? yuan(rng.int(200, 800)) : rng.chance(0.2) ? yuan(rng.int(200, 3000)) : 0;
  const fixed = Object.values(t).reduce((s, v) => s + v, 0) + propertyFen;
  if (fixed > targetNet * 0.85) {
    const f = (targetNet * 0.85) / fixed;
    for (const k of Object.keys(t) as (keyof typeof t)[]) {
      const scaled = Math.floor(t[k] * f);
      t[k] = t[k] > 0 ? Math.max(yuan(100), scaled) : 0;
    }
    propertyFen = Math.floor(propertyFen * f);
  }
  const rest = targetNet - Object.values(t).reduce((s, v) => s + v, 0) - propertyFen;
  const working = gh.members.some((m) => (m.row.workMonths ?? 0) > 0);
  const businessNet = working ? Math.round(rest * between(rng, 0.15, 0.45)) : rest;
  const wageFen = rest - businessNet;
  const businessFen = Math.round(businessNet / (1 - between(rng, 0.25, 0.45)));
  const ill = gh.members.some((m) => m.row.health !== '健康');
  return {
    id: rng.uuid(),
    ...ctx.stamp,
    householdId: gh.row.id,
    year,
    householdSize: size,
    wageFen,
    businessFen,
    propertyFen,
    ...t,
    businessExpenseFen: businessFen - businessNet,
    medicalOutOfPocketFen: registered ? (ill ? yuan(rng.int(800, 6000)) : yuan(rng.int(0, 300))) : null,
  };
}

export function buildIncomes(ctx: DemoContext, gh: GenHousehold): void {
  const perCapita = targets(ctx, gh);
  gh.incomes = ctx.incomeYears.map((year, i) => incomeFor(ctx, gh, year, perCapita[i]!));
}

/** 人均纯收入 of an income row, in fen. */
export function perCapitaFen(row: IncomeRow & { householdSize: number }): number {
  const c = {
    wageFen: row.wageFen ?? 0,
    businessFen: row.businessFen ?? 0,
    propertyFen: row.propertyFen ?? 0,
    familyPlanningFen: row.familyPlanningFen ?? 0,
    dibaoFen: row.dibaoFen ?? 0,
    tekunFen: row.tekunFen ?? 0,
    pensionFen: row.pensionFen ?? 0,
    ecoCompensationFen: row.ecoCompensationFen ?? 0,
    otherTransferFen: row.otherTransferFen ?? 0,
    businessExpenseFen: row.businessExpenseFen ?? 0,
  };
  return computeIncome(c, row.householdSize).perCapitaFen ?? 0;
}
