// The audit log (谁签字谁负责) as a hash chain: every row commits to the previous row's hash and
// to its own content, so a row edited, removed or moved with a database tool no longer fits the
// chain (audit-verify.ts finds where). recordAudit is the ONE way a row gets into audit_log — the
// household writer, status changes, workflows, imports and packages all come through here (a test
// greps the code base for any other insert).
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { and, desc, eq, gt, inArray, isNotNull } from 'drizzle-orm';
import type { Actor } from '../../shared/actor.ts';
import type { AuditEntryView } from '../../shared/api/index.ts';
import type { ReadDb, WriteDb } from '../handles.ts';
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

/** The previous hash of the first row of a chain. */
export const AUDIT_GENESIS = '0'.repeat(64);

/** What a row's hash covers: its columns as stored (before/after as their JSON text). */
export interface AuditRowContent {
  id: number;
  at: string;
  operator: string;
  action: string;
  tableName: string;
  recordId: string;
  householdId: string | null;
  before: string | null;
  after: string | null;
  note: string | null;
  undoes: number | null;
}

/** The row's content as canonical JSON: keys in code-unit order (RFC 8785); only strings, integers and null, for which JSON.stringify is canonical. */
export function auditContentJson(r: AuditRowContent): string {
  return JSON.stringify({
    action: r.action,
    after: r.after,
    at: r.at,
    before: r.before,
    household: r.householdId,
    id: r.id,
    note: r.note,
    operator: r.operator,
    record: r.recordId,
    table: r.tableName,
    undoes: r.undoes,
  });
}

/** sha256(prevHash ‖ canonical content), hex. prevHash has a fixed length, so the concatenation is unambiguous. */
export function auditRowHash(prevHash: string, r: AuditRowContent): string {
  return createHash('sha256').update(prevHash).update(auditContentJson(r)).digest('hex');
}

/** The columns read to check a row, in the order of AuditRowContent plus the chain. */
export const AUDIT_ROW_COLUMNS =
  'id, at, operator, action, table_name AS tableName, record_id AS recordId, household_id AS householdId, before, after, note, undoes, prev_hash AS prevHash, hash';

export interface StoredAuditRow extends AuditRowContent {
  prevHash: string | null;
  hash: string | null;
}

/** What the action of the row written when an older archive's rows were first chained is called. */
export const SEAL_ACTION = 'seal-chain';

interface Statements {
  last: Database.Statement<[], { id: number; hash: string | null }>;
  lastSealed: Database.Statement<[], { id: number; hash: string }>;
  seq: Database.Statement<[], number>;
  insert: Database.Statement<[AuditRowContent & { prevHash: string; hash: string }]>;
  unsealed: Database.Statement<[number, number], StoredAuditRow>;
  seal: Database.Statement<[string, string, number]>;
}

// Prepared once per connection: the import writes one row per household, tens of thousands in
// one transaction. The head is read again for every row (a lookup at the end of the rowid
// b-tree, microseconds) rather than cached, so a rolled-back savepoint can never leave a stale
// head behind.
const cache = new WeakMap<Database.Database, Statements>();
function statements(sqlite: Database.Database): Statements {
  let s = cache.get(sqlite);
  if (!s) {
    s = {
      last: sqlite.prepare<[], { id: number; hash: string | null }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1'),
      lastSealed: sqlite.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM audit_log WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1'),
      seq: sqlite.prepare<[], number>("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").pluck(),
      insert: sqlite.prepare<[AuditRowContent & { prevHash: string; hash: string }]>(
        `INSERT INTO audit_log (id, at, operator, action, table_name, record_id, household_id, before, after, note, undoes, prev_hash, hash)
         VALUES (@id, @at, @operator, @action, @tableName, @recordId, @householdId, @before, @after, @note, @undoes, @prevHash, @hash)`,
      ),
      unsealed: sqlite.prepare<[number, number], StoredAuditRow>(`SELECT ${AUDIT_ROW_COLUMNS} FROM audit_log WHERE hash IS NULL AND id > ? ORDER BY id LIMIT ?`),
      seal: sqlite.prepare<[string, string, number]>('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?'),
    };
    cache.set(sqlite, s);
  }
  return s;
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

/** Appends to the audit log, chained to the last row; call inside the transaction of the change it describes. */
export function recordAudit(w: WriteDb, actor: Actor, e: AuditEntry): void {
  const s = statements(w.$client);
  const at = actor.now().toISOString();
  let last = s.last.get();
  if (last && last.hash === null && !s.lastSealed.get()) {
    // An archive from before the chain that was never sealed: chain its rows first.
    sealLegacy(w.$client, at);
    last = s.last.get();
  }
  // Rows without a hash after sealed ones were not written by this software: they stay unsealed
  // (verify names them) and the chain goes on from the last sealed row.
  const prevHash = last?.hash ?? s.lastSealed.get()?.hash ?? AUDIT_GENESIS;
  // After the last id ever given out (AUTOINCREMENT's counter), so rows cut from the end leave a gap.
  const id = Math.max(last?.id ?? 0, s.seq.get() ?? 0) + 1;
  const row: AuditRowContent = {
    id,
    at,
    operator: actor.operator,
    action: e.action,
    tableName: e.tableName,
    recordId: e.recordId,
    householdId: e.householdId ?? null,
    before: json(e.before),
    after: json(e.after),
    note: e.note ?? null,
    undoes: e.undoes ?? null,
  };
  s.insert.run({ ...row, prevHash, hash: auditRowHash(prevHash, row) });
}

/** Chains every row (archives written before the chain had none), in id order, then notes that it did. */
function sealLegacy(sqlite: Database.Database, at: string): number {
  const s = statements(sqlite);
  let prev = AUDIT_GENESIS;
  let after = 0;
  let sealed = 0;
  for (;;) {
    // In slices: the rows cannot be read while the same connection updates them.
    const rows = s.unsealed.all(after, 2000);
    if (rows.length === 0) break;
    for (const r of rows) {
      const hash = auditRowHash(prev, r);
      s.seal.run(prev, hash, r.id);
      prev = hash;
      after = r.id;
      sealed++;
    }
  }
  const id = Math.max(after, s.seq.get() ?? 0) + 1;
  const marker: AuditRowContent = {
    id,
    at,
    operator: '系统',
    action: SEAL_ACTION,
    tableName: 'audit_log',
    recordId: String(sealed),
    householdId: null,
    before: null,
    after: null,
    note: `升级：此前的 ${sealed} 条审计记录（写入时尚无校验链，未受保护）已按顺序串入校验链`,
    undoes: null,
  };
  s.insert.run({ ...marker, prevHash: prev, hash: auditRowHash(prev, marker) });
  return sealed;
}

/**
 * For the open path: an archive written before this version has audit rows without hashes;
 * they are chained once, in id order (they were not protected before). Nothing happens when any
 * row already has a hash — rows added without one later were not written by this software, and
 * verify reports them. Returns how many rows were chained.
 */
export function sealAuditChain(w: WriteDb, now: Date = new Date()): number {
  const s = statements(w.$client);
  if (s.lastSealed.get() || !s.last.get()) return 0;
  return sealLegacy(w.$client, now.toISOString());
}

export function auditOfHousehold(db: ReadDb, householdId: string): AuditEntryView[] {
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
