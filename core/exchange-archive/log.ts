// The packages log (exchange_packages): numbers for the next package, the last number accepted
// from a sender, idempotent re-import, and the list shown to the clerk.
import { and, desc, eq, max } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/open.ts';
import { exchangePackages } from '../../db/schema/index.ts';
import type { PackageKindName, PackageLogView } from '../../shared/api/exchange.ts';
import { formatFingerprint } from '../exchange/index.ts';
import { KIND_LABEL } from '../exchange/roles.ts';
import type { PackageKind } from '../exchange/index.ts';

export type LogRow = typeof exchangePackages.$inferSelect;

/** The next number for an outgoing package of this kind: strictly increasing, whoever receives it. */
export function nextOutSeq(db: DbOrTx, kind: PackageKind): number {
  const r = db
    .select({ seq: max(exchangePackages.seq) })
    .from(exchangePackages)
    .where(and(eq(exchangePackages.direction, 'out'), eq(exchangePackages.kind, kind)))
    .get();
  return (r?.seq ?? 0) + 1;
}

/** The highest number accepted from this sender for this kind. */
export function lastInSeq(db: DbOrTx, senderFingerprint: string, kind: string): number | null {
  const r = db
    .select({ seq: max(exchangePackages.seq) })
    .from(exchangePackages)
    .where(and(eq(exchangePackages.direction, 'in'), eq(exchangePackages.kind, kind), eq(exchangePackages.senderFingerprint, senderFingerprint)))
    .get();
  return r?.seq ?? null;
}

export function logEntry(db: DbOrTx, packageId: string): LogRow | undefined {
  return db.select().from(exchangePackages).where(eq(exchangePackages.packageId, packageId)).get();
}

export function record(db: DbOrTx, row: LogRow): void {
  db.insert(exchangePackages).values(row).run();
}

export function logView(r: LogRow): PackageLogView {
  const out = r.direction === 'out';
  return {
    packageId: r.packageId,
    kind: r.kind as PackageKindName,
    kindLabel: KIND_LABEL[r.kind as PackageKind] ?? r.kind,
    direction: r.direction,
    seq: r.seq,
    party: (out ? r.recipientName : r.senderName) ?? '（口令加密）',
    partyFingerprint: (() => {
      const fp = out ? r.recipientFingerprint : r.senderFingerprint;
      return fp ? formatFingerprint(fp) : null;
    })(),
    payloadSha256: r.payloadSha256,
    answersTo: r.answersToId,
    bytes: r.bytes,
    at: r.at,
    operator: r.operator,
    result: r.result,
    authenticated: r.authenticated,
    file: r.file,
    townshipId: r.townshipId,
  };
}

export function listPackages(db: Db, direction: 'in' | 'out' | null, limit: number): PackageLogView[] {
  return db
    .select()
    .from(exchangePackages)
    .where(direction ? eq(exchangePackages.direction, direction) : undefined)
    .orderBy(desc(exchangePackages.at))
    .limit(limit)
    .all()
    .map(logView);
}
