// Announcing a batch: every household that passed every step gets the kind's result — a new
// status (or, for 风险消除, its risk marked removed) — with a status-history row linked to the
// batch and an audit entry holding the fields before and after. Reopening an announced batch
// puts those fields back the same way, and only if nothing has changed them since.
import { randomUUID } from 'node:crypto';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { auditLog, batches, households, statusHistory } from '../../db/schema/index.ts';
import type { Actor } from '../../shared/actor.ts';
import type { AppliedChange } from '../../shared/api/workflows.ts';
import { UserError } from '../../shared/errors.ts';
import type { HouseholdRecord } from '../../shared/records.ts';
import type { HouseholdStatus } from '../../shared/status.ts';
import { STATUS_LABELS } from '../../shared/status.ts';
import { resultingStatus } from '../../shared/workflows/index.ts';
import type { KindDef } from '../../shared/workflows/index.ts';
import type { BatchRow } from './common.ts';
import { describeHousehold, householdBriefs, kindOf, stampOf, stepsOf } from './common.ts';
import type { MemberRow } from './outcomes.ts';
import { activeMembers } from './outcomes.ts';

type Patch = Partial<Pick<HouseholdRecord, 'status' | 'identificationYear' | 'identificationStandard' | 'exitYear' | 'householdType' | 'monitoringCategory' | 'risks' | 'monitoringStart' | 'riskRemoved' | 'riskRemovalMethod' | 'monitoringEnd'>>;

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

function writeChange(db: Db, actor: Actor, batch: BatchRow, h: HouseholdRecord, patch: Patch, on: string, history: { decision: string; reason: string }, action: 'status' | 'status-revert'): AppliedChange {
  const to: HouseholdStatus = patch.status ?? h.status;
  db.update(households).set({ ...patch, ...stampOf(actor), version: h.version + 1 }).where(eq(households.id, h.id)).run();
  db.insert(statusHistory)
    .values({ id: randomUUID(), version: 1, ...stampOf(actor), householdId: h.id, status: to, year: batch.year, effectiveOn: on, batchId: batch.id, ...history })
    .run();
  recordAudit(db, actor, {
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
export function applyBatch(db: Db, actor: Actor, batch: BatchRow, on: string): AppliedChange[] {
  const def = kindOf(batch);
  const passed = [...activeMembers(db, batch, stepsOf(db, batch.id).length + 1).values()];
  const rows = passed.length ? db.select().from(households).where(inArray(households.id, passed.map((m) => m.householdId))).all() : [];
  const byId = new Map(rows.map((h) => [h.id, h]));
  const changes = passed.map((m) => {
    const h = byId.get(m.householdId)!;
    const reason = def.choice && m.category ? `${def.historyReason}（${m.category}）` : def.historyReason;
    return writeChange(db, actor, batch, h, patchFor(def, batch, h, m, on), on, { decision: `${batch.title}公告`, reason }, 'status');
  });
  db.update(batches).set({ status: 'closed', closedOn: on, ...stampOf(actor), version: batch.version + 1 }).where(eq(batches.id, batch.id)).run();
  recordAudit(db, actor, { action: 'update', tableName: 'batches', recordId: batch.id, before: { status: 'open' }, after: { status: 'closed', closedOn: on }, note: `批次“${batch.title}”公告完成，${changes.length} 户状态变更` });
  return named(db, changes);
}

function named(db: Db, changes: AppliedChange[]): AppliedChange[] {
  const briefs = householdBriefs(db, changes.map((c) => c.householdId));
  return changes.map((c) => ({ ...c, household: briefs.get(c.householdId) ? describeHousehold(briefs.get(c.householdId)!) : c.householdId }));
}

/** Puts back what the batch's announcement changed; refuses if any household changed since. */
export function revertBatch(db: Db, actor: Actor, batch: BatchRow, decision: string, on: string): AppliedChange[] {
  const ofBatch = sql`json_extract(${auditLog.after}, '$.batchId') = ${batch.id}`;
  const lastRevert = db.select().from(auditLog).where(and(eq(auditLog.action, 'status-revert'), ofBatch)).orderBy(sql`${auditLog.id} DESC`).get();
  const applied = db.select().from(auditLog).where(and(eq(auditLog.action, 'status'), ofBatch, gt(auditLog.id, lastRevert?.id ?? 0))).all();
  const later = (hid: string, since: number) => db.select().from(auditLog).where(and(eq(auditLog.householdId, hid), gt(auditLog.id, since), inArray(auditLog.action, ['status', 'status-revert', 'monitoring']))).all();
  const current = new Map(
    (applied.length ? db.select().from(households).where(inArray(households.id, applied.map((e) => e.recordId))).all() : []).map((h) => [h.id, h]),
  );
  const blocked = applied.filter((e) => !current.has(e.recordId) || later(e.recordId, e.id).length > 0);
  if (blocked.length > 0) {
    const briefs = householdBriefs(db, blocked.map((e) => e.recordId));
    const who = blocked.map((e) => (briefs.get(e.recordId) ? describeHousehold(briefs.get(e.recordId)!) : e.recordId));
    throw new UserError(`批次公告后，${who.join('、')}的状态又经其他程序或决定改变过，不能重新开启本批次：请先处理这些农户，或另建批次更正。`, { details: who });
  }
  const changes = applied.map((e) => {
    const { batchId: _b, ...before } = e.before as Patch & { batchId: string };
    return writeChange(db, actor, batch, current.get(e.recordId)!, before, on, { decision, reason: `依据“${decision}”重新开启批次，撤销本批次公告时的变更` }, 'status-revert');
  });
  return named(db, changes);
}
