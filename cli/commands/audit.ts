// `audit verify`: walks the audit log's hash chain — exit 0 when it is intact (完整), 1 when it is
// broken, with the first broken link: which row, and what was done to it.
import { localTime, verifyAudit } from '../../core/audit.ts';
import { API } from '../../shared/api/index.ts';
import { UserError } from '../../shared/errors.ts';
import { parse, requireString } from '../args.ts';
import type { Command } from '../command.ts';
import { emit } from '../io.ts';
import { withArchive } from '../with-archive.ts';

const usage = 'relief-archive audit verify --db 文件 [--json]';

export const audit: Command = {
  name: 'audit',
  summary: '审计记录：verify 核验审计记录的校验链是否完整（完整退出码 0，有断点退出码 1）',
  acts: () => API.audit.verify,
  usage,
  run(argv, io) {
    const [verb, ...rest] = argv;
    if (verb !== 'verify') throw new UserError(`audit 后面应为 verify，收到“${verb ?? ''}”。\n用法：${usage}`, { kind: 'usage' });
    const p = parse(rest, {}, usage);
    if (p.positionals.length > 0) throw new UserError(`多余的参数：${p.positionals.join(' ')}。\n用法：${usage}`, { kind: 'usage' });
    const file = requireString(p, 'db', usage);
    return withArchive(file, (archive) => {
      const v = verifyAudit(archive.db);
      emit(io, v, () => {
        const lines = [v.summary];
        if (v.broken?.row) {
          const r = v.broken.row;
          lines.push('', `断点所在记录：第 ${r.id} 条`, `  时间：${localTime(r.at)}`, `  操作员：${r.operator}`, `  操作：${r.action}`, `  说明：${r.note ?? '（无）'}`);
        }
        if (v.intact) lines.push(`链尾校验值：${v.head}`);
        else lines.push('', '请勿继续修改档案，把这一结果告知站长；可用此前的备份核对被改动的内容。');
        return lines.join('\n');
      });
      return v.intact ? 0 : 1;
    });
  },
};
