// The fixed 8 KiB block at the start of every package:
//   magic (12) | hdrLen u32 BE | header JSON (hdrLen) | sigAlg u8 = 1 | Ed25519 signature (64) | zeros
// The signature covers SIGNATURE_CONTEXT || header; the header commits to the payload's length
// and SHA-256, so the signature covers every byte of the file. Padding must be all zeros.
import { ed25519 } from '@noble/curves/ed25519.js';
import { concatBytes, equalBytes, fromBase64, readU32, u32 } from './bytes.ts';
import { encodeHeader, parseHeader } from './header.ts';
import type { PackageHeader } from './header.ts';
import { HEADER_BLOCK, MAGIC, MAX_HEADER_BYTES, SIG_ALG_ED25519, SIGNATURE_BYTES, SIGNATURE_CONTEXT } from './limits.ts';
import { refuse } from './messages.ts';

export interface ParsedBlock {
  header: PackageHeader;
  headerBytes: Uint8Array;
  signature: Uint8Array;
}

export function signHeader(headerBytes: Uint8Array, signingSecret: Uint8Array): Uint8Array {
  return ed25519.sign(concatBytes(SIGNATURE_CONTEXT, headerBytes), signingSecret);
}

export function verifyHeader(headerBytes: Uint8Array, signature: Uint8Array, signingKey: string): boolean {
  const key = fromBase64(signingKey, 32);
  if (!key) return false;
  try {
    return ed25519.verify(signature, concatBytes(SIGNATURE_CONTEXT, headerBytes), key, { zip215: false });
  } catch {
    return false;
  }
}

/** Builds the block for a header signed with `sign` (the raw signature over the header bytes). */
export function encodeBlock(headerBytes: Uint8Array, signature: Uint8Array): Uint8Array {
  if (headerBytes.length > MAX_HEADER_BYTES) throw new Error(`package header too long: ${headerBytes.length} bytes`);
  const block = new Uint8Array(HEADER_BLOCK);
  block.set(concatBytes(MAGIC, u32(headerBytes.length), headerBytes, Uint8Array.of(SIG_ALG_ED25519), signature));
  return block;
}

export function sealHeader(header: PackageHeader, signingSecret: Uint8Array): Uint8Array {
  const headerBytes = encodeHeader(header);
  return encodeBlock(headerBytes, signHeader(headerBytes, signingSecret));
}

/** Strict parse of the block; does not yet verify the signature (the key comes from trust). */
export function parseBlock(block: Uint8Array, file: string): ParsedBlock {
  if (block.length < MAGIC.length || !equalBytes(block.subarray(0, MAGIC.length), MAGIC)) throw refuse.notPackage(file);
  if (block.length < HEADER_BLOCK) throw refuse.truncated(file, block.length, HEADER_BLOCK);
  const hdrLen = readU32(block, MAGIC.length);
  if (hdrLen < 2 || hdrLen > MAX_HEADER_BYTES) throw refuse.badHeader(file, `封面长度 ${hdrLen} 超出范围`);
  const at = MAGIC.length + 4;
  const headerBytes = block.slice(at, at + hdrLen);
  if (block[at + hdrLen] !== SIG_ALG_ED25519) throw refuse.badHeader(file, '签名算法未知或缺少签名');
  const signature = block.slice(at + hdrLen + 1, at + hdrLen + 1 + SIGNATURE_BYTES);
  if (block.subarray(at + hdrLen + 1 + SIGNATURE_BYTES).some((b) => b !== 0)) throw refuse.badHeader(file, '填充区不是全零');
  return { header: parseHeader(headerBytes, file), headerBytes, signature };
}
