// Recorded decisions on a batch. Reopening puts the last completed step back to running (and,
// for an announced batch, undoes what the announcement changed); it is refused without a
// decision, and when a later step has already begun. Cancelling stops a running batch.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { batchDecisions, batchSteps, batches } from '../../db/schema/index.ts';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import { revertBatch } from './apply.ts';
import { refuseFuture, requireBatch, requireOpenBatch, stampOf, stepLabel, stepsOf } from './common.ts';

export interface DecisionInput {
  batchId: string;
  decision: string;
  reason: string;
  decidedOn: string;
}

function record(db: Db, actor: Actor, input: DecisionInput, action: 'reopen' | 'cancel', stepId: string | null, note: string): void {
  const id = randomUUID();
  const values = { batchId: input.batchId, action, stepId, decision: input.decision, reason: input.reason, decidedOn: input.decidedOn };
  db.insert(batchDecisions).values({ id, version: 1, ...stampOf(actor), ...values }).run();
  recordAudit(db, actor, { action: 'insert', tableName: 'batch_decisions', recordId: id, after: values, note });
}

export function reopenBatch(db: Db, actor: Actor, input: DecisionInput): void {
  db.transaction(() => {
    const batch = requireBatch(db, input.batchId);
    if (batch.status === 'cancelled') throw new UserError(`批次“${batch.title}”已撤销，不能重新开启：请新建批次。`);
    const steps = stepsOf(db, batch.id);
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
      revertBatch(db, actor, batch, input.decision, input.decidedOn);
      db.update(batches).set({ status: 'open', closedOn: null, ...stampOf(actor), version: batch.version + 1 }).where(eq(batches.id, batch.id)).run();
    }
    db.update(batchSteps).set({ status: 'open', closedOn: null, closedBy: null, ...stampOf(actor), version: last.version + 1 }).where(eq(batchSteps.id, last.id)).run();
    record(db, actor, input, 'reopen', last.id, `依据“${input.decision}”重新开启批次“${batch.title}”第${last.seq}步“${stepLabel(batch, last)}”：${input.reason}`);
  });
}

export function cancelBatch(db: Db, actor: Actor, input: DecisionInput): void {
  db.transaction(() => {
    const batch = requireOpenBatch(db, input.batchId);
    if (input.decidedOn < batch.createdOn) throw new UserError(`决定日期 ${input.decidedOn} 早于批次建立日期 ${batch.createdOn}：请核对日期。`);
    refuseFuture(actor, input.decidedOn, '决定日期');
    db.update(batches).set({ status: 'cancelled', closedOn: input.decidedOn, ...stampOf(actor), version: batch.version + 1 }).where(eq(batches.id, batch.id)).run();
    record(db, actor, input, 'cancel', null, `依据“${input.decision}”撤销批次“${batch.title}”：${input.reason}`);
  });
}
