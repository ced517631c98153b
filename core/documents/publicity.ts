// 公示 / 公告 of a workflow batch: the step (the one asked for, else the running publicity,
// else the latest started, else the first), the households still in the batch at that step,
// one notice per village for a village-level step of a batch that spans several villages.
// What a notice may show is decided here: no phone, bank or health field is even read.
import type { NoticeHousehold, NoticeStep } from '../../db/repos/document-batches.ts';
import { meetingDays, noticeHouseholds, noticeSteps as noticeStepsOf, stepStates } from '../../db/repos/document-batches.ts';
import { publicityPeriod } from '../../shared/dates.ts';
import { UserError } from '../../shared/errors.ts';
import { fieldOf } from '../../shared/fields/index.ts';
import { PUBLIC, present } from '../../shared/fields/mask.ts';
import { KINDS, isWorkflowKind } from '../../shared/workflows/kinds.ts';
import { dateCn } from '../../templates/layout/format.ts';
import { noticeFaces } from '../../templates/layout/notice-fonts.ts';
import type { NoticeStage, PublicityModel, PublicityNotice } from '../../templates/publicity/index.ts';
import { noticeBody, noticeTitle, publicityPdf, publicityXlsx } from '../../templates/publicity/index.ts';
import { contactsView, noticePhones } from './contacts.ts';
import type { BatchRef, DocContext } from './context.ts';
import { batchById, villageByCode } from './context.ts';
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

/** How the body names a completed step; 民主评议 with the day of its meeting. */
const DONE_WORDS: Readonly<Record<string, (meetingOn: string | null) => string>> = {
  apply: () => '农户申请',
  deliberation: (d) => `${d ? dateCn(d) : ''}村民代表大会民主评议`,
  'village-proposal': (d) => `${d ? dateCn(d) : ''}村民代表大会民主评议初选`,
  verification: () => '入户核实',
  comparison: () => '信息比对',
  'township-check': () => '乡镇核查',
  'village-publicity': () => '村级公示无异议',
  'township-review': () => '乡镇人民政府审核',
  'township-publicity': () => '乡镇审核公示无异议',
  'county-review': () => '县级复审',
  'county-approval': () => '县级审定',
  'county-check': () => '县级核查（第三方评估）',
};

/** The steps completed before the notice's step, as the body names them. */
function doneSteps(ctx: DocContext, batchId: string, beforeSeq: number): string[] {
  const meetingsBy = meetingDays(ctx.archive.db, batchId);
  return stepStates(ctx.archive.db, batchId)
    .filter((s) => s.seq < beforeSeq && s.status === 'closed' && DONE_WORDS[s.step])
    .map((s) => DONE_WORDS[s.step]!(meetingsBy.get(s.id) ?? null));
}

/** Relief-era kinds (建档立卡, 2014–2020) against the 2021+ monitoring of 防止返贫. */
const MONITORING_KINDS = new Set(['monitoring', 'risk-removal']);

/** The policy a notice cites, by kind and year. */
export function defaultBasis(kind: string, year: number): string {
  if (MONITORING_KINDS.has(kind)) return '根据《关于健全防止返贫动态监测和帮扶机制的指导意见》和防止返贫动态监测和帮扶工作有关规定';
  if (kind === 'edge') return '根据贫困边缘户认定和帮扶工作有关规定';
  return year <= 2020 ? '根据扶贫开发建档立卡工作有关规定' : '根据巩固拓展脱贫攻坚成果有关规定';
}

/**
 * Who issues it: the village committee its 村级公示, the township government its 乡镇审核公示;
 * a 公告 of 2014–2020 建档立卡 kinds the county (县扶贫开发领导小组 审定后公告, seed 003), of the
 * 2021+ monitoring kinds (and later years) the township (以乡镇名义在村公告).
 */
export function defaultIssuer(ctx: DocContext, n: { kind: string; year: number; step: string; place: string }): string {
  if (n.step.startsWith('village-')) return `${n.place}村民委员会`;
  if (n.step === 'announcement' && !MONITORING_KINDS.has(n.kind) && n.year <= 2020) return `${ctx.county || ''}扶贫开发领导小组`.replace(/^扶贫/, '县扶贫');
  return `${ctx.township}人民政府`;
}

/** Which notice of the procedure the step is: one of two publicities, the only one, or the announcement. */
function stageOf(steps: readonly NoticeStep[], step: NoticeStep): NoticeStage {
  if (step.step === 'announcement') return 'announcement';
  const publicities = steps.filter((s) => s.step !== 'announcement');
  if (publicities.length < 2) return 'only';
  return publicities[0]!.id === step.id ? 'first' : 'second';
}

const stepLabel = (kind: string, code: string): string => (isWorkflowKind(kind) ? KINDS[kind].steps.find((s) => s.code === code)?.label : undefined) ?? code;

type NoticeOptions = Pick<DocumentOptions, 'stepId' | 'maskedIds' | 'phones' | 'issuer' | 'basis'> & { villageCode?: string | null };

export function publicityModel(ctx: DocContext, batchId: string, opts: NoticeOptions): PublicityModel & { warnings: string[] } {
  const batch = batchById(ctx, batchId);
  const steps = noticeSteps(ctx, batch.id);
  const step = chooseStep(steps, opts.stepId, batch);
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
  const contacts = contactsView(ctx.archive.db);
  const phones = noticePhones(contacts, opts.phones ?? []);
  const draft = step.status === 'pending';
  const done = doneSteps(ctx, batch.id, step.seq);
  const label = stepLabel(batch.kind, step.step);
  const word = step.step === 'announcement' ? '公告' : '公示';
  const warnings = draft ? [`“${label}”环节尚未开启：本${word}只是草稿（标题和水印注明“草稿”），请在开启该环节后再打印张贴。`] : [];
  const notices = groups.map((list): PublicityNotice => {
    const place = villageLevel || villages.length === 1 ? list[0]!.village : ctx.township;
    const code = list[0]!.villageCode;
    return {
      variant: step.step === 'announcement' ? 'announcement' : 'publicity',
      stage: stageOf(steps, step),
      stepLabel: label,
      draft,
      place,
      kind: batch.kind,
      year: batch.year,
      fallbackSubject: batch.title,
      basis: opts.basis ?? defaultBasis(batch.kind, batch.year),
      done,
      period: period(step, kind?.publicityDays ?? 7),
      issuer: opts.issuer ?? defaultIssuer(ctx, { kind: batch.kind, year: batch.year, step: step.step, place }),
      phones,
      address: contacts.officeAddress,
      villagePhone: villageLevel || villages.length === 1 ? (contacts.villages.find((v) => v.code === code)?.committeePhone ?? null) : null,
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
  return { title: `${batch.title}（${word}${draft ? '·草稿' : ''}）`, notices, warnings };
}

/** Every text of the notices, to choose a face that draws all of them. */
function noticeTexts(model: PublicityModel): string[] {
  return model.notices.flatMap((n) => [noticeTitle(n), ...noticeBody(n), n.issuer, ...n.rows.flatMap((r) => [r.village, r.groupName ?? '', r.headName, r.category ?? ''])]);
}

export const publicity: DocumentDef = {
  kind: 'publicity',
  audience: 'public',
  label: '公示 / 公告',
  description: '程序批次某一公示或公告环节的名单：标题注明第一次/第二次公示或公告，正文（依据、已完成的环节和评议日期、户数人数、公示期、异议渠道、12317 和本地监督电话、投诉监督地址）、名单、落款和盖章处；只列序号、村民小组、户主姓名、家庭人口数（及类别），可选加隐去中间位的身份证号',
  scopes: ['batch'],
  formats: ['pdf', 'xlsx'],
  batch: false,
  options: ['stepId', 'maskedIds', 'phones', 'issuer', 'basis', 'font'],
  async render(ctx, req, out) {
    if (!req.scope.batchId) throw new UserError('公示名单需要指定一个程序批次（命令行用 --batch 批次编号）。', { kind: 'usage' });
    const model = publicityModel(ctx, req.scope.batchId, { ...req.options, villageCode: req.scope.villageCode });
    const r = req.format === 'xlsx' ? await publicityXlsx(model, out) : await publicityPdf(model, out, noticeFaces(req.options.font, noticeTexts(model)));
    return { ...r, title: model.title, warnings: model.warnings };
  },
};
