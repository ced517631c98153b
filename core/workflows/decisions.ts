// Recorded decisions on a batch. Reopening puts the last completed step back to running (and,
// for an announced batch, undoes what the announcement changed); it is refused without a
// decision, and when a later step has already begun. Cancelling stops a running batch.
import { writeTransaction } from '../../db/handles.ts';
import type { WriteDb } from '../../db/handles.ts';
import type { Db } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { insertDecision, setBatchStatus, updateStep } from '../../db/repos/workflow-batches.ts';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import { beforeBatchStart } from '../../shared/workflows/index.ts';
import { revertBatch } from './apply.ts';
import { refuseFuture, requireBatch, requireOpenBatch, stepLabel, stepsOf } from './common.ts';

export interface DecisionInput {
  batchId: string;
  decision: string;
  reason: string;
  decidedOn: string;
}

function record(w: WriteDb, actor: Actor, input: DecisionInput, action: 'reopen' | 'cancel', stepId: string | null, note: string): void {
  const values = { batchId: input.batchId, action, stepId, decision: input.decision, reason: input.reason, decidedOn: input.decidedOn };
  const id = insertDecision(w, actor, values);
  recordAudit(w, actor, { action: 'insert', tableName: 'batch_decisions', recordId: id, after: values, note });
}

export function reopenBatch(db: Db, actor: Actor, input: DecisionInput): void {
  writeTransaction(db, (w) => {
    const batch = requireBatch(w, input.batchId);
    if (batch.status === 'cancelled') throw new UserError(`批次“${batch.title}”已撤销，不能重新开启：请新建批次。`);
    const steps = stepsOf(w, batch.id);
    const last = steps.filter((s) => s.status === 'closed').at(-1);
    if (!last) throw new UserError(`批次“${batch.title}”还没有完成任何环节，不需要重新开启。`);
    const next = steps.find((s) => s.seq === last.seq + 1);
    if (next && next.status !== 'pending') {
      throw new UserError(`第${next.seq}步“${stepLabel(batch, next)}”已经开始：只能重新开启最近完成、且下一步尚未开始的环节。`);
    }
    const since = batch.status === 'closed' ? (batch.closedOn ?? last.closedOn) : last.closedOn;
    if (since != null && input.decidedOn < since) throw new UserError(`决定日期 ${input.decidedOn} 早于该环节的完成日期 ${since}：请核对日期。`);
    refuseFuture(actor, input.decidedOn, '决定日期');
    if (batch.status === 'closed') {
      revertBatch(w, actor, batch, input.decision, input.decidedOn);
      setBatchStatus(w, actor, batch.id, { status: 'open', closedOn: null });
    }
    updateStep(w, actor, last.id, { status: 'open', closedOn: null, closedBy: null });
    record(w, actor, input, 'reopen', last.id, `依据“${input.decision}”重新开启批次“${batch.title}”第${last.seq}步“${stepLabel(batch, last)}”：${input.reason}`);
  });
}

export function cancelBatch(db: Db, actor: Actor, input: DecisionInput): void {
  writeTransaction(db, (w) => {
    const batch = requireOpenBatch(w, input.batchId);
    if (input.decidedOn < batch.createdOn) throw new UserError(`${beforeBatchStart('决定日期', input.decidedOn, batch.createdOn)}。`, { field: 'decidedOn' });
    refuseFuture(actor, input.decidedOn, '决定日期');
    setBatchStatus(w, actor, batch.id, { status: 'cancelled', closedOn: input.decidedOn });
    record(w, actor, input, 'cancel', null, `依据“${input.decision}”撤销批次“${batch.title}”：${input.reason}`);
  });
}
