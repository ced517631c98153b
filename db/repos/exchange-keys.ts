// The other side's keys registered in the archive after the phone check (exchange_keys) — the
// trust store the package reader consults — and what this archive is (archive_info), which
// names this side's own key.
import { eq } from 'drizzle-orm';
import type { ReadDb, WriteDb } from '../handles.ts';
import { archiveInfo, exchangeKeys } from '../schema/index.ts';

export type ExchangeKeyRow = typeof exchangeKeys.$inferSelect;
export type ArchiveInfoRow = typeof archiveInfo.$inferSelect;

/** The archive's one info row (undefined: not initialised). */
export function archiveInfoRow(db: ReadDb): ArchiveInfoRow | undefined {
  return db.select().from(archiveInfo).get();
}

/** The registered keys, in the order they were checked. */
export function exchangeKeyList(db: ReadDb): ExchangeKeyRow[] {
  return db.select().from(exchangeKeys).orderBy(exchangeKeys.checkedAt).all();
}

export function exchangeKeyByFingerprint(db: ReadDb, fingerprint: string): ExchangeKeyRow | undefined {
  return db.select().from(exchangeKeys).where(eq(exchangeKeys.fingerprint, fingerprint)).get();
}

export function insertExchangeKey(w: WriteDb, row: ExchangeKeyRow): void {
  w.insert(exchangeKeys).values(row).run();
}

export interface KeyRevocation {
  status: 'revoked';
  revokedAt: string;
  revokedBy: string;
  revokedReason: string;
  validThroughSeq: number;
}

export function revokeExchangeKey(w: WriteDb, fingerprint: string, r: KeyRevocation): void {
  w.update(exchangeKeys).set(r).where(eq(exchangeKeys.fingerprint, fingerprint)).run();
}

/** After an import: the last number accepted from the key, and (county) the township it signs for. */
export function markKeyAccepted(w: WriteDb, fingerprint: string, seq: number, townshipId: string | null): void {
  w.update(exchangeKeys)
    .set({ lastAcceptedSeq: seq, ...(townshipId ? { townshipId } : {}) })
    .where(eq(exchangeKeys.fingerprint, fingerprint))
    .run();
}
