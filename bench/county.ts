// County scale (issue 14): a county archive fed 20 township packages — 20 × 20,000 households
// (≈ 1.6 M members) at full size, 20 × 1,000 at small. The townships are made with the demo
// generator under distinct codes, packed once each (their archives removed after packing), then
// unpacked one after another into one county archive, each unpack timed with its phases (from
// its progress). Then the county's figures as a clerk meets them: the county-wide stats
// (core/stats.ts townshipStats over every township), the county overview list (countyTownships)
// and the household search (core/search-index.ts: build, then 1–3 letter / name / ID-tail
// queries). RSS is sampled from the first unpack on, so the township generation is not counted.
// Alone: `npm run bench -- --only county`.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { initArchive } from '../core/archive.ts';
import type { Archive } from '../core/archive.ts';
import { generateDemo } from '../core/demo/index.ts';
import { countyTownships, createOwnKey, packTownship, savePublicKey, trustKey, unpackPackage } from '../core/exchange-archive/index.ts';
import { SearchIndex } from '../core/search-index.ts';
import { townshipStats } from '../core/stats.ts';
import type { Figure } from './harness.ts';
import { fromRounds, median, percentile, single, time, timed } from './harness.ts';
import type { SuiteContext } from './registry.ts';
import { AS_OF, actor, kilo } from './suites.ts';

const MB = 1024 * 1024;
const TOWNSHIPS = 20;
/** The unpack's progress label while it backs up the archive (core/exchange-archive/unpack.ts). */
const BACKUP = '备份档案';

interface Made {
  file: string;
  members: number;
}

/** Township n's package: a fresh archive, demo data under its own code and seed, packed to the county, removed. */
async function makeTownship(ctx: SuiteContext, county: Archive, n: number, households: number, villages: number): Promise<Made> {
  // The demo's 户编号 start with the code's first six digits (its ID numbers' region): each
  // township gets its own, so 户编号 stay unique across the county as they are in life.
  const code = `5119${String(10 + n)}101000`;
  const tFile = join(ctx.dir, `county-t${n}.db`);
  const t = initArchive({ file: tFile, name: `基准${n + 1}镇`, code, county: '示例县', province: '四川省' }, actor);
  try {
    generateDemo(t, { villages, households, seed: `county-bench-${n}`, asOf: AS_OF, actor, plant: false });
    await createOwnKey(t, actor, `基准${n + 1}镇扶贫工作站`);
    trustKey(t, actor, { file: savePublicKey(county, join(ctx.dir, 'county-public.json'), true).file, checkedBy: '基准' });
    trustKey(county, actor, { file: savePublicKey(t, join(ctx.dir, `county-t${n}-public.json`), true).file, checkedBy: '基准' });
    const out = join(ctx.dir, `county-t${n}.fpkg`);
    const packed = await packTownship(t, actor, { type: 'all' }, { out });
    return { file: out, members: packed.tables.find((x) => x.name === 'members')?.rows ?? 0 };
  } finally {
    t.close();
    for (const s of ['', '-wal', '-shm', '.key']) rmSync(tFile + s, { force: true });
  }
}

/** One unpack, timed whole and by phase (the seconds between its progress labels). */
async function unpackTimed(county: Archive, file: string, backupDir: string, sample: () => void): Promise<{ seconds: number; phases: Record<string, number> }> {
  const phases: Record<string, number> = {};
  let label = '';
  let at = process.hrtime.bigint();
  const mark = (next: string) => {
    sample();
    if (next === label) return;
    const now = process.hrtime.bigint();
    if (label) phases[label] = (phases[label] ?? 0) + Number(now - at) / 1e9;
    label = next;
    at = now;
  };
  const seconds = await time(() => unpackPackage(county, actor, file, { backupDir, onProgress: (l) => mark(l) }));
  mark('');
  // Each backup is the archive as it stands: drop it (the disk would hold 20 growing copies).
  rmSync(backupDir, { recursive: true, force: true });
  return { seconds, phases };
}

const phaseNote = (p: Record<string, number>): string =>
  Object.entries(p)
    .filter(([, s]) => s >= 0.01)
    .map(([l, s]) => `${l} ${s.toFixed(2)} s`)
    .join('，');

/** Search queries as a clerk types them: 1–3 pinyin initials, a name's first one or two characters, ID tails of 4–6 digits. */
function queries(county: Archive): string[] {
  const people = county.sqlite.prepare('SELECT name, name_initials AS i, id_number AS id FROM members WHERE id_number IS NOT NULL ORDER BY rowid LIMIT 4000').all() as { name: string; i: string; id: string }[];
  const out: string[] = [];
  people.forEach((p, k) => {
    if (k % 20 !== 0) return;
    const n = (k / 20) % 3;
    out.push(p.i.slice(0, n + 1), p.name.slice(0, 1 + (n % 2)), p.id.slice(-(4 + n)));
  });
  return out;
}

export async function countySuite(ctx: SuiteContext): Promise<Figure[]> {
  const [households, villages] = ctx.size === 'full' ? [20_000, 30] : [1_000, 3];
  const county = initArchive({ file: join(ctx.dir, 'county.db'), name: '示例县', role: 'county' }, actor);
  try {
    await createOwnKey(county, actor, '示例县乡村振兴局');
    // Made once, before anything is measured.
    const [made, generateSeconds] = await (async () => {
      const t0 = process.hrtime.bigint();
      const list: Made[] = [];
      for (let n = 0; n < TOWNSHIPS; n++) list.push(await makeTownship(ctx, county, n, households, villages));
      return [list, Number(process.hrtime.bigint() - t0) / 1e9] as const;
    })();
    const members = made.reduce((a, m) => a + m.members, 0);
    const k = kilo(members);

    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sample = () => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss));
    const timer = setInterval(sample, 100);
    try {
      const unpacks: { seconds: number; phases: Record<string, number> }[] = [];
      for (const [n, m] of made.entries()) {
        unpacks.push(await unpackTimed(county, m.file, join(ctx.dir, `county-backups-${n}`), sample));
        rmSync(m.file, { force: true });
      }
      const first = unpacks[0]!;
      const last = unpacks.at(-1)!;

      // County-wide stats, interleaved with the bare count it starts from (5 rounds: a few seconds at most).
      const stats: number[] = [];
      const count: number[] = [];
      const overview: number[] = [];
      for (let r = 0; r < 5; r++) {
        stats.push(timed(() => townshipStats(county, { asOf: AS_OF }))[1]);
        count.push(timed(() => county.sqlite.prepare('SELECT count(*) FROM members').pluck().get())[1]);
        overview.push(timed(() => countyTownships(county))[1]);
        sample();
      }

      // Search: the index built once (the first keystroke), then the queries.
      const [index, buildSeconds] = timed(() => SearchIndex.build(county.db));
      const qs = queries(county);
      const firstKeystroke = timed(() => index.match(qs[0]!))[1] + buildSeconds;
      const ms = qs.map((q) => timed(() => index.match(q))[1] * 1000).sort((a, b) => a - b);
      sample();
      const mb = (b: number) => Math.round(b / MB);
      return [
        single(`county-generate-${k}`, generateSeconds, 's', { note: `${TOWNSHIPS} townships × ${households} households made with the demo generator and packed (not part of any figure)` }),
        { ...single(`county-unpack-first-${k}`, first.seconds, 's'), note: phaseNote(first.phases) },
        {
          ...fromRounds(`county-unpack-${TOWNSHIPS}th-${k}`, 's', [last.seconds], 'county-unpack-first', [first.seconds], '<= 1.5 × baseline'),
          note: `${phaseNote(last.phases)}; all ${TOWNSHIPS}: ${unpacks.map((u) => u.seconds.toFixed(1)).join(' ')} s`,
        },
        {
          // The backup before each import is a VACUUM INTO of the whole county archive (core/files/backup-copy.ts): it grows with the county by design.
          ...fromRounds(`county-unpack-${TOWNSHIPS}th-without-backup-${k}`, 's', [last.seconds - (last.phases[BACKUP] ?? 0)], 'county-unpack-first-without-backup', [first.seconds - (first.phases[BACKUP] ?? 0)], '<= 1.5 × baseline'),
          note: `backup: first ${(first.phases[BACKUP] ?? 0).toFixed(2)} s, ${TOWNSHIPS}th ${(last.phases[BACKUP] ?? 0).toFixed(2)} s`,
        },
        { ...fromRounds(`county-stats-${k}`, 's', stats, 'count-members', count, '<= 1 s'), note: 'core/stats.ts townshipStats over the whole county archive' },
        single(`county-overview-list-${k}`, median(overview), 's', { note: `countyTownships (${TOWNSHIPS} townships with counts, packages, audit), median of 5` }),
        single(`county-search-p95-${k}`, percentile(ms, 0.95), 'ms', { goal: '<= 30 ms', note: `${qs.length} queries (1–3 initials, names, ID tails 4–6); p50 ${percentile(ms, 0.5).toFixed(1)} ms` }),
        single(`county-search-first-keystroke-${k}`, firstKeystroke * 1000, 'ms', { note: `SearchIndex.build ${Math.round(buildSeconds * 1000)} ms + the first query` }),
        single(`county-peak-rss-${k}`, mb(rssPeak), 'MB', { goal: '<= 1536 MB', note: `sampled from the first unpack on (before it: ${mb(rssBefore)} MB, after the generation)` }),
      ];
    } finally {
      clearInterval(timer);
    }
  } finally {
    county.close();
  }
}
