// `monitor`: 防返贫监测 from the command line — the board (levels, checks due), one object,
// and recording a monthly check, a remedy, its risks, or the removal of its risk.
import { householdIdsByNo, villageIdsByCode } from '../../core/workflows/refs.ts';
import { monitoringBoard } from '../../core/workflows/monitoring-board.ts';
import { monitoringDetail, recordCheck, removeRisk, saveRemedy, setRisks } from '../../core/workflows/monitoring-records.ts';
import type { MonitoringBoard, MonitoringDetail, MonitoringObjectView } from '../../shared/api/monitoring.ts';
import { UserError } from '../../shared/errors.ts';
import { formatYuan } from '../../shared/money.ts';
import { GUARANTEE_ITEMS, GUARANTEE_KEYS, MONITORING_LEVELS, REMOVAL_METHODS } from '../../shared/workflows/index.ts';
import type { GuaranteeItem, MonitoringLevel } from '../../shared/workflows/index.ts';
import { dateOption, optionalString, requireString } from '../args.ts';
import { emit } from '../io.ts';
import type { Verb, VerbContext } from './batch-verbs.ts';
import { listOption, optionalList, text, verbCommand, yuanOption } from './batch-verbs.ts';
import { API } from '../../shared/api/index.ts';

const objectLine = (o: MonitoringObjectView): string =>
  `${o.no} ${o.head ?? ''} ${o.villageName} ${o.category ?? o.statusLabel} ［${o.levelLabel}］ ${o.dueLabel}${o.lastCheckOn ? `（上次走访 ${o.lastCheckOn}）` : ''}${o.riskRemoved ? ` 风险已消除（${o.removalMethod ?? ''}）` : ''}`;

function printBoard(c: VerbContext, b: MonitoringBoard): number {
  emit(c.io, b, () =>
    [`${b.month} 监测对象 ${b.counts.total} 户：红色 ${b.counts.red}，黄色 ${b.counts.yellow}，绿色 ${b.counts.green}；本月待走访 ${b.counts.due}，上月也未走访 ${b.counts.overdue}`, ...b.objects.map(objectLine)].join('\n'),
  );
  return 0;
}

function boardVerb(dueOnly: boolean, summary: string): Verb {
  return {
    args: `[--village 村代码]${dueOnly ? '' : ' [--level red|yellow|green] [--include-removed]'} [--as-of 日期]`,
    summary,
    acts: API.monitoring.board,
    options: { village: { type: 'string' }, level: { type: 'string' }, 'include-removed': { type: 'boolean', default: false }, 'as-of': { type: 'string' } },
    run(c) {
      const level = optionalString(c.p, 'level');
      if (level !== undefined && !(MONITORING_LEVELS as readonly string[]).includes(level)) throw new UserError('参数 --level 应为 red、yellow 或 green。', { kind: 'usage' });
      const village = optionalString(c.p, 'village');
      return printBoard(
        c,
        monitoringBoard(c.archive.db, {
          asOf: c.date('as-of'),
          villageId: village ? villageIdsByCode(c.archive.db, [village])[0]! : null,
          level: (level ?? null) as MonitoringLevel | null,
          dueOnly,
          includeRemoved: c.p.values['include-removed'] === true,
        }),
      );
    },
  };
}

const householdOf = (c: VerbContext): string => householdIdsByNo(c.archive.db, [requireString(c.p, 'household', c.usage)])[0]!;

function printDetail(c: VerbContext, d: MonitoringDetail, lead = ''): number {
  emit(c.io, d, () =>
    [
      ...(lead ? [lead] : []),
      objectLine(d.object),
      `  ${d.object.levelReasons.join('；')}`,
      ...d.checks.map((k) => `  走访 ${k.checkedOn} ［${k.levelLabel}］${k.predictedPerCapitaFen == null ? '' : ` 预估人均 ${formatYuan(k.predictedPerCapitaFen)} 元`}${k.findings ? `：${k.findings}` : ''}`),
      ...d.remedies.map((r) => `  帮扶（${r.shortfall}）${r.action}${r.doneOn ? `，${r.doneOn} 已落实` : '，未落实'}`),
    ].join('\n'),
  );
  return 0;
}

const atRiskOf = (c: VerbContext): GuaranteeItem[] =>
  optionalList(c.p, 'at-risk').map((x) => {
    const k = GUARANTEE_KEYS.find((key) => key === x || GUARANTEE_ITEMS[key] === x || GUARANTEE_ITEMS[key].startsWith(x));
    if (!k) throw new UserError(`“${x}”不是“两不愁三保障”项目：可填 ${GUARANTEE_KEYS.map((key) => `${key}（${GUARANTEE_ITEMS[key]}）`).join('、')}。`, { kind: 'usage' });
    return k;
  });

const verbs: Record<string, Verb> = {
  list: boardVerb(false, '监测对象：类别、风险等级（红/黄/绿）、本月走访情况'),
  due: boardVerb(true, '本月还没有走访的监测对象（含上月也未走访的）'),
  show: {
    args: '--household 户编号 [--as-of 日期]',
    summary: '一户监测对象：等级及原因、历次走访、帮扶措施',
    acts: API.monitoring.get,
    options: { household: { type: 'string' }, 'as-of': { type: 'string' } },
    run: (c) => printDetail(c, monitoringDetail(c.archive.db, householdOf(c), c.date('as-of'))),
  },
  check: {
    args: '--household 户编号 [--on 日期] [--income 预估人均纯收入（元）] [--at-risk 住房,饮水,…] [--findings 发现] [--actions 措施] [--by 走访人]',
    summary: '登记月度走访：按预估收入和“两不愁三保障”算出等级',
    acts: API.monitoring.recordCheck,
    options: { household: { type: 'string' }, on: { type: 'string' }, income: { type: 'string' }, 'at-risk': { type: 'string' }, findings: { type: 'string' }, actions: { type: 'string' }, by: { type: 'string' } },
    run(c) {
      const id = recordCheck(c.archive.db, c.actor, { householdId: householdOf(c), checkedOn: c.date(), predictedPerCapitaFen: yuanOption(c.p, 'income'), atRisk: atRiskOf(c), findings: text(c.p, 'findings'), actions: text(c.p, 'actions'), checkedBy: text(c.p, 'by') });
      return printDetail(c, monitoringDetail(c.archive.db, id, c.date()), '已登记走访。');
    },
  },
  remedy: {
    args: '--household 户编号 --shortfall 短板 --action 措施 [--responsible 责任单位] [--due 日期] [--done 日期] [--result 结果]',
    summary: '登记帮扶措施（分类“补”）',
    acts: API.monitoring.saveRemedy,
    options: { household: { type: 'string' }, shortfall: { type: 'string' }, action: { type: 'string' }, responsible: { type: 'string' }, due: { type: 'string' }, done: { type: 'string' }, result: { type: 'string' } },
    run(c) {
      const id = saveRemedy(c.archive.db, c.actor, {
        id: null,
        householdId: householdOf(c),
        checkId: null,
        shortfall: requireString(c.p, 'shortfall', c.usage),
        action: requireString(c.p, 'action', c.usage),
        responsible: text(c.p, 'responsible'),
        dueOn: dateOption(c.p, 'due') ?? null,
        doneOn: dateOption(c.p, 'done') ?? null,
        result: text(c.p, 'result'),
      });
      return printDetail(c, monitoringDetail(c.archive.db, id, c.date()), '已登记帮扶措施。');
    },
  },
  risks: {
    args: '--household 户编号 --risks 风险,…（最多5项）',
    summary: '修改致贫/返贫风险',
    acts: API.monitoring.setRisks,
    options: { household: { type: 'string' }, risks: { type: 'string' } },
    run(c) {
      const o = setRisks(c.archive.db, c.actor, { householdId: householdOf(c), risks: listOption(c.p, 'risks', c.usage) });
      emit(c.io, o, () => `已修改：${objectLine(o)}，风险 ${o.risks.join('、')}`);
      return 0;
    },
  },
  remove: {
    args: `--household 户编号 --method ${REMOVAL_METHODS.join('|')} --decision 决定 [--reason 理由] [--on 日期]`,
    summary: '依据决定消除风险；识别不满6个月的会提示（不阻止）',
    acts: API.monitoring.removeRisk,
    options: { household: { type: 'string' }, method: { type: 'string' }, decision: { type: 'string' }, reason: { type: 'string' }, on: { type: 'string' } },
    run(c) {
      const method = requireString(c.p, 'method', c.usage);
      if (!(REMOVAL_METHODS as readonly string[]).includes(method)) throw new UserError(`参数 --method 应为 ${REMOVAL_METHODS.join(' 或 ')}。`, { kind: 'usage' });
      const r = removeRisk(c.archive.db, c.actor, { householdId: householdOf(c), method, removedOn: c.date(), decision: requireString(c.p, 'decision', c.usage), reason: text(c.p, 'reason') });
      if (r.early.message) c.io.err(`提示：${r.early.message}`);
      emit(c.io, r, () => `风险已消除：${objectLine(r.object)}`);
      return 0;
    },
  },
};

export const monitor = verbCommand('monitor', '防返贫监测：监测对象、风险等级、本月待走访、走访和帮扶、风险消除', verbs);
