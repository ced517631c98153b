// What encryption at rest costs: the same archive opened, summed up, checked, indexed and written encrypted (SQLite3 Multiple
// Ciphers, sqlcipher v4 pages) and as a plain copy, interleaved round by round (harness interleave) so both
// see the same machine load; and the login's key derivation (argon2id), which should take 0.3–1 s: slow
// enough that guessing is dear, quick enough for a clerk.
import { join } from 'node:path';
import { openArchive } from '../core/archive.ts';
import { checkArchive } from '../core/check.ts';
import { SearchIndex } from '../core/search-index.ts';
import { townshipStats } from '../core/stats.ts';
import { DEFAULT_KDF, newKeystore, setPassword, unwrapKey } from '../db/keystore.ts';
import { plainCopyOf } from '../db/testing.ts';
import type { Figure } from './harness.ts';
import { fromRounds, interleave, timed, timedRounds } from './harness.ts';
import type { SuiteContext } from './registry.ts';
import { AS_OF, kilo, openDemo } from './suites.ts';

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

export async function atRestSuite(ctx: SuiteContext): Promise<Figure[]> {
  const { archive, demo } = openDemo(ctx);
  const k = kilo(demo.members);
  const key = archive.key!;
  const encrypted = join(ctx.dir, 'at-rest-encrypted.db');
  const plain = join(ctx.dir, 'at-rest-plain.db');
  try {
    archive.sqlite.prepare('VACUUM INTO ?').run(encrypted);
  } finally {
    archive.close();
  }
  plainCopyOf(encrypted, key, plain);
  const n = Math.max(ctx.rounds, ctx.size === 'full' ? 5 : 2);
  const reads = await interleave(n, () => readRound(encrypted, key), () => readRound(plain, null));
  const writes = await interleave(n, () => writeRound(encrypted, key), () => writeRound(plain, null));
  const ks = await setPassword(newKeystore(key), '基准', 'bench-password-2026', key, DEFAULT_KDF);
  const unlock = await timedRounds(3, () => unwrapKey(ks, '基准', 'bench-password-2026'), () => openArchive(encrypted, { key }).close());
  const ms = (xs: number[]) => xs.map((x) => x * 1000);
  return [
    ...STEPS.map((step) =>
      fromRounds(`at-rest-${step}-${k}`, 'ms', ms(reads.subject.map((r) => r[step])), 'same-step-plain-copy', ms(reads.baseline.map((r) => r[step])), '≤ ×1.15'),
    ),
    fromRounds('at-rest-200-saves', 'ms', ms(writes.subject), 'same-saves-plain-copy', ms(writes.baseline), '≤ ×1.15'),
    fromRounds('login-key-derivation', 's', unlock.subject, 'open-with-key-no-derivation', unlock.baseline, '0.3–1 s'),
  ];
}
