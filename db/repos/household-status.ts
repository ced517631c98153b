// A household's status and the fields that go with it (identification year, monitoring
// category and dates, risks, risk removal). A status change — a batch's announcement or its
// reversal, a recorded decision, a risk removal — is written by one function, so every caller
// bumps the version, stamps the row and writes its status_history row alike.
import { randomUUID } from 'node:crypto';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../shared/actor.ts';
import type { HouseholdRecord } from '../../shared/records.ts';
import type { HouseholdStatus } from '../../shared/status.ts';
import type { ReadDb, WriteDb } from '../handles.ts';
import { auditLog, households, statusHistory } from '../schema/index.ts';
import { changeStamp } from './stamp.ts';

/** The household fields a status change may set along with the status. */
export type StatusFields = Partial<
  Pick<HouseholdRecord, 'status' | 'identificationYear' | 'identificationStandard' | 'exitYear' | 'householdType' | 'monitoringCategory' | 'risks' | 'monitoringStart' | 'riskRemoved' | 'riskRemovalMethod' | 'monitoringEnd'>
>;

export interface StatusChangeRow {
  householdId: string;
  /** The status from `effectiveOn` on; may be the current one (a risk removal keeps it). */
  status: HouseholdStatus;
  /** Other fields set with it. */
  fields?: StatusFields;
  year: number | null;
  effectiveOn: string;
  /** What caused it: a workflow batch, a recorded decision, or both. */
  batchId: string | null;
  decision: string | null;
  reason: string | null;
}

/** Sets the status (and its fields), bumps the household's version, and adds the status_history row. */
export function writeStatusChange(w: WriteDb, actor: Actor, c: StatusChangeRow): void {
  const stamp = changeStamp(actor);
  w.update(households)
    .set({ ...c.fields, status: c.status, ...stamp, version: sql`${households.version} + 1` })
    .where(eq(households.id, c.householdId))
    .run();
  w.insert(statusHistory)
    .values({ id: randomUUID(), version: 1, ...stamp, householdId: c.householdId, status: c.status, year: c.year, effectiveOn: c.effectiveOn, batchId: c.batchId, decision: c.decision, reason: c.reason })
    .run();
}

/** Sets a monitored household's 致贫/返贫风险 (no status change, so no history row). */
export function writeHouseholdRisks(w: WriteDb, actor: Actor, householdId: string, risks: string[]): void {
  w.update(households)
    .set({ risks, ...changeStamp(actor), version: sql`${households.version} + 1` })
    .where(eq(households.id, householdId))
    .run();
}

export function householdById(db: ReadDb, id: string): HouseholdRecord | undefined {
  return db.select().from(households).where(eq(households.id, id)).get();
}

export function householdsByIds(db: ReadDb, ids: readonly string[]): HouseholdRecord[] {
  return ids.length ? db.select().from(households).where(inArray(households.id, [...ids])).all() : [];
}

export type AuditRow = typeof auditLog.$inferSelect;

const ofBatch = (batchId: string) => sql`json_extract(${auditLog.after}, '$.batchId') = ${batchId}`;

/**
 * The household changes a batch's announcement made that are still in force: its 'status'
 * audit entries after its last reversal ('status-revert'), oldest first.
 */
export function appliedStatusChanges(db: ReadDb, batchId: string): AuditRow[] {
  const lastRevert = db.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.action, 'status-revert'), ofBatch(batchId))).orderBy(sql`${auditLog.id} DESC`).get();
  return db.select().from(auditLog).where(and(eq(auditLog.action, 'status'), ofBatch(batchId), gt(auditLog.id, lastRevert?.id ?? 0))).all();
}

/** Whether anything changed the household's status or monitoring fields after audit entry `sinceId`. */
export function statusChangedSince(db: ReadDb, householdId: string, sinceId: number): boolean {
  const row = db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.householdId, householdId), gt(auditLog.id, sinceId), inArray(auditLog.action, ['status', 'status-revert', 'monitoring'])))
    .get();
  return row !== undefined;
}

/** A status the household got with its record (an import of a file that says so): only the history row. */
export function appendStatusHistory(w: WriteDb, actor: Actor, c: Omit<StatusChangeRow, 'fields'>): void {
  w.insert(statusHistory)
    .values({ id: randomUUID(), version: 1, ...changeStamp(actor), householdId: c.householdId, status: c.status, year: c.year, effectiveOn: c.effectiveOn, batchId: c.batchId, decision: c.decision, reason: c.reason })
    .run();
}
