// 年度人均纯收入计算表: a household's income of the year line by line, with the year's standard,
// for one household or a village's (or a batch's) registered households, streamed: the PDF one
// form per household, the workbook one list sheet with a row per household.
import { UserError } from '../../shared/errors.ts';
import { REGISTERED_STATUSES } from '../../shared/status.ts';
import type { IncomeCalcDocument, IncomeCalcRecord } from '../../templates/income-calc/index.ts';
import { incomeCalcBatch, incomeCalcXlsx } from '../../templates/income-calc/index.ts';
import type { HouseholdView } from '../../templates/layout/household.ts';
import { incomeOf } from '../../templates/layout/household.ts';
import type { DocContext } from './context.ts';
import { exitStandard, policyValue } from './context.ts';
import { householdFormsDef } from './forms-render.ts';
import { householdViews } from './households.ts';
import { noHouseholds, scopeHouseholdIds } from './scope.ts';

/** One household's sheet: the year's income as the archive computes it (shared/income.ts, via the household view). */
export function incomeCalcRecord(ctx: DocContext, h: HouseholdView): IncomeCalcRecord {
  const income = incomeOf(h, ctx.year);
  return {
    household: h,
    income: income ? { householdSize: income.householdSize, components: income.components, totals: income.totals } : null,
    standardFen: exitStandard(ctx),
    monitoringLineFen: policyValue(ctx, 'monitoringLine'),
  };
}

const documentOf = (ctx: DocContext): IncomeCalcDocument => ({ township: ctx.township, year: ctx.year, printedOn: ctx.asOf });

function* records(ctx: DocContext, ids: readonly string[]): Generator<IncomeCalcRecord> {
  for (const h of householdViews(ctx, ids)) yield incomeCalcRecord(ctx, h);
}

export const incomeCalc = householdFormsDef({
  kind: 'income-calc',
  label: '年度人均纯收入计算表',
  description: '逐户列出当年工资性、生产经营性、财产性、转移性收入（计划生育金、低保金、特困供养金、养老金、生态补偿金、其他）、生产经营性支出、家庭纯收入、家庭人口和人均纯收入，对照当年脱贫标准；户主签字认可。Excel 为一户一行的清单',
  scopes: ['household', 'village', 'batch'],
  source(ctx, req, limit) {
    if (!req.scope.householdNo && !req.scope.batchId && !req.scope.villageCode) {
      throw new UserError('年度人均纯收入计算表需要指定一户、一个行政村或一个批次（命令行用 --household、--village 或 --batch）。', { kind: 'usage' });
    }
    const all = scopeHouseholdIds(ctx, req, REGISTERED_STATUSES);
    if (all.length === 0) throw noHouseholds(ctx, req, '年度人均纯收入计算表', REGISTERED_STATUSES);
    const ids = limit !== undefined ? all.slice(0, limit) : all;
    return { total: ids.length, records: records(ctx, ids), truncated: ids.length < all.length };
  },
  batch: (ctx) => incomeCalcBatch(documentOf(ctx)),
  // The workbook: one list sheet, a row per household.
  listXlsx: (ctx) => (source, out, hooks) => incomeCalcXlsx(documentOf(ctx), source, out, hooks),
});
