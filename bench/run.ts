// `npm run bench [-- --json] [--only NAME] [--size small]`: prints a table (or one JSON
// object) and writes bench/results/latest.json.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { tempDir } from '../db/testing.ts';
import type { BenchReport } from './harness.ts';
import { machine, table } from './harness.ts';
import { BENCH_LOGIN, demoSuite, querySuites, searchSuite, xlsxSuite } from './suites.ts';
import { exchangeSuite } from './exchange.ts';
import { exchangeArchiveSuite } from './exchange-archive.ts';
import { documentsSuite } from './documents.ts';
import { uiSuite } from './ui.ts';
import { atRestSuite } from './at-rest.ts';
import { cliStartSuite } from './cli-start.ts';

export async function runBench(size: 'full' | 'small', only?: string): Promise<BenchReport> {
  const sizes = size === 'full' ? { villages: 30, households: 20_000 } : { villages: 3, households: 200 };
  const dir = tempDir('relief-bench-');
  try {
    const { figures, archive } = await demoSuite(dir, sizes);
    try {
      figures.push(...querySuites(archive), ...searchSuite(archive), ...(await atRestSuite(dir, archive)));
    } finally {
      archive.close();
    }
    figures.push(...(await cliStartSuite(dir, { file: join(dir, 'bench.db'), key: archive.key! }, BENCH_LOGIN)));
    figures.push(...(await xlsxSuite(dir, sizes)));
    figures.push(...(await exchangeSuite(dir, size)));
    figures.push(...(await exchangeArchiveSuite(dir, size)));
    // The paper outputs take minutes at full size (20,000 forms): full runs only (or --only doc).
    if (size === 'full' || only?.startsWith('doc')) figures.push(...(await documentsSuite(dir, join(dir, 'bench.db'), size)));
    // The browser figures need Chromium and a built UI: full runs only (or --only ui).
    if (size === 'full' || only?.startsWith('ui')) {
      const members = figures.find((f) => f.name.startsWith('demo-'))?.name.replace(/^demo-(\d+)k$/, '$1') ?? '0';
      figures.push(...(await uiSuite(join(dir, 'bench.db'), Number(members) * 1000)));
    }
    const picked = only ? figures.filter((f) => f.name.startsWith(only)) : figures;
    return { machine: machine(), size, at: new Date().toISOString(), figures: picked };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { json: { type: 'boolean' }, only: { type: 'string' }, size: { type: 'string' } } });
  const size = values.size === 'small' ? 'small' : 'full';
  const report = await runBench(size, values.only);
  const out = join(import.meta.dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${values.json ? JSON.stringify(report) : table(report)}\n`);
}
