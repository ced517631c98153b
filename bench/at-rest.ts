// What encryption at rest costs: the same archive opened, summed up, checked, indexed and written encrypted (SQLite3 Multiple
// Ciphers, sqlcipher v4 pages) and as a plain copy, interleaved round by round so both see the
// same machine load; and the login's key derivation (argon2id), which should take 0.3–1 s: slow
// enough that guessing is dear, quick enough for a clerk.
import { join } from 'node:path';
import type { Archive } from '../core/archive.ts';
import { openArchive } from '../core/archive.ts';
import { checkArchive } from '../core/check.ts';
import { SearchIndex } from '../core/search-index.ts';
import { townshipStats } from '../core/stats.ts';
import { DEFAULT_KDF, newKeystore, setPassword, unwrapKey } from '../db/keystore.ts';
import { plainCopyOf } from '../db/testing.ts';
import type { Figure } from './harness.ts';
import { compare, timed } from './harness.ts';

const AS_OF = '2026-11-24';
const ROUNDS = 5;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

type Step = 'open' | 'stats' | 'check' | 'search';
const STEPS: Step[] = ['open', 'stats', 'check', 'search'];

/** One round of a clerk's reading, step by step: open, the overview's figures, the quality check, the search index. */
function readRound(file: string, key: Buffer | null): Record<Step, number> {
  const [a, open] = timed(() => openArchive(file, { key }));
  try {
    return {
      open,
      stats: timed(() => townshipStats(a, { asOf: AS_OF }))[1],
      check: timed(() => checkArchive(a, { asOf: AS_OF }))[1],
      search: timed(() => SearchIndex.build(a.db))[1],
    };
  } finally {
    a.close();
  }
}

/** Writes as saves do: 200 small transactions, each synced (synchronous = FULL). */
function writeRound(file: string, key: Buffer | null): number {
  const a = openArchive(file, { key });
  try {
    const ids = a.sqlite.prepare('SELECT id FROM households LIMIT 200').pluck().all() as string[];
    const touch = a.sqlite.prepare('UPDATE households SET notes = ? WHERE id = ?');
    return timed(() => {
      for (const [i, id] of ids.entries()) a.sqlite.transaction(() => touch.run(`基准 ${i}`, id))();
    })[1];
  } finally {
    a.close();
  }
}

export async function atRestSuite(dir: string, archive: Archive): Promise<Figure[]> {
  const members = (archive.sqlite.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n;
  const k = `${Math.round(members / 1000)}k`;
  const key = archive.key!;
  const encrypted = join(dir, 'at-rest-encrypted.db');
  const plain = join(dir, 'at-rest-plain.db');
  archive.sqlite.prepare('VACUUM INTO ?').run(encrypted);
  plainCopyOf(encrypted, key, plain);
  const reads = { enc: [] as Record<Step, number>[], plain: [] as Record<Step, number>[] };
  const writes = { enc: [] as number[], plain: [] as number[] };
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which goes first, so neither always meets a warm cache.
    const order: [Buffer | null, string][] = r % 2 ? [[null, plain], [key, encrypted]] : [[key, encrypted], [null, plain]];
    for (const [k2, f] of order) (k2 ? reads.enc : reads.plain).push(readRound(f, k2));
    for (const [k2, f] of order) (k2 ? writes.enc : writes.plain).push(writeRound(f, k2));
  }
  const ks = await setPassword(newKeystore(key), '基准', 'bench-password-2026', key, DEFAULT_KDF);
  const unlocks: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = process.hrtime.bigint();
    await unwrapKey(ks, '基准', 'bench-password-2026');
    unlocks.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const openOnly = median(Array.from({ length: 3 }, () => timed(() => openArchive(encrypted, { key }).close())[1]));
  return [
    ...STEPS.map((step) =>
      compare(`at-rest-${step}-${k}`, median(reads.enc.map((r) => r[step])) * 1000, 'ms', 'same-step-plain-copy', median(reads.plain.map((r) => r[step])) * 1000, '≤ ×1.15'),
    ),
    compare('at-rest-200-saves', median(writes.enc) * 1000, 'ms', 'same-saves-plain-copy', median(writes.plain) * 1000, '≤ ×1.15'),
    compare('login-key-derivation', median(unlocks), 's', 'open-with-key-no-derivation', openOnly, '0.3–1 s'),
  ];
}
