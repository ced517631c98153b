// Packages (issue 7, file level): pack and unpack of attachment bytes (200 MB full, 4 MB small)
// interleaved with age's own ChaCha20-Poly1305 STREAM over the same bytes in memory (median of
// the per-round ratios); and the memory the exchange takes, sampled while it runs (flat: everything streams).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { x25519 } from '@noble/curves/ed25519.js';
import { Encrypter, Decrypter } from 'age-encryption';
import { generateKeyPair, memoryTrustStore, openPackage, stagePackage, writePackage } from '../core/exchange/index.ts';
import type { EntrySource } from '../core/exchange/index.ts';
import { ageIdentity, ageRecipient } from '../core/exchange/keys.ts';
import { HEADER_BLOCK } from '../core/exchange/limits.ts';
import type { Figure } from './harness.ts';
import { fromRounds, interleave, single, time } from './harness.ts';
import type { SuiteContext } from './registry.ts';

const MB = 1024 * 1024;

function makeAttachments(dir: string, count: number, size: number): { id: string; file: string; sha256: string }[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(size);
    const file = join(dir, `${randomUUID()}.bin`);
    writeFileSync(file, bytes);
    return { id: randomUUID(), file, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<void> {
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read());
}

function memoryStream(parts: Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(c) {
      if (i < parts.length) c.enqueue(parts[i++]!);
      else c.close();
    },
  });
}

function payloadParts(file: string): Uint8Array[] {
  const all = readFileSync(file);
  const parts: Uint8Array[] = [];
  for (let at = HEADER_BLOCK; at < all.length; at += MB) parts.push(new Uint8Array(all.subarray(at, Math.min(at + MB, all.length))));
  return parts;
}

export async function exchangeSuite(ctx: SuiteContext): Promise<Figure[]> {
  const { dir } = ctx;
  const [count, each] = ctx.size === 'full' ? [40, 5 * MB] : [2, 2 * MB];
  const label = `${(count * each) / MB}mb`;
  const attachments = makeAttachments(dir, count, each);
  const township = generateKeyPair({ role: 'township', name: '基准镇' });
  const county = generateKeyPair({ role: 'county', name: '基准县' });
  const entries = (): EntrySource[] => attachments.map((a) => ({ type: 'attachment', id: a.id, sha256: a.sha256, size: each, data: createReadStream(a.file, { highWaterMark: MB }) }));
  const identity = ageIdentity(county.encryptionSecret);
  const recipient = ageRecipient(x25519.getPublicKey(county.encryptionSecret));

  // The RSS figure is sampled during the first pack and unpack only: before the baseline has
  // held the attachment bytes in memory, so it is the package work's own.
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  let sampling = true;
  const sample = () => {
    if (sampling) rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  };
  const trust = memoryTrustStore([township.publicKey]);
  const file = (r: number) => join(dir, `bench-${r}.fpkg`);
  let latest = '';
  // Each round: the package side (pack, then unpack of what it packed) and the bare cipher
  // (encrypt the attachment bytes, decrypt the latest package's age payload), A B / B A.
  const rounds = await interleave(
    ctx.rounds,
    async (r) => {
      const out = file(r);
      const pack = await time(() => writePackage({ file: out, sender: township, kind: 'township-export', seq: 1, to: { recipients: [county.publicKey] }, schemaVersion: 1, entries: entries(), onProgress: sample }));
      const unpack = await time(async () => {
        const opened = await openPackage(out, { key: county, trust, onProgress: sample });
        await stagePackage(opened, join(dir, `staged-${r}`));
      });
      sample();
      sampling = false;
      rmSync(join(dir, `staged-${r}`), { recursive: true, force: true });
      if (latest) rmSync(latest);
      latest = out;
      return { pack, unpack };
    },
    async () => {
      // The same bytes in memory, read outside the timing; output dropped.
      const plain = attachments.map((a) => new Uint8Array(readFileSync(a.file)));
      const sealed = payloadParts(latest);
      const encrypt = await time(async () => {
        const e = new Encrypter();
        e.addRecipient(recipient);
        await drain(await e.encrypt(memoryStream(plain)));
      });
      const decrypt = await time(async () => {
        const d = new Decrypter();
        d.addIdentity(identity);
        await drain(await d.decrypt(memoryStream(sealed)));
      });
      return { encrypt, decrypt };
    },
  );
  const rss = (b: number) => Math.round(b / MB);
  return [
    {
      ...fromRounds(`pack-${label}`, 's', rounds.subject.map((x) => x.pack), `age-stream-encrypt-${label}`, rounds.baseline.map((x) => x.encrypt), '<= 2.0 × baseline'),
      note: 'attachments read from disk, framed, encrypted, written as .part, fsync, renamed, re-read and verified',
    },
    {
      ...fromRounds(`unpack-${label}`, 's', rounds.subject.map((x) => x.unpack), `age-stream-decrypt-${label}`, rounds.baseline.map((x) => x.decrypt), '<= 2.0 × baseline'),
      note: 'strict parse, signature, payload hash, decrypt, entries checked and staged to disk',
    },
    single(`exchange-peak-rss-${label}`, rss(rssPeak), 'MB', { goal: 'flat', note: `first pack + unpack in a fresh process; RSS before ${rss(rssBefore)} MB, the package work added ${rss(rssPeak - rssBefore)} MB` }),
  ];
}
