// Status mix and each household's registration: identification, causes, exit, monitoring
// fields, and a dated status history that ends with the current status.
import type { HouseholdStatus } from '../../shared/status.ts';
import type { Causes } from './causes.ts';
import { chooseCauses, chooseRisks } from './causes.ts';
import type { DemoContext, GenMember, HistoryRow, HouseholdRow } from './types.ts';

const SHARES: readonly (readonly [HouseholdStatus, number])[] = [
  ['exited', 0.12],
  ['edge', 0.025],
  ['unstable', 0.02],
  ['sudden', 0.01],
  ['returned', 0.01],
  ['poor', 0.005],
  ['closed', 0.01],
];

/** The status of each household, shuffled; every kind appears once the run is big enough. */
export function statusPlan(ctx: DemoContext, n: number): HouseholdStatus[] {
  const plan: HouseholdStatus[] = [];
  for (const [status, share] of SHARES) {
    const count = Math.max(n >= 40 ? 1 : 0, Math.round(n * share));
    for (let i = 0; i < count && plan.length < n; i++) plan.push(status);
  }
  while (plan.length < n) plan.push('ordinary');
  return ctx.rng.shuffle(plan);
}

export const FORMERLY_POOR: readonly HouseholdStatus[] = ['poor', 'exited', 'returned', 'unstable', 'closed'];

const CATEGORY: Partial<Record<HouseholdStatus, string>> = {
  edge: '边缘易致贫户',
  unstable: '脱贫不稳定户',
  sudden: '突发严重困难户',
};

export interface Registration {
  fields: Partial<HouseholdRow>;
  history: HistoryRow[];
  causes: Causes | null;
  risks: string[];
  /** The first year of monitoring, for dating pairings and measures. */
  monitoringYear: number | null;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function monthsBetween(a: string, b: string): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(4)) - Number(a.slice(4));
}

function addMonths(yyyymm: string, n: number): string {
  const total = Number(yyyymm.slice(0, 4)) * 12 + Number(yyyymm.slice(4)) - 1 + n;
  return `${Math.floor(total / 12)}${pad((total % 12) + 1)}`;
}

export function register(ctx: DemoContext, householdId: string, status: HouseholdStatus, attribute: string | null, ms: GenMember[]): Registration {
  const { rng, county } = ctx;
  const fields: Partial<HouseholdRow> = {};
  const history: HistoryRow[] = [];
  const reg: Registration = { fields, history, causes: null, risks: [], monitoringYear: null };
  const push = (s: HouseholdStatus, date: string, reason: string, decision: string): void => {
    history.push({ id: rng.uuid(), ...ctx.stamp, householdId, status: s, year: Number(date.slice(0, 4)), effectiveOn: date, batchId: null, decision, reason });
  };
  if (status === 'ordinary') return reg;

  if (FORMERLY_POOR.includes(status)) {
    const idYear = rng.int(2014, 2016);
    reg.causes = chooseCauses(rng, ms);
    Object.assign(fields, {
      identificationStandard: '国家标准',
      identificationYear: idYear,
      attribute,
      mainCause: reg.causes.main,
      otherCauses: reg.causes.others,
    });
    push('poor', `${idYear}-${pad(rng.int(9, 12))}-${pad(rng.int(1, 28))}`,
      '经农户申请、村民代表大会民主评议、两公示一公告，识别为建档立卡贫困户', `${county}扶贫开发领导小组${idYear}年度贫困户识别认定`);
    if (status === 'closed') {
      const y = rng.int(idYear + 1, 2017);
      push('closed', `${y}-${pad(rng.int(3, 8))}-${pad(rng.int(1, 28))}`,
        '“回头看”核查发现家庭收入超过识别标准，经民主评议、公示后予以清退销号', `${county}扶贫开发领导小组${y}年度动态调整`);
    }
    if (status !== 'poor' && status !== 'closed') {
      const exitYear = rng.int(Math.max(2016, idYear + 1), 2020);
      Object.assign(fields, { exitYear, householdType: '脱贫户' });
      push('exited', `${exitYear}-12-${pad(rng.int(10, 28))}`,
        '人均纯收入稳定超过脱贫标准，“两不愁三保障”达标，经村评议、乡镇审核、县级审定公告，退出贫困户', `${county}人民政府${exitYear}年度贫困户退出批复`);
    }
    if (status === 'returned') {
      const y = rng.int(2021, Math.max(2021, ctx.incomeYears[0]));
      reg.monitoringYear = y;
      push('returned', `${y}-${pad(rng.int(3, 10))}-${pad(rng.int(1, 28))}`,
        `因${reg.causes.main === '因病' ? '家庭成员患病' : '收入大幅下降'}返贫，经入户核实、民主评议和公示，认定为返贫户`, `${county}乡村振兴局${y}年度返贫认定`);
    }
  }

  const category = CATEGORY[status];
  if (category !== undefined) {
    const y = rng.int(2021, Math.max(2021, ctx.incomeYears[0]));
    const m = rng.int(1, 12);
    const start = `${y}${pad(m)}`;
    reg.risks = chooseRisks(rng, ms, status === 'sudden');
    reg.monitoringYear = y;
    const asOfMonth = ctx.asOf.slice(0, 4) + ctx.asOf.slice(5, 7);
    let end: string | null = null;
    if (rng.chance(0.2)) {
      end = addMonths(start, rng.int(6, 18));
      if (end > asOfMonth) end = asOfMonth;
      if (monthsBetween(start, end) < 6) end = null;
    }
    Object.assign(fields, {
      monitoringCategory: category,
      householdType: status === 'unstable' ? '脱贫户' : '一般农户',
      risks: reg.risks,
      monitoringStart: start,
      riskRemoved: end !== null,
      riskRemovalMethod: end === null ? null : rng.chance(0.7) ? '帮扶消除' : '自然消除',
      monitoringEnd: end,
    });
    push(status, `${y}-${pad(m)}-${pad(rng.int(5, 25))}`,
      `存在${reg.risks.join('、')}风险，经入户核实、信息比对、民主评议和公示、乡镇审核、县级审定，纳入防返贫监测（${category}）`,
      `${county}乡村振兴局${y}年度监测对象认定`);
  }
  return reg;
}
