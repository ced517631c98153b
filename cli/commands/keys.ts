// `keys new --db F` makes this side's key pair inside the archive (`keys new --out DIR`, without
// an archive, a clear folder meant only for `keys import`); `keys public` saves its public.json;
// `keys export` / `keys import` move it to a new PC (keys-transfer.ts); `keys show` prints a key's
// fingerprint for the phone check; `keys trust` registers the other side's public.json (after the
// phone check), `keys revoke` revokes a township key (county side), `keys list` lists the registered keys.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatFingerprint, generateKeyPair, loadPublicKey, PUBLIC_FILE, saveKeyPair, selfTest } from '../../core/exchange/index.ts';
import type { Role } from '../../core/exchange/index.ts';
import { UserError } from '../../shared/errors.ts';
import { createOwnKey, ownKey, registeredView, revokeKey, savePublicKey, trustKey, listKeys } from '../../core/exchange-archive/index.ts';
import { intOption, noPositionals, optionalString, parse, requireString } from '../args.ts';
import { exportUsage, importUsage, keysExport, keysImport } from './keys-transfer.ts';
import { withArchive } from '../with-archive.ts';
import { cliActor } from '../clock.ts';
import type { Command } from '../command.ts';
import { emit } from '../io.ts';
import { API } from '../../shared/api/index.ts';

const newUsage =
  'relief-archive keys new --db 文件 [--name 单位名称]（推荐：密钥直接生成在档案内）\n' +
  '      relief-archive keys new --out 文件夹 --role township|county --name 单位名称（不指定档案：文件夹里的私钥未加密，只用于随后 keys import 文件夹 --db 文件 导入档案）';
const publicUsage = 'relief-archive keys public --db 文件 --out public.json [--overwrite]';
const showUsage = 'relief-archive keys show 文件夹或public.json';
const trustUsage = 'relief-archive keys trust 对方public.json --db 文件 --checked-by 核对人 [--fingerprint "电话核对的指纹"] [--method 电话核对] [--org 单位]';
const revokeUsage = 'relief-archive keys revoke --db 文件 --fingerprint 指纹 --reason 原因 [--valid-through 序号]';
const listUsage = 'relief-archive keys list --db 文件';
const usage = [newUsage, publicUsage, exportUsage, importUsage, showUsage, trustUsage, revokeUsage, listUsage].join('\n      ');
const ROLE_NAME: Record<Role, string> = { township: '乡镇', county: '县级' };

/** `keys new --db F`: the pair made inside the archive; nothing private is written to disk. */
function keysNewInArchive(db: string, name: string | null, operator: string | undefined, io: Parameters<Command['run']>[1]): Promise<number> {
  return withArchive(db, async (archive) => {
    const pair = await createOwnKey(archive, cliActor(operator), name);
    const fingerprint = formatFingerprint(pair.publicKey.fingerprint);
    emit(io, { fingerprint, role: pair.publicKey.role, name: pair.publicKey.name }, () =>
      [
        `已在档案内生成${ROLE_NAME[pair.publicKey.role]}密钥：${pair.publicKey.name}`,
        `指纹：${fingerprint}`,
        `私钥保存在档案内，不单独存成文件。公钥请用 keys public --db ${db} --out 文件 保存后交给对方；换电脑时用 keys export。`,
        '对方登记公钥前，请通过电话（号码取自正式通讯录）逐组核对上面的指纹。',
      ].join('\n'),
    );
    return 0;
  });
}

async function keysNew(argv: string[], io: Parameters<Command['run']>[1]): Promise<number> {
  const p = parse(argv, { out: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } }, newUsage);
  if (p.positionals.length > 0) throw new UserError(`多余的参数：${p.positionals.join(' ')}。\n用法：${newUsage}`, { kind: 'usage' });
  const db = optionalString(p, 'db');
  if (db !== undefined) {
    if (p.values.out !== undefined || p.values.role !== undefined) throw new UserError(`指定了档案（--db）就不用 --out / --role：密钥生成在档案内，身份取自档案。\n用法：${newUsage}`, { kind: 'usage' });
    return keysNewInArchive(db, optionalString(p, 'name') ?? null, optionalString(p, 'operator'), io);
  }
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
      `私钥：${privateFile}（未加密！只用于导入档案：relief-archive keys import ${dir} --db 档案文件，导入后自动抹去；不要拷给任何人）`,
      '对方登记公钥前，请通过电话（号码取自正式通讯录）逐组核对上面的指纹。',
    ].join('\n'),
  );
  return 0;
}

function keysPublic(argv: string[], io: Parameters<Command['run']>[1]): Promise<number> {
  const p = parse(argv, { out: { type: 'string' }, overwrite: { type: 'boolean', default: false } }, publicUsage);
  if (p.positionals.length > 0) throw new UserError(`多余的参数：${p.positionals.join(' ')}。\n用法：${publicUsage}`, { kind: 'usage' });
  const db = requireString(p, 'db', publicUsage);
  const out = requireString(p, 'out', publicUsage);
  return withArchive(db, (archive) => {
    const { file } = savePublicKey(archive, out, p.values.overwrite === true);
    const key = ownKey(archive).publicKey;
    const fingerprint = formatFingerprint(key.fingerprint);
    emit(io, { file, fingerprint, role: key.role, name: key.name }, () => `已保存${ROLE_NAME[key.role]}公钥（交给对方登记）：${file}\n指纹：${fingerprint}`);
    return 0;
  });
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

function keysTrust(argv: string[], io: Parameters<Command['run']>[1]): Promise<number> {
  const p = parse(argv, { 'checked-by': { type: 'string' }, fingerprint: { type: 'string' }, method: { type: 'string' }, org: { type: 'string' } }, trustUsage);
  const [file, ...extra] = p.positionals;
  if (!file || extra.length > 0) throw new UserError(`请给出对方的公钥文件（public.json）。\n用法：${trustUsage}`, { kind: 'usage' });
  const db = requireString(p, 'db', trustUsage);
  const checkedBy = requireString(p, 'checked-by', trustUsage);
  const actor = cliActor(optionalString(p, 'operator'));
  return withArchive(db, (archive) => {
    const { row, added } = trustKey(archive, actor, { file, checkedBy, method: optionalString(p, 'method'), fingerprint: optionalString(p, 'fingerprint') ?? null, org: optionalString(p, 'org') ?? null });
    const fingerprint = formatFingerprint(row.fingerprint);
    emit(io, { fingerprint, role: row.role, name: row.name, added, checkedBy: row.checkedBy, checkedAt: row.checkedAt }, () =>
      `${added ? '已登记' : '此前已登记'}${ROLE_NAME[row.role]}公钥：${row.name}\n指纹：${fingerprint}\n核对人：${row.checkedBy}（${row.method}，${row.checkedAt}）`,
    );
    return 0;
  });
}

function keysRevoke(argv: string[], io: Parameters<Command['run']>[1]): Promise<number> {
  const p = parse(argv, { fingerprint: { type: 'string' }, reason: { type: 'string' }, 'valid-through': { type: 'string' } }, revokeUsage);
  if (p.positionals.length > 0) throw new UserError(`多余的参数：${p.positionals.join(' ')}。\n用法：${revokeUsage}`, { kind: 'usage' });
  const db = requireString(p, 'db', revokeUsage);
  const validThroughSeq = p.values['valid-through'] === undefined ? null : intOption(p, 'valid-through', 0, [0, Number.MAX_SAFE_INTEGER]);
  const actor = cliActor(optionalString(p, 'operator'));
  return withArchive(db, (archive) => {
    const row = revokeKey(archive, actor, { fingerprint: requireString(p, 'fingerprint', revokeUsage), reason: requireString(p, 'reason', revokeUsage), validThroughSeq });
    const v = registeredView(row);
    emit(io, v, () => `已吊销${ROLE_NAME[row.role]}密钥：${row.name}（指纹 ${v.fingerprint}）\n该密钥第 ${row.validThroughSeq ?? 0} 号以后的数据包一律拒收。`);
    return 0;
  });
}

function keysList(argv: string[], io: Parameters<Command['run']>[1]): Promise<number> {
  const p = parse(argv, {}, listUsage);
  noPositionals(p, listUsage);
  const db = requireString(p, 'db', listUsage);
  return withArchive(db, (archive) => {
    const list = listKeys(archive).map(registeredView);
    emit(io, { keys: list }, () =>
      list.length
        ? list.map((k) => `${ROLE_NAME[k.role]} ${k.name} ${k.status === 'active' ? '有效' : `已吊销（${k.revokedReason ?? ''}）`}\n  指纹：${k.fingerprint}\n  核对：${k.checkedBy}，${k.checkedAt}；已接收至第 ${k.lastAcceptedSeq ?? 0} 号`).join('\n')
        : '本档案还没有登记任何对方公钥。',
    );
    return 0;
  });
}

export const keys: Command = {
  name: 'keys',
  summary: '密钥：new 在档案内生成本方密钥，public 保存公钥，export/import 换电脑时导出导入（口令保护），show 显示指纹供电话核对，trust 登记对方公钥，revoke 吊销（县级），list 已登记的公钥',
  acts: (argv) =>
    ({
      trust: API.exchange.trustKey,
      revoke: API.exchange.revokeKey,
      new: API.exchange.newKey,
      public: API.exchange.savePublicKey,
      export: API.exchange.exportKeyPair,
      import: API.exchange.importKeyPair,
    })[argv[0] ?? ''] ?? API.exchange.keyStatus,
  usage,
  run(argv, io) {
    const [verb, ...rest] = argv;
    if (verb === 'new') return keysNew(rest, io);
    if (verb === 'public') return keysPublic(rest, io);
    if (verb === 'export') return keysExport(rest, io);
    if (verb === 'import') return keysImport(rest, io);
    if (verb === 'show') return keysShow(rest, io);
    if (verb === 'trust') return keysTrust(rest, io);
    if (verb === 'revoke') return keysRevoke(rest, io);
    if (verb === 'list') return keysList(rest, io);
    throw new UserError(`keys 后面应为 new、public、export、import、show、trust、revoke 或 list，收到“${verb ?? ''}”。\n用法：${usage}`, { kind: 'usage' });
  },
};
