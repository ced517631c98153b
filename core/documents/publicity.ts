// 公示 / 公告 of a workflow batch: the step (the one asked for, else the running publicity,
// else the latest started, else the first), the households still in the batch at that step,
// one notice per village for a village-level step of a batch that spans several villages.
// What a notice may show is decided here: no phone, bank or health field is even read.
import type { NoticeHousehold, NoticeStep } from '../../db/repos/document-batches.ts';
import { noticeHouseholds, noticeSteps as noticeStepsOf } from '../../db/repos/document-batches.ts';
import { publicityPeriod } from '../../shared/dates.ts';
import { UserError } from '../../shared/errors.ts';
import { fieldOf } from '../../shared/fields/index.ts';
import { PUBLIC, present } from '../../shared/fields/mask.ts';
import { KINDS, isWorkflowKind } from '../../shared/workflows/kinds.ts';
import type { PublicityModel, PublicityNotice } from '../../templates/publicity/index.ts';
import { publicityPdf, publicityXlsx } from '../../templates/publicity/index.ts';
import type { BatchRef, DocContext } from './context.ts';
import { batchById, NATIONAL_HOTLINE, villageByCode } from './context.ts';
import type { DocumentDef } from './types.ts';
import type { DocumentOptions } from '../../shared/api/documents.ts';

export type { NoticeStep };

const ID_NUMBER = fieldOf('member', 'idNumber')!;

/** Steps that post a notice: the publicity steps and the announcement. */
export function noticeSteps(ctx: DocContext, batchId: string): NoticeStep[] {
  return noticeStepsOf(ctx.archive.db, batchId);
}

export function chooseStep(steps: readonly NoticeStep[], stepId: string | null, batch: BatchRef): NoticeStep {
  if (steps.length === 0) throw new UserError(`批次“${batch.title}”没有公示或公告环节，无法生成公示名单。`);
  if (stepId) {
    const s = steps.find((x) => x.id === stepId);
    if (!s) throw new UserError(`批次“${batch.title}”中没有编号为 ${stepId} 的公示或公告环节：请从该批次的环节中选择。`);
    return s;
  }
  return steps.find((s) => s.status === 'open') ?? [...steps].reverse().find((s) => s.startedOn != null) ?? steps[0]!;
}

/** Households still in the batch when the step is reached: not removed, not failed or returned at an earlier step. */
function listed(ctx: DocContext, batchId: string, beforeSeq: number): NoticeHousehold[] {
  return noticeHouseholds(ctx.archive.db, batchId, beforeSeq);
}

function period(step: NoticeStep, defaultDays: number): PublicityNotice['period'] {
  if (!step.startedOn) return null;
  const days = step.minDays ?? defaultDays;
  const p = publicityPeriod(step.startedOn, days);
  return { start: p.start, end: step.endsOn ?? p.end, days };
}

export function publicityModel(ctx: DocContext, batchId: string, opts: Pick<DocumentOptions, 'stepId' | 'maskedIds' | 'phone' | 'issuer' | 'basis'> & { villageCode?: string | null }): PublicityModel {
  const batch = batchById(ctx, batchId);
  const step = chooseStep(noticeSteps(ctx, batch.id), opts.stepId, batch);
  let rows = listed(ctx, batch.id, step.seq);
  if (opts.villageCode) {
    const v = villageByCode(ctx, opts.villageCode);
    rows = rows.filter((r) => r.villageCode === v.code);
  }
  if (rows.length === 0) throw new UserError(`批次“${batch.title}”在这一环节没有需要公示的农户，未生成公示名单。`);
  const kind = isWorkflowKind(batch.kind) ? KINDS[batch.kind] : null;
  const villageLevel = step.step.startsWith('village-');
  const villages = [...new Set(rows.map((r) => r.village))];
  const groups = villageLevel ? villages.map((v) => rows.filter((r) => r.village === v)) : [rows];
  const notices = groups.map((list): PublicityNotice => {
    const place = villageLevel || villages.length === 1 ? list[0]!.village : ctx.township;
    return {
      variant: step.step === 'announcement' ? 'announcement' : 'publicity',
      place,
      kind: batch.kind,
      year: batch.year,
      fallbackSubject: batch.title,
      basis: opts.basis,
      period: period(step, kind?.publicityDays ?? 7),
      issuer: opts.issuer ?? (villageLevel ? `${place}村民委员会` : `${ctx.township}人民政府`),
      phone: opts.phone ?? NATIONAL_HOTLINE,
      issuedOn: step.startedOn,
      categoryLabel: kind?.choice?.label ?? null,
      showVillage: !villageLevel && villages.length > 1,
      maskedIds: opts.maskedIds,
      rows: list.map((r) => ({
        village: r.village,
        groupName: r.groupName,
        headName: r.headName,
        size: r.size,
        category: r.category,
        // A notice is posted: whatever the caller's context, the number is presented for the public.
        maskedId: opts.maskedIds ? (present(ID_NUMBER, r.headIdNumber, PUBLIC) as string | null) : null,
      })),
    };
  });
  return { title: `${batch.title}（${step.step === 'announcement' ? '公告' : '公示'}）`, notices };
}

export const publicity: DocumentDef = {
  kind: 'publicity',
  audience: 'public',
  label: '公示 / 公告',
  description: '程序批次某一公示或公告环节的名单：标题、正文（依据、户数人数、公示期、异议渠道、监督电话）、名单、落款和盖章处；只列序号、村民小组、户主姓名、家庭人口数（及类别），可选加隐去中间位的身份证号',
  scopes: ['batch'],
  formats: ['pdf', 'xlsx'],
  batch: false,
  options: ['stepId', 'maskedIds', 'phone', 'issuer', 'basis'],
  async render(ctx, req, out) {
    if (!req.scope.batchId) throw new UserError('公示名单需要指定一个程序批次（命令行用 --batch 批次编号）。', { kind: 'usage' });
    const model = publicityModel(ctx, req.scope.batchId, { ...req.options, villageCode: req.scope.villageCode });
    const r = req.format === 'xlsx' ? await publicityXlsx(model, out) : await publicityPdf(model, out);
    return { ...r, title: model.title };
  },
};
