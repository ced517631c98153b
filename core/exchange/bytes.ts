// Small byte helpers shared by the package writer and reader.

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export function toHex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.length).toString('hex');
}

export function fromHex(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'hex'));
}

/** Standard base64 with padding (public keys in JSON). Returns null unless canonical. */
export function fromBase64(s: string, length: number): Uint8Array | null {
  const b = Buffer.from(s, 'base64');
  return b.length === length && b.toString('base64') === s ? new Uint8Array(b) : null;
}

export function toBase64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.length).toString('base64');
}

/** Unpadded base64 as age uses it. Returns null unless canonical (age rejects anything else). */
export function fromBase64NoPad(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*$/.test(s)) return null;
  const b = Buffer.from(s, 'base64');
  return b.toString('base64').replace(/=+$/, '') === s ? new Uint8Array(b) : null;
}

export function toBase64NoPad(b: Uint8Array): string {
  return toBase64(b).replace(/=+$/, '');
}

export function u32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n);
  return b;
}

export function readU32(b: Uint8Array, at: number): number {
  return new DataView(b.buffer, b.byteOffset, b.length).getUint32(at);
}

export function u64(n: number): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt(n));
  return b;
}

/** A u64 that may exceed 2^53: returned as bigint so a hostile size is compared, never rounded. */
export function readU64(b: Uint8Array, at: number): bigint {
  return new DataView(b.buffer, b.byteOffset, b.length).getBigUint64(at);
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const SHA256_HEX_RE = /^[0-9a-f]{64}$/;
