// Key pairs of one side (township or county): Ed25519 to sign packages, X25519 (age) to receive
// them. An archive keeps its own pair inside (core/exchange-archive/own-key.ts); a folder with
// private.json (mode 0600) and public.json is only the clear hand-over of `keys new --out DIR`.
// public.json is self-signed, carries its fingerprint and is what the other side registers.
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { bech32Decode, bech32Encode } from './bech32.ts';
import { concatBytes, equalBytes, fromBase64, toBase64 } from './bytes.ts';
import { canonicalBytes } from './canonical.ts';
import { fingerprintOf } from './fingerprint.ts';
import type { PublicKeyBody } from './fingerprint.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { diskFailure, makeFolder, readFailure } from '../files/disk-errors.ts';
import { refusal } from './messages.ts';
import { ROLES } from './roles.ts';
import type { Role } from './roles.ts';

export const PUBLIC_FILE = 'public.json';
export const PRIVATE_FILE = 'private.json';
const SELF_SIGNATURE_CONTEXT = new TextEncoder().encode('fupin-pubkey/v1 self-signature\0');

export interface PublicKeyRecord extends PublicKeyBody {
  format: 'fupin-pubkey/v1';
  createdAt: string;
  /** 30 digits; shown in groups of 5. */
  fingerprint: string;
  /** Ed25519 over the other fields: proves the signing key's owner made this record. */
  selfSignature: string;
}

export interface KeyPair {
  publicKey: PublicKeyRecord;
  signingSecret: Uint8Array;
  encryptionSecret: Uint8Array;
}

export function ageRecipient(x25519Public: Uint8Array): string {
  return bech32Encode('age', x25519Public);
}

export function ageIdentity(x25519Secret: Uint8Array): string {
  return bech32Encode('AGE-SECRET-KEY-', x25519Secret).toUpperCase();
}

export function recipientBytes(recipient: string): Uint8Array | null {
  const b = recipient.startsWith('age1') ? bech32Decode(recipient, 'age') : null;
  return b?.length === 32 ? b : null;
}

function selfSigned(record: Omit<PublicKeyRecord, 'selfSignature'>): Uint8Array {
  return concatBytes(SELF_SIGNATURE_CONTEXT, canonicalBytes(record));
}

export function checkName(name: string): string {
  const n = name.trim();
  if (n.length < 1 || n.length > 40 || /[\p{Cc}\p{Cf}]/u.test(n)) {
    throw refusal(`单位名称“${name}”不合适：应为 1 到 40 个字、不含控制字符，例如“青山镇扶贫工作站”。`, 'usage');
  }
  return n;
}

export function generateKeyPair(input: { role: Role; name: string; now?: Date }): KeyPair {
  if (!ROLES.includes(input.role)) throw refusal(`身份“${input.role}”不对：应为 township（乡镇）或 county（县级）。`, 'usage');
  const signingSecret = ed25519.utils.randomSecretKey();
  const encryptionSecret = x25519.utils.randomSecretKey();
  const body: PublicKeyBody = {
    role: input.role,
    name: checkName(input.name),
    signingKey: toBase64(ed25519.getPublicKey(signingSecret)),
    encryptionKey: ageRecipient(x25519.getPublicKey(encryptionSecret)),
  };
  const unsigned = { format: 'fupin-pubkey/v1' as const, ...body, createdAt: (input.now ?? new Date()).toISOString(), fingerprint: fingerprintOf(body) };
  const publicKey = { ...unsigned, selfSignature: toBase64(ed25519.sign(selfSigned(unsigned), signingSecret)) };
  return { publicKey, signingSecret, encryptionSecret };
}

/** Checks a public key record as read from a file: shape, keys, fingerprint, self-signature. */
export function parsePublicKey(value: unknown, where: string): PublicKeyRecord {
  const bad = (why: string) => refusal(`公钥文件 ${where} 无效（${why}）。请向对方重新索取 public.json，不要手工修改它。`);
  if (typeof value !== 'object' || value === null) throw bad('不是公钥记录');
  const r = value as Record<string, unknown>;
  const fields = ['format', 'role', 'name', 'signingKey', 'encryptionKey', 'createdAt', 'fingerprint', 'selfSignature'];
  if (Object.keys(r).sort().join() !== [...fields].sort().join() || fields.some((f) => typeof r[f] !== 'string')) throw bad('字段不对');
  const rec = r as unknown as PublicKeyRecord;
  if (rec.format !== 'fupin-pubkey/v1' || !ROLES.includes(rec.role)) throw bad('格式或身份不对');
  const signing = fromBase64(rec.signingKey, 32);
  const sig = fromBase64(rec.selfSignature, 64);
  if (!signing || !sig || !recipientBytes(rec.encryptionKey)) throw bad('密钥编码不对');
  if (fingerprintOf(rec) !== rec.fingerprint) throw bad('指纹与密钥不符');
  const { selfSignature: _, ...unsigned } = rec;
  let ok = false;
  try {
    ok = ed25519.verify(sig, selfSigned(unsigned), signing);
  } catch {
    ok = false;
  }
  if (!ok) throw bad('自签名不对');
  return rec;
}

export function readJsonFile(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw readFailure(e, file, what) ?? e;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw refusal(`${what} ${file} 不是有效的 JSON 文件，可能已损坏。`);
  }
}

export function loadPublicKey(file: string): PublicKeyRecord {
  return parsePublicKey(readJsonFile(file, '公钥文件'), file);
}

/** The secret half as stored (private.json, the archive's own_keys row, a key export): base64 seed, age identity and the public record. */
export interface PrivateKeyRecord {
  format: 'fupin-key/v1';
  signingSecret: string;
  encryptionIdentity: string;
  publicKey: PublicKeyRecord;
}

export function privateRecordOf(pair: KeyPair): PrivateKeyRecord {
  return { format: 'fupin-key/v1', signingSecret: toBase64(pair.signingSecret), encryptionIdentity: ageIdentity(pair.encryptionSecret), publicKey: pair.publicKey };
}

/**
 * A key pair from its stored record, checked in full (shape, public record, secrets that match
 * it). `bad(why)` makes the refusal, so each caller names its own source (file, archive, export).
 */
export function keyPairFromRecord(value: unknown, where: string, bad: (why: string) => Error): KeyPair {
  if (typeof value !== 'object' || value === null) throw bad('格式不对');
  const r = value as Record<string, unknown>;
  if (r.format !== 'fupin-key/v1' || typeof r.signingSecret !== 'string' || typeof r.encryptionIdentity !== 'string') throw bad('格式不对');
  const publicKey = parsePublicKey(r.publicKey, where);
  const signingSecret = fromBase64(r.signingSecret, 32);
  const encryptionSecret = bech32Decode(r.encryptionIdentity, 'AGE-SECRET-KEY-');
  if (!signingSecret || encryptionSecret?.length !== 32) throw bad('密钥编码不对');
  const matches =
    equalBytes(ed25519.getPublicKey(signingSecret), fromBase64(publicKey.signingKey, 32)!) &&
    equalBytes(x25519.getPublicKey(encryptionSecret), recipientBytes(publicKey.encryptionKey)!);
  if (!matches) throw bad('私钥与其中的公钥不配对');
  return { publicKey, signingSecret, encryptionSecret };
}

/**
 * Writes a key pair to a folder, the private half in clear: only `keys new --out DIR` does this
 * now, and such a folder is meant to be imported into an archive (`keys import DIR`), which wipes it.
 */
export function saveKeyPair(dir: string, pair: KeyPair): { privateFile: string; publicFile: string } {
  const privateFile = join(dir, PRIVATE_FILE);
  const publicFile = join(dir, PUBLIC_FILE);
  for (const f of [privateFile, publicFile]) {
    if (existsSync(f)) throw refusal(`文件夹 ${dir} 里已有密钥（${f}）。为免覆盖，请换一个空文件夹。`);
  }
  try {
    makeFolder(dir, 0o700);
  } catch (e) {
    throw diskFailure(e, privateFile) ?? e; // a read-only stick, no permission: said in Chinese
  }
  // Never over an existing key (its loss cannot be undone): the writer links, and refuses a name taken meanwhile.
  writeFileAtomic(privateFile, `${JSON.stringify(privateRecordOf(pair), null, 2)}\n`, { mode: 0o600, noOverwrite: true });
  chmodSync(privateFile, 0o600); // the umask may have cut the mode given at creation
  writeFileAtomic(publicFile, `${JSON.stringify(pair.publicKey, null, 2)}\n`, { mode: 0o644, noOverwrite: true });
  return { privateFile, publicFile };
}

/**
 * A private.json as written by saveKeyPair. `checkMode`: refuse one others may read (POSIX) —
 * skipped when the file is about to be moved into an archive and wiped anyway.
 */
export function readKeyPairFile(file: string, checkMode = true): KeyPair {
  const value = readJsonFile(file, '私钥文件');
  if (checkMode && process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
    throw refusal(`私钥文件 ${file} 别人也能读取。请把它的权限改为只有自己可读（chmod 600 ${file}）后再试。`);
  }
  return keyPairFromRecord(value, file, (why) => refusal(`私钥文件 ${file} 无效（${why}）。请使用 keys new 生成的原文件夹，不要手工修改。`));
}

export function loadKeyPair(dir: string): KeyPair {
  return readKeyPairFile(join(dir, PRIVATE_FILE));
}
