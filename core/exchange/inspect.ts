// Reading a package's outside without any key: the strict block parse, the size check and the
// payload hash. Used by the reader (before trusting or decrypting anything) and by the writer's
// write check (re-reading what landed on the stick).
import { stat } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { equalBytes, fromHex } from './bytes.ts';
import { parseBlock } from './envelope.ts';
import type { ParsedBlock } from './envelope.ts';
import { readFailure } from '../files/disk-errors.ts';
import { readRange } from './file-io.ts';
import { sha256Hasher } from './hash.ts';
import { DEFAULT_LIMITS, HEADER_BLOCK } from './limits.ts';
import { refuse } from './messages.ts';
import type { ProgressFn } from './streams.ts';

export interface Inspected extends ParsedBlock {
  file: string;
  size: number;
}

const PACKAGE = '数据包文件';

async function readBlock(file: string): Promise<Uint8Array> {
  const h = await open(file, 'r').catch((e: unknown) => {
    throw readFailure(e, file, PACKAGE) ?? e;
  });
  try {
    const block = new Uint8Array(HEADER_BLOCK);
    const { bytesRead } = await h.read(block, 0, HEADER_BLOCK, 0);
    return block.subarray(0, bytesRead);
  } finally {
    await h.close();
  }
}

/** Parses the block and checks the file is exactly block + declared payload. No key needed. */
export async function inspectPackage(file: string, maxBytes = DEFAULT_LIMITS.packageBytes): Promise<Inspected> {
  const info = await stat(file).catch((e: unknown) => {
    throw readFailure(e, file, PACKAGE) ?? e;
  });
  if (info.isDirectory()) throw readFailure(Object.assign(new Error('is a directory'), { code: 'EISDIR' }), file, PACKAGE)!;
  if (!info.isFile()) throw refuse.notPackage(file);
  const size = info.size;
  if (size > maxBytes) throw refuse.tooBig(file, size, maxBytes);
  const parsed = parseBlock(await readBlock(file), file);
  const expected = HEADER_BLOCK + parsed.header.payload.length;
  if (size < expected) throw refuse.truncated(file, size, expected);
  if (size > expected) throw refuse.extended(file, size, expected);
  return { ...parsed, file, size };
}

/** One streaming pass over the payload; refuses unless it matches the signed length and hash. */
export async function checkPayloadHash(p: Inspected, opts: { signal?: AbortSignal; onProgress?: ProgressFn; phase?: 'hash' | 'verify' } = {}): Promise<void> {
  const total = p.header.payload.length;
  const hasher = sha256Hasher();
  const onBlock = (done: number) => opts.onProgress?.({ phase: opts.phase ?? 'hash', done, total });
  for await (const block of readRange(p.file, HEADER_BLOCK, total, { signal: opts.signal, onBlock })) hasher.update(block);
  if (!equalBytes(hasher.digest(), fromHex(p.header.payload.sha256))) throw refuse.payloadChanged(p.file);
}
