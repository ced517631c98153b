// Making a package: the policy (who may send what, to whom), the manifest, and the framed
// entries from an async iterable — tables of JSON rows and attachments checked against their
// declared size and SHA-256 as they stream through. Nothing is held whole in memory.
import { randomUUID } from 'node:crypto';
import { concatBytes, fromHex, SHA256_HEX_RE, toHex, UUID_RE } from './bytes.ts';
import type { JsonObject } from './canonical.ts';
import { FRAME, frameHead, jsonFrame, TABLE_NAME_RE } from './frames.ts';
import { RowPacker } from './row-packer.ts';
import type { Manifest, Summary } from './frames.ts';
import { sha256Hasher } from './hash.ts';
import type { PackageRef } from './header.ts';
import { recipientBytes } from './keys.ts';
import type { KeyPair, PublicKeyRecord } from './keys.ts';
import { DEFAULT_LIMITS, FORMAT, READER_VERSION, SCRYPT_LOG_N, SCRYPT_LOG_N_CAP, SCRYPT_LOG_N_MIN, SUITE } from './limits.ts';
import type { Limits } from './limits.ts';
import { refusal } from './messages.ts';
import { normalizePassphrase } from './passphrase.ts';
import { KIND_LABEL, KIND_SIGNER, needsAnswersTo, ROLE_LABEL } from './roles.ts';
import { selfTest } from './self-test.ts';
import type { PackageKind } from './roles.ts';
import type { ProgressFn } from './streams.ts';
import { writeEnvelope } from './write-envelope.ts';
import type { Encryption, Written } from './write-envelope.ts';

export type EntrySource =
  | { type: 'table'; name: string; rows: Iterable<JsonObject> | AsyncIterable<JsonObject> }
  | { type: 'attachment'; id: string; sha256: string; size: number; data: AsyncIterable<Uint8Array> | Iterable<Uint8Array> };

export interface PackInput {
  file: string;
  sender: KeyPair;
  kind: PackageKind;
  seq: number;
  /** The other side's public keys, or a passphrase from generatePassphrase(). */
  to: { recipients: PublicKeyRecord[] } | { passphrase: string };
  entries: Iterable<EntrySource> | AsyncIterable<EntrySource>;
  schemaVersion: number;
  appVersion?: string;
  meta?: JsonObject;
  answersTo?: PackageRef;
  /** Also encrypt to the sender's own key, so the sender can reopen its own package (default true). */
  includeSelf?: boolean;
  /** Tests and benchmarks only; the app always uses SCRYPT_LOG_N. */
  scryptLogN?: number;
  limits?: Partial<Limits>;
  packageId?: string;
  now?: Date;
  onProgress?: ProgressFn;
  signal?: AbortSignal;
  /** About how many bytes the package will take (the archive's size): named when the disk is full. */
  sizeHint?: number;
}

function checkPolicy(input: PackInput): void {
  const role = input.sender.publicKey.role;
  if (KIND_SIGNER[input.kind] !== role) {
    throw refusal(`${ROLE_LABEL[role]}密钥不能签发“${KIND_LABEL[input.kind]}”：它只能由${ROLE_LABEL[KIND_SIGNER[input.kind]]}签发。`);
  }
  if (needsAnswersTo(input.kind) !== (input.answersTo !== undefined)) {
    throw refusal(needsAnswersTo(input.kind) ? `“${KIND_LABEL[input.kind]}”必须注明所回复的数据包。` : `“${KIND_LABEL[input.kind]}”不回复别的数据包。`);
  }
  if (!Number.isSafeInteger(input.seq) || input.seq < 1) throw refusal(`序号 ${input.seq} 不对：应为正整数。`);
  if ('recipients' in input.to) {
    if (input.to.recipients.length === 0) throw refusal('没有收件方：请选择对方的公钥（public.json）。');
    const wrong = input.to.recipients.find((r) => r.role === role);
    if (wrong) throw refusal(`收件方“${wrong.name}”也是${ROLE_LABEL[role]}的密钥：数据包只能发给另一方（乡镇发给县级，县级发给乡镇）。`);
  }
}

function encryption(input: PackInput): { encryption: Encryption; recipients: string[] } {
  if ('passphrase' in input.to) {
    const logN = input.scryptLogN ?? SCRYPT_LOG_N;
    if (!Number.isInteger(logN) || logN < SCRYPT_LOG_N_MIN || logN > SCRYPT_LOG_N_CAP) throw new Error(`scrypt work factor out of range: ${logN}`);
    return { encryption: { passphrase: normalizePassphrase(input.to.passphrase), scryptLogN: logN }, recipients: [] };
  }
  const keys = [...input.to.recipients, ...(input.includeSelf === false ? [] : [input.sender.publicKey])];
  const unique = [...new Map(keys.map((k) => [k.fingerprint, k])).values()];
  return { encryption: { recipients: unique.map((k) => recipientBytes(k.encryptionKey)!) }, recipients: unique.map((k) => k.fingerprint).sort() };
}

async function* attachmentFrames(e: Extract<EntrySource, { type: 'attachment' }>, limits: Limits): AsyncGenerator<Uint8Array> {
  if (!UUID_RE.test(e.id)) throw refusal(`附件编号“${e.id}”不是 UUID，不能放进数据包。`);
  if (!SHA256_HEX_RE.test(e.sha256)) throw refusal(`附件 ${e.id} 的校验值格式不对。`);
  if (!Number.isSafeInteger(e.size) || e.size < 0 || e.size > limits.attachmentBytes) throw refusal(`附件 ${e.id} 的大小 ${e.size} 超出限制（最多 ${limits.attachmentBytes} 字节）。`);
  yield concatBytes(frameHead(FRAME.attachment, e.id, 32 + e.size), fromHex(e.sha256));
  const hasher = sha256Hasher();
  let seen = 0;
  for await (const piece of e.data) {
    seen += piece.length;
    if (seen > e.size) break;
    hasher.update(piece);
    yield piece;
  }
  if (seen !== e.size || toHex(hasher.digest()) !== e.sha256) {
    throw refusal(`附件 ${e.id} 的内容与档案中记录的不一致（大小或校验值不符），档案里的附件可能已损坏。数据包没有生成。`);
  }
}

async function* plaintext(input: PackInput, manifest: Manifest, limits: Limits): AsyncGenerator<Uint8Array> {
  yield jsonFrame(FRAME.manifest, 'manifest', manifest);
  const summary: Summary = { tables: [], attachments: 0, attachmentBytes: 0 };
  const seen = new Set<string>();
  for await (const e of input.entries) {
    if (e.type === 'table') {
      if (!TABLE_NAME_RE.test(e.name) || summary.tables.some((t) => t.name === e.name)) throw new Error(`bad or repeated table name: ${e.name}`);
      const t = { name: e.name, rows: 0 };
      summary.tables.push(t);
      yield frameHead(FRAME.table, e.name, 0);
      // Rows gathered into large blocks; a plain (sync) iterable is walked without an await per row.
      const packer = new RowPacker();
      const tooLarge = (bytes: number) => refusal(`表“${e.name}”第 ${t.rows + 1} 行过大（${bytes} 字节，最多 ${limits.rowBytes} 字节）。`);
      const rows = e.rows;
      if (Symbol.iterator in rows) {
        for (const row of rows) {
          const full = packer.add(JSON.stringify(row), limits.rowBytes, tooLarge);
          t.rows++;
          if (full) yield full;
        }
      } else {
        for await (const row of rows) {
          const full = packer.add(JSON.stringify(row), limits.rowBytes, tooLarge);
          t.rows++;
          if (full) yield full;
        }
      }
      const rest = packer.take();
      if (rest) yield rest;
    } else {
      if (seen.has(e.id)) throw refusal(`附件 ${e.id} 重复出现。`);
      seen.add(e.id);
      yield* attachmentFrames(e, limits);
      summary.attachments++;
      summary.attachmentBytes += e.size;
    }
  }
  yield jsonFrame(FRAME.end, 'end', summary);
}

export interface Packed extends Written {
  packageId: string;
  /** How a later package names this one (answersTo). */
  ref: PackageRef;
}

export async function writePackage(input: PackInput): Promise<Packed> {
  await selfTest();
  checkPolicy(input);
  const limits = { ...DEFAULT_LIMITS, ...input.limits };
  const { encryption: enc, recipients } = encryption(input);
  const packageId = input.packageId ?? randomUUID();
  const { role, name, signingKey, encryptionKey, fingerprint } = input.sender.publicKey;
  const header = {
    format: FORMAT,
    suite: SUITE,
    kind: input.kind,
    packageId,
    seq: input.seq,
    createdAt: (input.now ?? new Date()).toISOString(),
    appVersion: input.appVersion ?? '0.1.0',
    minReaderVersion: READER_VERSION,
    schemaVersion: input.schemaVersion,
    sender: { role, name, signingKey, encryptionKey },
    recipients,
    encryption: 'passphrase' in enc ? 'passphrase' : 'x25519',
    ...(input.answersTo ? { answersTo: input.answersTo } : {}),
  } as const;
  const manifest: Manifest = {
    format: 'fupin-manifest/v1',
    packageId,
    kind: input.kind,
    seq: input.seq,
    sender: fingerprint,
    recipients,
    ...(input.answersTo ? { answersTo: input.answersTo } : {}),
    schemaVersion: input.schemaVersion,
    meta: input.meta ?? {},
  };
  const written = await writeEnvelope({
    file: input.file,
    header,
    signingSecret: input.sender.signingSecret,
    encryption: enc,
    plaintext: plaintext(input, manifest, limits),
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.sizeHint !== undefined ? { sizeHint: input.sizeHint } : {}),
  });
  return { ...written, packageId, ref: { packageId, payloadSha256: written.header.payload.sha256 } };
}
