// `batch`: workflow batches from the command line — list, show, create, add and remove
// households; the step verbs are in batch-steps.ts, quotas, exit check and settings in batch-admin.ts.
import { candidates } from '../../core/workflows/candidates.ts';
import { createBatch } from '../../core/workflows/create.ts';
import { batchDetail } from '../../core/workflows/detail.ts';
import { listBatches } from '../../core/workflows/list.ts';
import { addByHand, addFitting, removeHousehold } from '../../core/workflows/membership.ts';
import { batchIdOf, householdIdsByNo, villageIdsByCode } from '../../core/workflows/refs.ts';
import { candidateFilter } from '../../shared/api/workflows.ts';
import { UserError } from '../../shared/errors.ts';
import { intOption, optionalString, requireString } from '../args.ts';
import { emit } from '../io.ts';
import { adminVerbs } from './batch-admin.ts';
import { stepVerbs } from './batch-steps.ts';
import { describeBatch, showDetail } from './batch-view.ts';
import type { Verb, VerbContext } from './batch-verbs.ts';
import { intValue, kindOption, optionalList, text, verbCommand, yuanOption } from './batch-verbs.ts';
import { API } from '../../shared/api/index.ts';

const batchOf = (c: VerbContext): string => batchIdOf(c.archive.db, requireString(c.p, 'batch', c.usage));

const list: Verb = {
  args: '[--kind 类型] [--year 年度] [--status open|closed|cancelled] [--village 村代码] [--as-of 日期]',
  summary: '批次列表：类型、年度、村、状态，以及下一步要做什么',
  acts: API.workflows.list,
  options: { kind: { type: 'string' }, year: { type: 'string' }, status: { type: 'string' }, village: { type: 'string' }, 'as-of': { type: 'string' } },
  run(c) {
    const status = optionalString(c.p, 'status');
    if (status !== undefined && !['open', 'closed', 'cancelled'].includes(status)) throw new UserError(`参数 --status 应为 open、closed 或 cancelled，收到“${status}”。`, { kind: 'usage' });
    const village = optionalString(c.p, 'village');
    const batches = listBatches(
      c.archive.db,
      {
        kind: kindOption(c.p, c.usage, false),
        year: c.p.values.year === undefined ? null : intOption(c.p, 'year', 0, [2000, 2100]),
        status: (status ?? null) as 'open' | null,
        villageId: village ? villageIdsByCode(c.archive.db, [village])[0]! : null,
      },
      c.date('as-of'),
    );
    emit(c.io, { batches }, () => (batches.length ? batches.map((b) => `${b.id.slice(0, 8)}  ${b.title}［${b.statusLabel}］${b.householdCount}户  ${b.next}${b.overQuota ? '  （超规模）' : ''}`).join('\n') : '档案中还没有批次。'));
    return 0;
  },
};

const show: Verb = {
  args: '--batch 编号 [--as-of 日期]',
  summary: '一个批次：各环节（日期、公示期、异议、会议）、各户结果、规模提示',
  acts: API.workflows.get,
  options: { batch: { type: 'string' }, 'as-of': { type: 'string' } },
  run(c) {
    const d = batchDetail(c.archive.db, batchOf(c), c.date('as-of'));
    emit(c.io, d, () => describeBatch(d));
    return 0;
  },
};

const create: Verb = {
  args: '--kind 类型 --year 年度 [--village 村代码,…] [--title 名称] [--on 日期] [--household 户编号,…]',
  summary: '新建批次（不填村为全镇批次）；可同时加入农户',
  acts: API.workflows.create,
  options: { kind: { type: 'string' }, year: { type: 'string' }, village: { type: 'string' }, title: { type: 'string' }, on: { type: 'string' }, household: { type: 'string' } },
  run(c) {
    const { db } = c.archive;
    const id = createBatch(db, c.actor, {
      kind: kindOption(c.p, c.usage, true),
      year: intValue(c.p, 'year', c.usage, [2000, 2100]),
      villageIds: villageIdsByCode(db, optionalList(c.p, 'village')),
      title: text(c.p, 'title'),
      createdOn: c.date(),
      householdIds: householdIdsByNo(db, optionalList(c.p, 'household')),
    });
    showDetail(c.io, batchDetail(db, id, c.date()), '已新建批次。');
    return 0;
  },
};

const add: Verb = {
  args: '--batch 编号 (--household 户编号,… | --filter edge-range|below-monitoring|none [--income-year 年度] [--above 元] [--below 元] [--include-welfare]) [--category 类别] [--risks 风险,…] [--on 日期]',
  summary: '加入农户：按户编号（有一户不符合就都不加入），或按收入等条件筛选（不符合的跳过并列出）',
  acts: API.workflows.addHouseholds,
  options: {
    batch: { type: 'string' },
    household: { type: 'string' },
    filter: { type: 'string' },
    'income-year': { type: 'string' },
    above: { type: 'string' },
    below: { type: 'string' },
    'include-welfare': { type: 'boolean', default: false },
    category: { type: 'string' },
    risks: { type: 'string' },
    on: { type: 'string' },
  },
  run(c) {
    const { db } = c.archive;
    const batchId = batchOf(c);
    const nos = optionalList(c.p, 'household');
    const preset = optionalString(c.p, 'filter');
    if (!nos.length && preset === undefined) throw new UserError(`请用 --household 给出户编号，或用 --filter 给出筛选条件。\n用法：${c.usage}`, { kind: 'usage' });
    const input = { on: c.date(), choice: text(c.p, 'category'), risks: optionalList(c.p, 'risks') };
    const r = db.transaction(() => {
      const byHand = nos.length ? addByHand(db, c.actor, batchId, { ...input, householdIds: householdIdsByNo(db, nos) }) : 0;
      if (preset === undefined) return { added: byHand, skipped: [] };
      const parsed = candidateFilter.safeParse({
        preset,
        incomeYear: c.p.values['income-year'] === undefined ? null : intOption(c.p, 'income-year', 0, [2000, 2100]),
        aboveFen: yuanOption(c.p, 'above'),
        belowFen: yuanOption(c.p, 'below'),
        excludeWelfare: c.p.values['include-welfare'] !== true,
        limit: 5000,
      });
      if (!parsed.success) throw new UserError(`筛选条件有误：--filter 应为 edge-range、below-monitoring 或 none。\n用法：${c.usage}`, { kind: 'usage' });
      const fit = addFitting(db, c.actor, batchId, candidates(db, batchId, parsed.data).map((x) => x.householdId), input);
      return { added: byHand + fit.added, skipped: fit.skipped };
    });
    const d = batchDetail(db, batchId, c.date());
    emit(c.io, { ...r, detail: d }, () => [`已加入 ${r.added} 户。`, ...r.skipped.map((s) => `  未加入 ${s.household}：${s.reason}`), describeBatch(d)].join('\n'));
    return 0;
  },
};

const remove: Verb = {
  args: '--batch 编号 --household 户编号 --reason 理由 [--on 日期]',
  summary: '把一户移出批次（如农户撤回申请），记录理由',
  acts: API.workflows.removeHousehold,
  options: { batch: { type: 'string' }, household: { type: 'string' }, reason: { type: 'string' }, on: { type: 'string' } },
  run(c) {
    const { db } = c.archive;
    const batchId = batchOf(c);
    const [householdId] = householdIdsByNo(db, [requireString(c.p, 'household', c.usage)]);
    removeHousehold(db, c.actor, { batchId, householdId: householdId!, on: c.date(), reason: requireString(c.p, 'reason', c.usage) });
    showDetail(c.io, batchDetail(db, batchId, c.date()), '已移出。');
    return 0;
  },
};

export const batch = verbCommand('batch', '工作流程批次：识别、边缘户认定、脱贫退出、返贫、监测对象识别、风险消除', {
  list,
  show,
  create,
  add,
  remove,
  ...stepVerbs,
  ...adminVerbs,
});
