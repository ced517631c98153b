// The archive's key, and who can unwrap it. An archive is encrypted (SQLite3 Multiple Ciphers,
// SQLCipher v4 scheme) with a random 32-byte data key. Beside it, `<archive>.key` holds that key
// wrapped once per operator: XChaCha20-Poly1305 under a key derived from the operator's password
// with argon2id (hash-wasm: the same WebAssembly in Node and Electron, nothing native to ship per
// platform). The file holds no name in clear — an entry is found by a hash of the archive's id and
// the operator's name — and no password: unwrapping is what proves one. The recovery code, shown
// once when the archive is created, is the data key itself, so the station chief can open the
// archive even if this file is lost.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { argon2id } from 'hash-wasm';
import { UserError } from '../shared/errors.ts';

export const KEYSTORE_FORMAT = 'relief-archive-keystore/v1';
export const DATA_KEY_BYTES = 32;

export interface KdfParams {
  alg: 'argon2id';
  /** Memory in KiB, iterations, lanes. */
  m: number;
  t: number;
  p: number;
}

/** 64 MiB, 3 passes: about 0.6 s on a 2-core office PC — slow for a guesser, bearable at login. */
export const DEFAULT_KDF: KdfParams = { alg: 'argon2id', m: 65_536, t: 3, p: 1 };

export interface KeyEntry {
  lookup: string;
  salt: string;
  nonce: string;
  wrapped: string;
  kdf: KdfParams;
}

export interface Keystore {
  format: typeof KEYSTORE_FORMAT;
  archiveId: string;
  cipher: 'sqlcipher-v4';
  /** Recognises the right data key (a recovery code typed in) without opening the archive. */
  check: string;
  entries: KeyEntry[];
  /** Lookups of stopped accounts (their wraps removed): their login says 已停用, not "wrong password". */
  stopped?: string[];
}

export const keystoreFile = (archiveFile: string): string => `${archiveFile}.key`;

const b64 = (u: Uint8Array): string => Buffer.from(u).toString('base64');
const unb64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));

export function normalizeOperatorName(name: string): string {
  return name.normalize('NFC').replace(/[\s\u3000]+/g, '');
}

function lookupOf(archiveId: string, name: string): string {
  return createHash('sha256').update(`relief-archive|${archiveId}|${normalizeOperatorName(name)}`).digest('hex');
}

function checkOf(archiveId: string, key: Uint8Array): string {
  return createHash('sha256').update(`relief-archive-check|${archiveId}|`).update(key).digest('hex');
}

async function kekOf(password: string, salt: Uint8Array, kdf: KdfParams): Promise<Uint8Array> {
  return argon2id({ password: password.normalize('NFC'), salt, parallelism: kdf.p, iterations: kdf.t, memorySize: kdf.m, hashLength: 32, outputType: 'binary' });
}

async function wrapFor(ks: Pick<Keystore, 'archiveId'>, name: string, password: string, key: Uint8Array, kdf: KdfParams): Promise<KeyEntry> {
  const salt = randomBytes(16);
  const nonce = randomBytes(24);
  const lookup = lookupOf(ks.archiveId, name);
  const kek = await kekOf(password, salt, kdf);
  const wrapped = xchacha20poly1305(kek, nonce, new TextEncoder().encode(lookup)).encrypt(key);
  return { lookup, salt: b64(salt), nonce: b64(nonce), wrapped: b64(wrapped), kdf };
}

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

export function newKeystore(key: Uint8Array): Keystore {
  const archiveId = randomUUID();
  return { format: KEYSTORE_FORMAT, archiveId, cipher: 'sqlcipher-v4', check: checkOf(archiveId, key), entries: [] };
}

/** Adds (or replaces) an operator's wrap of the key (a stopped account so comes back). */
export async function setPassword(ks: Keystore, name: string, password: string, key: Uint8Array, kdf: KdfParams = DEFAULT_KDF): Promise<Keystore> {
  const entry = await wrapFor(ks, name, password, key, kdf);
  return { ...ks, entries: [...ks.entries.filter((e) => e.lookup !== entry.lookup), entry], stopped: (ks.stopped ?? []).filter((l) => l !== entry.lookup) };
}

/** Removes an operator's wrap of the key; `stopped`: remembers the account as stopped (for its login message). */
export function removeOperator(ks: Keystore, name: string, opts: { stopped?: boolean } = {}): Keystore {
  const lookup = lookupOf(ks.archiveId, name);
  const stopped = (ks.stopped ?? []).filter((l) => l !== lookup);
  return { ...ks, entries: ks.entries.filter((e) => e.lookup !== lookup), stopped: opts.stopped ? [...stopped, lookup] : stopped };
}

export const STOPPED_LOGIN = (name: string): string => `账户“${name.trim()}”已停用，不能登录。如需恢复使用，请找站长（管理员）重设这个账户的密码。`;

/** Whether an operator has a password here (for account management, never for login messages). */
export function hasPassword(ks: Keystore, name: string): boolean {
  return ks.entries.some((e) => e.lookup === lookupOf(ks.archiveId, name));
}

export const WRONG_LOGIN = '姓名或密码不对，档案没有打开。请核对后重试（注意输入法和大小写）；忘记密码请找站长（管理员）重设。';

/**
 * The data key for this operator and password; refused alike whether the name is unknown or the
 * password wrong (the message must not tell which). A damaged entry says so.
 */
export async function unwrapKey(ks: Keystore, name: string, password: string): Promise<Buffer> {
  const lookup = lookupOf(ks.archiveId, name);
  const entry = ks.entries.find((e) => e.lookup === lookup);
  // An unknown name costs the same derivation as a wrong password: timing tells nothing either.
  const kdf = entry?.kdf ?? ks.entries[0]?.kdf ?? DEFAULT_KDF;
  let kek: Uint8Array;
  let salt: Uint8Array;
  let nonce: Uint8Array;
  let wrapped: Uint8Array;
  try {
    salt = unb64(entry?.salt ?? b64(randomBytes(16)));
    nonce = unb64(entry?.nonce ?? b64(randomBytes(24)));
    wrapped = unb64(entry?.wrapped ?? b64(randomBytes(48)));
    if (salt.length < 8 || nonce.length !== 24 || wrapped.length !== DATA_KEY_BYTES + 16) throw new Error('shape');
    kek = await kekOf(password, salt, kdf);
  } catch {
    throw new UserError(`密钥文件中此账户的记录已损坏，无法用密码打开档案。请用恢复码打开（站长保管），再重设此账户的密码。`);
  }
  if (!entry) throw new UserError(ks.stopped?.includes(lookup) ? STOPPED_LOGIN(name) : WRONG_LOGIN);
  let key: Uint8Array;
  try {
    key = xchacha20poly1305(kek, nonce, new TextEncoder().encode(lookup)).decrypt(wrapped);
  } catch {
    throw new UserError(WRONG_LOGIN);
  }
  if (!keyMatches(ks, key)) throw new UserError('密钥文件中此账户的记录与档案不符（可能已损坏或被替换）。请用恢复码打开，再重设此账户的密码。');
  return Buffer.from(key);
}

export function keyMatches(ks: Keystore, key: Uint8Array): boolean {
  const want = Buffer.from(ks.check, 'hex');
  const got = Buffer.from(checkOf(ks.archiveId, key), 'hex');
  return want.length === got.length && timingSafeEqual(want, got);
}

// Recovery code: the data key and a 2-byte check, in Crockford's base32 (no I, L, O, U), in
// groups of five — written by hand into the station's safe book, typed back without fuss.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function recoveryCodeOf(key: Uint8Array): string {
  const check = createHash('sha256').update(key).digest().subarray(0, 2);
  const bytes = Buffer.concat([Buffer.from(key), check]);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET.charAt((value >>> (bits - 5)) & 31);
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET.charAt((value << (5 - bits)) & 31);
  return out.match(/.{1,5}/g)!.join('-');
}

export function keyFromRecoveryCode(code: string): Buffer {
  const clean = code.toUpperCase().replace(/[\s\-—_]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const bad = Array.from(clean).find((c) => !ALPHABET.includes(c));
  if (bad !== undefined || clean.length !== 55) {
    throw new UserError(`恢复码格式不对${bad !== undefined ? `（含有“${bad}”）` : `（应为 55 个字母数字，现在是 ${clean.length} 个）`}：请对照保管的恢复码逐组核对（11 组，每组 5 个）。`);
  }
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const c of clean) {
    value = ((value << 5) | ALPHABET.indexOf(c)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  const key = Buffer.from(bytes.slice(0, DATA_KEY_BYTES));
  const check = Buffer.from(bytes.slice(DATA_KEY_BYTES, DATA_KEY_BYTES + 2));
  if (!check.equals(createHash('sha256').update(key).digest().subarray(0, 2))) {
    throw new UserError('恢复码有误（校验不通过）：可能抄错或输错了某一组。请逐组核对后重试。');
  }
  return key;
}

export function readKeystore(archiveFile: string): Keystore | null {
  const file = keystoreFile(archiveFile);
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new UserError(`档案的密钥文件已损坏（${file}），无法用密码打开。请用恢复码打开档案（站长保管），程序会重建密钥文件。`);
  }
  const ks = parsed as Partial<Keystore> | null;
  if (!ks || typeof ks !== 'object' || typeof ks.format !== 'string') {
    throw new UserError(`“${file}”不是扶贫档案的密钥文件。请确认档案旁的 .key 文件没有被替换；也可以用恢复码打开档案。`);
  }
  if (ks.format !== KEYSTORE_FORMAT) {
    throw new UserError(`此档案的密钥文件由更新版本的程序写入（${String(ks.format)}），本程序无法打开。请先把扶贫档案程序升级到最新版本；档案未作任何改动。`);
  }
  if (typeof ks.archiveId !== 'string' || typeof ks.check !== 'string' || !Array.isArray(ks.entries)) {
    throw new UserError(`档案的密钥文件已损坏（${file}），无法用密码打开。请用恢复码打开档案（站长保管），程序会重建密钥文件。`);
  }
  return ks as Keystore;
}

/** Writes the key file whole or not at all: a .part, flushed to disk, then renamed over. */
export function writeKeystore(archiveFile: string, ks: Keystore): void {
  const file = keystoreFile(archiveFile);
  const part = `${file}.${randomBytes(4).toString('hex')}.part`;
  try {
    const fd = openSync(part, 'w', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(ks, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(part, file);
  } catch (e) {
    rmSync(part, { force: true });
    throw e;
  }
}
