// What the papers of a workflow batch read: the steps that post a notice, the households still
// listed at a step (公示 / 公告), the latest meeting and its votes (民主评议会议记录). The head of
// a household is its 户主, else its first current member.
import { and, asc, desc, eq, or } from 'drizzle-orm';
import type { ReadDb } from '../handles.ts';
import { batchSteps, meetings } from '../schema/index.ts';

export interface NoticeStep {
  id: string;
  seq: number;
  step: string;
  status: string;
  minDays: number | null;
  startedOn: string | null;
  endsOn: string | null;
}

/** Steps that post a notice: the publicity steps and the announcement, in order. */
export function noticeSteps(db: ReadDb, batchId: string): NoticeStep[] {
  return db
    .select({ id: batchSteps.id, seq: batchSteps.seq, step: batchSteps.step, status: batchSteps.status, minDays: batchSteps.minDays, startedOn: batchSteps.startedOn, endsOn: batchSteps.endsOn })
    .from(batchSteps)
    .where(and(eq(batchSteps.batchId, batchId), or(eq(batchSteps.isPublicity, true), eq(batchSteps.step, 'announcement'))))
    .orderBy(asc(batchSteps.seq))
    .all();
}

const HEAD_ORDER = "m.relation <> '户主', m.seq";

/** A household as a notice lists it. */
export interface NoticeHousehold {
  village: string;
  villageCode: string;
  groupName: string | null;
  category: string | null;
  headName: string;
  /** The head's ID number as stored: the core masks it before a notice may print it. */
  headIdNumber: string | null;
  size: number;
}

/** Households still in the batch when the step is reached: not removed, not failed or returned at an earlier step. */
export function noticeHouseholds(db: ReadDb, batchId: string, beforeSeq: number): NoticeHousehold[] {
  return db.$client
    .prepare(
      `SELECT v.name AS village, v.code AS villageCode, h.group_name AS groupName, bh.category,
              coalesce((SELECT name FROM members m WHERE m.household_id = h.id AND m.left_reason IS NULL ORDER BY ${HEAD_ORDER} LIMIT 1), '') AS headName,
              (SELECT id_number FROM members m WHERE m.household_id = h.id AND m.left_reason IS NULL ORDER BY ${HEAD_ORDER} LIMIT 1) AS headIdNumber,
              (SELECT count(*) FROM members m WHERE m.household_id = h.id AND m.left_reason IS NULL) AS size
         FROM batch_households bh JOIN households h ON h.id = bh.household_id JOIN villages v ON v.id = h.village_id
        WHERE bh.batch_id = ? AND bh.removed_on IS NULL
          AND NOT EXISTS (SELECT 1 FROM step_outcomes o JOIN batch_steps s ON s.id = o.step_id
                           WHERE o.batch_household_id = bh.id AND o.outcome <> 'pass' AND s.seq < ?)
        ORDER BY v.sort_order, v.code, h.no`,
    )
    .all(batchId, beforeSeq) as NoticeHousehold[];
}

export interface MeetingRecord {
  id: string;
  heldOn: string;
  place: string | null;
  host: string | null;
  recorder: string | null;
  startsAt: string | null;
  endsAt: string | null;
  voteMethod: string | null;
  scrutineer: string | null;
  teller: string | null;
  attendeesCount: number | null;
  entitledCount: number | null;
  attendees: string | null;
  minutes: string | null;
  result: string | null;
}

/** A batch's steps in order (the papers of a meeting step: 会议记录, 签到表). */
export function stepsOfBatch(db: ReadDb, batchId: string): Pick<NoticeStep, 'id' | 'seq' | 'step' | 'status' | 'startedOn'>[] {
  return db
    .select({ id: batchSteps.id, seq: batchSteps.seq, step: batchSteps.step, status: batchSteps.status, startedOn: batchSteps.startedOn })
    .from(batchSteps)
    .where(eq(batchSteps.batchId, batchId))
    .orderBy(asc(batchSteps.seq))
    .all();
}

/** The batch's latest meeting (of one step when `stepId` is given), if one was recorded. */
export function latestMeeting(db: ReadDb, batchId: string, stepId: string | null = null): MeetingRecord | null {
  return (
    db
      .select({
        id: meetings.id,
        heldOn: meetings.heldOn,
        place: meetings.place,
        host: meetings.host,
        recorder: meetings.recorder,
        startsAt: meetings.startsAt,
        endsAt: meetings.endsAt,
        voteMethod: meetings.voteMethod,
        scrutineer: meetings.scrutineer,
        teller: meetings.teller,
        attendeesCount: meetings.attendeesCount,
        entitledCount: meetings.entitledCount,
        attendees: meetings.attendees,
        minutes: meetings.minutes,
        result: meetings.result,
      })
      .from(meetings)
      .where(stepId ? and(eq(meetings.batchId, batchId), eq(meetings.stepId, stepId)) : eq(meetings.batchId, batchId))
      .orderBy(desc(meetings.heldOn))
      .limit(1)
      .get() ?? null
  );
}

/** A household as the meeting record lists it. */
export interface MeetingHouseholdRow {
  batchHouseholdId: string;
  village: string;
  groupName: string | null;
  category: string | null;
  headName: string;
  size: number;
}

/** Households still in the batch, in village then 户编号 order. */
export function meetingHouseholds(db: ReadDb, batchId: string): MeetingHouseholdRow[] {
  return db.$client
    .prepare(
      `SELECT bh.id AS batchHouseholdId, v.name AS village, h.group_name AS groupName, bh.category,
              coalesce((SELECT name FROM members m WHERE m.household_id = h.id AND m.left_reason IS NULL ORDER BY ${HEAD_ORDER} LIMIT 1), '') AS headName,
              (SELECT count(*) FROM members m WHERE m.household_id = h.id AND m.left_reason IS NULL) AS size
         FROM batch_households bh JOIN households h ON h.id = bh.household_id JOIN villages v ON v.id = h.village_id
        WHERE bh.batch_id = ? AND bh.removed_on IS NULL ORDER BY v.sort_order, v.code, h.no`,
    )
    .all(batchId) as MeetingHouseholdRow[];
}

export interface HouseholdVotes {
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
}

/** Votes per batch household at a meeting (none on an archive from before votes were recorded). */
export function meetingVotesOf(db: ReadDb, meetingId: string): Map<string, HouseholdVotes> {
  const sqlite = db.$client;
  if (sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meeting_votes'").get() === undefined) return new Map();
  const rows = sqlite
    .prepare('SELECT batch_household_id AS id, votes_for AS votesFor, votes_against AS votesAgainst, abstentions FROM meeting_votes WHERE meeting_id = ?')
    .all(meetingId) as ({ id: string } & HouseholdVotes)[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** Every step of a batch with its state, in order: what a notice may say was done. */
export interface StepState {
  id: string;
  seq: number;
  step: string;
  status: string;
  closedOn: string | null;
}

export function stepStates(db: ReadDb, batchId: string): StepState[] {
  return db
    .select({ id: batchSteps.id, seq: batchSteps.seq, step: batchSteps.step, status: batchSteps.status, closedOn: batchSteps.closedOn })
    .from(batchSteps)
    .where(eq(batchSteps.batchId, batchId))
    .orderBy(asc(batchSteps.seq))
    .all();
}

/** The latest meeting day of each step of a batch (民主评议), by step id. */
export function meetingDays(db: ReadDb, batchId: string): Map<string, string> {
  const rows = db.select({ stepId: meetings.stepId, heldOn: meetings.heldOn }).from(meetings).where(eq(meetings.batchId, batchId)).orderBy(asc(meetings.heldOn)).all();
  return new Map(rows.filter((r) => r.stepId != null).map((r) => [r.stepId!, r.heldOn]));
}
