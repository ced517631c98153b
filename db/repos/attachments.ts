// Attachments and their bytes (kept once per sha256 in blobs), and the records they may be
// attached to.
import { and, asc, eq } from 'drizzle-orm';
import type { ReadDb, WriteDb } from '../handles.ts';
import { attachments, batchSteps, batches, blobs, households, meetings } from '../schema/index.ts';

export type AttachmentRow = typeof attachments.$inferSelect;

/** A record's attachments, oldest first. */
export function attachmentsOf(db: ReadDb, ownerTable: string, ownerId: string): AttachmentRow[] {
  return db
    .select()
    .from(attachments)
    .where(and(eq(attachments.ownerTable, ownerTable), eq(attachments.ownerId, ownerId)))
    .orderBy(asc(attachments.updatedAt))
    .all();
}

export function householdExists(db: ReadDb, id: string): boolean {
  return db.select({ id: households.id }).from(households).where(eq(households.id, id)).get() !== undefined;
}

/** A batch step's number and its batch's title. */
export function stepWithBatchTitle(db: ReadDb, stepId: string): { seq: number; title: string } | undefined {
  return db.select({ seq: batchSteps.seq, title: batches.title }).from(batchSteps).innerJoin(batches, eq(batches.id, batchSteps.batchId)).where(eq(batchSteps.id, stepId)).get();
}

/** A meeting's day and its batch's title. */
export function meetingWithBatchTitle(db: ReadDb, meetingId: string): { heldOn: string; title: string } | undefined {
  return db.select({ heldOn: meetings.heldOn, title: batches.title }).from(meetings).innerJoin(batches, eq(batches.id, meetings.batchId)).where(eq(meetings.id, meetingId)).get();
}

/** Stores the bytes (once per content) and the attachment row. */
export function insertAttachment(w: WriteDb, row: AttachmentRow, data: Buffer): void {
  w.insert(blobs).values({ sha256: row.sha256, size: data.length, data }).onConflictDoNothing().run();
  w.insert(attachments).values(row).run();
}

export function attachmentContentOf(db: ReadDb, id: string): { mime: string; name: string; data: Buffer } | undefined {
  return db
    .select({ mime: attachments.mime, name: attachments.originalName, data: blobs.data })
    .from(attachments)
    .innerJoin(blobs, eq(blobs.sha256, attachments.sha256))
    .where(eq(attachments.id, id))
    .get();
}
