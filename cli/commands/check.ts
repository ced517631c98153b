import { acknowledge, applyAcks, householdProblems, unacknowledge } from '../../core/check-acks.ts';
import { checkArchiveParallel } from '../../core/check-parallel.ts';
import { householdIdsByNo } from '../../core/workflows/refs.ts';
import type { AckView } from '../../shared/api/quality.ts';
import { UserError } from '../../shared/errors.ts';
import { SEVERITY_LABELS } from '../../shared/quality/index.ts';
import type { Problem } from '../../shared/quality/index.ts';
import { noPositionals, optionalString, parse, PERIOD_OPTIONS, periodOptions, requireString } from '../args.ts';
import type { Parsed } from '../args.ts';
import { cliActor } from '../clock.ts';
import type { Command } from '../command.ts';
import { emit } from '../io.ts';
import type { Io } from '../io.ts';
import { withArchive } from '../with-archive.ts';
import { API } from '../../shared/api/index.ts';

const usage = [
  'relief-archive check --db 文件 [--year 收入年度] [--as-of YYYY-MM-DD]',
  'relief-archive check --db 文件 --ack 规则:户编号[:成员姓名] --reason 核实理由   （已核实无误）',
  'relief-archive check --db 文件 --unack 核实记录编号   （取消核实）',
].join('\n');

const OPTIONS = { ...PERIOD_OPTIONS, ack: { type: 'string' }, reason: { type: 'string' }, unack: { type: 'string' } } as const;

const line = (q: Problem): string => `[${q.code} ${SEVERITY_LABELS[q.severity]}] ${q.village} 户编号 ${q.household}${q.member ? ` ${q.member}` : ''}：${q.message}`;

/** `--ack Q311:5119220001000017:张三`: the rule's findings on that household (that member's only, when named). */
function ack(p: Parsed, io: Io, file: string, spec: string): Promise<number> {
  const m = /^(Q\d{3}):([^:]+)(?::(.+))?$/.exec(spec.trim());
  if (!m) throw new UserError(`参数 --ack 应为“规则:户编号”或“规则:户编号:成员姓名”，例如 Q311:5119220001000017:张三，不是“${spec}”。`, { kind: 'usage' });
  const [, code, no, member] = m as unknown as [string, string, string, string | undefined];
  const reason = optionalString(p, 'reason')?.trim();
  if (!reason) throw new UserError('已核实无误要写明理由：请加 --reason 核实理由，例如 --reason 经入户核实情况属实。', { kind: 'usage' });
  const actor = cliActor(optionalString(p, 'operator'));
  const { asOf } = periodOptions(p);
  return withArchive(file, (archive) => {
    const [householdId] = householdIdsByNo(archive.db, [no]);
    let memberIds: (string | undefined)[] = [undefined];
    if (member) {
      const ids = [...new Set(householdProblems(archive, asOf, householdId!).filter((q) => q.code === code && q.member === member).map((q) => q.memberId ?? ''))];
      if (ids.length === 0) throw new UserError(`户编号 ${no} 的成员“${member}”现在没有规则 ${code} 的问题：请核对姓名，或重新检查后再核实。`);
      memberIds = ids.map((i) => i || undefined);
    }
    const done: AckView[] = memberIds.flatMap((memberId) => acknowledge(archive, actor, asOf, { householdId: householdId!, code, memberId, reason }));
    emit(io, { acknowledged: done }, () => [`已核实无误 ${done.length} 条（${actor.operator}，${asOf}）：`, ...done.map((a) => `  ${a.id} ${a.code} 户编号 ${no}：${a.message}`)].join('\n'));
    return 0;
  });
}

export const check: Command = {
  name: 'check',
  summary: '数据质量检查：列出错误和疑点数据（报县前自查）；--ack 标记已核实无误',
  acts: (argv) => (argv.includes('--ack') ? API.quality.ack : argv.includes('--unack') ? API.quality.unack : API.quality.check),
  usage,
  run(argv, io) {
    const p = parse(argv, OPTIONS, usage);
    noPositionals(p, usage);
    const file = requireString(p, 'db', usage);
    const spec = optionalString(p, 'ack');
    if (spec !== undefined) return ack(p, io, file, spec);
    const unack = optionalString(p, 'unack');
    if (unack !== undefined) {
      const actor = cliActor(optionalString(p, 'operator'));
      return withArchive(file, (archive) => {
        const a = unacknowledge(archive.db, actor, unack.trim());
        emit(io, a, () => `已取消核实：${a.code} ${a.message}`);
        return 0;
      });
    }
    const period = periodOptions(p);
    return withArchive(file, async (archive) => {
      // On the machine's cores for a large archive (core/check-parallel.ts), the same findings.
      const r = applyAcks(archive.db, await checkArchiveParallel(archive, period));
      emit(io, r, () => {
        const acked = r.acknowledged.length ? ['', `已核实无误 ${r.acknowledged.length} 个（不计入）：`, ...r.acknowledged.map((a) => `  ${line(a.problem)}（${a.ack.acknowledgedBy} ${a.ack.acknowledgedOn}：${a.ack.reason}；编号 ${a.ack.id}）`)] : [];
        if (r.problems.length === 0) return ['数据质量检查完成：未发现问题。', ...acked].join('\n');
        const lines = r.problems.map(line);
        lines.push('', `共 ${r.problems.length} 个问题：错误 ${r.counts.error} 个，疑点 ${r.counts.warning} 个。`, ...acked);
        return lines.join('\n');
      });
      return 0;
    });
  },
};
