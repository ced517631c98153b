// Undo of the last household save: puts back the before-image the audit log kept, in one
// transaction, and records the undo itself. Refused when the household changed since.
import { and, desc, eq, gt, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { auditLog, households } from '../../db/schema/index.ts';
import type { Actor } from '../../shared/actor.ts';
import type { AuditEntryView } from '../../shared/api/index.ts';
import { UserError } from '../../shared/errors.ts';
import { restoreSnapshot } from './snapshot.ts';
import type { HouseholdSnapshot } from './snapshot.ts';

const UNDOABLE = ['insert', 'update'];

/** The newest household save that has not been undone yet. */
export function lastUndoable(db: Db): AuditEntryView | null {
  const undone = new Set(
    db.select({ undoes: auditLog.undoes }).from(auditLog).where(isNotNull(auditLog.undoes)).all().map((r) => r.undoes),
  );
  const candidates = db
    .select()
    .from(auditLog)
    .where(and(inArray(auditLog.action, UNDOABLE), eq(auditLog.tableName, 'households')))
    .orderBy(desc(auditLog.id))
    .limit(undone.size + 1)
    .all();
  // Among the newest |undone| + 1 saves at least one is not undone: the newest such is next.
  return candidates.find((e) => !undone.has(e.id)) ?? null;
}

export function undoLast(db: Db, actor: Actor): { undone: AuditEntryView; householdId: string } {
  const entry = lastUndoable(db);
  if (!entry) throw new UserError('没有可以撤销的修改。');
  const before = entry.before as HouseholdSnapshot | null;
  const householdId = entry.recordId;
  const stamp = { updatedAt: actor.now().toISOString(), updatedBy: actor.operator };
  db.transaction((tx) => {
    const current = tx.select().from(households).where(eq(households.id, householdId)).get();
    // Undoable only if everything logged for this household since was itself undone.
    const later = tx.select().from(auditLog).where(and(eq(auditLog.householdId, householdId), gt(auditLog.id, entry.id))).all();
    const undone = new Set(later.map((e) => e.undoes));
    const untouched = later.every((e) => (e.action === 'undo' && (e.undoes ?? 0) > entry.id) || undone.has(e.id));
    if (!current || !untouched) {
      throw new UserError(`“${entry.note ?? '这次修改'}”之后这一户又被修改过（或已被删除），不能再撤销这次修改。请直接在户页面上改正。`);
    }
    if (before) restoreSnapshot(tx, before, current.version + 1, stamp);
    else tx.delete(households).where(eq(households.id, householdId)).run();
    recordAudit(tx, actor, {
      action: 'undo',
      tableName: 'households',
      recordId: householdId,
      householdId,
      before: entry.after,
      after: before,
      note: `撤销：${entry.note ?? ''}`,
      undoes: entry.id,
    });
  });
  return { undone: entry, householdId };
}
