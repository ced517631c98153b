// The data-quality check (issue 14: ≤ 2 × reading all tables, flat per household from 5k to
// 60k households). Two generated townships of its own, a small and a large one (1k and 10k at
// --size small): the check on the large one against better-sqlite3 reading every table the
// check reads, interleaved; and the time per household on the large one against the small one,
// interleaved, whose ratio says whether the check stays flat as the archive grows. And the
// absolute figure of issue 16: the benchmark township of the demo suite (20,000 households,
// ~80k members, generated once for the whole run) checked in ≤ 2 s as the command line checks it
// (core/check-parallel.ts: on the machine's cores, its worker from the bundle), beside its bare
// read; and the same check on one thread beside it.
import { availableParallelism } from 'node:os';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createProtectedArchive } from '../core/archive.ts';
import type { Archive } from '../core/archive.ts';
import { checkArchive } from '../core/check.ts';
import { checkArchiveParallel, closeCheckWorkers } from '../core/check-parallel.ts';
import { CLI_BUNDLE, ensureBundle } from '../scripts/cli-bundle.ts';
import { generateDemo } from '../core/demo/index.ts';
import type { Figure } from './harness.ts';
import { fromRounds, interleave, time, timedRounds } from './harness.ts';
import type { SuiteContext } from './registry.ts';
import { actor, AS_OF, BENCH_LOGIN, kilo, openDemo } from './suites.ts';

/** The tables the check reads (the facts of every household). */
const TABLES = ['households', 'members', 'incomes', 'assessments', 'measures', 'pairings', 'status_history'];

async function township(ctx: SuiteContext, households: number): Promise<Archive> {
  const file = join(ctx.dir, `check-${households}.db`);
  const input = { file, name: '基准镇', code: '511922101000', county: '示例县', province: '四川省', admin: BENCH_LOGIN };
  const { archive } = await createProtectedArchive(input, actor);
  generateDemo(archive, { villages: Math.max(1, Math.round(households / 700)), households, seed: 'bench-check', asOf: AS_OF, actor });
  return archive;
}

const remove = (archive: Archive): void => {
  const file = archive.sqlite.name;
  archive.close();
  for (const suffix of ['', '-wal', '-shm', '.key']) rmSync(file + suffix, { force: true });
};

const readAll = (a: Archive) => () => {
  for (const t of TABLES) a.sqlite.prepare(`SELECT * FROM ${t}`).all();
};

/** Issue 16's goal: the whole 80k-member archive (the demo township) checked in ≤ 2 s. */
async function demoCheck(ctx: SuiteContext): Promise<Figure[]> {
  // The worker the command line starts: bundled beside it (a worker compiling the sources through tsx would cost a second).
  await ensureBundle('cli/main.ts', CLI_BUNDLE);
  const entry = { file: join(dirname(CLI_BUNDLE), 'check-worker.mjs'), execArgv: [] };
  const { archive, demo } = openDemo(ctx);
  try {
    const households = archive.sqlite.prepare('SELECT count(*) FROM households').pluck().get() as number;
    const check = () => checkArchiveParallel(archive, { asOf: AS_OF, entry });
    const oneThread = () => checkArchive(archive, { asOf: AS_OF });
    // Warm-up: compiling the rules (the workers' too: they stay for the next check), and the page cache as a clerk's second look finds it.
    await check();
    oneThread();
    const rounds = await timedRounds(ctx.rounds, check, readAll(archive));
    const name = `check-${kilo(households)}-households-${kilo(demo.members)}-members`;
    const threads = Math.min(availableParallelism(), 4);
    const figure = fromRounds(name, 's', rounds.subject, `better-sqlite3-read-${TABLES.length}-tables-same-archive`, rounds.baseline, '<= 2 s');
    const single = await interleave(ctx.rounds, () => time(check), () => time(oneThread));
    return [
      { ...figure, note: `基准乡镇 ${households} 户 ${demo.members} 人（加密），整个数据检查（含 Q105），${threads} 个线程` },
      fromRounds(`${name}-${threads}-threads`, 's', single.subject, `${name}-one-thread`, single.baseline),
    ];
  } finally {
    archive.close();
    await closeCheckWorkers();
  }
}

export async function checkSuite(ctx: SuiteContext): Promise<Figure[]> {
  const absolute = await demoCheck(ctx);
  const [smallN, largeN] = ctx.size === 'full' ? [5_000, 60_000] : [1_000, 10_000];
  const small = await township(ctx, smallN);
  const large = await township(ctx, largeN);
  try {
    const check = (a: Archive) => () => checkArchive(a, { asOf: AS_OF });
    // One warm-up each: the first run pays for compiling the rules, not for the households.
    check(small)();
    check(large)();
    const vsRead = await timedRounds(ctx.rounds, check(large), readAll(large));
    // Milliseconds per 1,000 households, large against small, each round back to back.
    const perK = async (a: Archive, n: number): Promise<number> => ((await time(check(a))) * 1e6) / n;
    const flat = await interleave(ctx.rounds, () => perK(large, largeN), () => perK(small, smallN));
    // The same for the bare read: past the 64 MB page cache (a 60k township is ~230 MB) every
    // read decrypts its pages again, so reading itself costs more per household on the large one.
    const readPerK = async (a: Archive, n: number): Promise<number> => ((await time(readAll(a))) * 1e6) / n;
    const readFlat = await interleave(ctx.rounds, () => readPerK(large, largeN), () => readPerK(small, smallN));
    const hk = (n: number): string => `${kilo(n)}-households`;
    return [
      ...absolute,
      fromRounds(`check-${hk(largeN)}`, 's', vsRead.subject, `better-sqlite3-read-${TABLES.length}-tables-${hk(largeN)}`, vsRead.baseline, '<= 2 × baseline'),
      fromRounds(`check-ms-per-1k-households-${hk(largeN)}`, 'ms', flat.subject, `check-ms-per-1k-households-${hk(smallN)}`, flat.baseline, '<= 1.1 × (flat)'),
      fromRounds(`read-ms-per-1k-households-${hk(largeN)}`, 'ms', readFlat.subject, `read-ms-per-1k-households-${hk(smallN)}`, readFlat.baseline),
    ];
  } finally {
    remove(small);
    remove(large);
  }
}
