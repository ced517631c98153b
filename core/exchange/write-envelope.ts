// Writes one package file from a plaintext stream, with no policy of its own (writer.ts adds it):
// FILE.part gets an empty block, then the age payload as it is encrypted (hashed on the way),
// then the signed block over the empty one; fsync, rename to FILE, fsync the folder; then the
// write check: FILE is read back, parsed, its signature and payload hash checked. A failing disk
// is said in Chinese with the folder and the space needed (file-io.ts writeFailure).
import { existsSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Encrypter } from 'age-encryption';
import { ScryptRecipient, X25519Recipient } from './age-keys.ts';
import { toHex } from './bytes.ts';
import { sealHeader, verifyHeader } from './envelope.ts';
import { BlockWriter, checkAbort, fsyncDir, writeAll, writeFailure } from './file-io.ts';
import { sha256Hasher } from './hash.ts';
import type { PackageHeader } from './header.ts';
import { checkPayloadHash, inspectPackage } from './inspect.ts';
import { HEADER_BLOCK } from './limits.ts';
import { Cancelled, refusal, refuse } from './messages.ts';
import { batched, fromWebStream, toWebStream } from './streams.ts';
import type { ProgressFn } from './streams.ts';

export type Encryption = { recipients: Uint8Array[] } | { passphrase: string; scryptLogN: number };

export interface EnvelopeInput {
  file: string;
  header: Omit<PackageHeader, 'payload'>;
  signingSecret: Uint8Array;
  encryption: Encryption;
  plaintext: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  onProgress?: ProgressFn;
  signal?: AbortSignal;
  /** About how many bytes the package will take: named in the full-disk message. */
  sizeHint?: number;
}

export interface Written {
  file: string;
  bytes: number;
  header: PackageHeader;
}

async function encryptedStream(input: EnvelopeInput): Promise<AsyncGenerator<Uint8Array>> {
  const e = new Encrypter();
  if ('passphrase' in input.encryption) e.addRecipient(new ScryptRecipient(input.encryption.passphrase, input.encryption.scryptLogN));
  else for (const r of input.encryption.recipients) e.addRecipient(new X25519Recipient(r));
  let done = 0;
  const counted = batched(input.plaintext, (piece) => {
    checkAbort(input.signal);
    done += piece.length;
    input.onProgress?.({ phase: 'pack', done, total: null });
  });
  return fromWebStream(await e.encrypt(toWebStream(counted)));
}

async function writePart(part: string, input: EnvelopeInput): Promise<PackageHeader> {
  let h: FileHandle | undefined;
  try {
    h = await open(part, 'wx', 0o644);
    await writeAll(h, new Uint8Array(HEADER_BLOCK), 0);
    const hasher = sha256Hasher();
    const out = new BlockWriter(h, HEADER_BLOCK);
    for await (const chunk of await encryptedStream(input)) {
      hasher.update(chunk);
      await out.push(chunk);
    }
    const pos = await out.end();
    const header: PackageHeader = { ...input.header, payload: { format: 'age-v1', length: pos - HEADER_BLOCK, sha256: toHex(hasher.digest()) } };
    await writeAll(h, sealHeader(header, input.signingSecret), 0);
    await h.sync();
    return header;
  } finally {
    await h?.close();
  }
}

/** Re-reads FILE from where it landed; removes it if it does not read back as written. */
async function writeCheck(input: EnvelopeInput, header: PackageHeader): Promise<void> {
  try {
    const back = await inspectPackage(input.file);
    if (back.header.payload.sha256 !== header.payload.sha256 || !verifyHeader(back.headerBytes, back.signature, header.sender.signingKey)) {
      throw refuse.payloadChanged(input.file);
    }
    await checkPayloadHash(back, { signal: input.signal, onProgress: input.onProgress, phase: 'verify' });
  } catch (e) {
    await rm(input.file, { force: true });
    if (e instanceof Cancelled) throw e;
    throw refusal(`写入校验未通过：${input.file} 读回的内容与写入的不一致（U 盘可能有坏块或被拔出），已删除该文件。请换一个 U 盘重新导出。`);
  }
}

export async function writeEnvelope(input: EnvelopeInput): Promise<Written> {
  if (existsSync(input.file)) throw refusal(`文件已存在：${input.file}。为免覆盖，请换一个文件名或先移走旧文件。`);
  const part = `${input.file}.part`;
  await rm(part, { force: true });
  let header: PackageHeader;
  try {
    header = await writePart(part, input);
    checkAbort(input.signal);
    await rename(part, input.file);
    await fsyncDir(dirname(input.file));
  } catch (e) {
    await rm(part, { force: true });
    throw writeFailure(e, input.file, input.sizeHint);
  }
  await writeCheck(input, header);
  return { file: input.file, bytes: HEADER_BLOCK + header.payload.length, header };
}
