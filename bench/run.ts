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

export const BENCH_USAGE = [
  '用法：npm run bench [-- --json] [--only 套件名[,套件名…]] [--size small|full]',
  '  --json         只在标准输出打印一个 JSON 对象（进度在标准错误输出）',
  '  --only 名称    只运行这些套件（及其前置套件）；名称也可是一组的前缀，如 doc',
  '  --size small   快速版，只检查基准测试框架本身（不测速度）；默认 full',
  `套件：${Object.keys(SUITES).join(', ')}`,
].join('\n');

/** The bench's options. Wrong usage (an unknown option or suite, a bad --size) is a BenchError: exit 2, nothing run. */
export function benchArgs(argv: string[]): { help: boolean; json: boolean; size: BenchSize; only: string[] } {
  let values: { json?: boolean; help?: boolean; only?: string[]; size?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, only: { type: 'string', multiple: true }, size: { type: 'string' } }, strict: true }));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const named = /'(-{1,2}[^'\s]+)/.exec(msg)?.[1] ?? '';
    const code = (e as { code?: unknown }).code;
    const why =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? `没有参数 ${named}` : code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' ? '多余的参数（套件名写在 --only 后面）' : `参数 ${named} 后面缺少它的值`;
    throw new BenchError(`基准测试：${why}。\n${BENCH_USAGE}`);
  }
  if (values.size !== undefined && values.size !== 'small' && values.size !== 'full') {
    throw new BenchError(`基准测试：--size 只能是 small（快速版）或 full（默认），收到“${values.size}”。\n${BENCH_USAGE}`);
  }
  const only = (values.only ?? []).flatMap((o) => o.split(',')).map((o) => o.trim()).filter(Boolean);
  if (values.help !== true) plan(only); // an unknown suite name: refused before anything runs
  return { help: values.help === true, json: values.json === true, size: values.size === 'small' ? 'small' : 'full', only };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let args: ReturnType<typeof benchArgs>;
  try {
    args = benchArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof BenchError)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(`基准测试：每个套件在单独的子进程中运行，打印表格（或一个 JSON 对象），并写入 bench/results/latest.json。\n${BENCH_USAGE}\n`);
    process.exit(0);
  }
  const { size, only } = args;
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
  process.stdout.write(`${args.json ? JSON.stringify(report) : table(report)}\n`);
  const failed = report.suites.filter((s) => !s.ok);
  if (failed.length) {
    process.stderr.write(`\n基准测试有 ${failed.length} 个套件失败，结果不完整 / ${failed.length} bench suite(s) FAILED: ${failed.map((s) => s.name).join(', ')}\n`);
    process.exit(1);
  }
}
