// An encrypted copy of a plain archive (for encrypting an archive from before encryption): a
// consistent copy by VACUUM INTO, then keyed in place (PRAGMA rekey) in rollback-journal mode,
// as SQLite3 Multiple Ciphers requires, then back to WAL.
import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { applyScheme } from './cipher.ts';
import DatabaseCtor from 'better-sqlite3';

export function encryptCopy(plain: Database.Database, out: string, key: Uint8Array): void {
  if (existsSync(out)) throw new Error(`encryptCopy: ${out} exists`);
  plain.prepare('VACUUM INTO ?').run(out);
  const db = new DatabaseCtor(out, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    applyScheme(db);
    db.pragma(`rekey = "x'${Buffer.from(key).toString('hex')}'"`);
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}

/** An encrypted copy of a plain archive file (a backup from before encryption), the file itself untouched. */
export function encryptFile(plainFile: string, out: string, key: Uint8Array): void {
  const plain = new DatabaseCtor(plainFile, { readonly: true, fileMustExist: true });
  try {
    encryptCopy(plain, out, key);
  } finally {
    plain.close();
  }
}
