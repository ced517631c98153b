// Pulls exact byte counts out of the decrypted stream, whose total size is known in advance
// (from the age header), so that every declared size can be checked against what remains.

export class ByteSource {
  private buf: Uint8Array = new Uint8Array(0);
  private consumed = 0;

  constructor(
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    private readonly total: number,
    private readonly onError: (e: unknown) => unknown,
  ) {}

  remaining(): number {
    return this.total - this.consumed;
  }

  private async pull(): Promise<boolean> {
    let r: Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']>>;
    try {
      r = await this.reader.read();
    } catch (e) {
      throw this.onError(e);
    }
    if (r.done) return false;
    this.buf = this.buf.length === 0 ? r.value : concat(this.buf, r.value);
    return true;
  }

  /** Exactly n bytes (n ≤ remaining(), checked by the caller); a fresh copy. */
  async read(n: number): Promise<Uint8Array> {
    while (this.buf.length < n) {
      if (!(await this.pull())) throw this.onError(new Error('plaintext ended early'));
    }
    const out = this.buf.slice(0, n);
    this.buf = this.buf.subarray(n);
    this.consumed += n;
    return out;
  }

  /** The next n bytes if they are already here (a view, not consumed), else null: the sync fast path for small frames. */
  peek(n: number): Uint8Array | null {
    return this.buf.length >= n ? this.buf.subarray(0, n) : null;
  }

  /** Consumes n bytes already seen with peek(). */
  skip(n: number): void {
    this.buf = this.buf.subarray(n);
    this.consumed += n;
  }

  /** Up to `max` bytes, as soon as some are there (attachments stream through without gathering). */
  async readSome(max: number): Promise<Uint8Array> {
    if (this.buf.length === 0 && !(await this.pull())) throw this.onError(new Error('plaintext ended early'));
    const take = Math.min(max, this.buf.length);
    const piece = this.buf.subarray(0, take);
    this.buf = this.buf.subarray(take);
    this.consumed += take;
    return piece;
  }

  /** Reads to the end of the stream (which verifies age's final chunk) and checks nothing is left. */
  async finish(): Promise<boolean> {
    while (await this.pull()) {
      if (this.buf.length > 0) return false;
    }
    return this.buf.length === 0 && this.consumed === this.total;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
