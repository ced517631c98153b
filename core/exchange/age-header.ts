// A strict, bounded look at the age v1 header before age-encryption parses it: the header must
// end within MAX_AGE_HEADER_BYTES, stanzas must be only X25519 or one lone scrypt, bodies 32
// bytes, shares 32 bytes, base64 canonical, and the scrypt work factor under the cap — all
// checked before any key is tried. Also gives the exact plaintext size, so that no declared
// entry size can exceed what is really there.
import { fromBase64NoPad } from './bytes.ts';
import { AGE_CHUNK, AGE_NONCE, AGE_TAG, MAX_AGE_HEADER_BYTES, MAX_RECIPIENTS } from './limits.ts';

export interface AgeHeaderInfo {
  /** Bytes of the header including the MAC line. */
  length: number;
  encryption: 'x25519' | 'passphrase';
  scryptLogN: number | null;
  stanzas: number;
  /** Exact size of the decrypted payload. */
  plaintextLength: number;
}

export class AgeHeaderProblem extends Error {
  constructor(
    readonly why: string,
    readonly scryptLogN: number | null = null,
  ) {
    super(why);
  }
}

interface RawStanza {
  args: string[];
  body: Uint8Array;
}

function lines(prefix: Uint8Array): { lines: string[]; ends: number[] } {
  const out: string[] = [];
  const ends: number[] = [];
  let start = 0;
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix[i]!;
    if (c === 0x0a) {
      const line = new TextDecoder().decode(prefix.subarray(start, i));
      out.push(line);
      ends.push(i + 1);
      start = i + 1;
      if (line.startsWith('--- ')) break; // the MAC line ends the header; binary payload follows
    } else if (c < 0x20 || c > 0x7e) {
      throw new AgeHeaderProblem('加密头部含有非法字符');
    }
  }
  return { lines: out, ends };
}

function parseStanzas(prefix: Uint8Array): { stanzas: RawStanza[]; length: number } {
  const { lines: ls, ends } = lines(prefix.subarray(0, MAX_AGE_HEADER_BYTES));
  if (ls[0] !== 'age-encryption.org/v1') throw new AgeHeaderProblem('不是 age v1 格式');
  const stanzas: RawStanza[] = [];
  let i = 1;
  while (i < ls.length) {
    const line = ls[i]!;
    if (line.startsWith('--- ')) {
      if (fromBase64NoPad(line.slice(4))?.length !== 32) throw new AgeHeaderProblem('头部校验码格式不对');
      return { stanzas, length: ends[i]! };
    }
    if (!line.startsWith('-> ')) throw new AgeHeaderProblem('头部行格式不对');
    const args = line.slice(3).split(' ');
    if (args.some((a) => a.length === 0)) throw new AgeHeaderProblem('收件信息格式不对');
    const parts: Uint8Array[] = [];
    for (i++; ; i++) {
      if (i >= ls.length) throw new AgeHeaderProblem('加密头部不完整或过长');
      const piece = ls[i]!.length <= 64 ? fromBase64NoPad(ls[i]!) : null;
      if (!piece) throw new AgeHeaderProblem('收件信息编码不规范');
      parts.push(piece);
      if (piece.length < 48) break;
    }
    i++;
    stanzas.push({ args, body: new Uint8Array(Buffer.concat(parts)) });
    if (stanzas.length > MAX_RECIPIENTS) throw new AgeHeaderProblem(`收件方超过 ${MAX_RECIPIENTS} 个`);
  }
  throw new AgeHeaderProblem('加密头部不完整或过长');
}

function checkPolicy(stanzas: RawStanza[], cap: number): { encryption: AgeHeaderInfo['encryption']; scryptLogN: number | null } {
  if (stanzas.length === 0) throw new AgeHeaderProblem('没有收件方');
  if (stanzas.some((s) => s.body.length !== 32)) throw new AgeHeaderProblem('收件信息长度不是 32 字节');
  const scrypt = stanzas.filter((s) => s.args[0] === 'scrypt');
  if (scrypt.length > 0) {
    if (stanzas.length !== 1) throw new AgeHeaderProblem('口令加密不能与其他收件方混用');
    const [, salt, logN] = scrypt[0]!.args;
    if (scrypt[0]!.args.length !== 3 || fromBase64NoPad(salt!)?.length !== 16 || !/^[1-9][0-9]?$/.test(logN!)) {
      throw new AgeHeaderProblem('口令加密参数格式不对');
    }
    const n = Number(logN);
    if (n > cap) throw new AgeHeaderProblem('口令计算量过大', n);
    return { encryption: 'passphrase', scryptLogN: n };
  }
  for (const s of stanzas) {
    if (s.args[0] !== 'X25519') throw new AgeHeaderProblem(`不支持的收件方类型“${s.args[0]!.slice(0, 40)}”`);
    if (s.args.length !== 2 || fromBase64NoPad(s.args[1]!)?.length !== 32) throw new AgeHeaderProblem('X25519 收件信息格式不对');
  }
  return { encryption: 'x25519', scryptLogN: null };
}

/** Plaintext bytes of an age STREAM body (nonce excluded), or null if no valid STREAM has that size. */
export function plaintextLength(streamBytes: number): number | null {
  if (streamBytes < AGE_TAG) return null;
  const full = Math.floor(streamBytes / (AGE_CHUNK + AGE_TAG));
  const last = streamBytes % (AGE_CHUNK + AGE_TAG);
  if (last > 0 && last <= AGE_TAG && !(full === 0 && last === AGE_TAG)) return null;
  return streamBytes - AGE_TAG * (full + (last > 0 ? 1 : 0));
}

/** `prefix`: the first bytes of the payload (up to MAX_AGE_HEADER_BYTES + AGE_NONCE). */
export function inspectAgeHeader(prefix: Uint8Array, payloadLength: number, scryptCap: number): AgeHeaderInfo {
  const { stanzas, length } = parseStanzas(prefix);
  const policy = checkPolicy(stanzas, scryptCap);
  const plain = plaintextLength(payloadLength - length - AGE_NONCE);
  if (plain === null || plain === 0) throw new AgeHeaderProblem('加密内容的长度不对');
  return { length, ...policy, stanzas: stanzas.length, plaintextLength: plain };
}
