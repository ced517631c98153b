// 异议 during a publicity step: who raised it, when, about which household and what; then how
// it was handled and the result. An unsettled objection keeps its step from closing.
import { writeTransaction } from '../../db/handles.ts';
import type { Db } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { stepById } from '../../db/repos/workflow-batches.ts';
import { insertObjection, objectionById, settleObjectionRecord } from '../../db/repos/workflow-meetings.ts';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import { refuseFuture, requireOpenBatch, requireStep, stepLabel, stepsOf } from './common.ts';
import { requireMembers, requireOpenStep } from './outcomes.ts';

export interface ObjectionInput {
  batchId: string;
  seq: number;
  householdId: string | null;
  raisedBy: string | null;
  raisedOn: string;
  content: string;
}

export function raiseObjection(db: Db, actor: Actor, input: ObjectionInput): string {
  return writeTransaction(db, (w) => {
    const batch = requireOpenBatch(w, input.batchId);
    const step = requireStep(stepsOf(w, batch.id), input.seq, batch);
    const label = stepLabel(batch, step);
    if (!step.isPublicity) throw new UserError(`第${step.seq}步“${label}”不是公示环节：异议登记在公示或公告环节上。`);
    requireOpenStep(actor, batch, step, input.raisedOn, '异议');
    if (input.householdId) requireMembers(w, batch, step.seq, [input.householdId]);
    const values = { stepId: step.id, householdId: input.householdId, raisedBy: input.raisedBy, raisedOn: input.raisedOn, content: input.content };
    const id = insertObjection(w, actor, values);
    recordAudit(w, actor, {
      action: 'insert',
      tableName: 'objections',
      recordId: id,
      householdId: input.householdId,
      after: values,
      note: `批次“${batch.title}”${label}期间收到异议（${input.raisedBy ?? '匿名'}，${input.raisedOn}）：${input.content}`,
    });
    return id;
  });
}

export function settleObjection(db: Db, actor: Actor, input: { id: string; handling: string; result: string; settledOn: string }): string {
  return writeTransaction(db, (w) => {
    const o = objectionById(w, input.id);
    if (!o) throw new UserError('找不到这条异议，可能已被删除：请刷新后重试。');
    const step = stepById(w, o.stepId)!;
    const batch = requireOpenBatch(w, step.batchId);
    if (step.status !== 'open') throw new UserError(`这条异议所在的环节已完成，不能再修改：如需更正，请先记录重新开启的决定。`);
    if (input.settledOn < o.raisedOn) throw new UserError(`办结日期 ${input.settledOn} 早于异议提出日期 ${o.raisedOn}：请核对日期。`);
    refuseFuture(actor, input.settledOn, '办结日期');
    const values = { handling: input.handling, result: input.result, settledOn: input.settledOn };
    settleObjectionRecord(w, actor, o.id, values);
    recordAudit(w, actor, {
      action: 'update',
      tableName: 'objections',
      recordId: o.id,
      householdId: o.householdId,
      before: { handling: o.handling, result: o.result, settledOn: o.settledOn },
      after: values,
      note: `批次“${batch.title}”的异议办结（${input.settledOn}）：${input.result}`,
    });
    return batch.id;
  });
}
