// How an archive file is encrypted: SQLite3 Multiple Ciphers in its SQLCipher v4 scheme (AES-256
// in CBC per page, HMAC-SHA512 per page, a random salt in the file's first 16 bytes) — a long
// established format, chosen over the library's newer default so that other SQLCipher tools can
// read a file given its key if this program is ever gone. The -wal and every VACUUM INTO copy are
// encrypted alike with the same key. The key is raw (32 random bytes), so no key derivation runs
// inside SQLite; the password derivation is ours (db/keystore.ts).
import type Database from 'better-sqlite3';

export const CIPHER = 'sqlcipher';

/** The cipher scheme's pragmas, before the key (on a fresh connection or before a rekey). */
export function applyScheme(sqlite: Database.Database): void {
  sqlite.pragma(`cipher = '${CIPHER}'`);
  if (CIPHER === 'sqlcipher') sqlite.pragma('legacy = 4');
}

/** Keys a fresh connection; must run before any other statement on it. */
export function applyKey(sqlite: Database.Database, key: Uint8Array): void {
  if (key.length !== 32) throw new Error('archive key must be 32 bytes');
  applyScheme(sqlite);
  sqlite.pragma(`key = "x'${Buffer.from(key).toString('hex')}'"`);
}
