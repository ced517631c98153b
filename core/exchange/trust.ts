// Whose packages this installation accepts. The store is passed in: for now an in-memory one
// (tests, CLI checks); later the archive's registry of keys checked by phone (`keys trust`),
// with revocation on the county side.
import { formatFingerprint } from './fingerprint.ts';
import type { PublicKeyBody } from './fingerprint.ts';
import type { PublicKeyRecord } from './keys.ts';
import type { Role } from './roles.ts';

export interface TrustedKey extends PublicKeyBody {
  fingerprint: string;
  revoked: boolean;
  /**
   * For a revoked key: packages it signed with a sequence number up to this one stay valid
   * (they were accepted before the key was lost); anything later is refused. Null: all refused.
   */
  validThroughSeq?: number | null;
}

export interface TrustStore {
  /** The registered key with this fingerprint (30 digits), or undefined when none. */
  lookup(fingerprint: string): TrustedKey | undefined | Promise<TrustedKey | undefined>;
}

export interface TrustEntry {
  key: PublicKeyRecord;
  revoked?: boolean;
  validThroughSeq?: number | null;
}

export function memoryTrustStore(entries: Iterable<TrustEntry | PublicKeyRecord>): TrustStore {
  const map = new Map<string, TrustedKey>();
  for (const e of entries) {
    const entry: TrustEntry = 'key' in e ? e : { key: e };
    const { role, name, signingKey, encryptionKey, fingerprint } = entry.key;
    map.set(fingerprint, { role, name, signingKey, encryptionKey, fingerprint, revoked: entry.revoked ?? false, validThroughSeq: entry.validThroughSeq ?? null });
  }
  return { lookup: (fp) => map.get(fp) };
}

/** Whether a revoked key's package is still acceptable by its sequence number. */
export function stillValid(key: TrustedKey, seq: number): boolean {
  return !key.revoked || (key.validThroughSeq != null && seq <= key.validThroughSeq);
}

export function describeKey(k: { role: Role; name: string; fingerprint: string }): string {
  return `${k.role === 'county' ? '县级' : '乡镇'}“${k.name}”，指纹 ${formatFingerprint(k.fingerprint)}`;
}
