// `keys export` / `keys import`: moving this side's key pair to a new PC as a file encrypted with
// a passphrase (from RELIEF_ARCHIVE_KEY_PASSPHRASE or typed at the terminal, never an argument);
// `keys import DIR` also brings in a clear folder made by `keys new --out DIR` (then wiped).
import { existsSync, statSync } from 'node:fs';
import { exportKeyPair, importKeyFolder, importKeyPair } from '../../core/exchange-archive/index.ts';
import { checkKeyPassphrase } from '../../core/exchange/index.ts';
import { UserError } from '../../shared/errors.ts';
import { optionalString, parse, requireString } from '../args.ts';
import { cliActor } from '../clock.ts';
import type { Io } from '../io.ts';
import { emit } from '../io.ts';
import { readSecret, refuseSecretArgument } from '../secret.ts';
import { withArchive } from '../with-archive.ts';

export const KEY_PASSPHRASE_ENV = 'RELIEF_ARCHIVE_KEY_PASSPHRASE';
export const exportUsage = `relief-archive keys export --db 文件 --out 密钥导出文件（口令取自环境变量 ${KEY_PASSPHRASE_ENV}，或在终端按提示输入；至少 12 个字符）`;
export const importUsage = `relief-archive keys import 密钥导出文件|密钥文件夹 --db 文件（导出文件的口令同上）`;

export async function keysExport(argv: string[], io: Io): Promise<number> {
  refuseSecretArgument(argv, 'passphrase', KEY_PASSPHRASE_ENV);
  const p = parse(argv, { out: { type: 'string' } }, exportUsage);
  if (p.positionals.length > 0) throw new UserError(`多余的参数：${p.positionals.join(' ')}。\n用法：${exportUsage}`, { kind: 'usage' });
  const db = requireString(p, 'db', exportUsage);
  const out = requireString(p, 'out', exportUsage);
  if (existsSync(out)) throw new UserError(`文件已存在：${out}。为免覆盖，请换一个文件名。`);
  const passphrase = await readSecret({ env: KEY_PASSPHRASE_ENV, prompt: '请设定保护密钥导出文件的口令（至少 12 个字符）', confirm: true });
  checkKeyPassphrase(passphrase);
  const actor = cliActor(optionalString(p, 'operator'));
  return withArchive(db, async (archive) => {
    const r = await exportKeyPair(archive, actor, { out, passphrase });
    emit(io, r, () => [`已导出本方密钥（口令加密，写入校验通过）：${r.file}`, `指纹：${r.key.fingerprint}`, ...r.notes].join('\n'));
    return 0;
  });
}

export async function keysImport(argv: string[], io: Io): Promise<number> {
  refuseSecretArgument(argv, 'passphrase', KEY_PASSPHRASE_ENV);
  const p = parse(argv, {}, importUsage);
  const [file, ...extra] = p.positionals;
  if (!file || extra.length > 0) throw new UserError(`请给出一个密钥导出文件或 keys new --out 生成的密钥文件夹。\n用法：${importUsage}`, { kind: 'usage' });
  const db = requireString(p, 'db', importUsage);
  const actor = cliActor(optionalString(p, 'operator'));
  const folder = existsSync(file) && (statSync(file).isDirectory() || file.endsWith('private.json'));
  const passphrase = folder ? '' : await readSecret({ env: KEY_PASSPHRASE_ENV, prompt: '请输入导出密钥时设定的口令' });
  return withArchive(db, async (archive) => {
    const r = folder ? importKeyFolder(archive, actor, file) : await importKeyPair(archive, actor, { file, passphrase });
    emit(io, r, () => [`${r.added ? '已导入' : '本档案已有'}本方密钥：${r.key.name}`, `指纹：${r.key.fingerprint}`, ...r.notes].join('\n'));
    return 0;
  });
}
