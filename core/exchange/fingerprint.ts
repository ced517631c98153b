// Key fingerprints for the phone check: 30 digits in 6 groups of 5, read aloud and compared.
// Each group is 5 bytes of SHA-512 taken mod 100000 (as libsignal's safety numbers do), so the
// 30 digits carry about 100 bits: a key that matches a registered one's digits cannot be made.
import { sha512 } from '@noble/hashes/sha2.js';
import { concatBytes } from './bytes.ts';
import { canonicalBytes } from './canonical.ts';
import type { Role } from './roles.ts';

/** What a fingerprint covers: both public keys, and who they belong to. */
export interface PublicKeyBody {
  role: Role;
  name: string;
  /** Ed25519 public key, base64. */
  signingKey: string;
  /** X25519 age recipient, `age1…`. */
  encryptionKey: string;
}

const CONTEXT = new TextEncoder().encode('fupin-fpr/v1\0');

export function fingerprintOf(body: PublicKeyBody): string {
  const { role, name, signingKey, encryptionKey } = body;
  const h = sha512(concatBytes(CONTEXT, canonicalBytes({ role, name, signingKey, encryptionKey })));
  let digits = '';
  for (let g = 0; g < 6; g++) {
    let n = 0;
    for (let i = 0; i < 5; i++) n = n * 256 + h[g * 5 + i]!;
    digits += String(n % 100000).padStart(5, '0');
  }
  return digits;
}

/** "12345 67890 12345 67890 12345 67890" */
export function formatFingerprint(digits: string): string {
  return digits.replace(/(\d{5})(?=\d)/g, '$1 ');
}

/** Accepts digits with any spaces or dashes (as typed back after a phone call). */
export function normalizeFingerprint(text: string): string | null {
  const digits = text.replace(/[\s-]/g, '');
  return /^\d{30}$/.test(digits) ? digits : null;
}
