// The packages log as the clerk sees it (the rows live in db/repos/exchange-log.ts): numbers for
// the next package and the list of packages sent and received.
import type { ReadDb } from '../../db/handles.ts';
import { lastOutSeq, packageLog } from '../../db/repos/exchange-log.ts';
import type { PackageLogRow } from '../../db/repos/exchange-log.ts';
import type { PackageKindName, PackageLogView } from '../../shared/api/exchange.ts';
import { formatFingerprint } from '../exchange/index.ts';
import { KIND_LABEL } from '../exchange/roles.ts';
import type { PackageKind } from '../exchange/index.ts';

export type LogRow = PackageLogRow;

/** The next number for an outgoing package of this kind: strictly increasing, whoever receives it. */
export function nextOutSeq(db: ReadDb, kind: PackageKind): number {
  return (lastOutSeq(db, kind) ?? 0) + 1;
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

export function listPackages(db: ReadDb, direction: 'in' | 'out' | null, limit: number): PackageLogView[] {
  return packageLog(db, direction, limit).map(logView);
}
