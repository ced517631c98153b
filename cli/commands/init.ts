import { createProtectedArchive, summarize } from '../../core/archive.ts';
import { UserError } from '../../shared/errors.ts';
import { noPositionals, optionalString, parse, requireString } from '../args.ts';
import { cliActor } from '../clock.ts';
import { credentialsFrom } from '../credentials.ts';
import type { Command } from '../command.ts';
import { emit } from '../io.ts';

const usage =
  'relief-archive init --db 文件 --township 名称 --operator 管理员姓名 [--code 12位区划代码] [--county 县名] [--province 省名] [--role township|county]（管理员密码在终端中输入，或用环境变量 RELIEF_ARCHIVE_PASSWORD）';

export const init: Command = {
  name: 'init',
  summary: '新建一个空档案（乡镇档案或县级档案）',
  acts: () => null,
  usage,
  async run(argv, io) {
    const p = parse(argv, { township: { type: 'string' }, code: { type: 'string' }, county: { type: 'string' }, city: { type: 'string' }, province: { type: 'string' }, role: { type: 'string' } }, usage);
    noPositionals(p, usage);
    const role = optionalString(p, 'role') ?? 'township';
    if (role !== 'township' && role !== 'county') {
      throw new UserError(`--role 只能是 township（乡镇）或 county（县级），收到“${role}”。`, { kind: 'usage' });
    }
    const file = requireString(p, 'db', usage);
    const name = requireString(p, 'township', usage);
    // The first account: the station chief (or the county's reviewer), who logs in from now on.
    const admin = await credentialsFrom(argv, process.env, { newAccount: true });
    const { archive, recoveryCode } = await createProtectedArchive(
      {
        file,
        name,
        code: optionalString(p, 'code') ?? null,
        county: optionalString(p, 'county') ?? null,
        city: optionalString(p, 'city') ?? null,
        province: optionalString(p, 'province') ?? null,
        role,
        admin,
      },
      cliActor(admin.name),
    );
    try {
      const s = summarize(archive);
      emit(io, { township: s.township, role: s.role, schemaVersion: s.schemaVersion, file: s.file, keyFile: `${s.file}.key`, admin: admin.name, recoveryCode }, () =>
        [
          `已新建${s.role === 'county' ? '县级' : '乡镇'}档案（已加密）：${s.township}`,
          `文件：${s.file}（密钥文件 ${s.file}.key 须与档案放在一起）`,
          `管理员账户：${admin.name}`,
          `档案结构版本：${s.schemaVersion}`,
          '',
          `恢复码（只显示这一次，请抄写后由站长锁入保险柜）：${recoveryCode}`,
          '忘记所有管理员密码或密钥文件丢失时，只有用恢复码才能打开档案。',
        ].join('\n'),
      );
    } finally {
      archive.close();
    }
    return 0;
  },
};
