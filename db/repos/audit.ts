import { and, desc, eq, gt, inArray, isNotNull } from 'drizzle-orm';
import type { Actor } from '../../shared/actor.ts';
import type { AuditEntryView } from '../../shared/api/index.ts';
import type { ReadDb } from '../handles.ts';
import type { Db, DbOrTx } from '../open.ts';
import { auditLog } from '../schema/index.ts';

export interface AuditEntry {
  action: string;
  tableName: string;
  recordId: string;
  householdId?: string | null;
  before?: unknown;
  after?: unknown;
  note?: string | null;
  /** For an undo: the audit entry it reversed. */
  undoes?: number | null;
}

/** Appends to the audit log; call inside the transaction of the change it describes. */
export function recordAudit(db: DbOrTx, actor: Actor, e: AuditEntry): void {
  db.insert(auditLog)
    .values({
      at: actor.now().toISOString(),
      operator: actor.operator,
      action: e.action,
      tableName: e.tableName,
      recordId: e.recordId,
      householdId: e.householdId ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
      note: e.note ?? null,
      undoes: e.undoes ?? null,
    })
    .run();
}

export function auditOfHousehold(db: Db, householdId: string): AuditEntryView[] {
  return db.select().from(auditLog).where(eq(auditLog.householdId, householdId)).orderBy(desc(auditLog.id)).all();
}

/**
 * The newest household save (action insert/update) not yet undone. Among the newest
 * |undone| + 1 saves at least one is not undone: the newest such is next.
 */
export function lastUndoableSave(db: ReadDb, actions: readonly string[]): AuditEntryView | null {
  const undone = new Set(db.select({ undoes: auditLog.undoes }).from(auditLog).where(isNotNull(auditLog.undoes)).all().map((r) => r.undoes));
  const candidates = db
    .select()
    .from(auditLog)
    .where(and(inArray(auditLog.action, [...actions]), eq(auditLog.tableName, 'households')))
    .orderBy(desc(auditLog.id))
    .limit(undone.size + 1)
    .all();
  return candidates.find((e) => !undone.has(e.id)) ?? null;
}

/** What the audit log holds about a household after entry `sinceId`. */
export function auditOfHouseholdSince(db: ReadDb, householdId: string, sinceId: number): (typeof auditLog.$inferSelect)[] {
  return db.select().from(auditLog).where(and(eq(auditLog.householdId, householdId), gt(auditLog.id, sinceId))).all();
}
