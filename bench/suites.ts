// The benchmark suites. Baselines are the bare library doing the same work (better-sqlite3
// inserting the same rows, one GROUP BY, one full read), measured in the same run.
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { createProtectedArchive, initArchive } from '../core/archive.ts';
import type { Archive } from '../core/archive.ts';
import { checkArchive } from '../core/check.ts';
import { generateDemo } from '../core/demo/index.ts';
import { townshipStats } from '../core/stats.ts';
import ExcelJS from 'exceljs';
import { exportRoster } from '../core/export.ts';
import { importRoster } from '../core/import/index.ts';
import { SearchIndex } from '../core/search-index.ts';
import { createArchiveFile } from '../db/open.ts';
import { listHouseholds } from '../db/repos/households.ts';
import type { Figure } from './harness.ts';
import { bestOf, compare, timed } from './harness.ts';

export interface Sizes {
  villages: number;
  households: number;
}

const AS_OF = '2026-11-24';
const actor = { operator: '基准测试', now: () => new Date(`${AS_OF}T08:00:00Z`) };
/** The benchmark archive's station chief: the documents and UI figures log in as this account. */
export const BENCH_LOGIN = { name: actor.operator, password: 'bench-password-2026' };

// In foreign-key order: status history points at batches, batch households at households.
const COPY_TABLES = [
  ...['villages', 'village_years', 'batches', 'batch_villages', 'batch_steps', 'households', 'members', 'incomes', 'assessments'],
  ...['helpers', 'pairings', 'measures', 'status_history', 'batch_households', 'step_outcomes', 'meetings', 'meeting_votes', 'objections'],
  ...['quotas', 'monitoring_checks', 'monitoring_remedies'],
];

/** Raw better-sqlite3: insert exactly the demo's rows into an empty archive, one transaction. */
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

/** The benchmark township: a protected archive (key file, BENCH_LOGIN), filled by the demo. */
export async function demoSuite(dir: string, sizes: Sizes): Promise<{ figures: Figure[]; archive: Archive }> {
  const { archive } = await createProtectedArchive({ file: join(dir, 'bench.db'), name: '基准镇', code: '511922101000', county: '示例县', province: '四川省', admin: BENCH_LOGIN }, actor);
  const [result, seconds] = timed(() => generateDemo(archive, { ...sizes, seed: 'bench', asOf: AS_OF, actor }));
  // The baseline writes into a new archive file, encrypted alike.
  const target = createArchiveFile(join(dir, 'baseline.db'));
  const baseline = rawInsert(archive.sqlite, target.sqlite);
  target.close();
  return {
    archive,
    figures: [
      compare(`demo-${Math.round(result.members / 1000)}k`, seconds, 's', 'better-sqlite3-bulk-insert-same-rows', baseline, '< 60 s'),
    ],
  };
}

export function querySuites(archive: Archive): Figure[] {
  const sqlite = archive.sqlite;
  const members = (sqlite.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n;
  const k = `${Math.round(members / 1000)}k`;
  const stats = bestOf(3, () => townshipStats(archive, { asOf: AS_OF }));
  const groupBy = bestOf(3, () => sqlite.prepare('SELECT h.village_id, h.status, count(*) FROM members m JOIN households h ON h.id = m.household_id GROUP BY 1, 2').all());
  const check = bestOf(2, () => checkArchive(archive, { asOf: AS_OF }));
  const readAll = bestOf(2, () => {
    for (const t of ['households', 'members', 'incomes', 'measures', 'pairings', 'status_history', 'assessments']) sqlite.prepare(`SELECT * FROM ${t}`).all();
  });
  return [
    compare(`stats-${k}`, stats * 1000, 'ms', 'sqlite-group-by-members', groupBy * 1000),
    compare(`check-${k}`, check, 's', 'better-sqlite3-read-all-rows', readAll),
  ];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/**
 * The household search box: p50/p95 of one search (index match + the first page of 50),
 * over names, pinyin initials, ID tails and 户编号 drawn from the archive. Baseline: the same
 * page query without a search.
 */
export function searchSuite(archive: Archive): Figure[] {
  const { db, sqlite } = archive;
  const [index, buildSeconds] = timed(() => SearchIndex.build(db));
  const people = sqlite.prepare('SELECT name, name_initials AS i, id_number AS id FROM members ORDER BY rowid LIMIT 2000').all() as { name: string; i: string; id: string }[];
  const nos = sqlite.prepare('SELECT no FROM households ORDER BY rowid LIMIT 500').all() as { no: string }[];
  const queries = people.filter((_, k) => k % 10 === 0).flatMap((p) => [p.name.slice(0, 2), p.i.slice(0, 2), p.id.slice(-6)]);
  queries.push(...nos.filter((_, k) => k % 10 === 0).map((n) => n.no.slice(-6)));
  const times = queries.map((q) => timed(() => listHouseholds(db, { limit: 50 }, index.match(q)))[1] * 1000).sort((a, b) => a - b);
  const plain = Array.from({ length: 50 }, () => timed(() => listHouseholds(db, { limit: 50 }))[1] * 1000).sort((a, b) => a - b);
  const k = `${Math.round(people.length ? (sqlite.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n / 1000 : 0)}k`;
  return [
    compare(`search-p50-${k}`, percentile(times, 0.5), 'ms', 'household-page-without-search-p50', percentile(plain, 0.5)),
    compare(`search-p95-${k}`, percentile(times, 0.95), 'ms', 'household-page-without-search-p95', percentile(plain, 0.95), '<= 30 ms'),
    { name: `search-index-build-${k}`, value: Math.round(buildSeconds * 1000), unit: 'ms', note: 'once per session, again after a save' },
  ];
}

/**
 * Import and export of the whole township as a roster workbook (clean demo data), each against
 * exceljs doing the bare streaming work on the same file and rows.
 */
export async function xlsxSuite(dir: string, sizes: Sizes): Promise<Figure[]> {
  const source = initArchive({ file: join(dir, 'xlsx-source.db'), name: '基准镇', code: '511922101000', province: '四川省' }, actor);
  generateDemo(source, { ...sizes, seed: 'xlsx', asOf: AS_OF, actor, plant: false });
  const file = join(dir, 'roster.xlsx');
  const t0 = process.hrtime.bigint();
  const exported = await exportRoster(source, file, { exportedOn: AS_OF });
  const exportSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  source.close();
  const t2 = process.hrtime.bigint();
  let cells = 0;
  for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit' })) {
    for await (const row of sheet) cells += row.cellCount;
  }
  const bareRead = Number(process.hrtime.bigint() - t2) / 1e9;
  // The baseline writes exactly the rows the export wrote (same cells), without the archive.
  const rows: unknown[][] = [];
  for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit' })) {
    for await (const row of sheet) rows.push((row.values as unknown[]).slice(1));
  }
  const t1 = process.hrtime.bigint();
  const bare = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(dir, 'bare.xlsx'), useSharedStrings: false });
  const ws = bare.addWorksheet('花名册');
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await bare.commit();
  const bareWrite = Number(process.hrtime.bigint() - t1) / 1e9;
  rows.length = 0;

  const target = initArchive({ file: join(dir, 'xlsx-target.db'), name: '基准镇', code: '511922101000', province: '四川省' }, actor);
  const t3 = process.hrtime.bigint();
  const imported = await importRoster(target, actor, file);
  const importSeconds = Number(process.hrtime.bigint() - t3) / 1e9;
  const t4 = process.hrtime.bigint();
  const again = await importRoster(target, actor, file, { dryRun: true });
  const reimportSeconds = Number(process.hrtime.bigint() - t4) / 1e9;
  target.close();
  if (again.preview?.unchanged !== exported.households) throw new Error('基准测试：再次导入同一文件应当没有改动');
  if (imported.members !== exported.members || cells === 0) throw new Error('基准测试：导入的人数与导出的不一致');
  const k = `${Math.round(exported.members / 1000)}k`;
  return [
    compare(`import-${k}`, importSeconds, 's', `exceljs-stream-read-${k}`, bareRead, '<= 1.3'),
    compare(`export-${k}`, exportSeconds, 's', `exceljs-stream-write-${k}`, bareWrite, '<= 1.3'),
    { name: `reimport-check-${k}`, value: Math.round(reimportSeconds * 1000) / 1000, unit: 's', note: '再次导入同一文件的检查（全部未变）' },
  ];
}
