// 民主评议 meetings with their per-household votes, and 异议 raised during publicity steps.
import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../shared/actor.ts';
import type { ReadDb, WriteDb } from '../handles.ts';
import { meetingVotes, meetings, objections } from '../schema/index.ts';
import { changeStamp } from './stamp.ts';

export type MeetingRow = typeof meetings.$inferSelect;
export type VoteRow = typeof meetingVotes.$inferSelect;
export type ObjectionRow = typeof objections.$inferSelect;

/** A step's meetings, earliest first. */
export function meetingsOfStep(db: ReadDb, stepId: string): MeetingRow[] {
  return db.select().from(meetings).where(eq(meetings.stepId, stepId)).orderBy(meetings.heldOn).all();
}

export function meetingById(db: ReadDb, id: string): MeetingRow | undefined {
  return db.select().from(meetings).where(eq(meetings.id, id)).get();
}

export function votesOfMeetings(db: ReadDb, meetingIds: readonly string[]): VoteRow[] {
  return meetingIds.length ? db.select().from(meetingVotes).where(inArray(meetingVotes.meetingId, [...meetingIds])).all() : [];
}

export type MeetingValues = Pick<MeetingRow, 'heldOn' | 'place' | 'host' | 'recorder' | 'startsAt' | 'endsAt' | 'voteMethod' | 'scrutineer' | 'teller' | 'attendeesCount' | 'entitledCount' | 'attendees' | 'minutes' | 'result'>;
export type VoteValues = Pick<VoteRow, 'batchHouseholdId' | 'votesFor' | 'votesAgainst' | 'abstentions'>;

export interface MeetingWrite {
  /** The meeting's id; `existing` when it is already recorded (its record is changed). */
  id: string;
  existing: boolean;
  batchId: string;
  stepId: string;
  values: MeetingValues;
  /** Replace the meeting's votes. */
  votes: readonly VoteValues[];
}

export function saveMeetingRecord(w: WriteDb, actor: Actor, m: MeetingWrite): void {
  const stamp = changeStamp(actor);
  if (m.existing) w.update(meetings).set({ ...m.values, ...stamp, version: sql`${meetings.version} + 1` }).where(eq(meetings.id, m.id)).run();
  else w.insert(meetings).values({ id: m.id, version: 1, ...stamp, batchId: m.batchId, stepId: m.stepId, ...m.values }).run();
  w.delete(meetingVotes).where(eq(meetingVotes.meetingId, m.id)).run();
  for (const v of m.votes) w.insert(meetingVotes).values({ id: randomUUID(), version: 1, ...stamp, meetingId: m.id, ...v }).run();
}

/** A step's objections, earliest first. */
export function objectionsOfStep(db: ReadDb, stepId: string): ObjectionRow[] {
  return db.select().from(objections).where(eq(objections.stepId, stepId)).orderBy(objections.raisedOn).all();
}

export function objectionById(db: ReadDb, id: string): ObjectionRow | undefined {
  return db.select().from(objections).where(eq(objections.id, id)).get();
}

export type NewObjection = Pick<ObjectionRow, 'stepId' | 'householdId' | 'raisedBy' | 'raisedOn' | 'content'>;

export function insertObjection(w: WriteDb, actor: Actor, values: NewObjection): string {
  const id = randomUUID();
  w.insert(objections).values({ id, version: 1, ...changeStamp(actor), ...values }).run();
  return id;
}

export function settleObjectionRecord(w: WriteDb, actor: Actor, id: string, values: Pick<ObjectionRow, 'handling' | 'result' | 'settledOn'>): void {
  w.update(objections)
    .set({ ...values, ...changeStamp(actor), version: sql`${objections.version} + 1` })
    .where(eq(objections.id, id))
    .run();
}
