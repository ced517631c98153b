// Demo batches of every kind at various steps: an identification batch announced years ago
// (its households' history points at it; one objection settled, two households turned down),
// an edge batch in its village publicity with an open objection and over its quota, an exit
// batch at the township check, a 返贫 batch held up by a meeting short of two thirds, a
// monitoring batch at its first step and a risk-removal batch in publicity.
import type { quotas } from '../../db/schema/index.ts';
import { addDays } from '../../shared/dates.ts';
import { KINDS } from '../../shared/workflows/index.ts';
import { DemoBatch, emptyRows } from './batches.ts';
import type { BatchRows } from './batches.ts';
import type { DemoVillage } from './households.ts';
import type { Rng } from './random.ts';
import type { DemoContext, GenHousehold } from './types.ts';

export interface DemoWorkflows {
  rows: BatchRows;
  quotas: (typeof quotas.$inferInsert)[];
}

interface Scene {
  ctx: DemoContext;
  rng: Rng;
  out: BatchRows;
  free: GenHousehold[];
  villages: DemoVillage[];
  /** The day `n` days before asOf. */
  ago: (n: number) => string;
  clerk: string;
}

const newBatch = (s: Scene, kind: keyof typeof KINDS, year: number, villages: DemoVillage[], createdOn: string): DemoBatch =>
  new DemoBatch(s.rng, s.ctx.stamp, s.out, kind, year, villages.map((v) => v.id), `${villages.length ? villages.map((v) => v.name).join('、') : s.ctx.townshipName}${year}年${KINDS[kind].titleNoun}`, createdOn);

/** The announced identification batch: the largest group of households identified in one village and year. */
function identification(s: Scene): void {
  const groups = new Map<string, GenHousehold[]>();
  for (const gh of s.free) {
    const first = gh.history[0];
    if (first?.status !== 'poor' || gh.row.identificationYear == null) continue;
    const key = `${gh.villageIndex}|${gh.row.identificationYear}`;
    groups.set(key, [...(groups.get(key) ?? []), gh]);
  }
  const best = [...groups.entries()].sort((a, b) => b[1].length - a[1].length)[0];
  if (!best) return;
  const [key, group] = best;
  const [vi, year] = key.split('|').map(Number) as [number, number];
  const village = s.villages[vi]!;
  const members = group.slice(0, 40);
  const y = (md: string): string => `${year}-${md}`;
  const b = newBatch(s, 'identification', year, [village], y('09-01'));
  const turnedDown = s.free.filter((gh) => gh.villageIndex === vi && gh.status === 'ordinary').slice(0, 2);
  for (const gh of [...members, ...turnedDown]) b.add(gh.row.id, y('09-01'));
  b.open(1, y('09-01'));
  b.close(1, y('09-08'), s.clerk);
  b.open(2, y('09-08'));
  b.meeting(2, y('09-10'), 32, 41, true);
  b.close(2, y('09-12'), s.clerk);
  b.open(3, y('09-12'));
  for (const gh of turnedDown) b.outcome(3, gh.row.id, 'fail', '入户核实：家庭人均纯收入明显高于识别标准', y('09-18'), '驻村工作队');
  b.close(3, y('09-20'), s.clerk);
  b.open(4, y('09-20'), `${village.name}村务公开栏`);
  b.objection(4, members[0]!.row.id, y('09-22'), '村民', '反映该户有子女在外务工，收入不低', {
    on: y('09-25'),
    handling: '驻村工作队入户核实，其子务工收入已如实计入家庭收入',
    result: '异议不成立，维持公示名单',
  });
  b.close(4, y('09-27'), s.clerk);
  b.open(5, y('09-27'));
  b.close(5, y('10-10'), s.clerk);
  b.open(6, y('10-10'), `${village.name}村务公开栏`);
  b.close(6, y('10-17'), s.clerk);
  b.open(7, y('10-17'));
  b.close(7, y('11-05'), s.clerk);
  b.open(8, y('11-05'), `${s.ctx.county}人民政府网站及各村村务公开栏`);
  b.close(8, y('11-12'), s.clerk);
  b.announce(y('11-12'));
  for (const gh of members) {
    Object.assign(gh.history.find((h) => h.status === 'poor')!, { effectiveOn: y('11-12'), year, batchId: b.id, decision: `${b.title}公告`, reason: KINDS.identification.historyReason });
  }
}

/** An edge batch in its 7-day village publicity, an objection still open, over the village's quota. */
function edge(s: Scene, quotasOut: DemoWorkflows['quotas']): void {
  const village = s.villages.find((v) => s.free.filter((gh) => gh.villageIndex === v.index && gh.status === 'ordinary').length >= 5);
  if (!village) return;
  const cands = s.free.filter((gh) => gh.villageIndex === village.index && gh.status === 'ordinary').slice(2, 7);
  const b = newBatch(s, 'edge', s.ctx.asOfYear, [village], s.ago(30));
  for (const gh of cands) b.add(gh.row.id, s.ago(30));
  b.open(1, s.ago(30));
  b.close(1, s.ago(26), s.clerk);
  b.open(2, s.ago(26));
  b.meeting(2, s.ago(24), 27, 36, true);
  b.close(2, s.ago(23), s.clerk);
  b.open(3, s.ago(23));
  b.close(3, s.ago(12), s.clerk);
  b.open(4, s.ago(4), `${village.name}村务公开栏`);
  b.objection(4, cands[1]!.row.id, s.ago(2), '村民代表', '反映该户家庭成员有稳定务工收入，不应认定为边缘户', null);
  quotasOut.push({ id: s.rng.uuid(), ...s.ctx.stamp, villageId: village.id, year: s.ctx.asOfYear, kind: 'edge', households: cands.length - 2 });
}

/** A township-wide exit batch: proposed by the villages (one household held back), at the township check. */
function exit(s: Scene): void {
  const cands = s.free.filter((gh) => gh.status === 'poor' || gh.status === 'returned').slice(0, 8);
  if (cands.length === 0) return;
  const b = newBatch(s, 'exit', s.ctx.incomeYears[2], [], s.ago(40));
  for (const gh of cands) b.add(gh.row.id, s.ago(40));
  b.open(1, s.ago(40));
  b.meeting(1, s.ago(38), 25, 33, true);
  b.outcome(1, cands[0]!.row.id, 'fail', '人均纯收入未超过脱贫标准（一票否决），暂缓退出', s.ago(37), '村民代表大会');
  b.close(1, s.ago(36), s.clerk);
  b.open(2, s.ago(35));
}

/** A 返贫 batch whose deliberation meeting had fewer than two thirds present. */
function returned(s: Scene): void {
  const village = s.villages.find((v) => s.free.filter((gh) => gh.villageIndex === v.index && gh.status === 'exited').length >= 2);
  if (!village) return;
  const b = newBatch(s, 'return', s.ctx.asOfYear, [village], s.ago(20));
  for (const gh of s.free.filter((x) => x.villageIndex === village.index && x.status === 'exited').slice(0, 2)) b.add(gh.row.id, s.ago(20));
  b.open(1, s.ago(20));
  b.close(1, s.ago(15), s.clerk);
  b.open(2, s.ago(14));
  b.meeting(2, s.ago(10), 18, 30, false);
}

/** Monitoring identification at its first step, and a risk removal in its 5-day publicity. */
function monitoring(s: Scene): void {
  const village = s.villages[s.villages.length > 1 ? 1 : 0]!;
  const cands = s.free.filter((gh) => gh.villageIndex === village.index && gh.status === 'ordinary').slice(-3);
  if (cands.length > 0) {
    const b = newBatch(s, 'monitoring', s.ctx.asOfYear, [village], s.ago(8));
    const choices: [string, string[]][] = [['突发严重困难户', ['因病']], ['边缘易致贫户', ['因务工就业不稳']], ['突发严重困难户', ['因意外事故', '因病']]];
    cands.forEach((gh, i) => b.add(gh.row.id, s.ago(8), choices[i]![0], choices[i]![1]));
    b.open(1, s.ago(8));
  }
  const sixMonthsAgo = addDays(s.ctx.asOf, -200).slice(0, 7).replace('-', '');
  const removable = s.free.filter((gh) => ['edge', 'unstable', 'sudden'].includes(gh.status) && gh.row.riskRemoved !== true && (gh.row.monitoringStart ?? '999999') <= sixMonthsAgo).slice(0, 3);
  if (removable.length === 0) return;
  const r = newBatch(s, 'risk-removal', s.ctx.asOfYear, [], s.ago(25));
  for (const gh of removable) r.add(gh.row.id, s.ago(25), '帮扶消除');
  r.open(1, s.ago(25));
  r.close(1, s.ago(20), s.clerk);
  r.open(2, s.ago(20));
  r.close(2, s.ago(18), s.clerk);
  r.open(3, s.ago(18));
  r.meeting(3, s.ago(16), 21, 28, true);
  r.close(3, s.ago(15), s.clerk);
  r.open(4, s.ago(2), '各村村务公开栏');
}

export function buildWorkflows(ctx: DemoContext, rng: Rng, all: GenHousehold[], villages: DemoVillage[], planted: ReadonlySet<string>): DemoWorkflows {
  const s: Scene = { ctx, rng, out: emptyRows(), free: all.filter((gh) => !planted.has(gh.row.no)), villages, ago: (n) => addDays(ctx.asOf, -n), clerk: ctx.stamp.updatedBy };
  const quotaRows: DemoWorkflows['quotas'] = [];
  identification(s);
  edge(s, quotaRows);
  exit(s);
  returned(s);
  monitoring(s);
  return { rows: s.out, quotas: quotaRows };
}
