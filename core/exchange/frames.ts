// The framed entry stream inside the encrypted payload. No paths, no tar, no zip: every frame is
//   type u8 | idLen u8 | id (ASCII, idLen bytes) | size u64 BE | body (size bytes)
// in this order: one MANIFEST, then any TABLE (each followed by its ROW frames) and ATTACHMENT
// frames, then one END. An attachment's body is its SHA-256 (32 bytes) followed by its bytes.
import { concatBytes, u64 } from './bytes.ts';
import { canonicalBytes } from './canonical.ts';
import type { JsonObject } from './canonical.ts';
import type { PackageRef } from './header.ts';
import type { PackageKind } from './roles.ts';

export const FRAME = { manifest: 0x01, table: 0x02, row: 0x03, attachment: 0x04, end: 0x7f } as const;
export const FRAME_HEAD_MIN = 1 + 1 + 8;
export const TABLE_NAME_RE = /^[a-z][a-z0-9_]{0,62}$/;

/** Repeats the signed header's facts inside the encryption: a payload cannot be moved under another header. */
export interface Manifest {
  format: 'fupin-manifest/v1';
  packageId: string;
  kind: PackageKind;
  seq: number;
  /** Sender's fingerprint. */
  sender: string;
  recipients: string[];
  answersTo?: PackageRef;
  schemaVersion: number;
  /** Whatever the archive layer wants to say about the content (inside the encryption). */
  meta: JsonObject;
}

/** Written by the writer after the last entry; the reader checks it against what it read. */
export interface Summary {
  tables: { name: string; rows: number }[];
  attachments: number;
  attachmentBytes: number;
}

export function frameHead(type: number, id: string, size: number): Uint8Array {
  const idBytes = new TextEncoder().encode(id);
  if (idBytes.length > 255) throw new Error(`frame id too long: ${id}`);
  return concatBytes(Uint8Array.of(type, idBytes.length), idBytes, u64(size));
}

export function jsonFrame(type: number, id: string, value: object): Uint8Array {
  const body = canonicalBytes(value);
  return concatBytes(frameHead(type, id, body.length), body);
}
