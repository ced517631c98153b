// 挂图 of the township: every figure is townshipStats' (the same as `stats` and the overview),
// plus the monitoring objects by risk level (seed 004, thresholds from the policy table).
import { monitoredYears } from '../../db/repos/document-villages.ts';
import type { WallChartView } from '../../shared/api/documents.ts';
import { GUARANTEE_KEYS, LEVEL_LABELS, monitoringLevel } from '../../shared/workflows/monitoring.ts';
import { DEFAULT_THRESHOLDS } from '../../shared/workflows/monitoring.ts';
import { MONITORED_STATUSES, POOR_STATUSES, REGISTERED_STATUSES, STATUS_LABELS } from '../../shared/status.ts';
import { computeIncome } from '../../shared/income.ts';
import { percent, rateText } from '../../templates/layout/format.ts';
import type { WallChartModel } from '../../templates/wallchart/index.ts';
import { wallChartOptions, wallChartPdf, wallChartXlsx } from '../../templates/wallchart/index.ts';
import { townshipStats } from '../stats.ts';
import type { TownshipStats } from '../stats.ts';
import type { DocContext } from './context.ts';
import { policyValue } from './context.ts';
import type { DocumentDef } from './types.ts';

/** Monitoring objects (边缘/不稳定/突发) by red / yellow / green on the year's income and assessment. */
export function monitoringLevels(ctx: DocContext): Record<string, number> {
  const rows = monitoredYears(ctx.archive.db, ctx.year, MONITORED_STATUSES);
  const thresholds = {
    redBelowFen: policyValue(ctx, 'monitoringRed') ?? DEFAULT_THRESHOLDS.redBelowFen,
    yellowBelowFen: policyValue(ctx, 'monitoringYellow') ?? DEFAULT_THRESHOLDS.yellowBelowFen,
  };
  const counts: Record<string, number> = { [LEVEL_LABELS.red]: 0, [LEVEL_LABELS.yellow]: 0, [LEVEL_LABELS.green]: 0 };
  for (const r of rows) {
    const perCapita = r.income ? computeIncome(r.income, r.income.householdSize).perCapitaFen : null;
    const atRisk = GUARANTEE_KEYS.filter((k) => r.assessment?.[`${k}Ok`] === false);
    counts[LEVEL_LABELS[monitoringLevel(perCapita, atRisk, thresholds).level]]! += 1;
  }
  return counts;
}

function villageCategory(v: TownshipStats['perVillage'][number]): string {
  if (!v.isPoorVillage) return '非贫困村';
  return v.exitYear ? `贫困村（${v.exitYear}年出列）` : '贫困村（未出列）';
}

export function wallChartModel(ctx: DocContext): WallChartModel {
  const s = townshipStats(ctx.archive, { year: ctx.year, asOf: ctx.asOf });
  const status = (list: readonly (keyof TownshipStats['byStatus'])[]) => ({
    households: list.reduce((n, k) => n + s.byStatus[k].households, 0),
    members: list.reduce((n, k) => n + s.byStatus[k].members, 0),
  });
  const poor = status(POOR_STATUSES);
  const exited = status(['exited']);
  const monitored = status(MONITORED_STATUSES);
  const cov = s.helperCoverage;
  const poorVillages = s.perVillage.filter((v) => v.isPoorVillage).length;
  return {
    title: `${ctx.township}${ctx.year}年巩固拓展脱贫攻坚成果统计挂图`,
    county: ctx.county,
    township: ctx.township,
    year: ctx.year,
    asOf: ctx.asOf,
    keyFigures: [
      { label: '行政村', value: `${s.villages} 个${poorVillages ? `（贫困村 ${poorVillages}）` : ''}` },
      { label: '总户数 / 总人口', value: `${s.households} / ${s.members}` },
      { label: '建档立卡和监测（户/人）', value: `${s.registeredHouseholds} / ${s.registeredMembers}` },
      { label: '未脱贫（户/人）', value: `${poor.households} / ${poor.members}` },
      { label: '已脱贫（户/人）', value: `${exited.households} / ${exited.members}` },
      { label: '监测对象（户/人）', value: `${monitored.households} / ${monitored.members}` },
      { label: '结对帮扶覆盖率', value: cov.households ? percent((cov.covered / cov.households) * 100) : '—' },
    ],
    villages: s.perVillage.map((v) => ({
      code: v.code,
      name: v.name,
      category: villageCategory(v),
      households: v.households,
      members: v.members,
      poorHouseholds: v.poorHouseholds,
      poorMembers: v.poorMembers,
      exitedHouseholds: v.exitedHouseholds,
      exitedMembers: v.exitedMembers,
      monitoredHouseholds: v.monitoredHouseholds,
      monitoredMembers: v.monitoredMembers,
      incidence: v.population > 0 ? v.incidence : null,
      firstSecretary: v.firstSecretary,
    })),
    byCause: s.byCause,
    byAttribute: s.byAttribute,
    exitsByYear: s.exitsByYear,
    byStatus: Object.fromEntries(REGISTERED_STATUSES.map((k) => [STATUS_LABELS[k], s.byStatus[k].households])),
    monitoringLevels: monitoringLevels(ctx),
    helperCoverage: cov,
  };
}

/** The dashboard's view: the printed figures as text, and the charts as ECharts options. */
export function wallChartView(ctx: DocContext): WallChartView {
  const m = wallChartModel(ctx);
  return {
    title: m.title,
    year: m.year,
    asOf: m.asOf,
    keyFigures: m.keyFigures,
    villages: m.villages.map((v) => ({
      code: v.code,
      name: v.name,
      category: v.category,
      households: v.households,
      members: v.members,
      poor: `${v.poorHouseholds} / ${v.poorMembers}`,
      exited: `${v.exitedHouseholds} / ${v.exitedMembers}`,
      monitored: `${v.monitoredHouseholds} / ${v.monitoredMembers}`,
      incidence: rateText(v.incidence),
      firstSecretary: v.firstSecretary ?? '',
    })),
    charts: wallChartOptions(m),
  };
}

export const wallchart: DocumentDef = {
  kind: 'wallchart',
  audience: 'public',
  label: '统计挂图',
  description: '全镇一页上墙：主要数字、各村一览（户数、人数、未脱贫/已脱贫/监测、贫困发生率、第一书记）、致贫原因、属性、历年脱贫、监测等级、帮扶覆盖图表；矢量，A3 横向（可选 A2、A1）',
  scopes: ['township'],
  formats: ['pdf', 'xlsx'],
  batch: false,
  options: ['paper'],
  async render(ctx, req, out) {
    const model = wallChartModel(ctx);
    const r = req.format === 'xlsx' ? await wallChartXlsx(model, out, req.options.paper) : await wallChartPdf(model, req.options.paper, out);
    return { ...r, title: model.title };
  },
};
