// The one way the program writes a file a clerk keeps (documents, exports, backups — the one
// before a migration included —, keys, rejected-rows workbooks): into `<final>.<random>.part`,
// fsynced, renamed onto the final name (or linked, where a key must not be replaced),
// the folder fsynced. On any failure the .part is removed, so neither a half file under the
// final name nor a stray .part is ever left; disk failures become Chinese messages
// (disk-errors.ts). Streams have their 'error' listened to from the first byte, so a full disk
// while rendering rejects the write instead of crashing the process.
import { closeSync, createWriteStream, existsSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { UserError } from '../../shared/errors.ts';
import { diskFailure, makeFolder } from './disk-errors.ts';

export interface AtomicOptions {
  /** The bytes the file needs, when known beforehand: named in the full-disk message. */
  needed?: number;
  /**
   * Never replace an existing file (a key, whose loss cannot be undone): the .part is linked
   * onto the final name, which fails if anything is there, instead of renamed over it.
   */
  noOverwrite?: boolean;
}

export function partPathOf(final: string): string {
  return `${final}.${randomUUID().slice(0, 8)}.part`;
}

// ---- test seam: a disk that fails on purpose ------------------------------------------------
interface Fault {
  code: string;
  afterBytes: number;
}
let fault: Fault | null = null;

/**
 * Tests only: the following writes fail with `code` (ENOSPC, EROFS…) as a full or read-only
 * disk would — a stream after `afterBytes` bytes really written to the .part, a whole-file
 * write after the file is complete (as a late fsync failure). `null` ends the fault.
 */
export function injectWriteFault(code: string | null, afterBytes = 0): void {
  fault = code === null ? null : { code, afterBytes };
}

function faultError(code: string): Error {
  return Object.assign(new Error(`${code}: injected write fault`), { code });
}

/** Tests only: the injected fault for a writer that places its own bytes (packages, staging): due once `end` passes it. */
export function injectedFaultAt(end: number): Error | null {
  return fault && end > fault.afterBytes ? faultError(fault.code) : null;
}

function checkFault(): void {
  if (fault) throw faultError(fault.code);
}

/** An fs stream that, under an injected fault, fails once `afterBytes` have gone through. */
function faultyStream(real: Writable, f: Fault): Writable {
  let written = 0;
  const wrapper = new Writable({
    write(chunk: Buffer, _enc, cb) {
      if (written + chunk.length > f.afterBytes) {
        cb(faultError(f.code));
        return;
      }
      written += chunk.length;
      real.write(chunk, cb);
    },
    final(cb) {
      real.end(() => cb());
    },
    destroy(err, cb) {
      real.destroy();
      cb(err);
    },
  });
  real.on('error', (e: Error) => wrapper.destroy(e));
  return wrapper;
}
// ----------------------------------------------------------------------------------------------

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable. Windows cannot open a folder for fsync; NTFS journals renames anyway. */
function fsyncDirSync(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // best effort: see above
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function commit(part: string, final: string, opts: AtomicOptions): void {
  checkFault();
  fsyncFile(part);
  if (opts.noOverwrite) {
    // link(2) refuses an existing name atomically (no check-then-rename race); the .part goes after.
    // FAT sticks have no hard links: there, a check just before the rename is the best we have.
    try {
      linkSync(part, final);
    } catch (e) {
      if ((e as { code?: unknown }).code === 'EEXIST' || existsSync(final)) throw Object.assign(new Error('exists'), { code: 'EEXIST', cause: e });
      renameSync(part, final);
    }
    rmSync(part, { force: true });
  } else renameSync(part, final);
  fsyncDirSync(dirname(final));
}

function failed(e: unknown, part: string, final: string, opts: AtomicOptions): unknown {
  rmSync(part, { force: true });
  if ((e as { code?: unknown } | null)?.code === 'EEXIST' && opts.noOverwrite) {
    return new UserError(`文件已存在：${final}。为免覆盖原有文件，没有写入；请换一个文件名或文件夹。`, { cause: e });
  }
  return diskFailure(e, final, opts.needed) ?? e;
}

/** `produce` writes the whole file at the path it is given (VACUUM INTO, writeFileSync…). */
export function writeAtomicSync<T>(final: string, produce: (part: string) => T, opts: AtomicOptions = {}): T {
  const part = partPathOf(final);
  try {
    makeFolder(dirname(final));
    const r = produce(part);
    commit(part, final, opts);
    return r;
  } catch (e) {
    throw failed(e, part, final, opts);
  }
}

/** Writes bytes or text whole (small files: keys, rejected rows). `mode` for secrets (0o600). */
export function writeFileAtomic(final: string, content: string | Uint8Array, opts: AtomicOptions & { mode?: number } = {}): void {
  writeAtomicSync(
    final,
    (part) => {
      const fd = openSync(part, 'wx', opts.mode ?? 0o644);
      try {
        const bytes = typeof content === 'string' ? Buffer.from(content) : content;
        for (let done = 0; done < bytes.length; ) done += writeSyncAt(fd, bytes, done);
      } finally {
        closeSync(fd);
      }
    },
    { needed: opts.needed ?? content.length, ...(opts.noOverwrite ? { noOverwrite: true } : {}) },
  );
}

function writeSyncAt(fd: number, bytes: Uint8Array, at: number): number {
  const n = writeSync(fd, bytes, at, bytes.length - at, at);
  if (n === 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
  return n;
}

/**
 * `produce` writes onto the stream and ends it (pdfkit, exceljs…). A stream failure rejects at
 * once and aborts `signal` (so a long render stops early), whatever `produce` is doing;
 * `outer` is the caller's cancel, passed on through the same signal.
 */
export async function writeStreamAtomic<T>(
  final: string,
  produce: (out: Writable, signal: AbortSignal) => Promise<T>,
  opts: AtomicOptions & { signal?: AbortSignal } = {},
): Promise<T> {
  const part = partPathOf(final);
  try {
    makeFolder(dirname(final));
  } catch (e) {
    throw diskFailure(e, final, opts.needed) ?? e;
  }
  const file = createWriteStream(part, { flags: 'wx' });
  const out = fault ? faultyStream(file, fault) : file;
  const stop = new AbortController();
  let onError!: (e: unknown) => void;
  const streamFailed = new Promise<never>((_, reject) => {
    onError = reject;
  });
  streamFailed.catch(() => undefined); // observed through the races below
  // Listened to for the stream's whole life: a late write after a failure must not crash the process.
  out.on('error', (e: Error) => {
    stop.abort(e);
    onError(e);
  });
  file.on('error', () => undefined);
  const signal = opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal;
  try {
    const r = await Promise.race([produce(out, signal), streamFailed]);
    await Promise.race([finished(out), streamFailed]);
    commit(part, final, opts);
    return r;
  } catch (e) {
    out.destroy();
    // The file may be opened only after the failure: wait until it is closed, then remove it.
    if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
    throw failed(e, part, final, opts);
  }
}
