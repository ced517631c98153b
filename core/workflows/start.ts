// 本批次实际开始日期: the day a batch's procedure really began. A procedure already done on paper
// is recorded with its paper dates, so the batch's start (batches.created_on, which the first
// step may not precede) can be moved back — audited — but never after what is already recorded
// (the first step's start, a household's joining, a decision) nor after today.
import { writeTransaction } from '../../db/handles.ts';
import type { Db } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { decisionsOfBatch, setBatchStart } from '../../db/repos/workflow-batches.ts';
import { membersOfBatch } from '../../db/repos/workflow-members.ts';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import { refuseFuture, requireOpenBatch, stepLabel, stepsOf } from './common.ts';

export interface StartInput {
  batchId: string;
  createdOn: string;
  reason: string | null;
}

export function setStart(db: Db, actor: Actor, input: StartInput): void {
  writeTransaction(db, (w) => {
    const batch = requireOpenBatch(w, input.batchId);
    refuseFuture(actor, input.createdOn, '本批次实际开始日期');
    if (input.createdOn === batch.createdOn) return;
    const first = stepsOf(w, batch.id).find((s) => s.seq === 1);
    const recorded: { on: string; what: string }[] = [
      ...(first?.startedOn ? [{ on: first.startedOn, what: `第1步“${stepLabel(batch, first)}”的开始日期` }] : []),
      ...membersOfBatch(w, batch.id).map((m) => ({ on: m.addedOn, what: '农户加入日期' })),
      ...decisionsOfBatch(w, batch.id).map((d) => ({ on: d.decidedOn, what: '决定日期' })),
    ];
    const earliest = recorded.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))[0];
    if (earliest && input.createdOn > earliest.on) {
      throw new UserError(
        `本批次实际开始日期 ${input.createdOn} 晚于已登记的${earliest.what} ${earliest.on}：开始日期只能是 ${earliest.on} 或更早，请核对日期。`,
        { field: 'createdOn' },
      );
    }
    setBatchStart(w, actor, batch.id, input.createdOn);
    recordAudit(w, actor, {
      action: 'update',
      tableName: 'batches',
      recordId: batch.id,
      before: { createdOn: batch.createdOn },
      after: { createdOn: input.createdOn },
      note: `批次“${batch.title}”实际开始日期 ${batch.createdOn} → ${input.createdOn}${input.reason ? `（${input.reason}）` : ''}`,
    });
  });
}
