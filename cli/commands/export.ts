import { exportRoster } from '../../core/export.ts';
import { intOption, noPositionals, optionalString, parse, requireString } from '../args.ts';
import { cliClock } from '../clock.ts';
import type { Command } from '../command.ts';
import { emit } from '../io.ts';
import { withArchive } from '../with-archive.ts';
import { READ } from '../../shared/roles.ts';

const usage = 'relief-archive export-xlsx --db 文件 --out 花名册.xlsx [--village 村区划代码] [--year 收入年度]';

export const exportXlsx: Command = {
  name: 'export-xlsx',
  summary: '把整个档案（或一个村）导出为花名册工作簿，可直接再导入',
  acts: () => READ,
  usage,
  run(argv, io) {
    const p = parse(argv, { out: { type: 'string' }, village: { type: 'string' }, year: { type: 'string' } }, usage);
    noPositionals(p, usage);
    const out = requireString(p, 'out', usage);
    const villageCode = optionalString(p, 'village');
    const year = p.values.year === undefined ? undefined : intOption(p, 'year', 0, [2000, 2100]);
    return withArchive(requireString(p, 'db', usage), async (archive) => {
      const r = await exportRoster(archive, out, { exportedOn: cliClock().today(), ...(villageCode ? { villageCode } : {}), ...(year === undefined ? {} : { year }) });
      emit(io, r, () => `已导出 ${r.households} 户 ${r.members} 人到：${r.file}${r.year ? `（收入为${r.year}年度）` : ''}`);
      return 0;
    });
  },
};
