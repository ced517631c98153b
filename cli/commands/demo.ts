import { generateDemo } from '../../core/demo/index.ts';
import { dateOption, intOption, noPositionals, optionalString, parse, requireString } from '../args.ts';
import { cliActor, cliClock } from '../clock.ts';
import type { Command } from '../command.ts';
import { emit, progressPrinter } from '../io.ts';
import { withArchive } from '../with-archive.ts';
import { EDIT } from '../../shared/roles.ts';

const usage = 'relief-archive demo --db 文件 [--villages 数量] [--households 数量] [--seed 种子] [--as-of YYYY-MM-DD]';

export const demo: Command = {
  name: 'demo',
  summary: '在新建的空档案中生成虚构的演示乡镇数据（同一种子结果相同）',
  acts: () => EDIT,
  usage,
  run(argv, io) {
    const p = parse(argv, { villages: { type: 'string' }, households: { type: 'string' }, seed: { type: 'string' }, 'as-of': { type: 'string' } }, usage);
    noPositionals(p, usage);
    const file = requireString(p, 'db', usage);
    const villages = intOption(p, 'villages', 5, [1, 200]);
    const households = intOption(p, 'households', 600, [1, 200_000]);
    const seed = optionalString(p, 'seed') ?? 'demo';
    const asOf = dateOption(p, 'as-of') ?? cliClock().today();
    const actor = cliActor(optionalString(p, 'operator'));
    return withArchive(file, (archive) => {
      const result = generateDemo(archive, { villages, households, seed, asOf, actor }, progressPrinter(io, '生成演示数据'));
      emit(io, result, () =>
        `已生成演示数据：${result.villages} 个村，${result.households} 户，${result.members} 人。\n` +
          `另有 ${result.planted.length} 处故意设置的数据问题，供“数据质量检查”演示。`,
      );
      return 0;
    });
  },
};
