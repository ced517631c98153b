// Township side: the county's review result applied through the workflow use cases (never by
// writing workflow tables directly). Per batch, at the kind's county step: the step is opened if
// it is still pending; households returned get 退回 with the county's reason (they stop there,
// the clerk sees the reason on the batch); households passed get 通过; an opinion 通过 on the
// whole step completes it (the others pass with it), so the announcement can follow; 退回 on the
// whole step returns every household still in it. A batch the result cannot apply to (reopened,
// cancelled, dates) is skipped with the reason, inside its own savepoint. Every opinion is kept
// as received (review_received) with what was done with it.
import { z } from 'zod';
import { writeTransaction } from '../../db/handles.ts';
import type { WriteDb } from '../../db/handles.ts';
import type { Archive } from '../../db/open.ts';
import { batchById, batchHouseholdIds, batchLabelLookup, householdLabelLookup, stepCodeLookup, stepsOfBatch } from '../../db/repos/exchange-batches.ts';
import { answeredPackageIds, outgoingPackages } from '../../db/repos/exchange-log.ts';
import { insertReceivedOpinion, receivedOpinions } from '../../db/repos/exchange-opinions.ts';
import type { ReceivedReviewView, ReviewEffectView, TownshipReviewView } from '../../shared/api/exchange.ts';
import type { Actor } from '../../shared/actor.ts';
import { isUserError, UserError } from '../../shared/errors.ts';
import type { StagedPackage } from '../exchange/index.ts';
import { activeMembers, recordOutcome } from '../workflows/outcomes.ts';
import { closeStep, openStep } from '../workflows/steps.ts';
import { refuseRows } from './county-plan.ts';
import type { Problem } from './problems.ts';
import { countyStepCode, stepLabelOf } from './county-review.ts';
import { RECORD_ID_RE } from './rows.ts';
import type { Row } from './rows.ts';
import { rowsOf } from './staged.ts';
import { REVIEW_TABLE } from './tables.ts';

const opinionRow = z.strictObject({
  id: z.string().regex(RECORD_ID_RE),
  batch_id: z.string().regex(RECORD_ID_RE),
  step_seq: z.number().int().min(1).max(20),
  step_code: z.string().regex(/^[a-z-]{1,40}$/),
  household_id: z.string().regex(RECORD_ID_RE).nullable(),
  opinion: z.enum(['pass', 'return']),
  reason: z.string().max(500).nullable(),
  reviewer: z.string().min(1).max(40),
  reviewed_on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type OpinionRow = z.infer<typeof opinionRow>;

export interface ReviewPlan {
  opinions: OpinionRow[];
}

/** Every opinion checked: its shape, and that it names a batch, step and household of this archive. */
export function planReview(archive: Archive, staged: StagedPackage, file: string): ReviewPlan {
  if (staged.tables.some((t) => t.name !== REVIEW_TABLE)) throw new UserError(`数据包 ${file} 的审核结果中有不应出现的表，不予导入。`);
  const problems: Problem[] = [];
  const opinions: OpinionRow[] = [];
  const add = (row: Row, column: string, why: string) => problems.length < 200 && problems.push({ table: REVIEW_TABLE, row, problems: [{ column, why }] });
  const seen = new Set<string>();
  for (const row of rowsOf(staged, REVIEW_TABLE)) {
    const p = opinionRow.safeParse(row);
    if (!p.success) {
      add(row, String(p.error.issues[0]?.path[0] ?? '（整行）'), '格式不对');
      continue;
    }
    const o = p.data;
    if (seen.has(o.id)) add(row, 'id', '重复出现');
    seen.add(o.id);
    if (o.opinion === 'return' && !(o.reason ?? '').trim()) add(row, 'reason', '退回没有理由');
    const batch = batchById(archive.db, o.batch_id);
    if (!batch) {
      add(row, 'batch_id', '本档案中没有这个批次');
      continue;
    }
    const step = stepsOfBatch(archive.db, batch.id).find((s) => s.seq === o.step_seq);
    if (!step || step.step !== o.step_code || o.step_code !== countyStepCode(batch.kind)) add(row, 'step_seq', '不是该批次的县级环节');
    if (o.household_id && !batchHouseholdIds(archive.db, batch.id).includes(o.household_id)) {
      add(row, 'household_id', '这一户不在该批次中');
    }
    opinions.push(o);
  }
  if (problems.length) throw refuseRows(file, problems);
  if (opinions.length === 0) throw new UserError(`数据包 ${file} 中没有任何审核意见，不予导入。`);
  return { opinions };
}

const maxDate = (a: string, b: string | null | undefined): string => (b && b > a ? b : a);

/** Applies the opinions inside the import transaction. Returns what happened per batch. */
export function applyReview(w: WriteDb, actor: Actor, plan: ReviewPlan, ctx: { packageId: string; county: string }): ReviewEffectView[] {
  const byBatch = new Map<string, OpinionRow[]>();
  for (const o of plan.opinions) byBatch.set(o.batch_id, [...(byBatch.get(o.batch_id) ?? []), o]);
  const effects: ReviewEffectView[] = [];
  const now = actor.now().toISOString();
  for (const [batchId, ops] of byBatch) {
    const batch = batchById(w, batchId)!;
    const seq = ops[0]!.step_seq;
    const stepCode = ops[0]!.step_code;
    const effect: ReviewEffectView = { batchId, batchTitle: batch.title, stepLabel: stepLabelOf(batch.kind, stepCode), effect: 'recorded', passed: 0, returned: 0, note: null };
    const whole = ops.find((o) => o.household_id === null);
    const each = ops.filter((o) => o.household_id !== null);
    const by = (o: OpinionRow) => `${ctx.county}（${o.reviewer}）`;
    try {
      // Per batch, a savepoint: a batch the result cannot apply to is skipped, the others still apply.
      writeTransaction(w, (db) => {
        const steps = stepsOfBatch(db, batchId);
        const step = steps.find((s) => s.seq === seq)!;
        const prev = steps.find((s) => s.seq === seq - 1);
        let startedOn = step.startedOn;
        if (step.status === 'pending') {
          startedOn = maxDate(ops.map((o) => o.reviewed_on).sort()[0]!, prev?.closedOn);
          openStep(db, actor, { batchId, seq, startedOn, postedAt: null, note: `县级审核（审核结果数据包 ${ctx.packageId.slice(0, 8)}）` });
        }
        const on = (o: OpinionRow) => maxDate(o.reviewed_on, startedOn);
        const active = activeMembers(db, batch, seq);
        const skipped = each.filter((o) => !active.has(o.household_id!));
        for (const o of each.filter((x) => active.has(x.household_id!))) {
          recordOutcome(db, actor, {
            batchId,
            seq,
            householdIds: [o.household_id!],
            outcome: o.opinion === 'pass' ? 'pass' : 'return',
            reason: o.opinion === 'pass' ? (o.reason ?? '县级审核通过') : `县级退回：${o.reason ?? ''}`,
            decidedOn: on(o),
            decidedBy: by(o),
          });
          if (o.opinion === 'pass') effect.passed++;
          else effect.returned++;
        }
        if (whole?.opinion === 'pass') {
          const r = closeStep(db, actor, { batchId, seq, closedOn: on(whole), note: `县级审核通过（${by(whole)}，${whole.reviewed_on}）${whole.reason ? `：${whole.reason}` : ''}` });
          effect.passed += r.implied;
          effect.effect = 'advanced';
          effect.note = effect.returned ? `${effect.returned} 户被县级退回，其余通过；可以开始下一环节。` : '县级审核通过，可以开始下一环节。';
        } else if (whole?.opinion === 'return') {
          const decided = new Set(each.map((o) => o.household_id));
          const rest = [...activeMembers(db, batch, seq).keys()].filter((h) => !decided.has(h));
          if (rest.length) {
            recordOutcome(db, actor, { batchId, seq, householdIds: rest, outcome: 'return', reason: `县级退回：${whole.reason ?? ''}`, decidedOn: on(whole), decidedBy: by(whole) });
          }
          effect.returned += rest.length;
          effect.effect = 'returned';
          effect.note = `县级退回：${whole.reason ?? ''}。请按理由改正后重新办理。`;
        } else if (effect.returned) {
          effect.note = `${effect.returned} 户被县级退回；其余农户待县级对整个环节给出意见。`;
        }
        if (skipped.length) effect.note = `${effect.note ?? ''}${effect.note ? '；' : ''}${skipped.length} 户在较早环节已不通过或已移出批次，县级意见未登记。`;
      });
    } catch (e) {
      if (!isUserError(e)) throw e;
      effect.effect = 'skipped';
      effect.passed = 0;
      effect.returned = 0;
      effect.note = `没有应用：${e.message}`;
    }
    for (const o of ops) {
      insertReceivedOpinion(w, {
        id: o.id,
        packageId: ctx.packageId,
        receivedAt: now,
        batchId,
        stepSeq: o.step_seq,
        householdId: o.household_id ?? '',
        opinion: o.opinion,
        reason: o.reason,
        reviewer: o.reviewer,
        reviewedOn: o.reviewed_on,
        effect: effect.effect === 'skipped' ? 'skipped' : o.household_id === null ? effect.effect : o.opinion === 'pass' ? 'recorded' : 'returned',
        note: effect.effect === 'skipped' ? effect.note : null,
      });
    }
    effects.push(effect);
  }
  return effects;
}

export function townshipReviews(archive: Archive, batchId: string | null): TownshipReviewView {
  const { db } = archive;
  const answered = answeredPackageIds(db);
  const awaiting = outgoingPackages(db)
    .filter((p) => p.kind === 'township-export' && !answered.has(p.packageId))
    .map((p) => ({
      packageId: p.packageId,
      seq: p.seq,
      at: p.at,
      scope: p.scope === 'batches' ? ('batches' as const) : ('all' as const),
      batches: Array.isArray(p.summary?.batchIds) ? (p.summary.batchIds as unknown[]).length : 0,
    }));
  const rows = receivedOpinions(db, batchId);
  const b = batchLabelLookup(db);
  const s = stepCodeLookup(db);
  const h = householdLabelLookup(db);
  const received: ReceivedReviewView[] = rows.map((r) => {
    const batch = b(r.batchId);
    const hh = r.householdId ? h(r.householdId) : undefined;
    return {
      id: r.id,
      packageId: r.packageId,
      receivedAt: r.receivedAt,
      batchId: r.batchId,
      batchTitle: batch?.title ?? '（批次已删除）',
      stepSeq: r.stepSeq,
      stepLabel: stepLabelOf(batch?.kind ?? '', s(r.batchId, r.stepSeq) ?? ''),
      householdId: r.householdId || null,
      householdNo: hh?.no ?? null,
      head: hh?.head ?? null,
      opinion: r.opinion,
      reason: r.reason,
      reviewer: r.reviewer,
      reviewedOn: r.reviewedOn,
      effect: r.effect,
      note: r.note,
    };
  });
  return { awaiting, received };
}
