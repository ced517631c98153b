// Packages at the archive level (issue 7): the township's export of the whole demo township
// (20,000 households, ~80k members, every travelling table) with ~200 MB of attachments, and its
// import into a county archive (copy to staging, verify, decrypt, stage, every row checked,
// preview, backup, one transaction) — each interleaved with age-encryption's ChaCha20-Poly1305
// STREAM over the same bytes in memory (the plaintext of the package for pack, its age payload
// for unpack); and the peak RSS while both run. Alone: `npm run bench -- --only archive-exchange`.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { x25519 } from '@noble/curves/ed25519.js';
import { Decrypter, Encrypter } from 'age-encryption';
import { initArchive, openArchive } from '../core/archive.ts';
import type { Archive } from '../core/archive.ts';
import { generateDemo } from '../core/demo/index.ts';
import { ageIdentity, ageRecipient } from '../core/exchange/keys.ts';
import { HEADER_BLOCK } from '../core/exchange/limits.ts';
import { createOwnKey, ownKey, savePublicKey, packTownship, trustKey, unpackPackage } from '../core/exchange-archive/index.ts';
import type { Figure } from './harness.ts';
import { fromRounds, interleave, single, time } from './harness.ts';
import type { SuiteContext } from './registry.ts';
import { kilo } from './suites.ts';

const MB = 1024 * 1024;
const actor = { operator: '基准', now: () => new Date('2026-12-10T08:00:00Z') };

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

export async function exchangeArchiveSuite(ctx: SuiteContext): Promise<Figure[]> {
  const { dir } = ctx;
  const [households, villages, count, each] = ctx.size === 'full' ? [20_000, 30, 40, 5 * MB] : [300, 3, 4, MB];
  const countyFile = join(dir, 'xa-county.db');
  const township = initArchive({ file: join(dir, 'xa-township.db'), name: '基准镇', code: '511922101000', county: '示例县', province: '四川省' }, actor);
  try {
    generateDemo(township, { villages, households, seed: 'bench-exchange', asOf: '2026-11-24', actor, plant: false });
    attach(township, count, each);
    // The county archive with its key and the township's trusted, made once and closed: each
    // round unpacks into a fresh copy of it (a second unpack of a snapshot would write nothing).
    const county = initArchive({ file: countyFile, name: '示例县', role: 'county' }, actor);
    let countyKey: Buffer;
    let secret: Uint8Array;
    try {
      await createOwnKey(township, actor, '基准镇扶贫工作站');
      await createOwnKey(county, actor, '示例县乡村振兴局');
      trustKey(township, actor, { file: savePublicKey(county, join(dir, 'xa-county-public.json'), true).file, checkedBy: '基准' });
      trustKey(county, actor, { file: savePublicKey(township, join(dir, 'xa-township-public.json'), true).file, checkedBy: '基准' });
      countyKey = county.key!;
      secret = ownKey(county).encryptionSecret;
    } finally {
      county.close();
    }
    const members = township.sqlite.prepare('SELECT count(*) FROM members').pluck().get() as number;
    const k = kilo(members);

    // Peak RSS sampled during the first pack and unpack only (before the baseline's bytes in memory).
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    let sampling = true;
    const sample = () => {
      if (sampling) rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    };
    const timer = setInterval(sample, 50);
    let packed: Awaited<ReturnType<typeof packTownship>> | undefined;
    let latest = '';
    const rounds = await interleave(
      ctx.rounds,
      async (r) => {
        const file = join(dir, `xa-export-${r}.fpkg`);
        const target = join(dir, `xa-county-${r}.db`);
        copyFileSync(countyFile, target);
        const into = openArchive(target, { key: countyKey });
        try {
          const pack = await time(async () => {
            packed = await packTownship(township, actor, { type: 'all' }, { out: file, onProgress: sample });
          });
          const unpack = await time(() => unpackPackage(into, actor, file, { backupDir: join(dir, `xa-backups-${r}`), onProgress: sample }));
          sample();
          sampling = false;
          return { pack, unpack };
        } finally {
          into.close();
          for (const f of [target, `${target}-wal`, `${target}-shm`, join(dir, `xa-backups-${r}`)]) rmSync(f, { recursive: true, force: true });
          if (latest) rmSync(latest, { force: true });
          latest = file;
        }
      },
      async () => {
        // The bare cipher over the same bytes, in memory (made outside the timing): the package's plaintext (same size) and its age payload.
        const sealed = payloadParts(latest);
        const sealedBytes = sealed.reduce((a, p) => a + p.length, 0);
        const plainBytes = sealedBytes - Math.ceil(sealedBytes / (64 * 1024 + 16)) * 16 - 200;
        const plain: Uint8Array[] = [];
        for (let left = plainBytes; left > 0; left -= MB) plain.push(randomBytes(Math.min(MB, left)));
        const encrypt = await time(async () => {
          const e = new Encrypter();
          e.addRecipient(ageRecipient(x25519.getPublicKey(secret)));
          await drain(await e.encrypt(memoryStream(plain)));
        });
        const decrypt = await time(async () => {
          const d = new Decrypter();
          d.addIdentity(ageIdentity(secret));
          await drain(await d.decrypt(memoryStream(sealed)));
        });
        return { encrypt, decrypt };
      },
    );
    clearInterval(timer);
    const rows = packed!.tables.reduce((a, t) => a + t.rows, 0);
    const mb = (b: number) => Math.round(b / MB);
    const att = `${count} attachments, ${mb(count * each)} MB`;
    return [
      {
        ...fromRounds(`archive-pack-${k}`, 's', rounds.subject.map((x) => x.pack), 'age-stream-encrypt-same-bytes', rounds.baseline.map((x) => x.encrypt), '<= 2.0 × baseline'),
        note: `township export: ${rows} rows of ${packed!.tables.length} tables + ${att} read from the archive, checked, framed, encrypted, .part, fsync, rename, 写入校验; ${mb(packed!.bytes)} MB package`,
      },
      {
        ...fromRounds(`archive-unpack-${k}`, 's', rounds.subject.map((x) => x.unpack), 'age-stream-decrypt-same-bytes', rounds.baseline.map((x) => x.decrypt), '<= 2.0 × baseline'),
        note: `county import into a fresh county archive each round (${att}): staging copy, parse, signature, hash, decrypt, staged, every row checked, preview, backup, one transaction`,
      },
      single(`archive-exchange-peak-rss-${k}`, mb(rssPeak), 'MB', { goal: 'flat', note: `first pack + unpack in a fresh process; RSS before ${mb(rssBefore)} MB, they added ${mb(rssPeak - rssBefore)} MB` }),
    ];
  } finally {
    township.close();
  }
}
