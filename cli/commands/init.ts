import { initArchive, summarize } from '../../core/archive.ts';
import { UserError } from '../../shared/errors.ts';
import { optionalString, parse, requireString } from '../args.ts';
import { cliActor } from '../clock.ts';
import type { Command } from '../command.ts';
import { emit } from '../io.ts';

const usage = 'relief-archive init --db 文件 --township 名称 [--code 12位区划代码] [--county 县名] [--province 省名] [--role township|county]';

export const init: Command = {
  name: 'init',
  summary: '新建一个空档案（乡镇档案或县级档案）',
  acts: () => null,
  usage,
  run(argv, io) {
    const p = parse(argv, { township: { type: 'string' }, code: { type: 'string' }, county: { type: 'string' }, city: { type: 'string' }, province: { type: 'string' }, role: { type: 'string' } }, usage);
    const role = optionalString(p, 'role') ?? 'township';
    if (role !== 'township' && role !== 'county') {
      throw new UserError(`--role 只能是 township（乡镇）或 county（县级），收到“${role}”。`, { kind: 'usage' });
    }
    const archive = initArchive(
      {
        file: requireString(p, 'db', usage),
        name: requireString(p, 'township', usage),
        code: optionalString(p, 'code') ?? null,
        county: optionalString(p, 'county') ?? null,
        city: optionalString(p, 'city') ?? null,
        province: optionalString(p, 'province') ?? null,
        role,
      },
      cliActor(optionalString(p, 'operator')),
    );
    try {
      const s = summarize(archive);
      emit(io, { township: s.township, role: s.role, schemaVersion: s.schemaVersion, file: s.file }, () =>
        `已新建${s.role === 'county' ? '县级' : '乡镇'}档案：${s.township}\n文件：${s.file}\n档案结构版本：${s.schemaVersion}`,
      );
    } finally {
      archive.close();
    }
    return 0;
  },
};
