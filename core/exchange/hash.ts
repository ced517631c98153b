// Streaming SHA-256 for payloads and attachments. node:crypto's SHA-2 is present in Electron's
// BoringSSL as in OpenSSL and runs 8× faster than pure JS here, so it is used when it passes
// its known answer; otherwise (a build without it) the audited @noble/hashes takes over.
import { createHash } from 'node:crypto';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { toHex } from './bytes.ts';

export interface Hasher {
  update(data: Uint8Array): void;
  digest(): Uint8Array;
}

const ABC_SHA256 = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

function nodeHasher(): Hasher {
  const h = createHash('sha256');
  return {
    update: (d) => void h.update(d),
    digest: () => new Uint8Array(h.digest()),
  };
}

function nobleHasher(): Hasher {
  const h = nobleSha256.create();
  return {
    update: (d) => void h.update(d),
    digest: () => h.digest(),
  };
}

function nodeWorks(): boolean {
  try {
    const h = nodeHasher();
    h.update(new TextEncoder().encode('abc'));
    return toHex(h.digest()) === ABC_SHA256;
  } catch {
    return false;
  }
}

const useNode = nodeWorks();

export function sha256Hasher(): Hasher {
  return useNode ? nodeHasher() : nobleHasher();
}

/** Which implementation streams the hashes (reported by the self-test). */
export const sha256Implementation = useNode ? 'node:crypto' : '@noble/hashes';

export function sha256Hex(data: Uint8Array): string {
  const h = sha256Hasher();
  h.update(data);
  return toHex(h.digest());
}
