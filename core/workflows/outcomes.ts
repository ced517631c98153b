// 通过 / 不通过 / 退回 per household and step, with reason, who and when. Only while the step
// is open, only for households in the batch and still going through it, never dated before
// the step began. A household that does not pass stops there.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { batchHouseholds, stepOutcomes } from '../../db/schema/index.ts';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import { OUTCOME_LABELS } from '../../shared/workflows/index.ts';
import type { Outcome } from '../../shared/workflows/index.ts';
import type { BatchRow, StepRow } from './common.ts';
import { describeHousehold, householdBriefs, refuseFuture, requireOpenBatch, requireStep, stampOf, stepLabel, stepsOf } from './common.ts';

export interface OutcomeInput {
  batchId: string;
  seq: number;
  householdIds: string[];
  outcome: Outcome;
  reason: string | null;
  decidedOn: string;
  decidedBy: string | null;
}

export type MemberRow = typeof batchHouseholds.$inferSelect;

/** Members of the batch still going through it before `seq`: not removed, no 不通过/退回 at an earlier step. */
export function activeMembers(db: Db, batch: BatchRow, seq: number): Map<string, MemberRow> {
  const rows = db.select().from(batchHouseholds).where(eq(batchHouseholds.batchId, batch.id)).all();
  const stopped = new Set(
    (
      db.$client
        .prepare(
          `SELECT so.batch_household_id AS id FROM step_outcomes so JOIN batch_steps s ON s.id = so.step_id
            WHERE s.batch_id = ? AND s.seq < ? AND so.outcome <> 'pass'`,
        )
        .all(batch.id, seq) as { id: string }[]
    ).map((r) => r.id),
  );
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
export function requireMembers(db: Db, batch: BatchRow, seq: number, ids: readonly string[]): Map<string, MemberRow> {
  const active = activeMembers(db, batch, seq);
  const all = new Map(db.select().from(batchHouseholds).where(eq(batchHouseholds.batchId, batch.id)).all().map((m) => [m.householdId, m]));
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
  db.transaction(() => {
    const batch = requireOpenBatch(db, input.batchId);
    const step = requireStep(stepsOf(db, batch.id), input.seq, batch);
    requireOpenStep(actor, batch, step, input.decidedOn, '结果');
    const ids = [...new Set(input.householdIds)];
    const members = requireMembers(db, batch, step.seq, ids);
    const memberIds = ids.map((id) => members.get(id)!.id);
    const existing = new Map(
      db.select().from(stepOutcomes).where(and(eq(stepOutcomes.stepId, step.id), inArray(stepOutcomes.batchHouseholdId, memberIds))).all().map((o) => [o.batchHouseholdId, o]),
    );
    const stamp = stampOf(actor);
    const label = stepLabel(batch, step);
    for (const hid of ids) {
      const m = members.get(hid)!;
      const values = { outcome: input.outcome, reason: input.reason, decidedOn: input.decidedOn, decidedBy: input.decidedBy };
      const prev = existing.get(m.id);
      if (prev) db.update(stepOutcomes).set({ ...values, ...stamp, version: prev.version + 1 }).where(eq(stepOutcomes.id, prev.id)).run();
      else db.insert(stepOutcomes).values({ id: randomUUID(), version: 1, ...stamp, stepId: step.id, batchHouseholdId: m.id, ...values }).run();
      recordAudit(db, actor, {
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
