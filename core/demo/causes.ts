// Poverty causes (致贫原因) and monitoring risks (致贫/返贫风险) that agree with the members:
// 因病 ⇒ someone chronically or seriously ill, 因残 ⇒ someone disabled, 因学 ⇒ a pupil or
// student, 缺劳力 ⇒ at most one full labourer. A cause is only chosen when it can be made true.
import { isStudent, setHealth } from './members.ts';
import type { Rng } from './random.ts';
import type { GenMember } from './types.ts';

const CAUSES: readonly (readonly [string, number])[] = [
  ['因病', 38], ['因残', 14], ['因学', 10], ['缺劳力', 10], ['缺技术', 9], ['缺资金', 8], ['因灾', 3],
  ['缺土地', 2], ['缺水', 1], ['交通条件落后', 2], ['自身发展动力不足', 3],
];

const RISKS: readonly (readonly [string, number])[] = [
  ['因病', 30], ['因残', 12], ['因学', 8], ['因灾', 6], ['因意外事故', 6], ['因产业项目失败', 6],
  ['因务工就业不稳', 12], ['缺劳动力', 10], ['因安全住房', 3],
];

const SUDDEN_RISKS: readonly (readonly [string, number])[] = [
  ['因病', 40], ['因灾', 20], ['因意外事故', 25], ['因残', 5], ['因产业项目失败', 10],
];

const isAble = (m: GenMember): boolean => m.row.labourAbility === '普通劳动力' || m.row.labourAbility === '技能劳动力';
const isIll = (m: GenMember): boolean => m.row.health === '长期慢性病' || m.row.health === '患有大病';

/** A pupil or student from primary school up (kindergarten does not make a household poor). */
export const hasSchoolChild = (ms: readonly GenMember[]): boolean =>
  ms.some((m) => isStudent(m.row.schoolStatus) && m.row.schoolStatus !== '学前教育');

export const ableCount = (ms: readonly GenMember[]): number => ms.filter(isAble).length;

const isDisabled = (m: GenMember): boolean => m.row.health === '残疾';
const isHealthy = (m: GenMember): boolean => m.row.health === '健康';

function feasible(cause: string, ms: readonly GenMember[]): boolean {
  if (cause === '因学') return hasSchoolChild(ms);
  if (cause === '缺劳力' || cause === '缺劳动力') return ableCount(ms) <= 1;
  if (cause === '因务工就业不稳') return ms.some((m) => (m.row.workMonths ?? 0) > 0);
  if (cause === '因病') return ms.some(isIll) || ms.some(isHealthy);
  if (cause === '因残') return ms.some(isDisabled) || ms.some(isHealthy);
  return true;
}

/** The member an illness or disability is given to: a healthy adult if there is one. */
function patient(rng: Rng, ms: readonly GenMember[]): GenMember {
  const healthy = ms.filter(isHealthy);
  const adults = healthy.filter((m) => m.age >= 30);
  return rng.pick(adults.length > 0 ? adults : healthy);
}

/** Makes a cause true of the members (gives a healthy member an illness or a disability if needed). */
function makeTrue(rng: Rng, cause: string, ms: GenMember[]): void {
  if (cause === '因病' && !ms.some(isIll)) setHealth(rng, patient(rng, ms), rng.chance(0.6) ? '长期慢性病' : '患有大病');
  if (cause === '因残' && !ms.some(isDisabled)) setHealth(rng, patient(rng, ms), '残疾');
}

function draw(rng: Rng, list: readonly (readonly [string, number])[], ms: GenMember[], exclude: readonly string[]): string | null {
  const options = list.filter(([c]) => !exclude.includes(c) && feasible(c, ms));
  return options.length === 0 ? null : rng.weighted(options);
}

export interface Causes {
  main: string;
  others: string[];
}

export function chooseCauses(rng: Rng, ms: GenMember[]): Causes {
  const main = draw(rng, CAUSES, ms, []) ?? '缺资金';
  makeTrue(rng, main, ms);
  const others: string[] = [];
  const n = rng.weighted([[0, 35], [1, 40], [2, 25]]);
  for (let i = 0; i < n; i++) {
    const c = draw(rng, CAUSES, ms, [main, ...others]);
    if (c === null) break;
    makeTrue(rng, c, ms);
    others.push(c);
  }
  return { main, others };
}

/** 1–3 distinct risks of a monitored household, made true of its members. */
export function chooseRisks(rng: Rng, ms: GenMember[], sudden: boolean): string[] {
  const risks: string[] = [];
  const n = rng.weighted([[1, 55], [2, 35], [3, 10]]);
  for (let i = 0; i < n; i++) {
    const r = draw(rng, sudden ? SUDDEN_RISKS : RISKS, ms, risks);
    if (r === null) break;
    makeTrue(rng, r, ms);
    risks.push(r);
  }
  // An illness given for a later risk may have stopped the only worker working.
  return risks.filter((r) => feasible(r, ms));
}
