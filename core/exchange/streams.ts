// Bridges between async iterables (how entries and files flow here) and the web streams that
// age-encryption takes and returns; plus batching, so that the cipher sees large pieces.

export interface Progress {
  phase: 'pack' | 'verify' | 'hash' | 'decrypt';
  /** Bytes done in this phase. */
  done: number;
  /** Bytes in this phase, when known in advance. */
  total: number | null;
}

export type ProgressFn = (p: Progress) => void;

/** `readAhead` pieces are fetched before they are asked for, so that reading overlaps the cipher. */
export function toWebStream(source: AsyncIterable<Uint8Array>, readAhead = 2): ReadableStream<Uint8Array> {
  const it = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const r = await it.next();
        if (r.done) controller.close();
        else controller.enqueue(r.value);
      },
      async cancel() {
        await it.return?.();
      },
    },
    { highWaterMark: readAhead },
  );
}

export async function* fromWebStream(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const r = await reader.read();
      if (r.done) {
        done = true;
        return;
      }
      yield r.value;
    }
  } finally {
    // Left early (the disk filled up, the user cancelled): cancel the stream, so that its source
    // generators run their finally blocks — a database iterator left open would keep the
    // snapshot "busy" and its close would hide the real cause.
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

const BATCH = 256 * 1024;

/** Gathers small pieces into ~256 KiB blocks; large pieces pass through without a copy. */
export async function* batched(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, each?: (piece: Uint8Array) => void): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array[] = [];
  let size = 0;
  const flush = (): Uint8Array => {
    const out = pending.length === 1 ? pending[0]! : new Uint8Array(size);
    if (pending.length > 1) {
      let at = 0;
      for (const p of pending) {
        out.set(p, at);
        at += p.length;
      }
    }
    pending = [];
    size = 0;
    return out;
  };
  for await (const piece of source) {
    each?.(piece);
    if (piece.length >= BATCH) {
      if (size > 0) yield flush();
      yield piece;
      continue;
    }
    pending.push(piece);
    size += piece.length;
    if (size >= BATCH) yield flush();
  }
  if (size > 0) yield flush();
}
