// 民主评议会议记录 of a batch: its latest meeting (or of the step chosen; a blank form to fill in
// at the meeting when none is recorded), the households deliberated and, where recorded, their
// votes, and a signature cell for every attendee.
import type { HouseholdVotes, MeetingRecord } from '../../db/repos/document-batches.ts';
import { latestMeeting, meetingHouseholds, meetingVotesOf, stepsOfBatch } from '../../db/repos/document-batches.ts';
import { UserError } from '../../shared/errors.ts';
import { attendanceProblem, attendeeNames, meetingTimeText, twoThirdsMinimum, voteCarries, voteMethodLabel } from '../../shared/workflows/meeting.ts';
import { KINDS, isWorkflowKind } from '../../shared/workflows/kinds.ts';
import { formPdf } from '../../templates/layout/forms.ts';
import type { MeetingModel } from '../../templates/meeting/index.ts';
import { meetingPage, meetingPaper, meetingSignaturesPage } from '../../templates/meeting/index.ts';
import { signerCount } from '../../templates/meeting/signatures.ts';
import { meetingWorkbook } from '../../templates/meeting/xlsx.ts';
import type { DocContext } from './context.ts';
import { batchById } from './context.ts';
import type { BatchRef } from './context.ts';
import type { DocumentDef } from './types.ts';

function attendance(m: MeetingRecord | null): string {
  if (!m) return '应到　　人，实到　　人（到会人数须达到应到人数的三分之二以上）';
  const problem = attendanceProblem(m.attendeesCount, m.entitledCount);
  if (problem) return problem;
  return `到会 ${m.attendeesCount} 人，应到 ${m.entitledCount} 人，达到三分之二（至少 ${twoThirdsMinimum(m.entitledCount!)} 人），会议有效`;
}

export interface MeetingStepRef {
  id: string;
  seq: number;
  label: string;
  startedOn: string | null;
}

/** The batch's 民主评议 step chosen by id (refused in Chinese when it is not one), else null. */
export function meetingStep(ctx: DocContext, batch: BatchRef, stepId: string | null): MeetingStepRef | null {
  if (!stepId) return null;
  const defs = isWorkflowKind(batch.kind) ? KINDS[batch.kind].steps : [];
  const s = stepsOfBatch(ctx.archive.db, batch.id).find((x) => x.id === stepId);
  const def = s ? defs.find((d) => d.code === s.step) : undefined;
  if (!s || !def?.meeting) throw new UserError(`批次“${batch.title}”中没有编号为 ${stepId} 的民主评议环节：请从该批次的评议环节中选择。`);
  return { id: s.id, seq: s.seq, label: def.label, startedOn: s.startedOn };
}

/** Where a batch's meeting is held, as its papers name it: the one village of its households, else its own village, else the township. */
export function meetingPlace(ctx: DocContext, batch: BatchRef, households: readonly { village: string }[]): string {
  const villages = [...new Set(households.map((h) => h.village))];
  if (villages.length === 1) return villages[0]!;
  return villages.length === 0 && batch.villageName ? batch.villageName : ctx.township;
}

/** The meeting a batch's papers print: the chosen step's latest, else the batch's latest. */
export function meetingOf(ctx: DocContext, batch: BatchRef, stepId: string | null): MeetingRecord | null {
  const step = meetingStep(ctx, batch, stepId);
  return latestMeeting(ctx.archive.db, batch.id, step?.id ?? null);
}

export function meetingModel(ctx: DocContext, batchId: string, stepId: string | null = null): MeetingModel {
  const batch = batchById(ctx, batchId);
  const meeting = meetingOf(ctx, batch, stepId);
  const households = meetingHouseholds(ctx.archive.db, batch.id);
  if (households.length === 0) throw new UserError(`批次“${batch.title}”中还没有农户，未生成会议记录：请先把要评议的农户加入批次。`);
  const votes = meeting ? meetingVotesOf(ctx.archive.db, meeting.id) : new Map<string, HouseholdVotes>();
  const kind = isWorkflowKind(batch.kind) ? KINDS[batch.kind] : null;
  const place = meetingPlace(ctx, batch, households);
  return {
    title: '民主评议会议记录',
    batchTitle: batch.title,
    place,
    agenda: `对${place}${batch.year}年${kind?.titleNoun ?? batch.title}对象（${households.length} 户）进行民主评议`,
    meeting: meeting
      ? { ...meeting, time: meetingTimeText(meeting.startsAt, meeting.endsAt), voteMethod: voteMethodLabel(meeting.voteMethod) }
      : null,
    attendance: attendance(meeting),
    categoryLabel: kind?.choice?.label ?? null,
    households: households.map(({ batchHouseholdId, ...h }) => {
      const v = votes.get(batchHouseholdId);
      const present = meeting?.attendeesCount ?? 0;
      return {
        ...h,
        votesFor: v?.votesFor ?? null,
        votesAgainst: v?.votesAgainst ?? null,
        abstentions: v?.abstentions ?? null,
        result: v ? (voteCarries(v.votesFor, present) ? '通过' : '未通过') : '',
      };
    }),
    signers: signerCount(meeting?.attendeesCount, meeting?.entitledCount, attendeeNames(meeting?.attendees).length),
  };
}

export const meeting: DocumentDef = {
  kind: 'meeting',
  audience: 'internal',
  label: '民主评议会议记录',
  description:
    '程序批次的民主评议会议记录：时间（含起止时刻）、地点、主持人、记录人、投票方式、监票人和计票人、应到实到（三分之二）、发言摘要、评议对象和表决结果，每位参会人员一格签字；没有记录时打印空白表供会上填写',
  scopes: ['batch'],
  formats: ['pdf', 'xlsx'],
  batch: false,
  options: ['stepId'],
  async render(ctx, req, out) {
    if (!req.scope.batchId) throw new UserError('会议记录需要指定一个程序批次（命令行用 --batch 批次编号）。', { kind: 'usage' });
    const model = meetingModel(ctx, req.scope.batchId, req.options.stepId);
    const title = `${model.batchTitle}民主评议会议记录`;
    const r =
      req.format === 'xlsx'
        ? await meetingWorkbook(title, [
            { name: '会议记录', page: meetingPage(model), repeatHeader: '序号' },
            { name: '参会人员签字', page: meetingSignaturesPage(model, true), repeatHeader: '序号' },
          ], out)
        : await formPdf(title, meetingPaper(model), out);
    return { ...r, title };
  },
};
