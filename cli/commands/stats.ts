import { townshipStats } from '../../core/stats.ts';
import { noPositionals, parse, PERIOD_OPTIONS, periodOptions, requireString } from '../args.ts';
import type { Command } from '../command.ts';
import { emit } from '../io.ts';
import { withArchive } from '../with-archive.ts';
import { API } from '../../shared/api/index.ts';

const usage = 'relief-archive stats --db 文件 [--year 年度] [--as-of YYYY-MM-DD]';

export const stats: Command = {
  name: 'stats',
  summary: '统计：村、户、人，按状态、致贫原因、各村（挂图数据）',
  acts: () => API.overview.get,
  usage,
  run(argv, io) {
    const p = parse(argv, PERIOD_OPTIONS, usage);
    noPositionals(p, usage);
    const file = requireString(p, 'db', usage);
    const period = periodOptions(p);
    return withArchive(file, (archive) => {
      const s = townshipStats(archive, period);
      emit(io, s, () => {
        const lines = [
          `${s.villages} 个村，${s.households} 户，${s.members} 人；建档及监测 ${s.registeredHouseholds} 户 ${s.registeredMembers} 人${s.year ? `（收入年度 ${s.year}）` : ''}`,
          '',
          '按状态：',
          ...Object.values(s.byStatus).filter((b) => b.households > 0).map((b) => `  ${b.label}：${b.households} 户 ${b.members} 人`),
          '',
          '按主要致贫原因（建档户）：',
          ...Object.entries(s.byCause).map(([k, n]) => `  ${k}：${n} 户`),
          '',
          '各村：',
          ...s.perVillage.map(
            (v) => `  ${v.name}（${v.code}）${v.households} 户 ${v.members} 人，脱贫 ${v.exitedHouseholds} 户，监测 ${v.monitoredHouseholds} 户，贫困发生率 ${v.incidence}%`,
          ),
        ];
        return lines.join('\n');
      });
      return 0;
    });
  },
};
