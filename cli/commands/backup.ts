import { backupArchive, restoreArchive } from '../../core/backup.ts';
import { UserError } from '../../shared/errors.ts';
import { noPositionals, optionalString, parse, requireString } from '../args.ts';
import { cliActor } from '../clock.ts';
import type { Command } from '../command.ts';
import { emit } from '../io.ts';
import { withArchive } from '../with-archive.ts';
import { MAINTAIN, READ } from '../../shared/roles.ts';

const backupUsage = 'relief-archive backup --db 文件 --out 备份文件';
const restoreUsage = 'relief-archive restore 备份文件 --db 文件';

export const backup: Command = {
  name: 'backup',
  summary: '备份：把档案完整复制为一个备份文件（档案在程序里打开时，请用程序菜单“文件 → 备份”）',
  usage: backupUsage,
  acts: () => READ,
  run(argv, io) {
    const p = parse(argv, { out: { type: 'string' } }, backupUsage);
    noPositionals(p, backupUsage);
    const out = requireString(p, 'out', backupUsage);
    return withArchive(requireString(p, 'db', backupUsage), (archive) => {
      const r = backupArchive(archive, out);
      emit(io, r, () => `已备份到：${r.file}（已加密；密钥文件 ${r.keyFile} 随备份一起保存）`);
      return 0;
    }, { exclusive: true });
  },
};

export const restore: Command = {
  name: 'restore',
  summary: '恢复：用备份文件替换当前档案（当前档案先移到“备份”文件夹，不会删除）',
  usage: restoreUsage,
  acts: () => MAINTAIN,
  run(argv, io) {
    const p = parse(argv, {}, restoreUsage);
    const [from, ...extra] = p.positionals;
    if (!from || extra.length > 0) throw new UserError(`请给出一个备份文件。\n用法：${restoreUsage}`, { kind: 'usage' });
    const file = requireString(p, 'db', restoreUsage);
    return withArchive(file, (archive) => {
      const r = restoreArchive(from, archive, cliActor(optionalString(p, 'operator')));
      emit(io, r, () => `已恢复档案：${r.file}${r.previous ? `\n原档案已移到：${r.previous}` : ''}`);
      return 0;
    });
  },
};
