// Review opinions on both sides: the county's 通过 / 退回 on a batch's county step, bound to the
// township package reviewed (review_opinions), and the township's record of the opinions it
// received and what the import did with each (review_received).
import { and, count, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { ReadDb, WriteDb } from '../handles.ts';
import { reviewOpinions, reviewReceived } from '../schema/index.ts';

export type ReviewOpinionRow = typeof reviewOpinions.$inferSelect;
export type ReceivedOpinionRow = typeof reviewReceived.$inferSelect;

/** County: a township's opinions (of one batch, or all), by batch, step and household. */
export function townshipOpinions(db: ReadDb, townshipId: string, batchId: string | null): ReviewOpinionRow[] {
  return db
    .select()
    .from(reviewOpinions)
    .where(and(eq(reviewOpinions.townshipId, townshipId), batchId ? eq(reviewOpinions.batchId, batchId) : undefined))
    .orderBy(reviewOpinions.batchId, reviewOpinions.stepSeq, reviewOpinions.householdId)
    .all();
}

export function opinionById(db: ReadDb, id: string): ReviewOpinionRow | undefined {
  return db.select().from(reviewOpinions).where(eq(reviewOpinions.id, id)).get();
}

/** County: records an opinion, replacing the one on the same step and household ('' : the whole step). */
export function putOpinion(w: WriteDb, row: ReviewOpinionRow): void {
  w.delete(reviewOpinions).where(and(eq(reviewOpinions.stepId, row.stepId), eq(reviewOpinions.householdId, row.householdId))).run();
  w.insert(reviewOpinions).values(row).run();
}

export function deleteOpinionById(w: WriteDb, id: string): void {
  w.delete(reviewOpinions).where(eq(reviewOpinions.id, id)).run();
}

/** County: the opinions made on one package of a township. */
export function opinionsOnPackage(db: ReadDb, townshipId: string, packageId: string): ReviewOpinionRow[] {
  return db.select().from(reviewOpinions).where(and(eq(reviewOpinions.townshipId, townshipId), eq(reviewOpinions.packageId, packageId))).all();
}

/** County: opinions on a package, not yet sent in a review result. */
export function unsentOpinionCount(db: ReadDb, townshipId: string, packageId: string): number {
  return (
    db
      .select({ n: count() })
      .from(reviewOpinions)
      .where(and(eq(reviewOpinions.townshipId, townshipId), isNull(reviewOpinions.sentIn), eq(reviewOpinions.packageId, packageId)))
      .get()?.n ?? 0
  );
}

/** County: opinions made on an older package of the township and never sent (stale). */
export function staleUnsentOpinionCount(db: ReadDb, townshipId: string, latestPackageId: string): number {
  return (
    db
      .select({ n: count() })
      .from(reviewOpinions)
      .where(and(eq(reviewOpinions.townshipId, townshipId), ne(reviewOpinions.packageId, latestPackageId), isNull(reviewOpinions.sentIn)))
      .get()?.n ?? 0
  );
}

/** County: the opinions carried by a review-result package. */
export function markOpinionsSent(w: WriteDb, ids: readonly string[], packageId: string): void {
  w.update(reviewOpinions).set({ sentIn: packageId }).where(inArray(reviewOpinions.id, [...ids])).run();
}

/** Township: an opinion as received (kept once: a second copy of the same opinion id is ignored). */
export function insertReceivedOpinion(w: WriteDb, row: ReceivedOpinionRow): void {
  w.insert(reviewReceived).values(row).onConflictDoNothing().run();
}

/** Township: the opinions received (of one batch, or all), newest first. */
export function receivedOpinions(db: ReadDb, batchId: string | null): ReceivedOpinionRow[] {
  return db
    .select()
    .from(reviewReceived)
    .where(batchId ? eq(reviewReceived.batchId, batchId) : undefined)
    .orderBy(desc(reviewReceived.receivedAt), reviewReceived.batchId, reviewReceived.stepSeq)
    .all();
}
