// Walking the audit chain (audit.ts) in id order: each row must follow the one before it (no id
// missing, its prev_hash the previous row's hash) and hash to what it stores. The first row that
// does not is the break; what else is true about it (the row that should have come there sits
// elsewhere, ids are missing) says what was done. After the walk: rows cut from the end (the
// AUTOINCREMENT counter is past the last id), and the chain as it was when each township package
// was made (the length and head kept in the packages log) must still be a prefix of it.
import type Database from 'better-sqlite3';
import type { ReadDb } from '../handles.ts';
import { AUDIT_GENESIS, AUDIT_ROW_COLUMNS, auditRowHash, SEAL_ACTION } from './audit.ts';
import type { StoredAuditRow } from './audit.ts';
import { auditMarksSent } from './exchange-log.ts';

/** The row a break is found at, as a clerk would recognise it. */
export interface AuditRowBrief {
  id: number;
  at: string;
  operator: string;
  action: string;
  note: string | null;
}

export type AuditBreak =
  /** The row does not hash to what it stores: its content (or its hash) was edited. */
  | { kind: 'changed'; row: AuditRowBrief }
  /** A row without a hash: not written by this software (legacy: an archive from before the chain, never sealed). */
  | { kind: 'unsealed'; row: AuditRowBrief; legacy: boolean }
  /** Ids fromId…toId are gone; `row` is the one after them (null: they were the last rows). */
  | { kind: 'missing'; row: AuditRowBrief | null; fromId: number; toId: number }
  /** The row's prev_hash is no row's hash: the row before it was removed or rewritten. */
  | { kind: 'unlinked'; row: AuditRowBrief; prevId: number | null }
  /** The row that belongs right after row `afterId` (null: first) is row `expectedId`, not this one. */
  | { kind: 'reordered'; row: AuditRowBrief; afterId: number | null; expectedId: number }
  /** The chain does not start with what it held when township package `seq` was made. */
  | { kind: 'head'; row: null; packageSeq: number; length: number; cut: boolean };

export interface AuditChainState {
  /** Rows in the chain. */
  length: number;
  /** The last row's hash (the genesis value for an empty chain). */
  head: string;
  /** Rows chained when an archive from before the chain was first opened (not protected before then). */
  legacyRows: number;
  broken: AuditBreak | null;
  /** The hash the chain has at each length asked for (null: the chain is shorter). */
  at: Map<number, string | null>;
}

const SLICE = 2000;

function brief(r: StoredAuditRow): AuditRowBrief {
  return { id: r.id, at: r.at, operator: r.operator, action: r.action, note: r.note };
}

function lookups(sqlite: Database.Database) {
  const byPrev = sqlite.prepare<[string, number], { id: number }>('SELECT id FROM audit_log WHERE prev_hash = ? AND id <> ? LIMIT 1');
  const byHash = sqlite.prepare<[string], { id: number }>('SELECT id FROM audit_log WHERE hash = ? LIMIT 1');
  return { successorOf: (hash: string, not: number) => byPrev.get(hash, not)?.id ?? null, rowWithHash: (hash: string) => byHash.get(hash)?.id ?? null };
}

/** Why row `r` does not follow the row before it (id `lastId`, hash `expected`), or null when it does. */
function linkBreak(sqlite: Database.Database, r: StoredAuditRow, lastId: number, expected: string): AuditBreak | null {
  const gap = r.id !== lastId + 1;
  if (!gap && r.prevHash === expected) return null;
  const find = lookups(sqlite);
  // The row that should come here exists elsewhere: the order was changed.
  const successor = find.successorOf(expected, r.id);
  if (successor !== null) return { kind: 'reordered', row: brief(r), afterId: lastId || null, expectedId: successor };
  if (gap) return { kind: 'missing', row: brief(r), fromId: lastId + 1, toId: r.id - 1 };
  // Its own predecessor is still there, elsewhere.
  const before = r.prevHash === null ? null : find.rowWithHash(r.prevHash);
  if (before !== null) return { kind: 'reordered', row: brief(r), afterId: before, expectedId: r.id };
  return { kind: 'unlinked', row: brief(r), prevId: lastId > 0 ? lastId : null };
}

/** Walks the whole chain (and finds rows cut from its end); `lengths` are chain lengths whose hash the caller wants. */
export function walkAuditChain(db: ReadDb, lengths: readonly number[] = []): AuditChainState {
  const sqlite = db.$client;
  const slice = sqlite.prepare<[number, number], StoredAuditRow>(`SELECT ${AUDIT_ROW_COLUMNS} FROM audit_log WHERE id > ? ORDER BY id LIMIT ?`);
  const wanted = new Set(lengths);
  const at = new Map<number, string | null>();
  if (wanted.has(0)) at.set(0, AUDIT_GENESIS);
  let expected = AUDIT_GENESIS;
  let lastId = 0;
  let length = 0;
  let legacyRows = 0;
  let broken: AuditBreak | null = null;
  for (;;) {
    const rows = slice.all(lastId, SLICE);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (!broken) {
        broken = r.hash === null ? { kind: 'unsealed', row: brief(r), legacy: length === 0 } : linkBreak(sqlite, r, lastId, expected);
        if (!broken && auditRowHash(r.prevHash!, r) !== r.hash) broken = { kind: 'changed', row: brief(r) };
      }
      length++;
      lastId = r.id;
      expected = r.hash ?? expected;
      if (wanted.has(length)) at.set(length, r.hash);
      if (r.action === SEAL_ACTION && r.tableName === 'audit_log' && /^\d+$/.test(r.recordId)) legacyRows = Number(r.recordId);
    }
  }
  for (const n of wanted) if (!at.has(n)) at.set(n, null);
  return { length, head: expected, legacyRows, broken: broken ?? tailBreak(sqlite, lastId), at };
}

/** Rows cut from the end: AUTOINCREMENT's counter remembers the last id given out. */
function tailBreak(sqlite: Database.Database, lastId: number): AuditBreak | null {
  const seq = sqlite.prepare<[], number>("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").pluck().get() ?? 0;
  return seq > lastId ? { kind: 'missing', row: null, fromId: lastId + 1, toId: seq } : null;
}

/** The chain checked in full: every row, its end, and the chain as it was when each township package was made (kept in the packages log). */
export function verifyAuditChain(db: ReadDb): AuditChainState {
  const marks = auditMarksSent(db);
  const state = walkAuditChain(
    db,
    marks.map((m) => m.length),
  );
  if (state.broken) return state;
  for (const m of marks) {
    const now = state.at.get(m.length) ?? null;
    if (now !== m.head) return { ...state, broken: { kind: 'head', row: null, packageSeq: m.seq, length: m.length, cut: now === null } };
  }
  return state;
}
