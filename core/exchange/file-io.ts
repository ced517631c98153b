// File plumbing for packages: durable small writes, ranged streaming reads with progress and
// cancel, and Chinese messages for the file-system failures a USB stick produces.
import { closeSync, fstatSync, fsyncSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { injectedFaultAt } from '../files/atomic-write.ts';
import { diskFailure, readFailure } from '../files/disk-errors.ts';
import { refusal, refuse } from './messages.ts';

/**
 * Removes a file holding a secret: overwritten with zeros and synced first, so its bytes are
 * not simply left in the freed blocks (best effort: SSDs and copy-on-write file systems may
 * keep old blocks — which is why secrets are not written in clear in the first place).
 */
export function wipeFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    const size = fstatSync(fd).size;
    const zeros = new Uint8Array(Math.min(size, 64 * 1024));
    for (let at = 0; at < size; at += zeros.length) writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  unlinkSync(file);
}

/** Makes a rename durable. Windows cannot open a folder for fsync; NTFS journals renames anyway. */
export async function fsyncDir(dir: string): Promise<void> {
  let h: FileHandle | undefined;
  try {
    h = await open(dir, 'r');
    await h.sync();
  } catch {
    // best effort: see above
  } finally {
    await h?.close();
  }
}

export const READ_BLOCK = 1024 * 1024;

export function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw refuse.cancelled();
}

/**
 * Reads [start, start+length) in blocks. Each block is a fresh buffer (consumers may keep it).
 * A file shorter than promised is reported as truncated, never padded.
 */
export async function* readRange(
  file: string,
  start: number,
  length: number,
  opts: { signal?: AbortSignal; onBlock?: (bytes: number) => void } = {},
): AsyncGenerator<Uint8Array> {
  const h = await open(file, 'r').catch((e: unknown) => {
    throw readFailure(e, file, '数据包文件') ?? e;
  });
  try {
    let pos = start;
    const end = start + length;
    while (pos < end) {
      checkAbort(opts.signal);
      const buf = new Uint8Array(Math.min(READ_BLOCK, end - pos));
      const { bytesRead } = await h.read(buf, 0, buf.length, pos);
      if (bytesRead === 0) throw refusal(`数据包 ${file} 在读取时变短了（U 盘被拔出或文件被改动）。请重新插好 U 盘再试。`);
      pos += bytesRead;
      opts.onBlock?.(pos - start);
      yield bytesRead === buf.length ? buf : buf.subarray(0, bytesRead);
    }
  } finally {
    await h.close();
  }
}

/**
 * Turns the errors of writing to a stick (full, read-only, pulled out, no folder) into the
 * Chinese message every writer uses, naming the folder and, when known, the space needed.
 */
export function writeFailure(e: unknown, file: string, needed?: number): unknown {
  return diskFailure(e, file, needed) ?? e;
}

const WRITE_BLOCK = 1024 * 1024;

/** A write may be short (a stick filling up); go on until all is written or an error says why. */
export async function writeAll(h: FileHandle, data: Uint8Array, at: number): Promise<void> {
  const injected = injectedFaultAt(at + data.length);
  if (injected) throw injected;
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await h.write(data, done, data.length - done, at + done);
    if (bytesWritten === 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
    done += bytesWritten;
  }
}

/**
 * Gathers small pieces (the cipher's 64 KiB chunks) into 1 MiB writes and keeps one write in
 * flight while the next megabyte is produced, so that the disk and the cipher work at once.
 */
export class BlockWriter {
  private parts: Uint8Array[] = [];
  private size = 0;
  private inFlight: Promise<unknown> = Promise.resolve();

  /** `seal`: turns each flushed block into what is written (staging's encryption); default as is. */
  constructor(
    private readonly h: FileHandle,
    private pos: number,
    private readonly seal: (block: Buffer) => Buffer = (b) => b,
  ) {}

  async push(chunk: Uint8Array): Promise<void> {
    this.parts.push(chunk);
    this.size += chunk.length;
    if (this.size >= WRITE_BLOCK) await this.flush();
  }

  /** Adds without writing; call settle() after a run of appends (one await per run, not per piece). */
  append(chunk: Uint8Array): void {
    this.parts.push(chunk);
    this.size += chunk.length;
  }

  /** Writes once a block has gathered (see append). */
  async settle(): Promise<void> {
    if (this.size >= WRITE_BLOCK) await this.flush();
  }

  private async flush(): Promise<void> {
    const block = this.seal(Buffer.concat(this.parts, this.size));
    this.parts = [];
    this.size = 0;
    await this.inFlight;
    const at = this.pos;
    this.pos += block.length;
    this.inFlight = writeAll(this.h, block, at);
    this.inFlight.catch(() => undefined); // awaited at the next flush or at end(); no unhandled rejection meanwhile
  }

  /** Writes what is left; returns the position after the last byte. */
  async end(): Promise<number> {
    if (this.size > 0) await this.flush();
    await this.inFlight;
    return this.pos;
  }
}
