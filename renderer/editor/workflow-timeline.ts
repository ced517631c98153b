// The batch page's step timeline as plain data: each step's state, dates and publicity period,
// and — for the step at hand — what is due, what blocks it (the core's own Chinese reasons)
// and from which day it becomes possible.
import type { BatchDetail, StepView } from '../../shared/api/index.ts';
import { addDays, chineseDate } from '../../shared/dates.ts';

export type StepVisual = 'wait' | 'process' | 'finish' | 'error';
export type Tone = 'success' | 'info' | 'warning' | 'error';

/** "12月2日" when in the year of `ref`, else "2027年1月3日". */
export function shortDate(date: string, ref: string): string {
  return date.slice(0, 4) === ref.slice(0, 4) ? chineseDate(date).replace(/^\d+年/, '') : chineseDate(date);
}

/** antd Steps status of a step: done, the one at hand (red when it is held up), or waiting. */
export function stepVisual(step: StepView, batch: Pick<BatchDetail, 'status' | 'currentStep'>): StepVisual {
  if (step.status === 'closed') return 'finish';
  if (batch.currentStep?.seq !== step.seq) return 'wait';
  if (batch.status === 'cancelled') return 'error';
  return 'process';
}

/** The dates of a step as a line: "2026-11-20 开始 · 2026-11-27 完成", or the publicity period. */
export function stepDates(step: StepView, publicityDays: number): string {
  if (step.status === 'pending') return step.publicity ? `公示不少于${step.minDays ?? publicityDays}天` : '';
  const parts: string[] = [];
  if (step.publicity && step.startedOn && step.endsOn) parts.push(`公示期 ${step.startedOn} 至 ${step.endsOn}（不少于${step.minDays ?? ''}天）`);
  else if (step.startedOn) parts.push(`${step.startedOn} 开始`);
  if (step.closedOn) parts.push(`${step.closedOn} 完成${step.closedBy ? `（${step.closedBy}）` : ''}`);
  return parts.join(' · ');
}

export function countsText(step: StepView): string {
  const c = step.counts;
  const parts = [`通过 ${c.pass}`];
  if (c.fail) parts.push(`不通过 ${c.fail}`);
  if (c.return) parts.push(`退回 ${c.return}`);
  if (c.pending) parts.push(`待定 ${c.pending}`);
  return parts.join(' · ');
}

export const openObjections = (step: StepView): number => step.objections.filter((o) => o.settledOn == null).length;

export interface DueView {
  tone: Tone;
  /** What is due or what blocks it, in one Chinese sentence. */
  headline: string;
  /** The core's reasons, verbatim. */
  blockers: string[];
  /** "11月27日起可以完成", when only the calendar stands in the way. */
  fromText: string | null;
  /** The button the page offers for the step at hand. */
  action: { kind: 'open' | 'close'; seq: number; enabled: boolean } | null;
}

/** What closing the step does to the households still without an outcome. */
function closeNote(step: StepView): string {
  const n = step.counts.pending;
  if (n === 0) return '';
  if (step.meeting) return `；完成时尚未登记结果的 ${n} 户按评议票数登记（赞成过半数为通过）`;
  return `；完成时尚未登记结果的 ${n} 户登记为通过（${step.publicity ? '公示期满无异议' : '随本环节完成一并通过'}）`;
}

function blockedHeadline(step: StepView, asOf: string): string {
  const parts: string[] = [];
  if (step.publicity && step.endsOn && asOf <= step.endsOn) {
    parts.push(`公示期到 ${chineseDate(step.endsOn)} 为止，${shortDate(addDays(step.endsOn, 1), step.endsOn)}起可以完成`);
  }
  const open = openObjections(step);
  if (open > 0) parts.push(`有 ${open} 条异议未处理`);
  if (step.meeting && !step.meetings.some((m) => m.valid && m.heldOn <= asOf)) {
    parts.push(step.meetings.length ? '评议会议到会人数不足三分之二，需重新召开并记录' : '需要先记录民主评议会议');
  }
  if (parts.length === 0) parts.push('现在还不能完成');
  return parts.join('；');
}

export function dueOf(d: BatchDetail): DueView {
  if (d.status === 'cancelled') return { tone: 'error', headline: `本批次已于 ${d.closedOn ?? ''} 撤销`, blockers: [], fromText: null, action: null };
  const cur = d.currentStep ? d.steps.find((s) => s.seq === d.currentStep!.seq) : undefined;
  if (d.status === 'closed' || !cur) return { tone: 'success', headline: `本批次已于 ${d.closedOn ?? ''} 公告完成`, blockers: [], fromText: null, action: null };
  const name = `第${cur.seq}步“${cur.label}”`;
  const g = cur.gate;
  const fromText = g.from && g.blockers.length ? `${shortDate(g.from, d.asOf)}起可以${cur.status === 'pending' ? '开始' : '完成'}` : null;
  if (cur.status === 'pending') {
    if (g.canOpen) {
      return { tone: 'info', headline: `下一步：开始${name}${cur.publicity ? '（开始时填写张贴地点）' : ''}`, blockers: [], fromText: null, action: { kind: 'open', seq: cur.seq, enabled: true } };
    }
    return { tone: 'warning', headline: `${name}还不能开始`, blockers: g.blockers, fromText, action: { kind: 'open', seq: cur.seq, enabled: false } };
  }
  if (cur.seq === 1 && d.householdCount === 0) {
    return { tone: 'warning', headline: `${name}进行中：还没有农户，请先加入农户`, blockers: g.blockers, fromText, action: { kind: 'close', seq: cur.seq, enabled: false } };
  }
  if (g.canClose) {
    return { tone: 'success', headline: `${name}可以完成${closeNote(cur)}`, blockers: [], fromText: null, action: { kind: 'close', seq: cur.seq, enabled: true } };
  }
  return { tone: 'warning', headline: `${name}进行中：${blockedHeadline(cur, d.asOf)}`, blockers: g.blockers, fromText, action: { kind: 'close', seq: cur.seq, enabled: false } };
}

/** A publicity step's period as it would run if opened on `startedOn` (for the open form). */
export function plannedPeriod(startedOn: string, minDays: number): { end: string; closableFrom: string } {
  const end = addDays(startedOn, minDays - 1);
  return { end, closableFrom: addDays(end, 1) };
}
