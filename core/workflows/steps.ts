// Opening and closing a batch's steps, in order and on dates that make sense. A publicity step
// closes only after its period and with every objection settled; a 民主评议 step only with a
// meeting where two thirds were present. Closing gives every household still without an
// outcome at the step its natural one; closing the last step announces the batch.
import { writeTransaction } from '../../db/handles.ts';
import type { ReadDb, WriteDb } from '../../db/handles.ts';
import type { Db } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { updateStep } from '../../db/repos/workflow-batches.ts';
import { meetingsOfStep, objectionsOfStep } from '../../db/repos/workflow-meetings.ts';
import type { MeetingRow, ObjectionRow } from '../../db/repos/workflow-meetings.ts';
import { outcomesOfStep, saveOutcome } from '../../db/repos/workflow-members.ts';
import type { Actor } from '../../shared/actor.ts';
import type { AppliedChange } from '../../shared/api/workflows.ts';
import { publicityPeriod } from '../../shared/dates.ts';
import { UserError } from '../../shared/errors.ts';
import { closeGate, openGate, voteCarries } from '../../shared/workflows/index.ts';
import type { GateStep, StepDef } from '../../shared/workflows/index.ts';
import { applyBatch } from './apply.ts';
import { requireQualified } from './exit-checks.ts';
import type { BatchRow, StepRow } from './common.ts';
import { kindOf, refuseFuture, requireOpenBatch, requireStep, stepsOf } from './common.ts';
import { validMeetingVotes } from './meetings.ts';
import { activeMembers } from './outcomes.ts';
import { kindSettings } from './settings.ts';

export function stepDefOf(batch: BatchRow, step: StepRow): StepDef {
  return kindOf(batch).steps.find((d) => d.code === step.step) ?? { code: step.step, label: step.step, publicity: step.isPublicity, meeting: false };
}

export function gateStep(batch: BatchRow, step: StepRow): GateStep {
  const def = stepDefOf(batch, step);
  return { seq: step.seq, label: def.label, publicity: step.isPublicity, meeting: def.meeting, minDays: step.minDays, status: step.status, startedOn: step.startedOn, closedOn: step.closedOn };
}

export const stepObjections = (db: ReadDb, stepId: string): ObjectionRow[] => objectionsOfStep(db, stepId);

export const stepMeetings = (db: ReadDb, stepId: string): MeetingRow[] => meetingsOfStep(db, stepId);

const refuse = (lead: string, blockers: readonly string[]): UserError => new UserError(`${lead}：${blockers.join('；')}。`);

export function openStep(db: Db, actor: Actor, input: { batchId: string; seq: number; startedOn: string; postedAt: string | null; note: string | null }): void {
  writeTransaction(db, (w) => {
    const batch = requireOpenBatch(w, input.batchId);
    const steps = stepsOf(w, batch.id);
    const step = requireStep(steps, input.seq, batch);
    const prev = steps.find((s) => s.seq === step.seq - 1) ?? null;
    const g = gateStep(batch, step);
    const gate = openGate(g, prev ? gateStep(batch, prev) : null, batch.createdOn, input.startedOn);
    if (!gate.ok) throw refuse(`第${step.seq}步“${g.label}”不能开始`, gate.blockers);
    refuseFuture(actor, input.startedOn, '开始日期');
    if (step.isPublicity && !input.postedAt) throw new UserError(`第${step.seq}步“${g.label}”是公示环节：请填写张贴地点（如“××村村务公开栏”），张贴后可上传公示照片。`, { field: 'postedAt' });
    const minDays = step.isPublicity ? kindSettings(w, kindOf(batch).kind).publicityDays : null;
    const endsOn = minDays != null ? publicityPeriod(input.startedOn, minDays).end : null;
    const values = { status: 'open' as const, startedOn: input.startedOn, minDays, endsOn, postedAt: input.postedAt, note: input.note };
    updateStep(w, actor, step.id, values);
    recordAudit(w, actor, {
      action: 'update',
      tableName: 'batch_steps',
      recordId: step.id,
      before: { status: step.status },
      after: values,
      note: `批次“${batch.title}”第${step.seq}步“${g.label}”开始（${input.startedOn}${endsOn ? `，公示至 ${endsOn}，张贴于${input.postedAt ?? ''}` : ''}）`,
    });
  });
}

/** Gives every household still without an outcome at the step its natural one; returns how many. */
function implyOutcomes(w: WriteDb, actor: Actor, batch: BatchRow, step: StepRow, closedOn: string): number {
  const def = stepDefOf(batch, step);
  const active = [...activeMembers(w, batch, step.seq).values()];
  const decided = new Set(outcomesOfStep(w, step.id).map((o) => o.batchHouseholdId));
  const votes = def.meeting ? validMeetingVotes(w, step.id, closedOn) : null;
  let n = 0;
  for (const m of active.filter((x) => !decided.has(x.id))) {
    const v = votes?.votes.get(m.id);
    let outcome: 'pass' | 'fail' = 'pass';
    let reason = step.isPublicity ? '公示期满无异议' : '随本环节完成一并通过';
    if (v && votes) {
      outcome = voteCarries(v.votesFor, votes.attendees) ? 'pass' : 'fail';
      reason = `民主评议赞成 ${v.votesFor} 票（到会 ${votes.attendees} 人）${outcome === 'pass' ? '，过半数通过' : '，未过半数'}`;
    }
    saveOutcome(w, actor, null, step.id, m.id, { outcome, reason, decidedOn: closedOn, decidedBy: null });
    n++;
  }
  return n;
}

export interface CloseOutcome {
  implied: number;
  applied: AppliedChange[];
}

export function closeStep(db: Db, actor: Actor, input: { batchId: string; seq: number; closedOn: string; note: string | null }): CloseOutcome {
  return writeTransaction(db, (w) => {
    const batch = requireOpenBatch(w, input.batchId);
    const steps = stepsOf(w, batch.id);
    const step = requireStep(steps, input.seq, batch);
    const g = gateStep(batch, step);
    const gate = closeGate(g, stepObjections(w, step.id), stepMeetings(w, step.id), input.closedOn);
    if (!gate.ok) throw refuse(`第${step.seq}步“${g.label}”现在不能完成`, gate.blockers);
    refuseFuture(actor, input.closedOn, '完成日期');
    if (step.seq === 1 && activeMembers(w, batch, 1).size === 0) throw new UserError(`批次“${batch.title}”还没有农户：请先加入农户，再完成第1步。`);
    const last = step.seq === steps.length;
    if (last && kindOf(batch).exitCheck) requireQualified(w, batch);
    const implied = implyOutcomes(w, actor, batch, step, input.closedOn);
    const values = { status: 'closed' as const, closedOn: input.closedOn, closedBy: actor.operator, note: input.note ?? step.note };
    updateStep(w, actor, step.id, values);
    recordAudit(w, actor, {
      action: 'update',
      tableName: 'batch_steps',
      recordId: step.id,
      before: { status: step.status },
      after: values,
      note: `批次“${batch.title}”第${step.seq}步“${g.label}”完成（${input.closedOn}）${implied ? `，${implied} 户随环节完成登记结果` : ''}`,
    });
    return { implied, applied: last ? applyBatch(w, actor, batch, input.closedOn) : [] };
  });
}
