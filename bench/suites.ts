// The benchmark township (demo) and what is read from it: stats, the quality check, search.
// Baselines are the bare library doing the same work (better-sqlite3 inserting the same rows,
// one GROUP BY, one full read), interleaved with the subject round by round.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { createProtectedArchive, openArchive } from '../core/archive.ts';
import type { Archive } from '../core/archive.ts';
import { checkArchive } from '../core/check.ts';
import { generateDemo } from '../core/demo/index.ts';
import { townshipStats } from '../core/stats.ts';
import { SearchIndex } from '../core/search-index.ts';
import { createArchiveFile } from '../db/open.ts';
import { listHouseholds } from '../db/repos/households.ts';
import { searchPage } from '../core/households/search.ts';
import type { Figure } from './harness.ts';
import { fromRounds, interleave, percentile, time, timed, timedRounds } from './harness.ts';
import type { BenchSize, SuiteContext } from './registry.ts';

export const AS_OF = '2026-11-24';
export const actor = { operator: '基准测试', now: () => new Date(`${AS_OF}T08:00:00Z`) };
/** The benchmark archive's station chief: the documents and UI figures log in as this account. */
export const BENCH_LOGIN = { name: actor.operator, password: 'bench-password-2026' };

/** What the demo suite publishes: the benchmark township's file (key file beside it) and data key. */
export interface DemoInput {
  file: string;
  key: string;
  members: number;
}

export const demoSizes = (size: BenchSize) => (size === 'full' ? { villages: 30, households: 20_000 } : { villages: 3, households: 200 });
/** Figure-name size label: 82k, or 0.2k for the small run's few hundred. */
export const kilo = (n: number): string => (n >= 1000 ? `${Math.round(n / 1000)}k` : `${Math.round(n / 100) / 10}k`);

/** The benchmark township opened with its data key (no login: the key derivation is not measured here). */
export function openDemo(ctx: SuiteContext): { archive: Archive; demo: DemoInput } {
  const demo = ctx.input('demo') as DemoInput;
  return { archive: openArchive(demo.file, { key: Buffer.from(demo.key, 'hex') }), demo };
}

const removeArchive = (file: string): void => {
  for (const suffix of ['', '-wal', '-shm', '.key']) rmSync(file + suffix, { force: true });
};

// In foreign-key order: status history points at batches, batch households at households.
const COPY_TABLES = [
  ...['villages', 'village_years', 'batches', 'batch_villages', 'batch_steps', 'households', 'members', 'incomes', 'assessments'],
  ...['helpers', 'pairings', 'measures', 'status_history', 'batch_households', 'step_outcomes', 'meetings', 'meeting_votes', 'objections'],
  ...['quotas', 'monitoring_checks', 'monitoring_remedies'],
];

/** Raw better-sqlite3: insert exactly the demo's rows into an empty archive, one transaction (seconds). */
function rawInsert(source: Database.Database, target: Database.Database): number {
  const rowsByTable = COPY_TABLES.map((t) => [t, source.prepare(`SELECT * FROM ${t}`).raw().all() as unknown[][]] as const);
  // The township row first, outside the timing (an encrypted archive cannot simply be attached under another key).
  const townships = source.prepare('SELECT * FROM townships').raw().all() as unknown[][];
  for (const r of townships) target.prepare(`INSERT INTO townships VALUES (${r.map(() => '?').join(',')})`).run(r);
  const [, seconds] = timed(() =>
    target.transaction(() => {
      for (const [t, rows] of rowsByTable) {
        if (rows.length === 0) continue;
        const stmt = target.prepare(`INSERT INTO ${t} VALUES (${rows[0]!.map(() => '?').join(',')})`);
        for (const r of rows) stmt.run(r);
      }
    })(),
  );
  return seconds;
}

/**
 * The benchmark township: a protected archive (key file, BENCH_LOGIN) filled by the demo, kept
 * for the later suites; each further round builds a throw-away copy beside it, interleaved with
 * better-sqlite3 inserting the same rows into a new archive file, encrypted alike.
 */
export async function demoSuite(ctx: SuiteContext): Promise<Figure[]> {
  const sizes = demoSizes(ctx.size);
  const file = join(ctx.dir, 'bench.db');
  let kept: Archive | undefined;
  let members = 0;
  const rounds = await interleave(
    ctx.rounds,
    async (r) => {
      const f = r === 0 ? file : join(ctx.dir, `demo-round-${r}.db`);
      const { archive } = await createProtectedArchive({ file: f, name: '基准镇', code: '511922101000', county: '示例县', province: '四川省', admin: BENCH_LOGIN }, actor);
      const [result, seconds] = timed(() => generateDemo(archive, { ...sizes, seed: 'bench', asOf: AS_OF, actor }));
      if (r === 0) {
        kept = archive;
        members = result.members;
      } else {
        archive.close();
        removeArchive(f);
      }
      return seconds;
    },
    (r) => {
      const f = join(ctx.dir, `baseline-${r}.db`);
      const target = createArchiveFile(f);
      const seconds = rawInsert(kept!.sqlite, target.sqlite);
      target.close();
      removeArchive(f);
      return seconds;
    },
  );
  ctx.publish({ file, key: kept!.key!.toString('hex'), members } satisfies DemoInput);
  kept!.close();
  return [fromRounds(`demo-${kilo(members)}`, 's', rounds.subject, 'better-sqlite3-bulk-insert-same-rows', rounds.baseline, '< 60 s')];
}

export async function querySuite(ctx: SuiteContext): Promise<Figure[]> {
  const { archive, demo } = openDemo(ctx);
  try {
    const sqlite = archive.sqlite;
    const k = kilo(demo.members);
    // Milliseconds each: more rounds than the second-long figures, the median absorbs a disturbed one.
    const stats = await timedRounds(ctx.rounds * 3, () => townshipStats(archive, { asOf: AS_OF }), () =>
      sqlite.prepare('SELECT h.village_id, h.status, count(*) FROM members m JOIN households h ON h.id = m.household_id GROUP BY 1, 2').all(),
    );
    const check = await timedRounds(ctx.rounds, () => checkArchive(archive, { asOf: AS_OF }), () => {
      for (const t of ['households', 'members', 'incomes', 'measures', 'pairings', 'status_history', 'assessments']) sqlite.prepare(`SELECT * FROM ${t}`).all();
    });
    const ms = (xs: number[]) => xs.map((x) => x * 1000);
    return [
      fromRounds(`stats-${k}`, 'ms', ms(stats.subject), 'sqlite-group-by-members', ms(stats.baseline), '<= 100 ms'),
      fromRounds(`check-${k}`, 's', check.subject, 'better-sqlite3-read-all-rows', check.baseline, '<= 2 × baseline'),
    ];
  } finally {
    archive.close();
  }
}

/** The search box's kinds of query, drawn from the archive: what a clerk types. */
function searchQueries(sqlite: Database.Database): Record<string, string[]> {
  const people = sqlite
    .prepare("SELECT name, name_initials AS i, id_number AS id FROM members WHERE left_reason IS NULL AND id_number IS NOT NULL AND rowid % 97 = 0 LIMIT 300")
    .all() as { name: string; i: string; id: string }[];
  const nos = sqlite.prepare('SELECT no FROM households WHERE rowid % 41 = 0 LIMIT 100').pluck().all() as string[];
  const every = (xs: string[], n: number) => xs.filter((_, k) => k % n === 0);
  return {
    'initials-1': every(people.map((p) => p.i.slice(0, 1)), 6),
    'initials-2': every(people.map((p) => p.i.slice(0, 2)), 4),
    'initials-3': every(people.map((p) => p.i.slice(0, 3)), 4),
    name: every(people.map((p) => p.name.slice(0, 2)), 4),
    'id-tail': every(people.map((p) => p.id.slice(-6)), 4),
    'no-tail': nos.map((n) => n.slice(-6)),
  };
}

/**
 * The household search box as the app answers it (core/households/search.ts: index match, the
 * page cut in list order, 50 rows read): p50/p95 over names, pinyin initials of 1–3 letters, ID
 * tails and 户编号, and p95 per kind; each round's percentiles against the same page query
 * without a search, in the same round. The first keystroke is measured the moment the archive
 * opens: it waits for the background build of the index (core/derived.ts), the worst case.
 */
export async function searchSuite(ctx: SuiteContext): Promise<Figure[]> {
  const { archive, demo } = openDemo(ctx);
  try {
    const { db, sqlite } = archive;
    const kinds = searchQueries(sqlite);
    const first = kinds['initials-1']![0]!;
    const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
    const opened = await interleave(
      ctx.rounds,
      async () => (await time(async () => searchPage(db, { search: first, limit: 50 }, (await SearchIndex.buildInSlices(db, pause, () => true))!))) * 1000,
      () => timed(() => listHouseholds(db, { limit: 50 }))[1] * 1000,
    );
    const index = SearchIndex.build(db);
    const all = Object.values(kinds).flat();
    const sorted = (xs: number[]) => xs.sort((a, b) => a - b);
    const one = (q: string) => timed(() => searchPage(db, { search: q, limit: 50 }, index))[1] * 1000;
    const rounds = await interleave(
      ctx.rounds,
      () => Object.fromEntries([['all', sorted(all.map(one))], ...Object.entries(kinds).map(([k, qs]) => [k, sorted(qs.map(one))])]) as Record<string, number[]>,
      () => sorted(Array.from({ length: 50 }, () => timed(() => listHouseholds(db, { limit: 50 }))[1] * 1000)),
    );
    const at = (p: number, kind: string) => rounds.subject.map((r) => percentile(r[kind]!, p));
    const base = (p: number) => rounds.baseline.map((x) => percentile(x, p));
    const k = kilo(demo.members);
    return [
      fromRounds(`search-p50-${k}`, 'ms', at(0.5, 'all'), 'household-page-without-search-p50', base(0.5)),
      fromRounds(`search-p95-${k}`, 'ms', at(0.95, 'all'), 'household-page-without-search-p95', base(0.95), '<= 20 ms'),
      ...Object.keys(kinds).map((kind) => fromRounds(`search-p95-${kind}-${k}`, 'ms', at(0.95, kind), 'household-page-without-search-p95', base(0.95), '<= 20 ms')),
      fromRounds(`search-first-keystroke-at-open-${k}`, 'ms', opened.subject, 'household-page-without-search', opened.baseline, '<= 20 ms'),
    ];
  } finally {
    archive.close();
  }
}

