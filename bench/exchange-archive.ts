// Packages at the archive level (issue 7): the township's export of the whole demo township
// (20,000 households, ~80k members, every travelling table) with ~200 MB of attachments, and its
// import into a county archive (copy to staging, verify, decrypt, stage, every row checked,
// preview, backup, one transaction) — each against age-encryption's ChaCha20-Poly1305 STREAM
// over the same bytes in memory in the same run (the plaintext of the package for pack, its age
// payload for unpack); and the peak RSS while both run. Standalone:
// `npx tsx bench/exchange-archive.ts [--size small]`.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { x25519 } from '@noble/curves/ed25519.js';
import { Decrypter, Encrypter } from 'age-encryption';
import { tempDir } from '../db/testing.ts';
import { initArchive } from '../core/archive.ts';
import type { Archive } from '../core/archive.ts';
import { generateDemo } from '../core/demo/index.ts';
import { ageIdentity, ageRecipient } from '../core/exchange/keys.ts';
import { HEADER_BLOCK } from '../core/exchange/limits.ts';
import { createOwnKey, ownKey, savePublicKey, packTownship, trustKey, unpackPackage } from '../core/exchange-archive/index.ts';
import type { Figure } from './harness.ts';
import { compare, machine, table } from './harness.ts';

const MB = 1024 * 1024;
const actor = { operator: '基准', now: () => new Date('2026-12-10T08:00:00Z') };

async function seconds(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
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

/** ~`total` bytes of scans attached to households, as the app stores them (blob by hash + row). */
export function attach(a: Archive, count: number, size: number): void {
  const households = a.sqlite.prepare('SELECT id FROM households ORDER BY id LIMIT ?').pluck().all(count) as string[];
  const blob = a.sqlite.prepare('INSERT INTO blobs (sha256, size, data) VALUES (?, ?, ?)');
  const row = a.sqlite.prepare(
    `INSERT INTO attachments (id, version, updated_at, updated_by, sha256, size, mime, original_name, owner_table, owner_id, caption)
     VALUES (?, 1, '2026-11-24T08:00:00.000Z', '基准', ?, ?, 'application/pdf', ?, 'households', ?, NULL)`,
  );
  a.sqlite.transaction(() => {
    households.forEach((h, i) => {
      const data = randomBytes(size);
      const sha = createHash('sha256').update(data).digest('hex');
      blob.run(sha, size, data);
      row.run(randomUUID(), sha, size, `入户核查扫描件${i + 1}.pdf`, h);
    });
  })();
}

function payloadParts(file: string): Uint8Array[] {
  const all = readFileSync(file);
  const parts: Uint8Array[] = [];
  for (let at = HEADER_BLOCK; at < all.length; at += MB) parts.push(new Uint8Array(all.subarray(at, Math.min(at + MB, all.length))));
  return parts;
}

export async function exchangeArchiveSuite(dir: string, size: 'full' | 'small'): Promise<Figure[]> {
  const [households, villages, count, each] = size === 'full' ? [20_000, 30, 40, 5 * MB] : [300, 3, 4, MB];
  const township = initArchive({ file: join(dir, 'xa-township.db'), name: '基准镇', code: '511922101000', county: '示例县', province: '四川省' }, actor);
  const county = initArchive({ file: join(dir, 'xa-county.db'), name: '示例县', role: 'county' }, actor);
  try {
    generateDemo(township, { villages, households, seed: 'bench-exchange', asOf: '2026-11-24', actor, plant: false });
    attach(township, count, each);
    await createOwnKey(township, actor, '基准镇扶贫工作站');
    await createOwnKey(county, actor, '示例县乡村振兴局');
    trustKey(township, actor, { file: savePublicKey(county, join(dir, 'xa-county-public.json'), true).file, checkedBy: '基准' });
    trustKey(county, actor, { file: savePublicKey(township, join(dir, 'xa-township-public.json'), true).file, checkedBy: '基准' });
    const members = township.sqlite.prepare('SELECT count(*) FROM members').pluck().get() as number;
    const k = `${Math.round(members / 1000)}k`;

    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sample = () => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    };
    const timer = setInterval(sample, 50);
    const file = join(dir, 'xa-export.fpkg');
    let packed: Awaited<ReturnType<typeof packTownship>> | undefined;
    const pack = await seconds(async () => {
      packed = await packTownship(township, actor, { type: 'all' }, { out: file, onProgress: sample });
    });
    const unpack = await seconds(() => unpackPackage(county, actor, file, { backupDir: join(dir, 'xa-backups'), onProgress: sample }));
    clearInterval(timer);
    sample();
    const rows = packed!.tables.reduce((a, t) => a + t.rows, 0);

    // The bare cipher over the same bytes: the package's plaintext (same size, in memory) and its age payload.
    const sealed = payloadParts(file);
    const plainBytes = sealed.reduce((a, p) => a + p.length, 0) - Math.ceil(sealed.reduce((a, p) => a + p.length, 0) / (64 * 1024 + 16)) * 16 - 200;
    const plain: Uint8Array[] = [];
    for (let left = plainBytes; left > 0; left -= MB) plain.push(randomBytes(Math.min(MB, left)));
    const key = ownKey(county);
    const encrypt = await seconds(async () => {
      const e = new Encrypter();
      e.addRecipient(ageRecipient(x25519.getPublicKey(key.encryptionSecret)));
      await drain(await e.encrypt(memoryStream(plain)));
    });
    const decrypt = await seconds(async () => {
      const d = new Decrypter();
      d.addIdentity(ageIdentity(key.encryptionSecret));
      await drain(await d.decrypt(memoryStream(sealed)));
    });
    const mb = (b: number) => Math.round(b / MB);
    const label = k;
    const att = `${count} attachments, ${mb(count * each)} MB`;
    return [
      {
        ...compare(`archive-pack-${label}`, pack, 's', `age-stream-encrypt-same-bytes`, encrypt, '<= 2.0'),
        note: `township export: ${rows} rows of ${packed!.tables.length} tables + ${att} read from the archive, checked, framed, encrypted, .part, fsync, rename, 写入校验; ${mb(packed!.bytes)} MB package`,
      },
      {
        ...compare(`archive-unpack-${label}`, unpack, 's', `age-stream-decrypt-same-bytes`, decrypt, '<= 2.0'),
        note: `county import (${att}): staging copy, parse, signature, hash, decrypt, staged, every row checked, preview, backup, one transaction`,
      },
      { name: `archive-exchange-peak-rss-${label}`, value: mb(rssPeak), unit: 'MB', note: `RSS before ${mb(rssBefore)} MB; pack and unpack added ${mb(rssPeak - rssBefore)} MB` },
    ];
  } finally {
    township.close();
    county.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { size: { type: 'string' }, json: { type: 'boolean' } } });
  const size = values.size === 'small' ? 'small' : 'full';
  const dir = tempDir('relief-bench-xa-');
  try {
    const figures = await exchangeArchiveSuite(dir, size);
    const report = { machine: machine(), size, at: new Date().toISOString(), figures } as const;
    process.stdout.write(`${values.json ? JSON.stringify(report) : table(report)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
