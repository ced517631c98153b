// `npm run bench [-- --json] [--only NAME[,NAME…]] [--size small]`: runs each suite of
// bench/registry.ts in its own child process (prerequisites first), prints a table (or one
// JSON object) and writes bench/results/latest.json. Exits non-zero when a suite failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { tempDir } from '../db/testing.ts';
import type { BenchReport, SuiteRun } from './harness.ts';
import { loadNow, machine, table } from './harness.ts';
import type { BenchSize } from './registry.ts';
import { BenchError, plan, SUITES } from './registry.ts';
import type { SuiteResult } from './suite-runner.ts';

const ROOT = join(import.meta.dirname, '..');
const RUNNER = join(import.meta.dirname, 'suite-runner.ts');

/** The project's Node 22 (plain `node` may be another version the sqlite driver was not built for). */
function nodeBinary(): string {
  const local = join(ROOT, 'node_modules', '.bin', 'node');
  return existsSync(local) ? local : process.execPath;
}

/** Runs one suite in a fresh process; its progress goes to our stderr so `--json` stays clean. */
export async function runSuite(name: string, size: BenchSize, dir: string): Promise<SuiteRun & { result: SuiteResult }> {
  const out = join(dir, 'results', `${name}.json`);
  mkdirSync(join(dir, 'results'), { recursive: true });
  const t0 = process.hrtime.bigint();
  const child = spawn(nodeBinary(), ['--import', 'tsx', RUNNER, name, '--size', size, '--dir', dir, '--out', out], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 128 : 1)));
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const result: SuiteResult = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as SuiteResult) : {};
  const ok = code === 0 && !result.error && (result.figures?.length ?? 0) > 0;
  return {
    name,
    ok,
    seconds: Math.round(seconds * 10) / 10,
    ...(result.peakRssMB === undefined ? {} : { peakRssMB: result.peakRssMB }),
    ...(ok ? {} : { error: result.error ?? `子进程退出码 ${code}，没有留下结果（exit code ${code}, no result）` }),
    result,
  };
}

export async function runBench(size: BenchSize, only: string[] = []): Promise<BenchReport> {
  const names = plan(only);
  const start = loadNow();
  const dir = tempDir('relief-bench-');
  const runs: SuiteRun[] = [];
  const figures: BenchReport['figures'] = [];
  try {
    for (const name of names) {
      // A suite whose prerequisite failed fails too, by name — never a figure silently missing.
      const broken = (SUITES[name]!.needs ?? []).filter((n) => runs.some((r) => r.name === n && !r.ok));
      if (broken.length) {
        runs.push({ name, ok: false, seconds: 0, error: `前置套件 ${broken.join(', ')} 失败，未运行（prerequisite failed）` });
        continue;
      }
      process.stderr.write(`[bench] ${name} (${size})…\n`);
      const { result, ...run } = await runSuite(name, size, dir);
      runs.push(run);
      figures.push(...(result.figures ?? []));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { machine: machine(), size, at: new Date().toISOString(), load: { start, end: loadNow() }, suites: runs, figures };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { json: { type: 'boolean' }, only: { type: 'string', multiple: true }, size: { type: 'string' } } });
  const size = values.size === 'small' ? 'small' : 'full';
  const only = (values.only ?? []).flatMap((o) => o.split(',')).map((o) => o.trim()).filter(Boolean);
  let report: BenchReport;
  try {
    report = await runBench(size, only);
  } catch (e) {
    if (!(e instanceof BenchError)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
  const out = join(import.meta.dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${values.json ? JSON.stringify(report) : table(report)}\n`);
  const failed = report.suites.filter((s) => !s.ok);
  if (failed.length) {
    process.stderr.write(`\n基准测试有 ${failed.length} 个套件失败，结果不完整 / ${failed.length} bench suite(s) FAILED: ${failed.map((s) => s.name).join(', ')}\n`);
    process.exit(1);
  }
}
