// The batch list: each batch with its villages, size, the step it is at and, in Chinese, what
// is due next or what blocks it, as of a day.
import type { ReadDb } from '../../db/handles.ts';
import { allBatches, batchIdsMatching, batchVillageRefs } from '../../db/repos/workflow-batches.ts';
import { activeMemberCount, memberVillageIds } from '../../db/repos/workflow-members.ts';
import type { BatchListItem, GateView, VillageRef } from '../../shared/api/workflows.ts';
import { BATCH_STATUS_LABELS, closeGate, openGate } from '../../shared/workflows/index.ts';
import type { WorkflowKind } from '../../shared/workflows/index.ts';
import type { BatchRow, StepRow } from './common.ts';
import { kindOf, stepsOf } from './common.ts';
import { quotaFlags } from './quotas.ts';
import { gateStep, stepMeetings, stepObjections } from './steps.ts';

export interface BatchQuery {
  kind?: WorkflowKind | null;
  year?: number | null;
  villageId?: string | null;
  status?: 'open' | 'closed' | 'cancelled' | null;
}

export const batchVillagesOf = (db: ReadDb, batchId: string): VillageRef[] => batchVillageRefs(db, batchId);

/** The gate of a step as of a day: opening for a pending step, closing for a running one. */
export function gateOf(db: ReadDb, batch: BatchRow, steps: readonly StepRow[], step: StepRow, asOf: string): GateView {
  if (step.status === 'closed' || batch.status !== 'open') return { canOpen: false, canClose: false, blockers: [], from: null };
  if (step.status === 'pending') {
    const prev = steps.find((s) => s.seq === step.seq - 1);
    const g = openGate(gateStep(batch, step), prev ? gateStep(batch, prev) : null, batch.createdOn, asOf);
    return { canOpen: g.ok, canClose: false, blockers: g.blockers, from: g.from };
  }
  const g = closeGate(gateStep(batch, step), stepObjections(db, step.id), stepMeetings(db, step.id), asOf);
  return { canOpen: false, canClose: g.ok, blockers: g.blockers, from: g.from };
}

function nextText(batch: BatchRow, step: StepRow | undefined, label: string, gate: GateView | null): string {
  if (batch.status === 'cancelled') return `已于 ${batch.closedOn ?? ''} 撤销`;
  if (batch.status === 'closed' || !step || !gate) return `已于 ${batch.closedOn ?? ''} 公告完成`;
  const name = `第${step.seq}步“${label}”`;
  if (step.status === 'pending') return gate.canOpen ? `下一步：开始${name}` : `${name}未能开始：${gate.blockers.join('；')}`;
  return gate.canClose ? `${name}可以完成` : `${name}进行中：${gate.blockers.join('；')}`;
}

/** Villages a batch's quota is counted in: its own, or (township-wide) those of its households. */
export function quotaVillages(db: ReadDb, batch: BatchRow, own: readonly VillageRef[]): string[] {
  if (own.length) return own.map((v) => v.id);
  return memberVillageIds(db, batch.id);
}

export function listItem(db: ReadDb, batch: BatchRow, asOf: string): BatchListItem {
  const def = kindOf(batch);
  const own = batchVillagesOf(db, batch.id);
  const steps = stepsOf(db, batch.id);
  const current = steps.find((s) => s.status !== 'closed');
  const label = current ? (def.steps.find((d) => d.code === current.step)?.label ?? current.step) : '';
  const gate = current ? gateOf(db, batch, steps, current, asOf) : null;
  return {
    id: batch.id,
    kind: def.kind,
    kindLabel: def.label,
    year: batch.year,
    title: batch.title,
    villages: own,
    village: own.length ? own.map((v) => v.name).join('、') : null,
    status: batch.status,
    statusLabel: BATCH_STATUS_LABELS[batch.status],
    createdOn: batch.createdOn,
    closedOn: batch.closedOn,
    householdCount: activeMemberCount(db, batch.id),
    currentStep: current ? { seq: current.seq, label, status: current.status } : null,
    next: nextText(batch, current, label, gate),
    overQuota: batch.status !== 'cancelled' && quotaFlags(db, def.kind, batch.year, quotaVillages(db, batch, own)).some((q) => q.over > 0),
  };
}

export function listBatches(db: ReadDb, q: BatchQuery, asOf: string): BatchListItem[] {
  const rows = new Map(allBatches(db).map((b) => [b.id, b]));
  return batchIdsMatching(db, q).map((id) => listItem(db, rows.get(id)!, asOf));
}
