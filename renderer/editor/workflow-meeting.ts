// 民主评议 meeting form: attendance against two thirds of those entitled (shown live, by the
// same rule the archive applies), the attendee list, and the votes per household.
import type { Api, BatchDetail, InputOf, MeetingView } from '../../shared/api/index.ts';
import { TIME_OF_DAY, attendanceProblem, meetingTimeProblem, twoThirdsMinimum, voteCarries } from '../../shared/workflows/index.ts';
import type { Checked } from './workflow-forms.ts';
import { dateProblem, orNull } from './workflow-forms.ts';

export type MeetingInput = InputOf<Api['workflows']['saveMeeting']>;

export interface VoteRow {
  householdId: string;
  household: string;
  votesFor: number | null;
  votesAgainst: number | null;
  abstentions: number | null;
}

export interface MeetingValues {
  heldOn: string;
  place: string;
  host: string;
  recorder: string;
  startsAt: string;
  endsAt: string;
  /** '' until chosen; hands / ballot. */
  voteMethod: string;
  scrutineer: string;
  teller: string;
  attendees: string;
  attendeesCount: number | null;
  entitledCount: number | null;
  minutes: string;
  result: string;
  votes: VoteRow[];
}

export { attendeeNames } from '../../shared/workflows/index.ts';

export interface Attendance {
  /** Fewest present for the meeting to count; null until the entitled count is known. */
  minimum: number | null;
  ok: boolean;
  text: string;
}

export function attendanceLive(attendees: number | null, entitled: number | null): Attendance {
  if (entitled == null || entitled <= 0) return { minimum: null, ok: false, text: '请填写应到人数，才能判断是否达到三分之二' };
  const minimum = twoThirdsMinimum(entitled);
  if (attendees == null) return { minimum, ok: false, text: `应到 ${entitled} 人，至少需要 ${minimum} 人到会（三分之二）` };
  const problem = attendanceProblem(attendees, entitled);
  if (problem) return { minimum, ok: false, text: `${problem}：会议无效，不能据此完成评议` };
  return { minimum, ok: true, text: `到会 ${attendees} 人，应到 ${entitled} 人，达到三分之二（至少 ${minimum} 人），会议有效` };
}

/** What a household's votes mean at a meeting of `attendees`. */
export function voteVerdict(row: Pick<VoteRow, 'votesFor' | 'votesAgainst' | 'abstentions'>, attendees: number | null): { carries: boolean | null; text: string } {
  if (row.votesFor == null) return { carries: null, text: '未填票数' };
  const total = row.votesFor + (row.votesAgainst ?? 0) + (row.abstentions ?? 0);
  if (attendees != null && total > attendees) return { carries: null, text: `票数合计 ${total} 多于到会人数 ${attendees}` };
  if (attendees == null || attendees <= 0) return { carries: null, text: '请先填写到会人数' };
  return voteCarries(row.votesFor, attendees) ? { carries: true, text: `赞成 ${row.votesFor} 票，过半数` } : { carries: false, text: `赞成 ${row.votesFor} 票，未过半数` };
}

/** Households that can still be voted on at step `seq`, with the meeting's votes where recorded. */
export function voteRowsFor(d: BatchDetail, seq: number, meeting: MeetingView | null): VoteRow[] {
  const recorded = new Map((meeting?.votes ?? []).map((v) => [v.householdId, v]));
  return d.households
    .filter((h) => h.removedOn == null && (h.stoppedAt == null || h.stoppedAt >= seq))
    .map((h) => {
      const v = recorded.get(h.householdId);
      return { householdId: h.householdId, household: `${h.no} ${h.head ?? ''}`.trim(), votesFor: v?.votesFor ?? null, votesAgainst: v?.votesAgainst ?? null, abstentions: v?.abstentions ?? null };
    });
}

/** The batch's latest recorded meeting (any step), to prefill a new one: same place, people and counts. */
export function previousMeeting(d: BatchDetail): MeetingView | null {
  const all = d.steps.flatMap((s) => s.meetings);
  return all.reduce<MeetingView | null>((last, m) => (last == null || m.heldOn >= last.heldOn ? m : last), null);
}

/**
 * The form's values: the meeting being changed, or for a new one what the batch's previous
 * meeting recorded (place, host, recorder, vote method and counters, attendees, counts, times)
 * — never its date, minutes, result or votes.
 */
export function meetingValuesFrom(d: BatchDetail, seq: number, meeting: MeetingView | null, today: string): MeetingValues {
  const from = meeting ?? previousMeeting(d);
  return {
    heldOn: meeting?.heldOn ?? today,
    place: from?.place ?? '',
    host: from?.host ?? '',
    recorder: from?.recorder ?? '',
    startsAt: from?.startsAt ?? '',
    endsAt: from?.endsAt ?? '',
    voteMethod: from?.voteMethod ?? '',
    scrutineer: from?.scrutineer ?? '',
    teller: from?.teller ?? '',
    attendees: from?.attendees ?? '',
    attendeesCount: from?.attendeesCount ?? null,
    entitledCount: from?.entitledCount ?? null,
    minutes: meeting?.minutes ?? '',
    result: meeting?.result ?? '',
    votes: voteRowsFor(d, seq, meeting),
  };
}

/** A time typed as 9:30, 0930 or 09:30 → "09:30"; null when empty; the text as typed when not a time. */
export function normalTime(text: string): string | null {
  const t = text.trim().replace('：', ':');
  if (!t) return null;
  const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(t);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : t;
}

export function meetingInputFrom(v: MeetingValues, batchId: string, seq: number, id: string | null, today: string): Checked<MeetingInput> {
  const bad = dateProblem(v.heldOn, '会议日期', today);
  if (bad) return { ok: false, field: 'heldOn', message: bad };
  if (v.entitledCount == null || v.entitledCount < 1) return { ok: false, field: 'entitledCount', message: '请填写应到人数（至少1人）' };
  if (v.attendeesCount == null || v.attendeesCount < 0) return { ok: false, field: 'attendeesCount', message: '请填写到会人数' };
  if (v.attendeesCount > v.entitledCount) return { ok: false, field: 'attendeesCount', message: '到会人数不能多于应到人数' };
  const startsAt = normalTime(v.startsAt);
  const endsAt = normalTime(v.endsAt);
  if (startsAt != null && !TIME_OF_DAY.test(startsAt)) return { ok: false, field: 'startsAt', message: `开始时间“${startsAt}”请写成如 09:30 的 24 小时时间` };
  if (endsAt != null && !TIME_OF_DAY.test(endsAt)) return { ok: false, field: 'endsAt', message: `结束时间“${endsAt}”请写成如 11:00 的 24 小时时间` };
  const timeProblem = meetingTimeProblem(startsAt, endsAt);
  if (timeProblem) return { ok: false, field: 'endsAt', message: timeProblem };
  const voteMethod = v.voteMethod === 'hands' || v.voteMethod === 'ballot' ? v.voteMethod : null;
  if (voteMethod === 'ballot' && !v.scrutineer.trim()) return { ok: false, field: 'scrutineer', message: '无记名投票须填写监票人' };
  if (voteMethod === 'ballot' && !v.teller.trim()) return { ok: false, field: 'teller', message: '无记名投票须填写计票人' };
  const votes: MeetingInput['votes'] = [];
  for (const r of v.votes) {
    if (r.votesFor == null && r.votesAgainst == null && r.abstentions == null) continue;
    const row = { householdId: r.householdId, votesFor: r.votesFor ?? 0, votesAgainst: r.votesAgainst ?? 0, abstentions: r.abstentions ?? 0 };
    if (row.votesFor + row.votesAgainst + row.abstentions > v.attendeesCount) {
      return { ok: false, field: 'votes', message: `${r.household}的票数合计 ${row.votesFor + row.votesAgainst + row.abstentions} 多于到会人数 ${v.attendeesCount}：请核对票数` };
    }
    votes.push(row);
  }
  return {
    ok: true,
    input: {
      batchId,
      seq,
      id,
      heldOn: v.heldOn.trim(),
      place: orNull(v.place),
      host: orNull(v.host),
      recorder: orNull(v.recorder),
      startsAt,
      endsAt,
      voteMethod,
      scrutineer: orNull(v.scrutineer),
      teller: orNull(v.teller),
      attendeesCount: v.attendeesCount,
      entitledCount: v.entitledCount,
      attendees: orNull(v.attendees),
      minutes: orNull(v.minutes),
      result: orNull(v.result),
      votes,
    },
  };
}
