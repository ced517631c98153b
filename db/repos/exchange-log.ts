// The packages log (exchange_packages): every package written or applied here — numbers for the
// next package, the last number accepted from a sender, idempotent re-import, which township
// package a review result answers, and the list shown to the clerk.
import { and, desc, eq, isNotNull, max } from 'drizzle-orm';
import type { ReadDb, WriteDb } from '../handles.ts';
import { exchangePackages } from '../schema/index.ts';

export type PackageLogRow = typeof exchangePackages.$inferSelect;

/** The highest number of an outgoing package of this kind (null: none yet). */
export function lastOutSeq(db: ReadDb, kind: string): number | null {
  const r = db
    .select({ seq: max(exchangePackages.seq) })
    .from(exchangePackages)
    .where(and(eq(exchangePackages.direction, 'out'), eq(exchangePackages.kind, kind)))
    .get();
  return r?.seq ?? null;
}

/** The highest number accepted from this sender for this kind. */
export function lastInSeq(db: ReadDb, senderFingerprint: string, kind: string): number | null {
  const r = db
    .select({ seq: max(exchangePackages.seq) })
    .from(exchangePackages)
    .where(and(eq(exchangePackages.direction, 'in'), eq(exchangePackages.kind, kind), eq(exchangePackages.senderFingerprint, senderFingerprint)))
    .get();
  return r?.seq ?? null;
}

export function packageLogEntry(db: ReadDb, packageId: string): PackageLogRow | undefined {
  return db.select().from(exchangePackages).where(eq(exchangePackages.packageId, packageId)).get();
}

/** A package written or applied; the audit chain's length and head where the package carries them. */
export function insertPackageLog(w: WriteDb, row: Omit<PackageLogRow, 'auditLength' | 'auditHead'> & Partial<Pick<PackageLogRow, 'auditLength' | 'auditHead'>>): void {
  w.insert(exchangePackages).values(row).run();
}

/** The log, newest first; one direction or both. */
export function packageLog(db: ReadDb, direction: 'in' | 'out' | null, limit: number): PackageLogRow[] {
  return db
    .select()
    .from(exchangePackages)
    .where(direction ? eq(exchangePackages.direction, direction) : undefined)
    .orderBy(desc(exchangePackages.at))
    .limit(limit)
    .all();
}

/** County: the latest township package applied for a township. */
export function latestTownshipPackage(db: ReadDb, townshipId: string): PackageLogRow | undefined {
  return db
    .select()
    .from(exchangePackages)
    .where(and(eq(exchangePackages.direction, 'in'), eq(exchangePackages.kind, 'township-export'), eq(exchangePackages.townshipId, townshipId)))
    .orderBy(desc(exchangePackages.seq), desc(exchangePackages.at))
    .get();
}

/** County: the latest review result sent to a township. */
export function latestReviewSent(db: ReadDb, townshipId: string): PackageLogRow | undefined {
  return db
    .select()
    .from(exchangePackages)
    .where(and(eq(exchangePackages.direction, 'out'), eq(exchangePackages.kind, 'review-result'), eq(exchangePackages.townshipId, townshipId)))
    .orderBy(desc(exchangePackages.seq))
    .get();
}

/** Township: the outgoing packages, newest number first. */
export function outgoingPackages(db: ReadDb): PackageLogRow[] {
  return db.select().from(exchangePackages).where(eq(exchangePackages.direction, 'out')).orderBy(desc(exchangePackages.seq)).all();
}

/** The package ids that incoming packages answer (a township export answered by a review result). */
export function answeredPackageIds(db: ReadDb): Set<string | null> {
  return new Set(
    db
      .select({ a: exchangePackages.answersToId })
      .from(exchangePackages)
      .where(eq(exchangePackages.direction, 'in'))
      .all()
      .map((r) => r.a),
  );
}

export interface AuditMark {
  /** The package's number. */
  seq: number;
  /** The audit chain's length and head when it was made. */
  length: number;
  head: string;
}

/** Township: the audit chain as it was when each of its exports was made (those made since the chain exists), by number. */
export function auditMarksSent(db: ReadDb): AuditMark[] {
  return db
    .select({ seq: exchangePackages.seq, length: exchangePackages.auditLength, head: exchangePackages.auditHead })
    .from(exchangePackages)
    .where(and(eq(exchangePackages.direction, 'out'), eq(exchangePackages.kind, 'township-export'), isNotNull(exchangePackages.auditLength), isNotNull(exchangePackages.auditHead)))
    .orderBy(exchangePackages.seq)
    .all()
    .map((r) => ({ seq: r.seq, length: r.length!, head: r.head! }));
}

/** County: the township packages applied for a township, newest first (what each said about the township's audit chain is in its row). */
export function townshipPackagesIn(db: ReadDb, townshipId: string): PackageLogRow[] {
  return db
    .select()
    .from(exchangePackages)
    .where(and(eq(exchangePackages.direction, 'in'), eq(exchangePackages.kind, 'township-export'), eq(exchangePackages.townshipId, townshipId)))
    .orderBy(desc(exchangePackages.seq), desc(exchangePackages.at))
    .all();
}
