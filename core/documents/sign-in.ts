// 签到表 for a batch's 民主评议 meeting: from the meeting recorded (of the step chosen, else the
// batch's latest) — date, time, place, host, 应到人数 and the attendee names — or a blank sheet
// to print before the meeting, one row for each person entitled to attend.
import { meetingHouseholds } from '../../db/repos/document-batches.ts';
import { UserError } from '../../shared/errors.ts';
import { attendeeNames, meetingTimeText } from '../../shared/workflows/meeting.ts';
import { KINDS, isWorkflowKind } from '../../shared/workflows/kinds.ts';
import { formPdf } from '../../templates/layout/forms.ts';
import { DEFAULT_SIGNERS } from '../../templates/meeting/signatures.ts';
import { meetingWorkbook } from '../../templates/meeting/xlsx.ts';
import type { SignInModel } from '../../templates/sign-in/index.ts';
import { signInPage } from '../../templates/sign-in/index.ts';
import type { DocContext } from './context.ts';
import { batchById } from './context.ts';
import { meetingOf, meetingPlace } from './meeting.ts';
import type { DocumentDef } from './types.ts';

export function signInModel(ctx: DocContext, batchId: string, stepId: string | null = null): SignInModel {
  const batch = batchById(ctx, batchId);
  const meeting = meetingOf(ctx, batch, stepId);
  const place = meetingPlace(ctx, batch, meetingHouseholds(ctx.archive.db, batch.id));
  const kind = isWorkflowKind(batch.kind) ? KINDS[batch.kind] : null;
  const names = attendeeNames(meeting?.attendees);
  return {
    title: '会议签到表',
    batchTitle: batch.title,
    meetingName: `${place}${batch.year}年${kind?.titleNoun ?? batch.title}民主评议会`,
    heldOn: meeting?.heldOn ?? null,
    time: meeting ? meetingTimeText(meeting.startsAt, meeting.endsAt) : '',
    place: meeting?.place ?? null,
    host: meeting?.host ?? null,
    entitledCount: meeting?.entitledCount ?? null,
    names,
    rows: Math.max(meeting?.entitledCount ?? 0, names.length) || DEFAULT_SIGNERS,
  };
}

export const signIn: DocumentDef = {
  kind: 'sign-in',
  audience: 'internal',
  label: '会议签到表',
  description: '程序批次民主评议会的签到表：会议名称、时间、地点、主持人、应到人数，每人一行（序号、姓名、所在村民小组、身份、签名），行数不少于应到人数；没有会议记录时打印空白表供会前使用',
  scopes: ['batch'],
  formats: ['pdf', 'xlsx'],
  batch: false,
  options: ['stepId'],
  async render(ctx, req, out) {
    if (!req.scope.batchId) throw new UserError('签到表需要指定一个程序批次（命令行用 --batch 批次编号）。', { kind: 'usage' });
    const model = signInModel(ctx, req.scope.batchId, req.options.stepId);
    const page = signInPage(model);
    const title = `${model.batchTitle}会议签到表`;
    const r = req.format === 'xlsx' ? await meetingWorkbook(title, [{ name: '签到表', page, repeatHeader: '序号' }], out) : await formPdf(title, page, out);
    return { ...r, title };
  },
};
