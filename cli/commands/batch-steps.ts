// `batch` verbs that record what happened at a step: outcomes, opening and completing steps,
// meetings, objections, and the decisions that reopen or cancel a batch.
import { cancelBatch, reopenBatch } from '../../core/workflows/decisions.ts';
import { batchDetail } from '../../core/workflows/detail.ts';
import { saveMeeting } from '../../core/workflows/meetings.ts';
import { raiseObjection, settleObjection } from '../../core/workflows/objections.ts';
import { recordOutcome } from '../../core/workflows/outcomes.ts';
import { batchIdOf, householdIdsByNo, objectionIdOf, stepSeqOf } from '../../core/workflows/refs.ts';
import { closeStep, openStep } from '../../core/workflows/steps.ts';
import { UserError } from '../../shared/errors.ts';
import { OUTCOME_LABELS, VOTE_METHODS, outcomeFrom } from '../../shared/workflows/index.ts';
import { optionalString, requireString } from '../args.ts';
import { emit } from '../io.ts';
import { describeBatch, showDetail } from './batch-view.ts';
import type { Verb, VerbContext } from './batch-verbs.ts';
import { intValue, listOption, optionalList, text } from './batch-verbs.ts';
import { API } from '../../shared/api/index.ts';
import type { Access } from '../../shared/roles.ts';

const batchOf = (c: VerbContext): string => batchIdOf(c.archive.db, requireString(c.p, 'batch', c.usage));

/** --step as a number, code or label of the batch's kind. */
function stepOf(c: VerbContext, batchId: string): number {
  const d = batchDetail(c.archive.db, batchId, c.date());
  return stepSeqOf(d.steps, requireString(c.p, 'step', c.usage));
}

const done = (c: VerbContext, batchId: string, lead: string): number => {
  showDetail(c.io, batchDetail(c.archive.db, batchId, c.date()), lead);
  return 0;
};

const outcome: Verb = {
  args: '--batch 编号 --step 环节 --household 户编号,… --result 通过|不通过|退回 [--reason 理由] [--by 决定人] [--on 日期]',
  summary: '登记各户在某一环节的结果（不通过、退回须写理由）',
  acts: API.workflows.recordOutcome,
  options: { batch: { type: 'string' }, step: { type: 'string' }, household: { type: 'string' }, result: { type: 'string' }, reason: { type: 'string' }, by: { type: 'string' }, on: { type: 'string' } },
  run(c) {
    const batchId = batchOf(c);
    const result = outcomeFrom(requireString(c.p, 'result', c.usage));
    if (!result) throw new UserError(`参数 --result 应为 通过、不通过 或 退回。\n用法：${c.usage}`, { kind: 'usage' });
    const reason = text(c.p, 'reason');
    if (result !== 'pass' && !reason) throw new UserError(`${OUTCOME_LABELS[result]}须写明理由：请加 --reason。`, { kind: 'usage' });
    recordOutcome(c.archive.db, c.actor, {
      batchId,
      seq: stepOf(c, batchId),
      householdIds: householdIdsByNo(c.archive.db, listOption(c.p, 'household', c.usage)),
      outcome: result,
      reason,
      decidedOn: c.date(),
      decidedBy: text(c.p, 'by'),
    });
    return done(c, batchId, `已登记：${OUTCOME_LABELS[result]}。`);
  },
};

const openStepVerb: Verb = {
  args: '--batch 编号 --step 环节 [--on 开始日期] [--posted-at 张贴地点] [--note 备注]',
  summary: '开始一个环节（须上一环节已完成；公示环节须写张贴地点，结束日期按公示天数算出）',
  acts: API.workflows.openStep,
  options: { batch: { type: 'string' }, step: { type: 'string' }, on: { type: 'string' }, 'posted-at': { type: 'string' }, note: { type: 'string' } },
  run(c) {
    const batchId = batchOf(c);
    openStep(c.archive.db, c.actor, { batchId, seq: stepOf(c, batchId), startedOn: c.date(), postedAt: text(c.p, 'posted-at'), note: text(c.p, 'note') });
    return done(c, batchId, '环节已开始。');
  },
};

const closeStepVerb: Verb = {
  args: '--batch 编号 --step 环节 [--on 完成日期] [--note 备注]',
  summary: '完成一个环节（公示期未满、有未办结异议、评议会议不足三分之二时拒绝并说明何时可以完成）；完成最后一步即公告，改变各户状态',
  acts: API.workflows.closeStep,
  options: { batch: { type: 'string' }, step: { type: 'string' }, on: { type: 'string' }, note: { type: 'string' } },
  run(c) {
    const batchId = batchOf(c);
    const r = closeStep(c.archive.db, c.actor, { batchId, seq: stepOf(c, batchId), closedOn: c.date(), note: text(c.p, 'note') });
    const d = batchDetail(c.archive.db, batchId, c.date());
    emit(c.io, { ...r, detail: d }, () =>
      [`环节已完成${r.implied ? `，${r.implied} 户随之登记结果` : ''}。`, ...r.applied.map((a) => `  ${a.household}：状态已变更`), describeBatch(d)].join('\n'),
    );
    return 0;
  },
};

/** --vote: 举手表决 / 无记名投票 (or hands / ballot, 举手 / 无记名). */
function voteMethodOf(v: string | null): string | null {
  if (v == null) return null;
  const code = Object.entries(VOTE_METHODS).find(([k, label]) => v === k || v === label || label.startsWith(v))?.[0];
  if (!code) throw new UserError(`投票方式“${v}”无法识别：--vote 只能是 举手表决 或 无记名投票。`, { kind: 'usage' });
  return code;
}

const meeting: Verb = {
  args: '--batch 编号 --step 环节 --attendees 到会人数 --entitled 应到人数 [--on 日期] [--place 地点] [--host 主持人] [--recorder 记录人] [--from 开始时间 09:30] [--to 结束时间] [--vote 举手表决|无记名投票] [--scrutineer 监票人] [--teller 计票人] [--minutes 记录] [--result 结果] [--votes 户编号:赞成:反对:弃权,…]',
  summary: '登记民主评议会议（到会不足应到人数三分之二的会议无效）及各户票数',
  acts: API.workflows.saveMeeting,
  options: {
    batch: { type: 'string' },
    step: { type: 'string' },
    attendees: { type: 'string' },
    entitled: { type: 'string' },
    on: { type: 'string' },
    place: { type: 'string' },
    host: { type: 'string' },
    recorder: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    vote: { type: 'string' },
    scrutineer: { type: 'string' },
    teller: { type: 'string' },
    minutes: { type: 'string' },
    result: { type: 'string' },
    votes: { type: 'string' },
  },
  run(c) {
    const batchId = batchOf(c);
    const votes = optionalList(c.p, 'votes').map((v) => {
      const [no, f, a, ab] = v.split(/[:：]/);
      const n = (s: string | undefined): number => (s && /^\d+$/.test(s) ? Number(s) : 0);
      if (!no || !f || !/^\d+$/.test(f)) throw new UserError(`票数“${v}”格式应为 户编号:赞成:反对:弃权，例如 5119220001000001:25:3:2。`, { kind: 'usage' });
      return { householdId: householdIdsByNo(c.archive.db, [no])[0]!, votesFor: n(f), votesAgainst: n(a), abstentions: n(ab) };
    });
    const attendeesCount = intValue(c.p, 'attendees', c.usage, [0, 10_000]);
    const entitledCount = intValue(c.p, 'entitled', c.usage, [1, 10_000]);
    if (attendeesCount > entitledCount) throw new UserError(`到会人数 ${attendeesCount} 不能多于应到人数 ${entitledCount}。`, { kind: 'usage' });
    saveMeeting(c.archive.db, c.actor, {
      batchId,
      seq: stepOf(c, batchId),
      id: null,
      heldOn: c.date(),
      place: text(c.p, 'place'),
      host: text(c.p, 'host'),
      recorder: text(c.p, 'recorder'),
      startsAt: text(c.p, 'from'),
      endsAt: text(c.p, 'to'),
      voteMethod: voteMethodOf(text(c.p, 'vote')),
      scrutineer: text(c.p, 'scrutineer'),
      teller: text(c.p, 'teller'),
      attendeesCount,
      entitledCount,
      attendees: null,
      minutes: text(c.p, 'minutes'),
      result: text(c.p, 'result'),
      votes,
    });
    return done(c, batchId, '已登记会议。');
  },
};

const objection: Verb = {
  args: '--batch 编号 --step 环节 --content 内容 [--by 异议人] [--household 户编号] [--on 日期]',
  summary: '登记公示期间收到的异议（未办结前该环节不能完成）',
  acts: API.workflows.raiseObjection,
  options: { batch: { type: 'string' }, step: { type: 'string' }, content: { type: 'string' }, by: { type: 'string' }, household: { type: 'string' }, on: { type: 'string' } },
  run(c) {
    const batchId = batchOf(c);
    const no = optionalString(c.p, 'household');
    raiseObjection(c.archive.db, c.actor, {
      batchId,
      seq: stepOf(c, batchId),
      householdId: no ? householdIdsByNo(c.archive.db, [no])[0]! : null,
      raisedBy: text(c.p, 'by'),
      raisedOn: c.date(),
      content: requireString(c.p, 'content', c.usage),
    });
    return done(c, batchId, '已登记异议。');
  },
};

const settle: Verb = {
  args: '--objection 编号 --handling 处理情况 --result 处理结果 [--on 办结日期]',
  summary: '登记异议的处理情况和结果（办结）',
  acts: API.workflows.settleObjection,
  options: { objection: { type: 'string' }, handling: { type: 'string' }, result: { type: 'string' }, on: { type: 'string' } },
  run(c) {
    const id = objectionIdOf(c.archive.db, requireString(c.p, 'objection', c.usage));
    const batchId = settleObjection(c.archive.db, c.actor, { id, handling: requireString(c.p, 'handling', c.usage), result: requireString(c.p, 'result', c.usage), settledOn: c.date() });
    return done(c, batchId, '异议已办结。');
  },
};

const decision = (summary: string, apply: typeof reopenBatch, lead: string, acts: Access): Verb => ({
  args: '--batch 编号 --decision 决定（文号或会议） --reason 理由 [--on 决定日期]',
  summary,
  acts,
  options: { batch: { type: 'string' }, decision: { type: 'string' }, reason: { type: 'string' }, on: { type: 'string' } },
  run(c) {
    const batchId = batchOf(c);
    apply(c.archive.db, c.actor, { batchId, decision: requireString(c.p, 'decision', c.usage), reason: requireString(c.p, 'reason', c.usage), decidedOn: c.date() });
    return done(c, batchId, lead);
  },
});

export const stepVerbs: Record<string, Verb> = {
  outcome,
  'open-step': openStepVerb,
  'close-step': closeStepVerb,
  meeting,
  objection,
  settle,
  reopen: decision('依据记录的决定重新开启最近完成的环节（已公告的批次同时撤回其状态变更）', reopenBatch, '已重新开启。', API.workflows.reopen),
  cancel: decision('依据记录的决定撤销进行中的批次', cancelBatch, '批次已撤销。', API.workflows.cancel),
};
