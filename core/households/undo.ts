// Undo of the last household save: puts back the before-image the audit log kept, in one
// transaction through the household write path, and records the undo itself. Refused when the
// household changed since.
import { writeTransaction } from '../../db/handles.ts';
import type { Db } from '../../db/open.ts';
import { auditOfHouseholdSince, lastUndoableSave } from '../../db/repos/audit.ts';
import { householdSnapshot, removeHousehold, restoreHousehold } from '../../db/repos/household-write.ts';
import type { HouseholdSnapshot } from '../../db/repos/household-write.ts';
import type { Actor } from '../../shared/actor.ts';
import type { AuditEntryView } from '../../shared/api/index.ts';
import { UserError } from '../../shared/errors.ts';

const UNDOABLE = ['insert', 'update'];
const NOT_DATA = new Set(['quality_acks']);

/** The newest household save that has not been undone yet. */
export function lastUndoable(db: Db): AuditEntryView | null {
  return lastUndoableSave(db, UNDOABLE);
}

export function undoLast(db: Db, actor: Actor): { undone: AuditEntryView; householdId: string } {
  const entry = lastUndoable(db);
  if (!entry) throw new UserError('没有可以撤销的修改。');
  const before = entry.before as HouseholdSnapshot | null;
  const householdId = entry.recordId;
  writeTransaction(db, (w) => {
    const current = householdSnapshot(w, householdId);
    // Undoable only if everything logged for this household since was itself undone. A 已核实无误
    // mark records a judgement on the data, not a change to it: it does not stand in the way (its
    // fingerprint no longer matches after the undo, so the finding is raised again).
    const later = auditOfHouseholdSince(w, householdId, entry.id).filter((e) => !NOT_DATA.has(e.tableName));
    const undone = new Set(later.map((e) => e.undoes));
    const untouched = later.every((e) => (e.action === 'undo' && (e.undoes ?? 0) > entry.id) || undone.has(e.id));
    if (!current || !untouched) {
      throw new UserError(`“${entry.note ?? '这次修改'}”之后这一户又被修改过（或已被删除），不能再撤销这次修改。请直接在户页面上改正。`);
    }
    const spec = { action: 'undo', note: `撤销：${entry.note ?? ''}`, images: { before: entry.after, after: before }, undoes: entry.id };
    if (before) restoreHousehold(w, actor, before, spec);
    else removeHousehold(w, actor, householdId, spec);
  });
  return { undone: entry, householdId };
}
