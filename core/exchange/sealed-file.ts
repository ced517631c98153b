// Staged files sealed with a key that lives only in memory: a package's rows and attachments are
// personal data, and the staging folder beside the archive is on the same shared PC. Each block
// the BlockWriter flushes becomes one frame: length (u32, big-endian) · nonce (12) · ciphertext ·
// tag (16), AES-256-GCM. A crash leaves frames nobody can read (the key died with the process);
// the next unpack sweeps them away.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { UserError } from '../../shared/errors.ts';

const NONCE = 12;
const TAG = 16;

export const newStageKey = (): Buffer => randomBytes(32);

/** One frame for a block of plaintext. */
export function sealBlock(key: Buffer, block: Uint8Array): Buffer {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([cipher.update(block), cipher.final()]);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(NONCE + body.length + TAG);
  return Buffer.concat([head, nonce, body, cipher.getAuthTag()]);
}

function readExactly(fd: number, n: number, file: string): Buffer | null {
  const buf = Buffer.allocUnsafe(n);
  let got = 0;
  while (got < n) {
    const r = readSync(fd, buf, got, n - got, null);
    if (r === 0) break;
    got += r;
  }
  if (got === 0) return null;
  if (got < n) throw new UserError(`暂存文件 ${file} 不完整（可能磁盘已满或被改动），请重新导入数据包。`);
  return buf;
}

/** The plaintext blocks of a sealed file, in order, one frame in memory at a time. */
export function* openSealed(file: string, key: Buffer): Generator<Buffer> {
  const fd = openSync(file, 'r');
  try {
    for (;;) {
      const head = readExactly(fd, 4, file);
      if (!head) return;
      const frame = readExactly(fd, head.readUInt32BE(0), file)!;
      const decipher = createDecipheriv('aes-256-gcm', key, frame.subarray(0, NONCE));
      decipher.setAuthTag(frame.subarray(frame.length - TAG));
      try {
        yield Buffer.concat([decipher.update(frame.subarray(NONCE, frame.length - TAG)), decipher.final()]);
      } catch (e) {
        throw new UserError(`暂存文件 ${file} 已被改动，无法读取，请重新导入数据包。`, { cause: e });
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** A whole sealed file (an attachment's content: bounded by the package's own limits). */
export function readSealed(file: string, key: Buffer): Buffer {
  return Buffer.concat([...openSealed(file, key)]);
}
