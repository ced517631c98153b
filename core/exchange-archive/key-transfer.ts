// Moving this side's key pair to a new PC: an explicit export to a file encrypted with a
// passphrase the operator chooses (age scrypt), and its import into an archive of the same side
// that has no key yet (or already this one). Every refusal leaves the archive as it was.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { writeTransaction } from '../../db/handles.ts';
import type { Archive } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import type { KeyExportView, KeyImportView } from '../../shared/api/exchange.ts';
import type { Actor } from '../../shared/actor.ts';
import { UserError } from '../../shared/errors.ts';
import { checkKeyPassphrase, KEY_EXPORT_MAX_BYTES, keyPairFromRecord, notKeyExport, openKeyExport, privateRecordOf, sealKeyExport } from '../exchange/index.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { readFailure } from '../files/disk-errors.ts';
import type { KeyPair } from '../exchange/index.ts';
import { identityOf, keyView, ROLE_NAME } from './keys.ts';
import { adoptKeyFolder, storeKey, useOwnKey } from './own-key.ts';

export interface KeyExportOptions {
  out: string;
  passphrase: string;
  /** Tests only: a cheaper scrypt work factor. */
  scryptLogN?: number;
}

function readExport(file: string): Uint8Array {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (e) {
    throw readFailure(e, file, '密钥导出文件') ?? e;
  }
  if (st.isDirectory()) throw new UserError(`${file} 是文件夹，不是密钥导出文件。keys new --out 生成的密钥文件夹请用命令行导入：relief-archive keys import 文件夹 --db 档案文件。`);
  if (st.size > KEY_EXPORT_MAX_BYTES) throw notKeyExport(file);
  try {
    return readFileSync(file);
  } catch (e) {
    throw readFailure(e, file, '密钥导出文件') ?? e;
  }
}

/** The key pair in a decrypted export, checked in full. */
function pairOf(payload: Record<string, unknown>, file: string): { pair: KeyPair; from: string | null } {
  const pair = keyPairFromRecord(payload.key, file, (why) => new UserError(`密钥导出文件 ${file} 的内容不对（${why}），不能导入。请在原电脑上重新导出。档案没有任何改动。`));
  const from = payload.from as { name?: unknown } | undefined;
  return { pair, from: typeof from?.name === 'string' ? from.name : null };
}

/** Writes this side's key pair, encrypted to `passphrase`, to `out` (a new file), and reads it back (写入校验). */
export async function exportKeyPair(archive: Archive, actor: Actor, opts: KeyExportOptions): Promise<KeyExportView> {
  checkKeyPassphrase(opts.passphrase);
  const { pair, notes } = useOwnKey(archive, actor);
  if (existsSync(opts.out)) throw new UserError(`文件已存在：${opts.out}。为免覆盖，请换一个文件名。`); // early, before the scrypt run; the write refuses it again
  const me = identityOf(archive);
  const payload = { exportedAt: actor.now().toISOString(), exportedBy: actor.operator, from: { role: me.role, name: me.name }, key: privateRecordOf(pair) };
  const sealed = await sealKeyExport(payload, opts.passphrase, opts.scryptLogN);
  writeFileAtomic(opts.out, sealed, { mode: 0o600, noOverwrite: true });
  // 写入校验: the bytes read back are the bytes sealed (a scrypt run costs seconds; the bytes say enough).
  if (!Buffer.from(readExport(opts.out)).equals(Buffer.from(sealed))) {
    rmSync(opts.out, { force: true }); // ours, just written: a bad copy must not be taken for the key
    throw new UserError(`密钥导出文件 ${opts.out} 写入后读出不一致（U盘可能有问题）：请换一个U盘或位置重新导出。`);
  }
  const k = pair.publicKey;
  writeTransaction(archive.db, (w) =>
    recordAudit(w, actor, { action: 'export', tableName: 'own_keys', recordId: k.fingerprint, after: { file: opts.out }, note: `导出本方密钥（口令加密）：${opts.out}` }),
  );
  return {
    file: opts.out,
    key: keyView(k),
    notes: [...notes, '导出文件用口令加密：请把口令与文件分开保管（口令不要写在U盘上）。在新电脑上导入后，请删除这个文件。'],
  };
}

/**
 * Imports a key export into this archive. Refused, with nothing changed: a wrong passphrase, a
 * file that is no key export, a key of the other side, an archive that has another key.
 */
export async function importKeyPair(archive: Archive, actor: Actor, input: { file: string; passphrase: string }): Promise<KeyImportView> {
  const bytes = readExport(input.file);
  const { pair, from } = pairOf(await openKeyExport(bytes, input.file, input.passphrase), input.file);
  const me = identityOf(archive);
  const added = storeKey(archive, actor, pair, '导入密钥导出文件', input.file);
  const notes = [
    added ? `已导入${ROLE_NAME[pair.publicKey.role]}密钥“${pair.publicKey.name}”：本档案今后用它签名和解密。请在“密钥与对方”中核对本方指纹与对方登记的一致。` : '本档案已有这把密钥，没有任何改动。',
  ];
  if (from && from !== me.name) notes.push(`注意：这把密钥导出自“${from}”档案，本档案是“${me.name}”。如果导错了，请停止使用并联系对方核对。`);
  return { key: keyView(pair.publicKey), added, notes };
}

/** `keys import DIR`: a clear folder made by `keys new --out DIR`; its private.json is wiped once inside. */
export function importKeyFolder(archive: Archive, actor: Actor, dir: string): KeyImportView {
  const r = adoptKeyFolder(archive, actor, dir);
  return { key: keyView(r.pair.publicKey), added: r.added, notes: r.notes };
}
