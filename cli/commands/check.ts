import { checkArchive } from '../../core/check.ts';
import { SEVERITY_LABELS } from '../../shared/quality/index.ts';
import { PERIOD_OPTIONS, parse, periodOptions, requireString } from '../args.ts';
import type { Command } from '../command.ts';
import { emit } from '../io.ts';
import { withArchive } from '../with-archive.ts';
import { API } from '../../shared/api/index.ts';

const usage = 'relief-archive check --db 文件 [--year 收入年度] [--as-of YYYY-MM-DD]';

export const check: Command = {
  name: 'check',
  summary: '数据质量检查：列出错误和疑点数据（报县前自查）',
  acts: () => API.quality.check,
  usage,
  run(argv, io) {
    const p = parse(argv, PERIOD_OPTIONS, usage);
    const file = requireString(p, 'db', usage);
    const period = periodOptions(p);
    return withArchive(file, (archive) => {
      const r = checkArchive(archive, period);
      emit(io, r, () => {
        if (r.problems.length === 0) return '数据质量检查完成：未发现问题。';
        const lines = r.problems.map(
          (q) => `[${q.code} ${SEVERITY_LABELS[q.severity]}] ${q.village} 户编号 ${q.household}${q.member ? ` ${q.member}` : ''}：${q.message}`,
        );
        lines.push('', `共 ${r.problems.length} 个问题：错误 ${r.counts.error} 个，疑点 ${r.counts.warning} 个。`);
        return lines.join('\n');
      });
      return 0;
    });
  },
};
