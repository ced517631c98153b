// 通过 / 不通过 / 退回 per household and step, with reason, who and when. Only while the step
// is open, only for households in the batch and still going through it, never dated before
// the step began. A household that does not pass stops there.
import { writeTransaction } from '../../db/handles.ts';
import type { ReadDb } from '../../db/handles.ts';
import type { Db } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { membersOfBatch, outcomesOfMembers, saveOutcome, stoppedMemberIds } from '../../db/repos/workflow-members.ts';
import type { MemberRow } from '../../db/repos/workflow-members.ts';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import { OUTCOME_LABELS } from '../../shared/workflows/index.ts';
import type { Outcome } from '../../shared/workflows/index.ts';
import type { BatchRow, StepRow } from './common.ts';
import { describeHousehold, householdBriefs, refuseFuture, requireOpenBatch, requireStep, stepLabel, stepsOf } from './common.ts';

export interface OutcomeInput {
  batchId: string;
  seq: number;
  householdIds: string[];
  outcome: Outcome;
  reason: string | null;
  decidedOn: string;
  decidedBy: string | null;
}

export type { MemberRow };

/** Members of the batch still going through it before `seq`: not removed, no 不通过/退回 at an earlier step. */
export function activeMembers(db: ReadDb, batch: BatchRow, seq: number): Map<string, MemberRow> {
  const rows = membersOfBatch(db, batch.id);
  const stopped = new Set(stoppedMemberIds(db, batch.id, seq));
  return new Map(rows.filter((m) => m.removedOn == null && !stopped.has(m.id)).map((m) => [m.householdId, m]));
}

/** The step must be open and the date within it (not before its start, not after today). */
export function requireOpenStep(actor: Actor, batch: BatchRow, step: StepRow, date: string, what: string): void {
  const label = stepLabel(batch, step);
  if (step.status === 'pending') throw new UserError(`第${step.seq}步“${label}”还没有开始：请先开启这一环节，再登记${what}。`);
  if (step.status === 'closed') throw new UserError(`第${step.seq}步“${label}”已于 ${step.closedOn ?? ''} 完成，不能再登记${what}：如需更正，请先记录重新开启的决定。`);
  if (step.startedOn != null && date < step.startedOn) {
    throw new UserError(`${what}日期 ${date} 早于第${step.seq}步“${label}”的开始日期 ${step.startedOn}：请填写 ${step.startedOn} 或以后的日期。`);
  }
  refuseFuture(actor, date, `${what}日期`);
}

/** Refuses households not in the batch, or already stopped at an earlier step. */
export function requireMembers(db: ReadDb, batch: BatchRow, seq: number, ids: readonly string[]): Map<string, MemberRow> {
  const active = activeMembers(db, batch, seq);
  const all = new Map(membersOfBatch(db, batch.id).map((m) => [m.householdId, m]));
  const briefs = householdBriefs(db, ids);
  for (const id of ids) {
    if (active.has(id)) continue;
    const who = briefs.get(id) ? describeHousehold(briefs.get(id)!) : `编号为 ${id} 的农户`;
    const m = all.get(id);
    if (!m || m.removedOn != null) throw new UserError(`${who}不在批次“${batch.title}”中，不能登记：请先把这一户加入本批次，或核对户编号。`);
    throw new UserError(`${who}在本批次较早的环节已不通过或被退回，不再参加后续环节：如需重新办理，请新建批次。`);
  }
  return active;
}

export function recordOutcome(db: Db, actor: Actor, input: OutcomeInput): void {
  writeTransaction(db, (w) => {
    const batch = requireOpenBatch(w, input.batchId);
    const step = requireStep(stepsOf(w, batch.id), input.seq, batch);
    requireOpenStep(actor, batch, step, input.decidedOn, '结果');
    const ids = [...new Set(input.householdIds)];
    const members = requireMembers(w, batch, step.seq, ids);
    const memberIds = ids.map((id) => members.get(id)!.id);
    const existing = new Map(outcomesOfMembers(w, step.id, memberIds).map((o) => [o.batchHouseholdId, o]));
    const label = stepLabel(batch, step);
    for (const hid of ids) {
      const m = members.get(hid)!;
      const values = { outcome: input.outcome, reason: input.reason, decidedOn: input.decidedOn, decidedBy: input.decidedBy };
      const prev = existing.get(m.id);
      saveOutcome(w, actor, prev?.id ?? null, step.id, m.id, values);
      recordAudit(w, actor, {
        action: prev ? 'update' : 'insert',
        tableName: 'step_outcomes',
        recordId: `${step.id}:${m.id}`,
        householdId: hid,
        before: prev ? { outcome: prev.outcome, reason: prev.reason, decidedOn: prev.decidedOn } : null,
        after: values,
        note: `批次“${batch.title}”第${step.seq}步“${label}”：${OUTCOME_LABELS[input.outcome]}${input.reason ? `（${input.reason}）` : ''}`,
      });
    }
  });
}
