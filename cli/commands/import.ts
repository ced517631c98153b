import { systemActor } from '../../core/context.ts';
import { ImportRefused, importRoster } from '../../core/import/index.ts';
import { UserError } from '../../shared/errors.ts';
import { intOption, optionalString, parse, requireString } from '../args.ts';
import type { Command } from '../command.ts';
import { emit } from '../io.ts';
import { withArchive } from '../with-archive.ts';

const usage = 'relief-archive import 花名册.xlsx --db 文件 [--year 年度] [--dry-run]';

export const importCommand: Command = {
  name: 'import',
  summary: '导入国家系统导出的花名册（Excel），全部成功或全部不写入；--dry-run 只检查不写入',
  usage,
  run(argv, io) {
    const p = parse(argv, { year: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } }, usage);
    const [file, ...extra] = p.positionals;
    if (!file || extra.length) throw new UserError(`请给出一个要导入的 .xlsx 文件。\n用法：${usage}`, { kind: 'usage' });
    const db = requireString(p, 'db', usage);
    const year = p.values.year === undefined ? undefined : intOption(p, 'year', 0, [2000, 2100]);
    const actor = systemActor(optionalString(p, 'operator') ?? '命令行');
    return withArchive(db, async (archive) => {
      try {
        const r = await importRoster(archive, actor, file, { dryRun: p.values['dry-run'] === true, ...(year === undefined ? {} : { year }) });
        const warnings = r.problems.length;
        emit(io, r, () =>
          `${r.dryRun ? '检查完成（未写入）' : '已导入'}：${r.households} 户 ${r.members} 人${warnings ? `；另有 ${warnings} 条提示，请核实：` : '。'}\n` +
            r.problems.map((q) => `  ${q.sheet} 第${q.row}行${q.column ? `“${q.column}”列` : ''}：${q.message}`).join('\n'),
        );
        return 0;
      } catch (e) {
        if (e instanceof ImportRefused && io.json) io.out(JSON.stringify({ ...e.result, refused: true }, null, 2));
        throw e;
      }
    });
  },
};
