// This side's key pair, kept inside the archive (own_keys), so the signing seed and the age
// secret are protected with it and never lie in a file beside it. Older versions kept them in
// a folder beside the archive (`密钥/<名称>-<id>/private.json`, in clear); on first use such a
// key is moved in and the clear file wiped, leaving a 说明.txt that says where it went. A folder
// made by `keys new --out DIR` is brought in the same way (`keys import DIR`, `--key DIR`).
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeTransactionNow } from '../../db/handles.ts';
import type { Archive } from '../../db/open.ts';
import { recordAudit } from '../../db/repos/audit.ts';
import { insertOwnKey, ownKeyRow } from '../../db/repos/own-keys.ts';
import type { KeyStatusView } from '../../shared/api/exchange.ts';
import type { Actor } from '../../shared/actor.ts';
import { isUserError, UserError } from '../../shared/errors.ts';
import { formatFingerprint, generateKeyPair, keyPairFromRecord, privateRecordOf, PRIVATE_FILE, readKeyPairFile, selfTest, wipeFile } from '../exchange/index.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import type { KeyPair } from '../exchange/index.ts';
import { identityOf, keyView, listKeys, otherRole, registeredView, ROLE_NAME } from './keys.ts';

/** Left in a key folder whose private.json was moved into an archive. */
export const NOTE_FILE = '说明.txt';

/** Where older versions kept this archive's key pair: `<archive dir>/密钥/<name>-<id>/`. */
export function legacyKeyDir(archive: Archive): string {
  const me = identityOf(archive);
  return join(dirname(archive.file), '密钥', `${me.name.replace(/[\\/:*?"<>|\s]/g, '')}-${me.id}`);
}

/** The archive's own key pair, checked against its public record; undefined when it has none. */
export function storedKey(archive: Archive): KeyPair | undefined {
  const row = ownKeyRow(archive.db);
  if (!row) return undefined;
  return keyPairFromRecord(row.privateRecord, archive.file, (why) => new UserError(`本档案保存的本方密钥已损坏（${why}）。请用备份恢复档案，或导入从原电脑导出的密钥。`));
}

/** This side's key pair from the archive (refused, with what to do, when it has none). */
export function ownKey(archive: Archive): KeyPair {
  const pair = storedKey(archive);
  if (pair) return pair;
  const me = identityOf(archive);
  throw new UserError(
    `本档案还没有${ROLE_NAME[me.role]}密钥。请先在“数据交换 → 密钥与对方”中生成本方密钥（命令行：keys new --db 档案文件），或导入从原电脑导出的密钥（keys import），并把公钥交给对方登记。`,
  );
}

/**
 * The key as packing and unpacking use it: after moving a key still kept in the old folder
 * beside the archive (or in `dir`, the caller's `--key DIR`) into the archive. `notes` tells the
 * user, in Chinese, what was moved.
 */
export function useOwnKey(archive: Archive, actor: Actor, dir: string | null = null): { pair: KeyPair; notes: string[] } {
  const notes = dir ? adoptKeyFolder(archive, actor, dir).notes : migrateLegacyKey(archive, actor);
  return { pair: ownKey(archive), notes };
}

/** Read-only: the archive's key, else one still in the old folder (inspecting a package writes nothing). */
export function ownKeyIfAny(archive: Archive): KeyPair | undefined {
  const stored = storedKey(archive);
  if (stored) return stored;
  const file = join(legacyKeyDir(archive), PRIVATE_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const pair = readKeyPairFile(file, false);
    return pair.publicKey.role === identityOf(archive).role ? pair : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Moves a key left by an older version in the folder beside the archive into it (only a key of
 * this archive's side, only while the archive has none), and finishes a move that was cut short
 * (the same key in the archive and still in clear in the folder). Returns the notes for the user.
 */
export function migrateLegacyKey(archive: Archive, actor: Actor): string[] {
  const dir = legacyKeyDir(archive);
  const file = join(dir, PRIVATE_FILE);
  if (!existsSync(file)) return [];
  const stored = storedKey(archive);
  if (stored) {
    let left: KeyPair;
    try {
      left = readKeyPairFile(file, false);
    } catch {
      return [];
    }
    if (left.publicKey.fingerprint !== stored.publicKey.fingerprint) return [];
    return [wipeFolderKey(archive, actor, dir)];
  }
  const pair = readKeyPairFile(file, false);
  if (pair.publicKey.role !== identityOf(archive).role) return [];
  return adoptPair(archive, actor, dir, pair, '从旧密钥文件夹迁入').notes;
}

/** `keys import DIR` / `--key DIR`: a folder (or its private.json) made by `keys new --out DIR`, moved into the archive. */
export function adoptKeyFolder(archive: Archive, actor: Actor, target: string): { pair: KeyPair; added: boolean; notes: string[] } {
  const dir = existsSync(target) && statSync(target).isFile() ? dirname(target) : target;
  const file = basename(target) === PRIVATE_FILE ? target : join(dir, PRIVATE_FILE);
  if (!existsSync(file)) {
    throw new UserError(`文件夹 ${dir} 里没有私钥（${PRIVATE_FILE}）${existsSync(join(dir, NOTE_FILE)) ? `：它已移入某个档案，见该文件夹里的“${NOTE_FILE}”` : ''}。请指定 keys new --out 生成的密钥文件夹，或导入密钥导出文件。`);
  }
  return adoptPair(archive, actor, dir, readKeyPairFile(file, false), '从密钥文件夹导入');
}

function adoptPair(archive: Archive, actor: Actor, dir: string, pair: KeyPair, how: string): { pair: KeyPair; added: boolean; notes: string[] } {
  const added = storeKey(archive, actor, pair, how, dir);
  return { pair, added, notes: [wipeFolderKey(archive, actor, dir)] };
}

/** Refuses a key of the other side, or one other than the archive's own (nothing changed either way). */
export function checkImportable(archive: Archive, pair: KeyPair, source: string): 'new' | 'same' {
  const me = identityOf(archive);
  const k = pair.publicKey;
  if (k.role !== me.role) {
    throw new UserError(`${source} 里是${ROLE_NAME[k.role]}密钥（${k.name}），而本档案是${ROLE_NAME[me.role]}档案：只能导入本方（${ROLE_NAME[me.role]}）的密钥。档案没有任何改动。`);
  }
  const stored = storedKey(archive);
  if (!stored) return 'new';
  if (stored.publicKey.fingerprint === k.fingerprint) return 'same';
  throw new UserError(
    `本档案已有另一把本方密钥（${stored.publicKey.name}，指纹 ${formatFingerprint(stored.publicKey.fingerprint)}），与 ${source} 里的密钥（指纹 ${formatFingerprint(k.fingerprint)}）不同，没有导入，档案没有任何改动。` +
      `一个档案只用一把本方密钥：对方登记的是哪一把，就用哪一把（在“密钥与对方”中看本方指纹，电话与对方核对）。若对方登记的是要导入的这把，请把它导入一个还没有本方密钥的档案（例如新建档案后先导入密钥，再恢复数据）。`,
  );
}

/** Puts the pair into the archive (with an audit row, no secret in it); false when it was there already. */
export function storeKey(archive: Archive, actor: Actor, pair: KeyPair, how: string, source: string | null): boolean {
  const k = pair.publicKey;
  return writeTransactionNow(archive.db, (w) => {
    if (checkImportable(archive, pair, source ?? '新生成的密钥') === 'same') return false;
    insertOwnKey(w, {
      fingerprint: k.fingerprint,
      role: k.role,
      name: k.name,
      publicRecord: { ...k },
      privateRecord: { ...privateRecordOf(pair) },
      createdAt: k.createdAt,
      createdBy: actor.operator,
    });
    recordAudit(w, actor, { action: 'insert', tableName: 'own_keys', recordId: k.fingerprint, after: { role: k.role, name: k.name, fingerprint: k.fingerprint }, note: source ? `${how}：${source}` : how });
    return true;
  });
}

/** Wipes the clear private.json of a folder whose key the archive now holds, and leaves a 说明.txt. */
function wipeFolderKey(archive: Archive, actor: Actor, dir: string): string {
  // Only once the archive is known to hold this very key: then the clear copy may go.
  const file = join(dir, PRIVATE_FILE);
  const inFile = readKeyPairFile(file, false).publicKey.fingerprint;
  if (storedKey(archive)?.publicKey.fingerprint !== inFile) throw new Error('own key not stored before wiping its folder copy');
  wipeFile(file);
  writeFileAtomic(
    join(dir, NOTE_FILE),
    [
      `本文件夹原有的私钥文件 ${PRIVATE_FILE} 已于 ${actor.now().toISOString()} 移入档案 ${archive.file} 内保存（与档案一起受保护），并已从这里抹去。`,
      'public.json（公钥）仍可交给对方登记，它不含私钥。',
      '换电脑时，请在软件“数据交换 → 密钥与对方”中“导出密钥”（用口令保护），或用命令 relief-archive keys export；新电脑上再“导入密钥”。',
      '',
    ].join('\r\n'),
  );
  return `本方私钥已从文件夹 ${dir} 移入本档案保存，原来未加密的 ${PRIVATE_FILE} 已抹去（文件夹里留有“${NOTE_FILE}”）。今后不再需要这个文件夹；换电脑时请用“导出密钥”。`;
}

/** Makes this side's key pair directly in the archive (refused when it has one). Nothing is written beside it. */
export async function createOwnKey(archive: Archive, actor: Actor, name: string | null): Promise<KeyPair> {
  const moved = migrateLegacyKey(archive, actor);
  const me = identityOf(archive);
  const had = storedKey(archive);
  if (had) {
    throw new UserError(
      [`本档案已有${ROLE_NAME[me.role]}密钥（${had.publicKey.name}，指纹 ${formatFingerprint(had.publicKey.fingerprint)}），不能再生成：一个档案只用一把本方密钥。`, ...moved].join(''),
    );
  }
  await selfTest();
  const pair = generateKeyPair({ role: me.role, name: name ?? me.name, now: actor.now() });
  storeKey(archive, actor, pair, '生成本方密钥', null);
  return pair;
}

export function keyStatus(archive: Archive, actor: Actor): KeyStatusView {
  const me = identityOf(archive);
  const notReady: string[] = [];
  let notes: string[] = [];
  try {
    notes = migrateLegacyKey(archive, actor);
  } catch (e) {
    if (!isUserError(e)) throw e;
    notReady.push(e.message);
  }
  const own = storedKey(archive);
  if (!own) notReady.push(`还没有本方密钥：请先生成${ROLE_NAME[me.role]}密钥，或导入从原电脑导出的密钥。`);
  const registered = listKeys(archive).map(registeredView);
  if (!registered.some((k) => k.status === 'active' && k.role === otherRole(me.role))) {
    notReady.push(
      me.role === 'township'
        ? '还没有登记县级公钥：请电话核对指纹后登记县级的 public.json（登记前只能用口令加密报送）。'
        : '还没有登记任何乡镇公钥：请电话核对指纹后登记各乡镇的 public.json。',
    );
  }
  return { role: me.role, own: own ? keyView(own.publicKey) : null, registered, notReady, notes };
}

/** Saves this side's public.json where the user chooses (the USB stick): all the other side needs. */
export function savePublicKey(archive: Archive, out: string, overwrite: boolean): { file: string } {
  const pair = storedKey(archive);
  if (!pair) throw new UserError('本档案还没有本方密钥：请先生成密钥，再保存公钥。');
  const text = `${JSON.stringify(pair.publicKey, null, 2)}\n`;
  // Replacing is only with the clerk's confirmation (the save dialog's); the file is public anyway.
  writeFileAtomic(out, text, { mode: 0o644, noOverwrite: !overwrite });
  return { file: out };
}
