// Fixed numbers of the package format (docs/exchange-format.md) and the reader's default limits.

/** First 12 bytes of every package. */
export const MAGIC = new TextEncoder().encode('FUPINPKG\0v1\n');
export const FORMAT = 'fupin-pkg/v1';
export const SUITE = 'AGE1-ED25519';
/** This reader's format revision; a header whose minReaderVersion is higher is refused. */
export const READER_VERSION = 1;
/** Magic, header, signature and zero padding fill exactly this many bytes; the age payload starts here. */
export const HEADER_BLOCK = 8192;
export const SIG_ALG_ED25519 = 0x01;
export const SIGNATURE_BYTES = 64;
/** Largest canonical header JSON: the block minus magic, length, algorithm byte and signature. */
export const MAX_HEADER_BYTES = HEADER_BLOCK - MAGIC.length - 4 - 1 - SIGNATURE_BYTES;
/** Domain separation of the header signature. */
export const SIGNATURE_CONTEXT = new TextEncoder().encode('fupin-pkg/v1 header signature\0');

/** age v1 STREAM: 64 KiB plaintext chunks, each followed by a 16-byte Poly1305 tag. */
export const AGE_CHUNK = 64 * 1024;
export const AGE_TAG = 16;
export const AGE_NONCE = 16;
/** The age header must end within this many bytes (a few stanzas need < 1 KiB). */
export const MAX_AGE_HEADER_BYTES = 16 * 1024;
export const MAX_RECIPIENTS = 16;

/** scrypt work factor (log2 N): what the writer uses, and the most any reader attempts. */
export const SCRYPT_LOG_N = 18;
export const SCRYPT_LOG_N_CAP = 20;
/** Lowest factor the writer accepts (tests and benchmarks only; the app always uses SCRYPT_LOG_N). */
export const SCRYPT_LOG_N_MIN = 10;

export interface Limits {
  /** Whole package file. */
  packageBytes: number;
  /** Manifest and end-summary JSON. */
  manifestBytes: number;
  /** One table row (JSON object). */
  rowBytes: number;
  /** One attachment. */
  attachmentBytes: number;
  /** Frames of every kind together. */
  entries: number;
  tables: number;
}

export const DEFAULT_LIMITS: Limits = {
  packageBytes: 16 * 2 ** 30,
  manifestBytes: 1 * 2 ** 20,
  rowBytes: 1 * 2 ** 20,
  attachmentBytes: 1 * 2 ** 30,
  entries: 10_000_000,
  tables: 256,
};
