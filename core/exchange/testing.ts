// Test helpers: keys for both sides, and ways to make packages no honest writer would make —
// re-signed after tampering, hostile headers, hand-built entry streams — so that the tests can
// show the reader refusing each of them. Never used by the app.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { concatBytes, readU32 } from './bytes.ts';
import { encodeBlock, signHeader } from './envelope.ts';
import { canonicalBytes } from './canonical.ts';
import { sha256Hex } from './hash.ts';
import type { PackageHeader, PackageRef } from './header.ts';
import type { Manifest } from './frames.ts';
import { generateKeyPair, recipientBytes } from './keys.ts';
import type { KeyPair } from './keys.ts';
import { FORMAT, HEADER_BLOCK, MAGIC, READER_VERSION, SUITE } from './limits.ts';
import type { PackageKind } from './roles.ts';
import { writeEnvelope } from './write-envelope.ts';
import { openPackage } from './reader.ts';
import type { OpenOptions } from './reader.ts';
import { stagePackage } from './stage.ts';
import { isUserError } from '../../shared/errors.ts';
import type { UserError } from '../../shared/errors.ts';

export function testKeys(): { township: KeyPair; township2: KeyPair; county: KeyPair; county2: KeyPair } {
  return {
    township: generateKeyPair({ role: 'township', name: '青山镇扶贫工作站' }),
    township2: generateKeyPair({ role: 'township', name: '绿水乡扶贫工作站' }),
    county: generateKeyPair({ role: 'county', name: '示例县乡村振兴局' }),
    county2: generateKeyPair({ role: 'county', name: '邻县乡村振兴局' }),
  };
}

export interface FileParts {
  headerBytes: Uint8Array;
  header: PackageHeader;
  payload: Uint8Array;
}

export function splitFile(file: string): FileParts {
  const all = new Uint8Array(readFileSync(file));
  const len = readU32(all, MAGIC.length);
  const headerBytes = all.slice(MAGIC.length + 4, MAGIC.length + 4 + len);
  return { headerBytes, header: JSON.parse(new TextDecoder().decode(headerBytes)) as PackageHeader, payload: all.slice(HEADER_BLOCK) };
}

/**
 * Writes FILE again as `signer` would have signed it after a change: `payload` edits the age
 * payload, `header` the header fields (length and hash follow the new payload unless the edit
 * sets them), `raw` the header bytes themselves (then nothing is recomputed).
 */
export function resign(
  file: string,
  out: string,
  signer: KeyPair,
  edit: { payload?: (p: Uint8Array) => Uint8Array; header?: (h: PackageHeader) => PackageHeader; raw?: (bytes: Uint8Array) => Uint8Array },
): void {
  const parts = splitFile(file);
  const payload = edit.payload ? edit.payload(parts.payload) : parts.payload;
  let headerBytes: Uint8Array;
  if (edit.raw) headerBytes = edit.raw(parts.headerBytes);
  else {
    const base = { ...parts.header, payload: { ...parts.header.payload, length: payload.length, sha256: sha256Hex(payload) } };
    headerBytes = canonicalBytes(edit.header ? edit.header(base) : base);
  }
  writeFileSync(out, concatBytes(encodeBlock(headerBytes, signHeader(headerBytes, signer.signingSecret)), payload));
}

/**
 * A package around any plaintext (hostile entry streams), signed by `sender`, encrypted to `to`.
 * `plaintext` gets the manifest that would match the header, to use or to spoil.
 */
export async function writeRawPackage(
  file: string,
  input: { sender: KeyPair; to: KeyPair[]; kind?: PackageKind; seq?: number; answersTo?: PackageRef; plaintext: (manifest: Manifest) => Uint8Array[] },
): Promise<PackageHeader> {
  const { role, name, signingKey, encryptionKey, fingerprint } = input.sender.publicKey;
  const recipients = input.to.map((k) => k.publicKey.fingerprint).sort();
  const kind = input.kind ?? 'township-export';
  const packageId = randomUUID();
  const seq = input.seq ?? 1;
  const answersTo = input.answersTo ? { answersTo: input.answersTo } : {};
  const manifest: Manifest = { format: 'fupin-manifest/v1', packageId, kind, seq, sender: fingerprint, recipients, ...answersTo, schemaVersion: 1, meta: {} };
  const written = await writeEnvelope({
    file,
    header: {
      format: FORMAT,
      suite: SUITE,
      kind,
      packageId,
      seq,
      createdAt: '2026-11-24T08:00:00.000Z',
      appVersion: '0.1.0',
      minReaderVersion: READER_VERSION,
      schemaVersion: 1,
      sender: { role, name, signingKey, encryptionKey },
      recipients,
      encryption: 'x25519',
      ...answersTo,
    },
    signingSecret: input.sender.signingSecret,
    encryption: { recipients: input.to.map((k) => recipientBytes(k.publicKey.encryptionKey)!) },
    plaintext: input.plaintext(manifest),
  });
  return written.header;
}

/** The items as an async iterable (entries and rows may come from one). */
export async function* asAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}

/** Flips one bit of FILE at `offset` (negative: from the end). */
export function flipBit(file: string, offset: number, out: string): void {
  const all = new Uint8Array(readFileSync(file));
  const at = offset < 0 ? all.length + offset : offset;
  all[at]! ^= 0x01;
  writeFileSync(out, all);
}


/**
 * Opens and stages FILE into `root` (a fresh folder); returns what was refused, or null when the
 * package went through. Either way reports what `root` holds afterwards.
 */
export async function tryUnpack(file: string, opts: OpenOptions, root: string): Promise<{ error: UserError | null; left: string[] }> {
  mkdirSync(root, { recursive: true });
  let error: UserError | null = null;
  try {
    await stagePackage(await openPackage(file, opts), root);
  } catch (e) {
    if (!isUserError(e)) throw e;
    error = e;
  }
  return { error, left: readdirSync(root) };
}
