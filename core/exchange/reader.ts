// Opening a package, in the order of docs/exchange-format.md: strict parse → sender key known,
// not revoked, allowed for this kind → signature → addressed to us → answers a package of ours →
// sequence (replay) → payload hash — all before any decryption. Then entries() decrypts and
// streams the entries; it finishes only when everything, to the last byte, has checked out.
import { Decrypter } from 'age-encryption';
import { isUserError } from '../../shared/errors.ts';
import { AgeHeaderProblem, inspectAgeHeader } from './age-header.ts';
import type { AgeHeaderInfo } from './age-header.ts';
import { BadStanza, ScryptIdentity, X25519Identity } from './age-keys.ts';
import { equalBytes, fromHex } from './bytes.ts';
import { ByteSource } from './byte-source.ts';
import { verifyHeader } from './envelope.ts';
import { readRange } from './file-io.ts';
import { fingerprintOf } from './fingerprint.ts';
import { decodeEntries } from './frames-read.ts';
import type { PackageEntry } from './frames-read.ts';
import type { Summary } from './frames.ts';
import { sha256Hasher } from './hash.ts';
import type { PackageHeader, PackageRef } from './header.ts';
import { checkPayloadHash, inspectPackage } from './inspect.ts';
import type { Inspected } from './inspect.ts';
import type { KeyPair } from './keys.ts';
import { AGE_NONCE, DEFAULT_LIMITS, HEADER_BLOCK, MAX_AGE_HEADER_BYTES, READER_VERSION, SCRYPT_LOG_N_CAP } from './limits.ts';
import type { Limits } from './limits.ts';
import { refusal, refuse } from './messages.ts';
import { normalizePassphrase } from './passphrase.ts';
import { KIND_LABEL, KIND_SIGNER, ROLE_LABEL } from './roles.ts';
import { selfTest } from './self-test.ts';
import { toWebStream } from './streams.ts';
import type { ProgressFn } from './streams.ts';
import { describeKey, stillValid } from './trust.ts';
import type { TrustedKey, TrustStore } from './trust.ts';

export interface OpenOptions {
  /** This installation's keys (for packages encrypted to keys). */
  key?: KeyPair;
  /** The passphrase read over the phone (for passphrase packages). */
  passphrase?: string;
  trust: TrustStore;
  /** Highest sequence number already accepted from this sender for this kind (null: none yet). */
  lastSeq?: (header: PackageHeader, senderFingerprint: string) => number | null | undefined | Promise<number | null | undefined>;
  /** For answers (review results): is this the exact package we sent? Without it, answers are refused. */
  answers?: (ref: PackageRef) => boolean | Promise<boolean>;
  /** Accept a passphrase package whose sender key is not registered (then `authenticated` is false). */
  acceptUnauthenticated?: boolean;
  tables?: (name: string) => boolean;
  limits?: Partial<Limits>;
  maxScryptLogN?: number;
  onProgress?: ProgressFn;
  signal?: AbortSignal;
}

export interface OpenedPackage {
  file: string;
  header: PackageHeader;
  senderFingerprint: string;
  /** The registered key that signed it; null for an unauthenticated passphrase package. */
  sender: TrustedKey | null;
  authenticated: boolean;
  ref: PackageRef;
  /** Streams the entries; may be called once. Returns the summary after the last check. */
  entries(): AsyncGenerator<PackageEntry, Summary>;
}

async function checkSender(p: Inspected, opts: OpenOptions): Promise<{ fingerprint: string; sender: TrustedKey | null }> {
  const h = p.header;
  const fingerprint = fingerprintOf(h.sender);
  const who = describeKey({ ...h.sender, fingerprint });
  const sender = (await opts.trust.lookup(fingerprint)) ?? null;
  if (sender) {
    const same = sender.signingKey === h.sender.signingKey && sender.encryptionKey === h.sender.encryptionKey && sender.role === h.sender.role;
    if (!same) throw refuse.keyMismatch(p.file, who);
    if (!stillValid(sender, h.seq)) throw refuse.revoked(p.file, who, h.seq);
  } else if (h.encryption === 'x25519') {
    throw refuse.unknownSender(p.file, who);
  } else if (!opts.acceptUnauthenticated) {
    throw refuse.unauthenticated(p.file, who);
  }
  const role = sender?.role ?? h.sender.role;
  if (KIND_SIGNER[h.kind] !== role) throw refuse.wrongRole(p.file, KIND_LABEL[h.kind], ROLE_LABEL[role], ROLE_LABEL[KIND_SIGNER[h.kind]]);
  if (!verifyHeader(p.headerBytes, p.signature, sender?.signingKey ?? h.sender.signingKey)) throw refuse.badSignature(p.file);
  return { fingerprint, sender };
}

async function checkAddressAndOrder(p: Inspected, fingerprint: string, opts: OpenOptions): Promise<void> {
  const h = p.header;
  if (h.encryption === 'x25519') {
    if (!opts.key) throw refusal(`数据包 ${p.file} 是用密钥加密的：请指定本机的密钥文件夹（--key）。`, 'usage');
    if (!h.recipients.includes(opts.key.publicKey.fingerprint)) throw refuse.notForUs(p.file);
  } else if (opts.passphrase === undefined) {
    throw refuse.needPassphrase(p.file);
  }
  if (h.answersTo && !(opts.answers && (await opts.answers(h.answersTo)))) throw refuse.noAnswer(p.file);
  const last = await opts.lastSeq?.(h, fingerprint);
  if (last != null && h.seq <= last) throw refuse.replayed(p.file, h.seq, last);
}

async function ageHeaderOf(p: Inspected, cap: number): Promise<AgeHeaderInfo> {
  const length = Math.min(p.header.payload.length, MAX_AGE_HEADER_BYTES + AGE_NONCE);
  let prefix: Uint8Array = new Uint8Array(0);
  for await (const block of readRange(p.file, HEADER_BLOCK, length)) prefix = block;
  try {
    const info = inspectAgeHeader(prefix, p.header.payload.length, cap);
    if (info.encryption !== p.header.encryption) throw new AgeHeaderProblem('加密方式与封面不符');
    return info;
  } catch (e) {
    if (e instanceof AgeHeaderProblem) throw e.scryptLogN === null ? refuse.ageHeader(p.file, e.why) : refuse.scryptTooCostly(p.file, e.scryptLogN, cap);
    throw e;
  }
}

function decryptError(file: string, passphrase: boolean): (e: unknown) => unknown {
  return (e) => {
    if (isUserError(e)) return e;
    if (e instanceof BadStanza) return refuse.ageHeader(file, '收件信息不合规');
    if (e instanceof Error && e.message === 'invalid header HMAC') return refuse.ageMac(file);
    if (e instanceof Error && e.message.includes('no identity matched')) return passphrase ? refuse.wrongPassphrase(file) : refuse.wrongKey(file);
    return refuse.decryptFailed(file);
  };
}

async function* decryptEntries(p: Inspected, opts: OpenOptions, fingerprint: string): AsyncGenerator<PackageEntry, Summary> {
  const cap = Math.min(opts.maxScryptLogN ?? SCRYPT_LOG_N_CAP, SCRYPT_LOG_N_CAP);
  const info = await ageHeaderOf(p, cap);
  const passphrase = p.header.encryption === 'passphrase';
  const d = new Decrypter();
  d.addIdentity(passphrase ? new ScryptIdentity(normalizePassphrase(opts.passphrase ?? ''), cap) : new X25519Identity(opts.key!.encryptionSecret));
  // The payload is read a second time for decryption: hash it again, so that bytes changed on
  // the stick between the two passes cannot slip through.
  const total = p.header.payload.length;
  const rehash = sha256Hasher();
  const onBlock = (done: number) => opts.onProgress?.({ phase: 'decrypt', done, total });
  const raw = readRange(p.file, HEADER_BLOCK, total, { ...(opts.signal ? { signal: opts.signal } : {}), onBlock });
  const hashed = (async function* () {
    for await (const block of raw) {
      rehash.update(block);
      yield block;
    }
  })();
  const onError = decryptError(p.file, passphrase);
  const plain = await d.decrypt(toWebStream(hashed)).catch((e: unknown) => {
    throw onError(e);
  });
  const reader = plain.getReader();
  try {
    const h = p.header;
    return yield* decodeEntries(new ByteSource(reader, info.plaintextLength, onError), {
      file: p.file,
      limits: { ...DEFAULT_LIMITS, ...opts.limits },
      binding: { packageId: h.packageId, kind: h.kind, seq: h.seq, sender: fingerprint, recipients: h.recipients, answersTo: h.answersTo, schemaVersion: h.schemaVersion },
      ...(opts.tables ? { tables: opts.tables } : {}),
      finalCheck: () => {
        if (!equalBytes(rehash.digest(), fromHex(h.payload.sha256))) throw refuse.payloadChanged(p.file);
      },
    });
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

export async function openPackage(file: string, opts: OpenOptions): Promise<OpenedPackage> {
  await selfTest();
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const p = await inspectPackage(file, limits.packageBytes);
  if (p.header.minReaderVersion > READER_VERSION) throw refuse.newerFormat(file, p.header.minReaderVersion);
  const { fingerprint, sender } = await checkSender(p, opts);
  await checkAddressAndOrder(p, fingerprint, opts);
  await checkPayloadHash(p, { ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) });
  let started = false;
  return {
    file,
    header: p.header,
    senderFingerprint: fingerprint,
    sender,
    authenticated: sender !== null,
    ref: { packageId: p.header.packageId, payloadSha256: p.header.payload.sha256 },
    entries() {
      if (started) throw new Error('entries() may be called only once per opened package');
      started = true;
      return decryptEntries(p, opts, fingerprint);
    },
  };
}
