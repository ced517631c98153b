// `keys new` makes a key pair for one side; `keys show` prints a key's fingerprint for the phone
// check. (`keys trust`, which registers the other side's key in an archive, comes with the
// archive-level exchange.)
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatFingerprint, generateKeyPair, loadPublicKey, PUBLIC_FILE, saveKeyPair, selfTest } from '../../core/exchange/index.ts';
import type { Role } from '../../core/exchange/index.ts';
import { UserError } from '../../shared/errors.ts';
import { parse, requireString } from '../args.ts';
import type { Command } from '../command.ts';
import { emit } from '../io.ts';

const newUsage = 'relief-archive keys new --out 文件夹 --role township|county --name 单位名称';
const showUsage = 'relief-archive keys show 文件夹或public.json';
const usage = `${newUsage}\n      ${showUsage}`;
const ROLE_NAME: Record<Role, string> = { township: '乡镇', county: '县级' };

async function keysNew(argv: string[], io: Parameters<Command['run']>[1]): Promise<number> {
  const p = parse(argv, { out: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } }, newUsage);
  if (p.positionals.length > 0) throw new UserError(`多余的参数：${p.positionals.join(' ')}。\n用法：${newUsage}`, { kind: 'usage' });
  const role = requireString(p, 'role', newUsage);
  if (role !== 'township' && role !== 'county') throw new UserError(`--role 只能是 township（乡镇）或 county（县级），收到“${role}”。`, { kind: 'usage' });
  const dir = requireString(p, 'out', newUsage);
  const name = requireString(p, 'name', newUsage);
  await selfTest();
  const pair = generateKeyPair({ role, name });
  const { privateFile, publicFile } = saveKeyPair(dir, pair);
  const fingerprint = formatFingerprint(pair.publicKey.fingerprint);
  emit(io, { fingerprint, role, name: pair.publicKey.name, publicFile, privateFile }, () =>
    [
      `已生成${ROLE_NAME[role]}密钥：${pair.publicKey.name}`,
      `指纹：${fingerprint}`,
      `公钥（交给对方）：${publicFile}`,
      `私钥：${privateFile}（只留在本机，不要拷给任何人，请另行备份）`,
      '对方登记公钥前，请通过电话（号码取自正式通讯录）逐组核对上面的指纹。',
    ].join('\n'),
  );
  return 0;
}

function keysShow(argv: string[], io: Parameters<Command['run']>[1]): number {
  const p = parse(argv, {}, showUsage);
  const [target, ...extra] = p.positionals;
  if (!target || extra.length > 0) throw new UserError(`请给出一个密钥文件夹或 public.json 文件。\n用法：${showUsage}`, { kind: 'usage' });
  const file = existsSync(target) && statSync(target).isDirectory() ? join(target, PUBLIC_FILE) : target;
  const key = loadPublicKey(file);
  const fingerprint = formatFingerprint(key.fingerprint);
  emit(io, { fingerprint, role: key.role, name: key.name, createdAt: key.createdAt, file }, () =>
    `${ROLE_NAME[key.role]}密钥：${key.name}\n指纹：${fingerprint}\n生成于：${key.createdAt}`,
  );
  return 0;
}

export const keys: Command = {
  name: 'keys',
  summary: '密钥：new 生成本方密钥（公钥 public.json 交给对方），show 显示指纹供电话核对',
  usage,
  run(argv, io) {
    const [verb, ...rest] = argv;
    if (verb === 'new') return keysNew(rest, io);
    if (verb === 'show') return keysShow(rest, io);
    throw new UserError(`keys 后面应为 new 或 show，收到“${verb ?? ''}”。\n用法：${usage}`, { kind: 'usage' });
  },
};
