// age v1 recipients and identities (X25519 and scrypt) on @noble, plugged into age-encryption's
// Encrypter/Decrypter, which keep the header MAC and the STREAM payload. Our own versions so
// that nothing reaches for WebCrypto X25519 (missing from Electron's BoringSSL) and so that the
// spec's reader duties hold: 32-byte bodies, canonical shares, no all-zero shared secret, and a
// scrypt work factor capped before any work is done.
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { Stanza } from 'age-encryption';
import type { Identity, Recipient } from 'age-encryption';
import { concatBytes, fromBase64NoPad, toBase64NoPad } from './bytes.ts';
import { SCRYPT_LOG_N_CAP } from './limits.ts';

const X25519_LABEL = new TextEncoder().encode('age-encryption.org/v1/X25519');
const SCRYPT_LABEL = new TextEncoder().encode('age-encryption.org/v1/scrypt');
const ZERO_NONCE = new Uint8Array(12);

/** Thrown when a stanza breaks the age spec; the reader turns it into a Chinese message. */
export class BadStanza extends Error {}

function wrap(key: Uint8Array, fileKey: Uint8Array): Uint8Array {
  return chacha20poly1305(key, ZERO_NONCE).encrypt(fileKey);
}

function unwrap(key: Uint8Array, body: Uint8Array): Uint8Array | null {
  if (body.length !== 32) throw new BadStanza('body is not 32 bytes');
  try {
    return chacha20poly1305(key, ZERO_NONCE).decrypt(body);
  } catch {
    return null;
  }
}

function x25519WrapKey(secret: Uint8Array, share: Uint8Array, recipient: Uint8Array): Uint8Array {
  return hkdf(sha256, secret, concatBytes(share, recipient), X25519_LABEL, 32);
}

export class X25519Recipient implements Recipient {
  constructor(private readonly publicKey: Uint8Array) {}

  wrapFileKey(fileKey: Uint8Array): Stanza[] {
    const ephemeral = randomBytes(32);
    const share = x25519.getPublicKey(ephemeral);
    const secret = x25519.getSharedSecret(ephemeral, this.publicKey);
    return [new Stanza(['X25519', toBase64NoPad(share)], wrap(x25519WrapKey(secret, share, this.publicKey), fileKey))];
  }
}

export class X25519Identity implements Identity {
  private readonly publicKey: Uint8Array;

  constructor(private readonly secretKey: Uint8Array) {
    this.publicKey = x25519.getPublicKey(secretKey);
  }

  unwrapFileKey(stanzas: Stanza[]): Uint8Array | null {
    for (const s of stanzas) {
      if (s.args[0] !== 'X25519') continue;
      const share = s.args.length === 2 ? fromBase64NoPad(s.args[1]!) : null;
      if (share?.length !== 32) throw new BadStanza('X25519 share is not 32 canonical bytes');
      let secret: Uint8Array;
      try {
        secret = x25519.getSharedSecret(this.secretKey, share);
      } catch {
        throw new BadStanza('X25519 shared secret is all zeros');
      }
      const fileKey = unwrap(x25519WrapKey(secret, share, this.publicKey), s.body);
      if (fileKey) return fileKey;
    }
    return null;
  }
}

function scryptSalt(salt: Uint8Array): Uint8Array {
  return concatBytes(SCRYPT_LABEL, salt);
}

export class ScryptRecipient implements Recipient {
  constructor(
    private readonly passphrase: string,
    private readonly logN: number,
  ) {}

  async wrapFileKey(fileKey: Uint8Array): Promise<Stanza[]> {
    const salt = randomBytes(16);
    const key = await scryptAsync(this.passphrase, scryptSalt(salt), { N: 2 ** this.logN, r: 8, p: 1, dkLen: 32 });
    return [new Stanza(['scrypt', toBase64NoPad(salt), String(this.logN)], wrap(key, fileKey))];
  }
}

export class ScryptIdentity implements Identity {
  constructor(
    private readonly passphrase: string,
    private readonly maxLogN = SCRYPT_LOG_N_CAP,
  ) {}

  async unwrapFileKey(stanzas: Stanza[]): Promise<Uint8Array | null> {
    const s = stanzas[0];
    if (stanzas.length !== 1 || s?.args[0] !== 'scrypt') return null; // scrypt must stand alone
    const salt = s.args.length === 3 ? fromBase64NoPad(s.args[1]!) : null;
    if (salt?.length !== 16 || !/^[1-9][0-9]?$/.test(s.args[2]!)) throw new BadStanza('malformed scrypt stanza');
    const logN = Number(s.args[2]);
    if (logN > Math.min(this.maxLogN, SCRYPT_LOG_N_CAP)) throw new BadStanza('scrypt work factor above the cap');
    const key = await scryptAsync(this.passphrase, scryptSalt(salt), { N: 2 ** logN, r: 8, p: 1, dkLen: 32 });
    return unwrap(key, s.body);
  }
}
