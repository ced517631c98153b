import { desc, eq } from 'drizzle-orm';
import type { Actor } from '../../shared/actor.ts';
import type { AuditEntryView } from '../../shared/api/index.ts';
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
