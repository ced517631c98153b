// This side's own key pair, kept inside the archive (own_keys): the public record to hand over
// and the private record (signing seed, age identity), so that the secret is protected with the
// archive and never lies in a file beside it.
import { desc } from 'drizzle-orm';
import type { ReadDb, WriteDb } from '../handles.ts';
import { ownKeys } from '../schema/index.ts';

export type OwnKeyRow = typeof ownKeys.$inferSelect;

/** The archive's own key pair (the newest, should there ever be more than one), if it has one. */
export function ownKeyRow(db: ReadDb): OwnKeyRow | undefined {
  return db.select().from(ownKeys).orderBy(desc(ownKeys.createdAt)).limit(1).get();
}

export function insertOwnKey(w: WriteDb, row: OwnKeyRow): void {
  w.insert(ownKeys).values(row).run();
}
