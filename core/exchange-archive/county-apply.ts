// County side, inside the one import transaction: the township's snapshot replaces its previous
// one (db/repos/county-apply.ts writes it: removals, upserts by UUID, contents by hash, row
// ownership). Here the staged package is read for it — rows line by line, contents one at a time.
import type { WriteDb } from '../../db/handles.ts';
import { applyTownshipSnapshot } from '../../db/repos/county-apply.ts';
import { readSealed } from '../exchange/index.ts';
import type { StagedPackage } from '../exchange/index.ts';
import type { SnapshotPlan } from './county-plan.ts';
import { rowsExcept, tableFile } from './staged.ts';

function* contents(blobs: SnapshotPlan['blobs'], key: Buffer): Generator<{ sha256: string; size: number; data: Uint8Array }> {
  for (const [sha256, b] of blobs) yield { sha256, size: b.size, data: readSealed(b.file, key) };
}

/**
 * Applies a checked plan (planSnapshot) inside the import transaction: rows streamed from the
 * staged files and written in batches (`batchRows` a statement), never a whole table in memory.
 */
export function applySnapshot(w: WriteDb, staged: StagedPackage, plan: SnapshotPlan, opts: { batchRows?: number; onRows?: (written: number) => void } = {}): void {
  applyTownshipSnapshot(w, {
    ...opts,
    townshipId: plan.township.id,
    scope: plan.scope,
    ids: plan.ids,
    unchanged: plan.unchanged,
    changed: plan.changed,
    blobs: contents(plan.blobs, staged.key),
    rows: (table) => (tableFile(staged, table) ? rowsExcept(staged, table, plan.unchangedAt.get(table)) : null),
  });
}
