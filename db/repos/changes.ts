// What changed since a mark: the derived results the shells keep (the search index, the quality
// check, core/derived.ts) are brought up to date from the audit log's new rows instead of being
// thrown away on every write. Every household change writes an audit row naming its household.
import type { ReadDb } from '../handles.ts';

export interface ChangeMark {
  /** The last audit row seen. */
  auditId: number;
  /** Rows this connection has changed since it opened (SQLite's total_changes()): moves on any write. */
  changes: number;
}

export interface ChangesSince {
  mark: ChangeMark;
  /** Households named by the new audit rows. */
  households: string[];
  /** Tables of new audit rows that name no household (an import, a village, a setting). */
  otherTables: string[];
}

export function changeMark(db: ReadDb): ChangeMark {
  const row = db.$client.prepare('SELECT coalesce(max(id), 0) AS auditId, total_changes() AS changes FROM audit_log').get() as ChangeMark;
  return { auditId: row.auditId, changes: row.changes };
}

export function changesSince(db: ReadDb, since: ChangeMark): ChangesSince {
  const mark = changeMark(db);
  if (mark.changes === since.changes && mark.auditId === since.auditId) return { mark, households: [], otherTables: [] };
  const rows = db.$client
    .prepare('SELECT DISTINCT household_id AS householdId, table_name AS tableName FROM audit_log WHERE id > ?')
    .all(since.auditId) as { householdId: string | null; tableName: string }[];
  const households = new Set<string>();
  const otherTables = new Set<string>();
  for (const r of rows) {
    if (r.householdId) households.add(r.householdId);
    else otherTables.add(r.tableName);
  }
  return { mark, households: [...households], otherTables: [...otherTables] };
}
