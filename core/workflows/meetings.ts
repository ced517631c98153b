// 民主评议 meeting records: date, place, host, recorder, who attended and how many were
// entitled, minutes, result and per-household votes. Recorded on a deliberation step while it
// is open, never dated before the step began; votes only for households in the batch.
import { randomUUID } from 'node:crypto';
import { writeTransaction } from '../../db/handles.ts';
import type { ReadDb } from '../../db/handles.ts';
import type { Db } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { meetingById, meetingsOfStep, saveMeetingRecord, votesOfMeetings } from '../../db/repos/workflow-meetings.ts';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import { attendanceProblem, meetingTimeProblem, TIME_OF_DAY, VOTE_METHODS } from '../../shared/workflows/index.ts';
import { kindOf, requireOpenBatch, requireStep, stepLabel, stepsOf } from './common.ts';
import { requireMembers, requireOpenStep } from './outcomes.ts';

export interface MeetingInput {
  batchId: string;
  seq: number;
  id: string | null;
  heldOn: string;
  place: string | null;
  host: string | null;
  recorder: string | null;
  startsAt?: string | null;
  endsAt?: string | null;
  voteMethod?: string | null;
  scrutineer?: string | null;
  teller?: string | null;
  attendeesCount: number;
  entitledCount: number;
  attendees: string | null;
  minutes: string | null;
  result: string | null;
  votes: { householdId: string; votesFor: number; votesAgainst: number; abstentions: number }[];
}

export function saveMeeting(db: Db, actor: Actor, input: MeetingInput): string {
  return writeTransaction(db, (w) => {
    const batch = requireOpenBatch(w, input.batchId);
    const step = requireStep(stepsOf(w, batch.id), input.seq, batch);
    const label = stepLabel(batch, step);
    if (!kindOf(batch).steps.find((d) => d.code === step.step)?.meeting) {
      throw new UserError(`第${step.seq}步“${label}”不是民主评议环节，不能登记评议会议：请选择民主评议环节。`);
    }
    requireOpenStep(actor, batch, step, input.heldOn, '会议');
    const timeProblem = meetingTimeProblem(input.startsAt ?? null, input.endsAt ?? null);
    if (timeProblem) throw new UserError(`${timeProblem}。`, { field: input.startsAt != null && !TIME_OF_DAY.test(input.startsAt) ? 'startsAt' : 'endsAt' });
    if (input.voteMethod != null && !(input.voteMethod in VOTE_METHODS)) {
      throw new UserError(`投票方式“${input.voteMethod}”无法识别：请选择举手表决或无记名投票。`, { field: 'voteMethod' });
    }
    if (input.voteMethod === 'ballot' && (!input.scrutineer || !input.teller)) {
      throw new UserError('无记名投票须登记监票人和计票人：请填写监票人、计票人后再保存。', { field: input.scrutineer ? 'teller' : 'scrutineer' });
    }
    const members = requireMembers(w, batch, step.seq, input.votes.map((v) => v.householdId));
    for (const v of input.votes) {
      if (v.votesFor + v.votesAgainst + v.abstentions > input.attendeesCount) {
        throw new UserError(`有一户的票数合计 ${v.votesFor + v.votesAgainst + v.abstentions} 多于到会人数 ${input.attendeesCount}：请核对票数。`, { field: 'votes' });
      }
    }
    const prev = input.id ? meetingById(w, input.id) : undefined;
    if (input.id && (!prev || prev.stepId !== step.id)) throw new UserError('找不到要修改的会议记录，可能已被删除：请刷新后重试。');
    const id = prev?.id ?? randomUUID();
    const values = {
      heldOn: input.heldOn,
      place: input.place,
      host: input.host,
      recorder: input.recorder,
      startsAt: input.startsAt ?? null,
      endsAt: input.endsAt ?? null,
      voteMethod: input.voteMethod ?? null,
      scrutineer: input.scrutineer ?? null,
      teller: input.teller ?? null,
      attendeesCount: input.attendeesCount,
      entitledCount: input.entitledCount,
      attendees: input.attendees,
      minutes: input.minutes,
      result: input.result,
    };
    const votes = input.votes.map((v) => ({ batchHouseholdId: members.get(v.householdId)!.id, votesFor: v.votesFor, votesAgainst: v.votesAgainst, abstentions: v.abstentions }));
    saveMeetingRecord(w, actor, { id, existing: prev !== undefined, batchId: batch.id, stepId: step.id, values, votes });
    const problem = attendanceProblem(input.attendeesCount, input.entitledCount);
    recordAudit(w, actor, {
      action: prev ? 'update' : 'insert',
      tableName: 'meetings',
      recordId: id,
      before: prev ?? null,
      after: { ...values, votes: input.votes },
      note: `批次“${batch.title}”${label}会议（${input.heldOn}，到会 ${input.attendeesCount}/${input.entitledCount} 人${problem ? '，不足三分之二' : ''}）`,
    });
    return id;
  });
}

export interface ValidVotes {
  attendees: number;
  votes: Map<string, { votesFor: number; votesAgainst: number; abstentions: number }>;
}

/** Votes of the latest meeting of a step held by `on` with two thirds present; null if none. */
export function validMeetingVotes(db: ReadDb, stepId: string, on: string): ValidVotes | null {
  const valid = meetingsOfStep(db, stepId).filter((m) => m.heldOn <= on && attendanceProblem(m.attendeesCount, m.entitledCount) == null);
  const last = valid.at(-1);
  if (!last) return null;
  const rows = votesOfMeetings(db, [last.id]);
  return { attendees: last.attendeesCount ?? 0, votes: new Map(rows.map((r) => [r.batchHouseholdId, r])) };
}
