// `screening`: 部门筛查预警 from the command line — import a department's list (a check that writes
// nothing, then --confirm to record the hits), the 预警 register, and what the clerk does with a
// hit: 核实 result, 监测识别 batch, or dismissal. Also `samples`: synthetic lists for the demo.
import { householdIdsByNo, villageIdsByCode } from '../../core/workflows/refs.ts';
import { writeSampleLists } from '../../core/demo/screening-lists.ts';
import { alertRegister, checkList, dismissAlert, importList, startMonitoring, verifyAlert } from '../../core/screening/index.ts';
import { API } from '../../shared/api/index.ts';
import type { AlertRegister, AlertView, ScreeningResult } from '../../shared/api/screening.ts';
import { todayIso } from '../../shared/dates.ts';
import { UserError } from '../../shared/errors.ts';
import { yuanToFen } from '../../shared/money.ts';
import { ALERT_STATUSES, ALERT_STATUS_LABELS, DEPARTMENTS, DEPARTMENT_DEFS, departmentFrom } from '../../shared/screening/departments.ts';
import type { AlertStatus, Department } from '../../shared/screening/departments.ts';
import { dateOption, optionalString, parse, requireString } from '../args.ts';
import type { Parsed } from '../args.ts';
import { cliActor } from '../clock.ts';
import type { Command } from '../command.ts';
import { emit } from '../io.ts';
import { withArchive } from '../with-archive.ts';
import type { Verb, VerbContext } from './batch-verbs.ts';
import { verbCommand } from './batch-verbs.ts';

const SUMMARY = '部门筛查预警：导入部门名单（医保、民政、残联等）与档案比对，预警登记、核实、发起监测识别、排除';
const DEPT_LIST = DEPARTMENTS.map((d) => DEPARTMENT_DEFS[d].label).join('|');
const IMPORT_USAGE = `relief-archive screening import 名单.xlsx --db 文件 [--department ${DEPT_LIST}] [--list-date 日期] [--threshold 医保自付阈值（元）] [--confirm]`;

function departmentOption(p: Parsed): Department | null {
  const v = optionalString(p, 'department');
  if (v === undefined) return null;
  const d = departmentFrom(v);
  if (!d) throw new UserError(`参数 --department 应为 ${DEPARTMENTS.map((k) => DEPARTMENT_DEFS[k].label).join('、')} 之一，不是“${v}”。`, { kind: 'usage' });
  return d;
}

function resultText(r: ScreeningResult): string {
  const c = r.counts;
  const lines = [
    r.refused
      ? `名单“${r.fileName}”不能导入（未写入）：`
      : `${r.applied ? '已导入' : '检查完成（未写入，核对后加 --confirm 导入）'}：${r.departmentLabel}名单“${r.title}”${c.rows} 人，比中 ${c.hits} 人（按身份证号 ${c.byId}，按姓名和出生日期 ${c.byNameBirth}）；不在档案 ${c.notInArchive}，号码有误 ${c.malformedIds}，重复 ${c.duplicates}，未达预警条件 ${c.notFlagged}，已有待核实预警 ${c.alreadyPending}`,
    ...r.hits.map((h) => `  第${h.rowNo}行 ${h.householdNo} ${h.villageName} ${h.name}：${h.reason}${h.matchedBy === 'name-birth' ? '（按姓名和出生日期比中）' : ''}`),
    ...r.problems.map((p) => `  ${p.severity === 'error' ? '错误' : '提示'} ${p.sheet}${p.row ? ` 第${p.row}行` : ''}${p.column ? `“${p.column}”列` : ''}：${p.message}`),
  ];
  return lines.join('\n');
}

const importCommand = {
  acts: (argv: readonly string[]) => (argv.includes('--confirm') ? API.screening.apply : API.screening.check),
  async run(argv: string[], io: Parameters<Command['run']>[1]): Promise<number> {
    const p = parse(argv, { department: { type: 'string' }, 'list-date': { type: 'string' }, threshold: { type: 'string' }, confirm: { type: 'boolean', default: false } }, IMPORT_USAGE);
    const [file, ...extra] = p.positionals;
    if (!file || extra.length) throw new UserError(`请给出一个要导入的部门名单（.xlsx）。\n用法：${IMPORT_USAGE}`, { kind: 'usage' });
    const db = requireString(p, 'db', IMPORT_USAGE);
    const actor = cliActor(optionalString(p, 'operator'));
    const threshold = optionalString(p, 'threshold');
    let medicalThresholdFen: number | null = null;
    if (threshold !== undefined) {
      try {
        medicalThresholdFen = yuanToFen(threshold);
      } catch {
        throw new UserError(`参数 --threshold 应为金额（元），不是“${threshold}”。`, { kind: 'usage' });
      }
    }
    const opts = { department: departmentOption(p), listDate: dateOption(p, 'list-date') ?? null, medicalThresholdFen, today: todayIso(actor.now()) };
    return withArchive(db, async (archive) => {
      const r = p.values.confirm === true ? await importList(archive.db, actor, file, { ...opts, planStamp: null }) : await checkList(archive.db, file, opts);
      emit(io, r, () => resultText(r));
      return r.refused ? 1 : 0;
    });
  },
};

const alertLine = (a: AlertView): string =>
  `${a.id.slice(0, 8)} ${a.departmentLabel} ${a.householdNo} ${a.villageName} ${a.memberName ?? ''}：${a.reason} ［${a.statusLabel}］${a.status === 'pending' ? ` ${a.dueOn} 前核实${a.overdue ? '（已逾期）' : ''}` : (a.result ? ` ${a.result}` : '')}`;

function printRegister(c: VerbContext, r: AlertRegister): number {
  const s = r.counts.byStatus;
  emit(c.io, r, () =>
    [
      `预警 ${r.counts.total} 条：待核实 ${s.pending}（逾期 ${r.counts.overdue}），已核实-纳入监测 ${s.monitor}，已核实-无风险 ${s.no_risk}，已排除 ${s.dismissed}`,
      ...r.counts.byDepartment.map((d) => `  ${d.label} ${d.total} 条，待核实 ${d.pending}`),
      ...r.alerts.map(alertLine),
    ].join('\n'),
  );
  return 0;
}

/** A hit by the first characters of its id (as `list` prints them). */
function alertIdOf(c: VerbContext): string {
  const prefix = requireString(c.p, 'alert', c.usage).toLowerCase();
  const found = alertRegister(c.archive.db, c.date(), { department: null, status: null, villageId: null, overdue: false, householdId: null }).alerts.filter((a) => a.id.startsWith(prefix));
  if (found.length !== 1) throw new UserError(found.length ? `“${prefix}”对应 ${found.length} 条预警：请多写几位编号。` : `没有编号以“${prefix}”开头的预警：请用 screening list 查看编号。`);
  return found[0]!.id;
}

const show = (c: VerbContext, a: AlertView, lead: string): number => {
  emit(c.io, a, () => `${lead}${alertLine(a)}`);
  return 0;
};

const verbs: Record<string, Verb> = {
  list: {
    args: `[--department ${DEPT_LIST}] [--status ${ALERT_STATUSES.join('|')}] [--village 村代码] [--household 户编号] [--overdue] [--as-of 日期]`,
    summary: '预警登记簿：部门、原因、状态、核实期限；按部门、状态、村、逾期筛选',
    acts: API.screening.list,
    options: { department: { type: 'string' }, status: { type: 'string' }, village: { type: 'string' }, household: { type: 'string' }, overdue: { type: 'boolean', default: false }, 'as-of': { type: 'string' } },
    run(c) {
      const status = optionalString(c.p, 'status');
      if (status !== undefined && !(ALERT_STATUSES as readonly string[]).includes(status)) {
        throw new UserError(`参数 --status 应为 ${ALERT_STATUSES.map((s) => `${s}（${ALERT_STATUS_LABELS[s]}）`).join('、')}。`, { kind: 'usage' });
      }
      const village = optionalString(c.p, 'village');
      const household = optionalString(c.p, 'household');
      return printRegister(
        c,
        alertRegister(c.archive.db, c.date('as-of'), {
          department: departmentOption(c.p),
          status: (status ?? null) as AlertStatus | null,
          villageId: village ? villageIdsByCode(c.archive.db, [village])[0]! : null,
          householdId: household ? householdIdsByNo(c.archive.db, [household])[0]! : null,
          overdue: c.p.values.overdue === true,
        }),
      );
    },
  },
  verify: {
    args: '--alert 预警编号 --outcome monitor|no_risk --result 核实情况',
    summary: '登记核实结果：monitor 已核实-纳入监测，no_risk 已核实-无风险',
    acts: API.screening.verify,
    options: { alert: { type: 'string' }, outcome: { type: 'string' }, result: { type: 'string' } },
    run(c) {
      const outcome = requireString(c.p, 'outcome', c.usage);
      if (outcome !== 'monitor' && outcome !== 'no_risk') throw new UserError('参数 --outcome 应为 monitor（纳入监测）或 no_risk（无风险）。', { kind: 'usage' });
      return show(c, verifyAlert(c.archive.db, c.actor, c.date(), { id: alertIdOf(c), outcome, result: requireString(c.p, 'result', c.usage) }), '已登记核实结果：');
    },
  },
  monitor: {
    args: '--alert 预警编号 [--year 年度] [--on 日期]',
    summary: '为预警所在户发起监测对象识别批次（入户核实起）',
    acts: API.screening.startMonitoring,
    options: { alert: { type: 'string' }, year: { type: 'string' }, on: { type: 'string' } },
    run(c) {
      const on = c.date();
      const year = optionalString(c.p, 'year');
      const y = year === undefined ? Number(on.slice(0, 4)) : Number(year);
      if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new UserError('参数 --year 应为年度（如 2026）。', { kind: 'usage' });
      return show(c, startMonitoring(c.archive.db, c.actor, on, { id: alertIdOf(c), year: y, createdOn: on, title: null }), '已发起监测对象识别：');
    },
  },
  dismiss: {
    args: '--alert 预警编号 --reason 排除理由',
    summary: '排除预警（写明理由）',
    acts: API.screening.dismiss,
    options: { alert: { type: 'string' }, reason: { type: 'string' } },
    run: (c) => show(c, dismissAlert(c.archive.db, c.actor, c.date(), { id: alertIdOf(c), reason: requireString(c.p, 'reason', c.usage) }), '已排除：'),
  },
  samples: {
    args: '--out 文件夹',
    summary: '按本档案生成各部门的虚构筛查名单（演示和测试用，含比中、不在档案、号码有误、重复的行）',
    acts: API.screening.list,
    options: { out: { type: 'string' } },
    async run(c) {
      const written = await writeSampleLists(c.archive.db, requireString(c.p, 'out', c.usage));
      emit(c.io, { files: written.map((w) => ({ department: w.department, file: w.file, rows: w.rows, hits: w.hits })) }, () => written.map((w) => `${DEPARTMENT_DEFS[w.department].label}：${w.file}（${w.rows} 行）`).join('\n'));
      return 0;
    },
  },
};

const rest = verbCommand('screening', SUMMARY, verbs);

export const screening: Command = {
  name: 'screening',
  summary: SUMMARY,
  usage: `\n  ${IMPORT_USAGE}\n      检查部门名单（不写入）；核对后加 --confirm 登记预警${rest.usage}`,
  acts: (argv) => (argv[0] === 'import' ? importCommand.acts(argv.slice(1)) : rest.acts(argv)),
  run: (argv, io) => (argv[0] === 'import' ? importCommand.run(argv.slice(1), io) : rest.run(argv, io)),
};
