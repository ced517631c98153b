// Demo monthly checks (每月“测”) of the monitoring objects for the last few months, with the
// level each found, so the board has red, yellow and green objects, checks done this month,
// checks still due and a few overdue; and a remedy for what each red object lacks.
import type { monitoringChecks, monitoringRemedies } from '../../db/schema/index.ts';
import { MONITORED_STATUSES } from '../../shared/status.ts';
import { monitoringLevel, previousMonth } from '../../shared/workflows/index.ts';
import type { GuaranteeItem, MonitoringLevel } from '../../shared/workflows/index.ts';
import { perCapitaFen } from './incomes.ts';
import type { Rng } from './random.ts';
import type { DemoContext, GenHousehold } from './types.ts';

export interface DemoMonitoring {
  checks: (typeof monitoringChecks.$inferInsert & { id: string })[];
  remedies: (typeof monitoringRemedies.$inferInsert)[];
}

const BANDS: Record<MonitoringLevel, [number, number]> = { red: [3000, 4900], yellow: [5200, 9600], green: [10_200, 13_500] };
const INCOME_ACTIONS = ['安排公益性岗位，月增收800元', '推荐到县工业园区务工', '落实产业奖补，发展林下养鸡', '协调小额信贷5万元发展养殖'];

function predicted(rng: Rng, base: number, forced: MonitoringLevel | null): number {
  if (forced) return rng.int(BANDS[forced][0], BANDS[forced][1]) * 100;
  return Math.round((base * (1 + 0.5 * rng.next())) / 100) * 100;
}

export function buildMonitoring(ctx: DemoContext, rng: Rng, all: GenHousehold[]): DemoMonitoring {
  const out: DemoMonitoring = { checks: [], remedies: [] };
  const month0 = ctx.asOf.slice(0, 7);
  const months = [previousMonth(previousMonth(previousMonth(month0))), previousMonth(previousMonth(month0)), previousMonth(month0), month0];
  const asOfDay = Number(ctx.asOf.slice(8, 10));
  const objects = all.filter((gh) => MONITORED_STATUSES.includes(gh.status) && gh.row.riskRemoved !== true);
  const forcedLevels: MonitoringLevel[] = ['red', 'yellow', 'green'];
  objects.forEach((gh, i) => {
    const start = gh.row.monitoringStart ?? '000000';
    const base = gh.incomes.length ? perCapitaFen(gh.incomes[gh.incomes.length - 1]!) : 400_000;
    const atRisk: GuaranteeItem[] = gh.row.housingSafety !== '安全' ? ['housing'] : [];
    const overdue = rng.chance(0.08);
    const doneThisMonth = asOfDay >= 5 && rng.chance(0.55);
    let last: (DemoMonitoring['checks'][number] & { level: MonitoringLevel }) | null = null;
    for (const month of months) {
      if (month.replace('-', '') < start) continue;
      const current = month === month0;
      if ((current && !doneThisMonth) || (overdue && month >= previousMonth(month0))) continue;
      const day = rng.int(3, current ? Math.min(asOfDay, 25) : 25);
      const fen = predicted(rng, base, i < forcedLevels.length ? forcedLevels[i]! : null);
      const { level } = monitoringLevel(fen, atRisk);
      last = {
        id: rng.uuid(),
        ...ctx.stamp,
        householdId: gh.row.id,
        checkedOn: `${month}-${String(day).padStart(2, '0')}`,
        predictedPerCapitaFen: fen,
        atRisk,
        level,
        findings: atRisk.length ? '住房存在安全隐患，其余“两不愁三保障”达标' : level === 'red' ? '家庭收入仍偏低，“两不愁三保障”达标' : '生产生活正常，“两不愁三保障”达标',
        actions: level === 'green' ? null : '落实帮扶责任人跟踪帮扶',
        checkedBy: '驻村工作队',
      };
      out.checks.push(last);
    }
    if (last?.level === 'red') {
      const housing = atRisk.includes('housing');
      out.remedies.push({
        id: rng.uuid(),
        ...ctx.stamp,
        householdId: gh.row.id,
        checkId: last.id,
        shortfall: housing ? '住房安全有保障' : '收入',
        action: housing ? '纳入农村危房改造计划，维修加固' : rng.pick(INCOME_ACTIONS),
        responsible: housing ? '镇村镇建设服务中心' : '镇农业服务中心',
        dueOn: `${ctx.asOfYear}-12-31`,
        doneOn: null,
        result: null,
      });
    }
  });
  return out;
}
