// Pure gating rules of a batch's steps: when a step may open, when it may close, and — when
// it may not — why, and from which day it may. Every reason is Chinese, saying what blocks
// and what to do. The core refuses with these reasons; the UI shows the same ones.
import { addDays, publicityPeriod } from '../dates.ts';
import { attendanceProblem } from './meeting.ts';
import type { StepStatus } from './labels.ts';

export interface GateStep {
  seq: number;
  label: string;
  publicity: boolean;
  meeting: boolean;
  minDays: number | null;
  status: StepStatus;
  startedOn: string | null;
  closedOn: string | null;
}

export interface GateObjection {
  raisedBy: string | null;
  raisedOn: string;
  settledOn: string | null;
}

export interface GateMeeting {
  heldOn: string;
  attendeesCount: number | null;
  entitledCount: number | null;
}

export interface Gate {
  ok: boolean;
  /** Why not, in Chinese; empty when ok. */
  blockers: string[];
  /** The first day the step may open/close, when only the calendar stands in the way (or nothing). */
  from: string | null;
}

/** The last day of a publicity step's period, or null when the step is not a running publicity. */
export function publicityEnd(step: Pick<GateStep, 'publicity' | 'minDays' | 'startedOn'>): string | null {
  if (!step.publicity || step.startedOn == null || step.minDays == null || step.minDays < 1) return null;
  return publicityPeriod(step.startedOn, step.minDays).end;
}

/** The button on the batch page (and in the refused form) that moves the batch's start back. */
export const START_DATE_ACTION = '修改开始日期';

/**
 * `what` dated `on`, before the batch's start `from`: for a procedure already done on paper, the
 * way out is moving the batch's start back, so the refusal says so.
 */
export function beforeBatchStart(what: string, on: string, from: string): string {
  return `${what} ${on} 早于本批次的实际开始日期 ${from}：如果已在纸面上于 ${on} 办理，请先在批次页点“${START_DATE_ACTION}”，把本批次实际开始日期改为 ${on} 或更早；否则请填写 ${from} 或以后的日期`;
}

/**
 * May `step` open on `on`? The previous step must be closed and `on` not before it closed
 * (the first step: not before the batch was created).
 */
export function openGate(step: GateStep, previous: GateStep | null, batchCreatedOn: string, on: string): Gate {
  const blockers: string[] = [];
  if (step.status !== 'pending') {
    blockers.push(step.status === 'open' ? `“${step.label}”已于 ${step.startedOn ?? ''} 开始，不需要再次开启` : `“${step.label}”已经完成，不能再次开启（如需重做，请先记录重新开启的决定）`);
    return { ok: false, blockers, from: null };
  }
  if (previous && previous.status !== 'closed') {
    blockers.push(`上一环节“${previous.label}”还没有完成：请先完成第${previous.seq}步，不能跳过环节`);
    return { ok: false, blockers, from: null };
  }
  const from = previous?.closedOn ?? batchCreatedOn;
  if (on < from) {
    blockers.push(
      previous
        ? `开始日期 ${on} 早于上一环节“${previous.label}”的完成日期 ${from}：请填写 ${from} 或以后的日期`
        : beforeBatchStart('开始日期', on, from),
    );
  }
  return { ok: blockers.length === 0, blockers, from };
}

function meetingBlocker(step: GateStep, meetings: readonly GateMeeting[], on: string): string | null {
  const held = meetings.filter((m) => m.heldOn <= on);
  if (held.length === 0) {
    return meetings.length > 0
      ? `民主评议会议日期晚于关闭日期 ${on}：请核对日期`
      : `“${step.label}”需要民主评议会议记录：请先记录会议（时间、地点、主持人、记录人、到会和应到人数）`;
  }
  if (held.some((m) => attendanceProblem(m.attendeesCount, m.entitledCount) == null)) return null;
  const last = held[held.length - 1]!;
  return `民主评议会议（${last.heldOn}）${attendanceProblem(last.attendeesCount, last.entitledCount) ?? ''}：会议无效，请重新召开会议并记录后再关闭本环节`;
}

/** May `step` close on `on`, given its objections and meetings? */
export function closeGate(step: GateStep, objections: readonly GateObjection[], meetings: readonly GateMeeting[], on: string): Gate {
  if (step.status !== 'open') {
    const why = step.status === 'pending' ? `“${step.label}”还没有开始：请先开启本环节` : `“${step.label}”已于 ${step.closedOn ?? ''} 完成`;
    return { ok: false, blockers: [why], from: null };
  }
  const start = step.startedOn ?? on;
  const blockers: string[] = [];
  let from = start;
  if (on < start) blockers.push(`完成日期 ${on} 早于本环节的开始日期 ${start}：请填写 ${start} 或以后的日期`);
  const end = publicityEnd(step);
  if (end != null) {
    from = addDays(end, 1);
    if (on < from) {
      blockers.push(`公示期为 ${start} 至 ${end}（不少于${step.minDays}天），公示期未满：${from} 起才能完成本环节`);
    }
  }
  const open = objections.filter((o) => o.settledOn == null || o.settledOn > on);
  if (open.length > 0) {
    const who = open.map((o) => `${o.raisedBy ?? '匿名'}（${o.raisedOn}）`).join('、');
    blockers.push(`还有 ${open.length} 条异议没有办结：${who}。请先记录处理情况和结果，办结后才能完成本环节`);
  }
  const meeting = step.meeting ? meetingBlocker(step, meetings, on) : null;
  if (meeting) blockers.push(meeting);
  // The date is known only when the calendar is the sole obstacle.
  const calendarOnly = blockers.length > 0 && open.length === 0 && meeting == null;
  return { ok: blockers.length === 0, blockers, from: blockers.length === 0 || calendarOnly ? from : null };
}
