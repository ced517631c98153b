// Income rows: sane components and sizes; the check year's per-capita against the policy lines.
import { INCOME_LABELS, negativeComponents } from '../../income.ts';
import { STATUS_LABELS } from '../../status.ts';
import { currentMembers, incomeOf, isRegistered, perCapitaOf, policyValue, yuan } from '../facts.ts';
import type { FactIncome, Finding, RuleCheck } from '../types.ts';
import { NONE } from './make.ts';

/** 200,000 元: above this a per-capita figure was almost certainly typed in 分 or 万元 wrongly. */
const PER_CAPITA_CEILING_FEN = 200_000 * 100;
const MAX_HOUSEHOLD_SIZE = 30;
/** Whether negativeComponents(row) would name any (the same test, without its list). */
function hasNegative(row: FactIncome): boolean {
  const values = row as unknown as Record<string, number>;
  // for…in: the row's own keys (a plain object), without Object.keys' array per row.
  for (const k in values) if (values[k]! < 0) return true;
  return false;
}

/** A household size no per-capita figure can be computed with (a module function: tsx names an inner one on every call). */
function invalidSize(row: FactIncome): boolean {
  return row.householdSize <= 0 || row.householdSize > MAX_HOUSEHOLD_SIZE;
}

/** The first year of 防返贫监测 ranges. */
const MONITORING_FROM = 2020;

export const incomeRules: RuleCheck[] = [
  {
    code: 'Q401',
    severity: 'error',
    title: '收入分项为负数',
    check(facts) {
      // Nearly every household has none: leave before copying and sorting its rows.
      if (!facts.incomes.some(hasNegative)) return NONE;
      const out: Finding[] = [];
      for (const row of [...facts.incomes].sort((a, b) => a.year - b.year)) {
        const bad = negativeComponents(row);
        if (bad.length === 0) continue;
        const items = bad.map((k) => `${INCOME_LABELS[k]}${yuan(row[k])}`).join('、');
        out.push({
          field: bad[0]!,
          message: `${row.year}年收入中${items}为负数；各分项不能为负（支出按正数填写），请改正`,
        });
      }
      return out;
    },
  },
  {
    code: 'Q402',
    severity: 'error',
    title: '年度家庭人口数无效',
    check(facts) {
      if (!facts.incomes.some(invalidSize)) return NONE;
      return [...facts.incomes]
        .sort((a, b) => a.year - b.year)
        .filter(invalidSize)
        .map((row) => ({
          field: 'householdSize',
          message: `${row.year}年收入的年度家庭人口数为${row.householdSize}，应在1到${MAX_HOUSEHOLD_SIZE}之间，人均纯收入无法正确计算，请改正`,
        }));
    },
  },
  {
    code: 'Q403',
    severity: 'warning',
    title: '缺少当年收入',
    check(facts, ctx) {
      const status = facts.household.status;
      if (!isRegistered(status) || incomeOf(facts, ctx.year) != null) return [];
      return [{ message: `${STATUS_LABELS[status]}没有${ctx.year}年的收入记录，请补录当年各项收入` }];
    },
  },
  {
    code: 'Q404',
    severity: 'warning',
    title: '收入低于监测范围未纳入监测',
    check(facts, ctx) {
      if (ctx.year < MONITORING_FROM) return [];
      const h = facts.household;
      const unmonitoredExit = h.status === 'exited' && (h.monitoringCategory == null || h.monitoringCategory.trim() === '');
      if (isRegistered(h.status) && !unmonitoredExit) return [];
      const perCapita = perCapitaOf(facts, ctx.year);
      const line = policyValue(ctx, 'monitoringLine');
      if (perCapita == null || line == null || perCapita >= line) return [];
      return [
        {
          message: `${ctx.year}年人均纯收入${yuan(perCapita)}，低于防返贫监测范围${yuan(line)}，但本户（${STATUS_LABELS[h.status]}）未纳入监测，请核实收入或按程序识别为监测对象`,
        },
      ];
    },
  },
  {
    code: 'Q405',
    severity: 'warning',
    title: '已脱贫户收入低于扶贫标准',
    check(facts, ctx) {
      if (facts.household.status !== 'exited') return [];
      const perCapita = perCapitaOf(facts, ctx.year);
      const line = policyValue(ctx, 'povertyLine');
      if (perCapita == null || line == null || perCapita >= line) return [];
      return [
        {
          message: `已脱贫户${ctx.year}年人均纯收入${yuan(perCapita)}，低于扶贫标准${yuan(line)}，请核实收入，确有返贫风险的按程序纳入监测或认定返贫`,
        },
      ];
    },
  },
  {
    code: 'Q406',
    severity: 'warning',
    title: '享受低保但无低保金',
    check(facts, ctx) {
      const row = incomeOf(facts, ctx.year);
      if (row == null || row.dibaoFen !== 0) return [];
      const dibao = currentMembers(facts).filter((m) => m.isDibao === true);
      if (dibao.length === 0) return [];
      const names = dibao.map((m) => m.name).join('、');
      return [
        {
          memberId: dibao.length === 1 ? dibao[0]!.id : undefined,
          field: 'dibaoFen',
          message: `成员${names}享受低保，但${ctx.year}年收入中低保金为0，请补录低保金或核实低保享受情况`,
        },
      ];
    },
  },
  {
    code: 'Q407',
    severity: 'warning',
    title: '人均纯收入异常偏高',
    check(facts, ctx) {
      const perCapita = perCapitaOf(facts, ctx.year);
      if (perCapita == null || perCapita <= PER_CAPITA_CEILING_FEN) return [];
      return [
        {
          message: `${ctx.year}年人均纯收入${yuan(perCapita)}，超过${yuan(PER_CAPITA_CEILING_FEN)}，可能把“分”当成“元”录入或单位填错，请核对各项收入`,
        },
      ];
    },
  },
];
