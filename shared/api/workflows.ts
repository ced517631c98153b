// Workflow batches (识别 / 认定 / 退出 / 返贫 / 监测 / 风险消除): kinds and settings, the batch
// list and one batch as a step timeline, and every recorded act — households in and out,
// outcomes, steps opened and closed, meetings, objections, decisions, quotas, the exit check.
import { z } from 'zod';
import { OUTCOMES, TIME_OF_DAY, VOTE_METHODS, WORKFLOW_KINDS } from '../workflows/index.ts';
import { endpoint } from './endpoint.ts';
import { ADMIN, REVIEW } from '../roles.ts';
import type { AddResult, BatchDetail, BatchListItem, CandidateView, CloseResult, ExitCheckRow, KindView, QuotaView } from './workflows-views.ts';
import { fen, id, isoDate, optionalText, text, year } from './schemas.ts';

export type * from './workflows-views.ts';

const kind = z.enum(WORKFLOW_KINDS, '程序类型无效');
const seq = z.number().int('环节序号应为整数').min(1, '环节序号从1开始').max(20, '环节序号过大');
const ids = z.array(id).max(5000, '一次最多5000户');
const required = (label: string, max = 200) => text(label, max).min(1, `请填写${label}`);

export const candidateFilter = z.object({
  /** edge-range: above the year's poverty line and below the edge line; below-monitoring: under the monitoring line. */
  preset: z.enum(['none', 'edge-range', 'below-monitoring']).default('none'),
  /** The income year compared; default the latest year with incomes up to the batch year. */
  incomeYear: year.nullable().default(null),
  /** Per-capita net income above this (exclusive), in fen. */
  aboveFen: fen('收入下限').nullable().default(null),
  /** Per-capita net income below this (exclusive), in fen. */
  belowFen: fen('收入上限').nullable().default(null),
  /** Leave out households with 低保 or 特困 members (seed 001 for edge households). */
  excludeWelfare: z.boolean().default(true),
  villageIds: z.array(id).default([]),
  limit: z.number().int().min(1).max(5000).default(500),
});
export type CandidateFilter = z.input<typeof candidateFilter>;

const timeOfDay = (label: string) =>
  z.string().trim().regex(TIME_OF_DAY, `${label}应写成如 09:30 的 24 小时时间（时:分）`).nullable().default(null);

const meetingInput = z
  .object({
    batchId: id,
    seq,
    /** Present to change a recorded meeting. */
    id: z.string().nullable().default(null),
    heldOn: isoDate,
    place: optionalText('会议地点', 100),
    host: optionalText('主持人', 20),
    recorder: optionalText('记录人', 20),
    /** 开始/结束时间 of day, "HH:MM". */
    startsAt: timeOfDay('开始时间'),
    endsAt: timeOfDay('结束时间'),
    /** 投票方式: hands 举手表决, ballot 无记名投票. */
    voteMethod: z
      .enum(Object.keys(VOTE_METHODS) as [keyof typeof VOTE_METHODS], { message: '投票方式只能是举手表决（hands）或无记名投票（ballot）' })
      .nullable()
      .default(null),
    scrutineer: optionalText('监票人', 40),
    teller: optionalText('计票人', 40),
    attendeesCount: z.number().int('到会人数应为整数').min(0, '到会人数不能为负数').max(10_000, '到会人数过大'),
    entitledCount: z.number().int('应到人数应为整数').min(1, '应到人数至少为1').max(10_000, '应到人数过大'),
    attendees: optionalText('参会人员', 2000),
    minutes: optionalText('会议记录', 10_000),
    result: optionalText('评议结果', 500),
    votes: z
      .array(
        z.object({
          householdId: id,
          votesFor: z.number().int().min(0, '票数不能为负数'),
          votesAgainst: z.number().int().min(0, '票数不能为负数').default(0),
          abstentions: z.number().int().min(0, '票数不能为负数').default(0),
        }),
      )
      .default([]),
  })
  .refine((m) => m.attendeesCount <= m.entitledCount, { message: '到会人数不能多于应到人数', path: ['attendeesCount'] })
  .refine((m) => m.startsAt == null || m.endsAt == null || m.endsAt > m.startsAt, { message: '结束时间应晚于开始时间，请核对', path: ['endsAt'] });

const decisionInput = z.object({
  batchId: id,
  decision: required('决定（文号或会议名称）', 200),
  reason: required('理由', 500),
  decidedOn: isoDate,
});

export const workflowsApi = {
  kinds: endpoint<KindView[]>()('workflows.kinds', z.object({})),
  saveSettings: endpoint<KindView>()(
    'workflows.saveSettings',
    z.object({
      kind,
      publicityDays: z.number().int('公示天数应为整数').min(1, '公示天数至少为1天').max(60, '公示天数不能超过60天'),
      requireTwoYears: z.boolean().nullable().default(null),
    }),
    ADMIN,
  ),
  list: endpoint<BatchListItem[]>()(
    'workflows.list',
    z.object({
      kind: kind.nullable().default(null),
      year: year.nullable().default(null),
      villageId: z.string().nullable().default(null),
      status: z.enum(['open', 'closed', 'cancelled']).nullable().default(null),
      asOf: isoDate.nullable().default(null),
    }),
  ),
  get: endpoint<BatchDetail>()('workflows.get', z.object({ id, asOf: isoDate.nullable().default(null) })),
  create: endpoint<BatchDetail>()(
    'workflows.create',
    z.object({
      kind,
      year,
      /** None: a township-wide batch. */
      villageIds: z.array(id).max(100).default([]),
      title: optionalText('批次名称', 100),
      createdOn: isoDate,
      householdIds: ids.default([]),
    }),
    REVIEW,
  ),
  /** 本批次实际开始日期: moved back for a procedure already done on paper (audited). */
  setStart: endpoint<BatchDetail>()(
    'workflows.setStart',
    z.object({ batchId: id, createdOn: isoDate, reason: optionalText('修改原因', 200) }),
    REVIEW,
  ),
  candidates: endpoint<CandidateView[]>()('workflows.candidates', z.object({ batchId: id, filter: candidateFilter })),
  addHouseholds: endpoint<AddResult>()(
    'workflows.addHouseholds',
    z
      .object({
        batchId: id,
        on: isoDate,
        householdIds: ids.default([]),
        filter: candidateFilter.nullable().default(null),
        /** Monitoring category or removal method for all added; default from each household. */
        choice: optionalText('类别', 20),
        risks: z.array(z.string().trim().min(1)).max(5, '致贫/返贫风险最多5项').default([]),
      })
      .refine((a) => a.householdIds.length > 0 || a.filter != null, { message: '请选择农户，或给出筛选条件', path: ['householdIds'] }),
      REVIEW,
  ),
  removeHousehold: endpoint<BatchDetail>()(
    'workflows.removeHousehold',
    z.object({ batchId: id, householdId: id, on: isoDate, reason: required('移出理由', 200) }),
    REVIEW,
  ),
  recordOutcome: endpoint<BatchDetail>()(
    'workflows.recordOutcome',
    z
      .object({
        batchId: id,
        seq,
        householdIds: ids.min(1, '请选择农户'),
        outcome: z.enum(OUTCOMES, '结果应为 通过 / 不通过 / 退回'),
        reason: optionalText('理由', 500),
        decidedOn: isoDate,
        decidedBy: optionalText('决定人或单位', 50),
      })
      .refine((o) => o.outcome === 'pass' || (o.reason ?? '') !== '', { message: '不通过或退回必须填写理由', path: ['reason'] }),
      REVIEW,
  ),
  openStep: endpoint<BatchDetail>()(
    'workflows.openStep',
    z.object({ batchId: id, seq, startedOn: isoDate, postedAt: optionalText('张贴地点', 100), note: optionalText('备注', 500) }),
    REVIEW,
  ),
  closeStep: endpoint<CloseResult>()('workflows.closeStep', z.object({ batchId: id, seq, closedOn: isoDate, note: optionalText('备注', 500) }), REVIEW),
  saveMeeting: endpoint<BatchDetail>()('workflows.saveMeeting', meetingInput, REVIEW),
  raiseObjection: endpoint<BatchDetail>()(
    'workflows.raiseObjection',
    z.object({
      batchId: id,
      seq,
      householdId: z.string().nullable().default(null),
      raisedBy: optionalText('异议人', 20),
      raisedOn: isoDate,
      content: required('异议内容', 1000),
    }),
    REVIEW,
  ),
  settleObjection: endpoint<BatchDetail>()(
    'workflows.settleObjection',
    z.object({ id, handling: required('处理情况', 1000), result: required('处理结果', 500), settledOn: isoDate }),
    REVIEW,
  ),
  reopen: endpoint<BatchDetail>()('workflows.reopen', decisionInput, REVIEW),
  cancel: endpoint<BatchDetail>()('workflows.cancel', decisionInput, REVIEW),
  quotas: endpoint<QuotaView[]>()('workflows.quotas', z.object({ year, kind: kind.nullable().default(null) })),
  saveQuota: endpoint<QuotaView>()(
    'workflows.saveQuota',
    z.object({ villageId: id, year, kind, households: z.number().int('规模应为整数').min(0, '规模不能为负数').max(100_000, '规模过大') }),
    ADMIN,
  ),
  exitCheck: endpoint<ExitCheckRow[]>()(
    'workflows.exitCheck',
    z
      .object({ year, batchId: z.string().nullable().default(null), householdIds: ids.default([]) })
      .refine((e) => e.batchId != null || e.householdIds.length > 0, { message: '请选择批次或农户', path: ['householdIds'] }),
  ),
};
