// Announcing a batch: every household that passed every step gets the kind's result — a new
// status (or, for 风险消除, its risk marked removed) — with a status-history row linked to the
// batch and an audit entry holding the fields before and after. Reopening an announced batch
// puts those fields back the same way, and only if nothing has changed them since.
import type { ReadDb, WriteDb } from '../../db/handles.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { appliedStatusChanges, householdsByIds, statusChangedSince, writeStatusChange } from '../../db/repos/household-status.ts';
import type { StatusFields } from '../../db/repos/household-status.ts';
import { setBatchStatus } from '../../db/repos/workflow-batches.ts';
import type { Actor } from '../../shared/actor.ts';
import type { AppliedChange } from '../../shared/api/workflows.ts';
import { UserError } from '../../shared/errors.ts';
import type { HouseholdRecord } from '../../shared/records.ts';
import type { HouseholdStatus } from '../../shared/status.ts';
import { STATUS_LABELS } from '../../shared/status.ts';
import { resultingStatus } from '../../shared/workflows/index.ts';
import type { KindDef } from '../../shared/workflows/index.ts';
import type { BatchRow } from './common.ts';
import { describeHousehold, householdBriefs, kindOf, stepsOf } from './common.ts';
import type { MemberRow } from './outcomes.ts';
import { activeMembers } from './outcomes.ts';

type Patch = StatusFields;

const START_MONITORING = { riskRemoved: false, riskRemovalMethod: null, monitoringEnd: null } as const;

/** The household fields the batch's result sets. */
function patchFor(def: KindDef, batch: BatchRow, h: HouseholdRecord, m: MemberRow, on: string): Patch {
  const month = on.slice(0, 4) + on.slice(5, 7);
  const status = resultingStatus(def, h.status, m.category);
  switch (def.effect.type) {
    case 'risk-removal':
      return { riskRemoved: true, riskRemovalMethod: m.category ?? '帮扶消除', monitoringEnd: month };
    case 'monitoring':
      return { status, monitoringCategory: m.category, risks: m.risks ?? h.risks, monitoringStart: month, ...START_MONITORING };
    case 'status':
      if (status === 'poor') return { status, identificationYear: batch.year, identificationStandard: h.identificationStandard ?? '国家标准' };
      if (status === 'exited') return { status, exitYear: batch.year, householdType: '脱贫户' };
      if (status === 'edge') return { status, monitoringCategory: '边缘易致贫户', monitoringStart: month, ...START_MONITORING };
      return { status };
  }
}

function pick(h: HouseholdRecord, patch: Patch): Patch {
  return Object.fromEntries(Object.keys(patch).map((k) => [k, h[k as keyof Patch]]));
}

function writeChange(w: WriteDb, actor: Actor, batch: BatchRow, h: HouseholdRecord, patch: Patch, on: string, history: { decision: string; reason: string }, action: 'status' | 'status-revert'): AppliedChange {
  const to: HouseholdStatus = patch.status ?? h.status;
  writeStatusChange(w, actor, { householdId: h.id, status: to, fields: patch, year: batch.year, effectiveOn: on, batchId: batch.id, ...history });
  recordAudit(w, actor, {
    action,
    tableName: 'households',
    recordId: h.id,
    householdId: h.id,
    before: { ...pick(h, patch), batchId: batch.id },
    after: { ...patch, batchId: batch.id },
    note: `${action === 'status' ? '批次公告' : '重新开启批次'}“${batch.title}”：${STATUS_LABELS[h.status]} → ${STATUS_LABELS[to]}${patch.riskRemoved ? '（风险已消除）' : ''}`,
  });
  return { householdId: h.id, household: '', from: h.status, to };
}

/** Applies the batch's result to every household that passed every step, and closes the batch. */
export function applyBatch(w: WriteDb, actor: Actor, batch: BatchRow, on: string): AppliedChange[] {
  const def = kindOf(batch);
  const passed = [...activeMembers(w, batch, stepsOf(w, batch.id).length + 1).values()];
  const byId = new Map(householdsByIds(w, passed.map((m) => m.householdId)).map((h) => [h.id, h]));
  const changes = passed.map((m) => {
    const h = byId.get(m.householdId)!;
    const reason = def.choice && m.category ? `${def.historyReason}（${m.category}）` : def.historyReason;
    return writeChange(w, actor, batch, h, patchFor(def, batch, h, m, on), on, { decision: `${batch.title}公告`, reason }, 'status');
  });
  setBatchStatus(w, actor, batch.id, { status: 'closed', closedOn: on });
  recordAudit(w, actor, { action: 'update', tableName: 'batches', recordId: batch.id, before: { status: 'open' }, after: { status: 'closed', closedOn: on }, note: `批次“${batch.title}”公告完成，${changes.length} 户状态变更` });
  return named(w, changes);
}

function named(db: ReadDb, changes: AppliedChange[]): AppliedChange[] {
  const briefs = householdBriefs(db, changes.map((c) => c.householdId));
  return changes.map((c) => ({ ...c, household: briefs.get(c.householdId) ? describeHousehold(briefs.get(c.householdId)!) : c.householdId }));
}

/** Puts back what the batch's announcement changed; refuses if any household changed since. */
export function revertBatch(w: WriteDb, actor: Actor, batch: BatchRow, decision: string, on: string): AppliedChange[] {
  const applied = appliedStatusChanges(w, batch.id);
  const current = new Map(householdsByIds(w, applied.map((e) => e.recordId)).map((h) => [h.id, h]));
  const blocked = applied.filter((e) => !current.has(e.recordId) || statusChangedSince(w, e.recordId, e.id));
  if (blocked.length > 0) {
    const briefs = householdBriefs(w, blocked.map((e) => e.recordId));
    const who = blocked.map((e) => (briefs.get(e.recordId) ? describeHousehold(briefs.get(e.recordId)!) : e.recordId));
    throw new UserError(`批次公告后，${who.join('、')}的状态又经其他程序或决定改变过，不能重新开启本批次：请先处理这些农户，或另建批次更正。`, { details: who });
  }
  const changes = applied.map((e) => {
    const { batchId: _b, ...before } = e.before as Patch & { batchId: string };
    return writeChange(w, actor, batch, current.get(e.recordId)!, before, on, { decision, reason: `依据“${decision}”重新开启批次，撤销本批次公告时的变更` }, 'status-revert');
  });
  return named(w, changes);
}
