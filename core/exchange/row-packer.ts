// Row frames written straight into large blocks: each row's JSON is encoded in place after a
// frame head whose size is filled in afterwards, so a row costs one JSON.stringify and one
// encodeInto — no per-row buffers, concatenations or async steps. The blocks go to the cipher
// as they fill (≥ 256 KiB each: the cipher and the disk see large pieces).
import { FRAME } from './frames.ts';

/** Passed on once this full: ≥ streams.ts's batch size, so the block goes to the cipher without another copy. */
const BLOCK = 256 * 1024;
/** Room for the last row that crosses BLOCK. */
const CAPACITY = 2 * BLOCK;
/** type u8 | idLen u8 (0: rows have no id) | size u64 BE. */
const HEAD = 10;
const encoder = new TextEncoder();

export class RowPacker {
  private buf = new Uint8Array(CAPACITY);
  private at = 0;

  /**
   * Appends one row frame; returns a block to pass on (≥ 256 KiB, or what was there before a row
   * too big to join it), or null. `maxBytes`: the row limit (throws `tooLarge(bytes)`).
   */
  add(json: string, maxBytes: number, tooLarge: (bytes: number) => Error): Uint8Array | null {
    // UTF-8 takes at most 3 bytes per UTF-16 unit: reserve that, so one encodeInto always fits.
    const worst = HEAD + json.length * 3;
    if (this.at + worst > this.buf.length) {
      const before = this.take();
      if (worst > this.buf.length) this.buf = new Uint8Array(worst);
      this.put(json, maxBytes, tooLarge);
      return before;
    }
    this.put(json, maxBytes, tooLarge);
    return this.at >= BLOCK ? this.take() : null;
  }

  private put(json: string, maxBytes: number, tooLarge: (bytes: number) => Error): void {
    const { written } = encoder.encodeInto(json, this.buf.subarray(this.at + HEAD));
    if (written > maxBytes) throw tooLarge(written);
    const b = this.buf;
    const at = this.at;
    b[at] = FRAME.row;
    b[at + 1] = 0;
    // u64 big-endian; a row is far below 2^32 bytes.
    b[at + 2] = b[at + 3] = b[at + 4] = b[at + 5] = 0;
    b[at + 6] = (written >>> 24) & 0xff;
    b[at + 7] = (written >>> 16) & 0xff;
    b[at + 8] = (written >>> 8) & 0xff;
    b[at + 9] = written & 0xff;
    this.at += HEAD + written;
  }

  /** What is gathered so far (null when nothing), and a fresh block for what comes next. */
  take(): Uint8Array | null {
    if (this.at === 0) return null;
    const out = this.buf.subarray(0, this.at);
    this.buf = new Uint8Array(CAPACITY);
    this.at = 0;
    return out;
  }
}
