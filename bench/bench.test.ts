// Checks the bench's plumbing at small size (never the speed: timings are for npm run bench):
// the suite plan, interleaving, one suite in a child process, and a missing prerequisite failing loudly.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../db/testing.ts';
import { fromRounds, interleave, table } from './harness.ts';
import { BenchError, contextFor, plan, SUITES } from './registry.ts';
import type { Suite } from './registry.ts';
import { benchArgs, BENCH_USAGE, runBench, runSuite } from './run.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('bench plan', () => {
  it('runs only what --only names, its prerequisites first, and refuses unknown names', () => {
    expect(plan(['queries'])).toEqual(['demo', 'queries']);
    expect(plan(['exchange'])).toEqual(['exchange']);
    expect(plan(['doc'])).toEqual(['demo', 'doc-roster', 'doc-enrollment', 'doc-wallchart']);
    expect(plan(['import', 'search'])).toEqual(['demo', 'search', 'export', 'import', 'import-peak-rss']);
    expect(plan()).toEqual(Object.keys(SUITES));
    expect(() => plan(['nope'])).toThrow(BenchError);
    expect(() => plan(['nope'])).toThrow(/没有名为 nope 的套件/);
    const broken: Record<string, Suite> = { a: { needs: ['gone'], run: () => Promise.resolve([]) } };
    expect(() => plan(['a'], broken)).toThrow(/a 需要的前置套件 gone 不存在/);
  });

  it('lets a suite read only the inputs it declares, and says so when one is missing', () => {
    const dir = tempDir('relief-bench-test-');
    dirs.push(dir);
    expect(() => contextFor('queries', 'small', dir).input('demo')).toThrow(/queries 需要前置套件 demo 准备的输入/);
    expect(() => contextFor('queries', 'small', dir).input('export')).toThrow(/没有在登记中声明/);
    contextFor('demo', 'small', dir).publish({ file: 'x.db' });
    expect(contextFor('queries', 'small', dir).input('demo')).toEqual({ file: 'x.db' });
  });
});

describe('bench options (npm run bench -- …)', () => {
  it('reads --json, --only and --size; --help asks for the usage; wrong usage is a BenchError (exit 2) in Chinese, before anything runs', () => {
    expect(benchArgs([])).toEqual({ help: false, json: false, size: 'full', only: [] });
    expect(benchArgs(['--json', '--only', 'queries,doc', '--size', 'small'])).toEqual({ help: false, json: true, size: 'small', only: ['queries', 'doc'] });
    expect(benchArgs(['--help']).help).toBe(true);
    expect(BENCH_USAGE).toMatch(/^用法：npm run bench \[-- --json\] \[--only 套件名/);
    expect(BENCH_USAGE).toContain('import-peak-rss');
    const refused = (argv: string[], message: RegExp) => {
      expect(() => benchArgs(argv)).toThrow(BenchError);
      expect(() => benchArgs(argv)).toThrow(message);
    };
    refused(['--bogus'], /^基准测试：没有参数 --bogus。\n用法：/);
    refused(['--only'], /^基准测试：参数 --only 后面缺少它的值/);
    refused(['queries'], /^基准测试：多余的参数（套件名写在 --only 后面）/);
    refused(['--size', 'huge'], /^基准测试：--size 只能是 small（快速版）或 full（默认），收到“huge”/); // used to run the full size silently
    refused(['--only', 'nope', '--json'], /没有名为 nope 的套件/);
  });
});

describe('interleaved baselines', () => {
  it('alternates subject and baseline round by round and reports the median of per-round ratios', async () => {
    const order: string[] = [];
    const measure = (side: string, values: number[]) => (i: number) => {
      order.push(`${side}${i}`);
      return values[i]!;
    };
    const r = await interleave(4, measure('A', [10, 20, 40, 30]), measure('B', [5, 20, 10, 30]));
    expect(order).toEqual(['A0', 'B0', 'B1', 'A1', 'A2', 'B2', 'B3', 'A3']);
    const f = fromRounds('x', 's', r.subject, 'bare', r.baseline, '<= 2');
    // Ratios 2, 1, 4, 1 → median 1.5; medians of each side 25 and 15.
    expect(f).toMatchObject({ value: 25, baselineValue: 15, ratio: 1.5, rounds: 4, goal: '<= 2' });
    expect(() => fromRounds('x', 's', [1], 'bare', [])).toThrow(/轮次/);
  });
});

describe('suites in child processes', () => {
  it('--only runs just the named suite, in its own process, with its baselines, RSS and the load', async () => {
    const report = await runBench('small', ['exchange']);
    expect(report.suites).toEqual([expect.objectContaining({ name: 'exchange', ok: true })]);
    expect(report.suites[0]!.peakRssMB).toBeGreaterThan(0);
    expect(report.figures.map((f) => f.name.replace(/-\d+(k|mb)$/, ''))).toEqual(['pack', 'unpack', 'exchange-peak-rss']);
    for (const f of report.figures.filter((x) => x.baseline)) {
      expect(f.baselineValue).toBeGreaterThan(0);
      expect(f.ratio).toBeGreaterThan(0);
      expect(f.rounds).toBe(2);
      expect(f.baseline).toMatch(/^[a-z0-9-]+$/);
    }
    expect(report.load.start).toHaveLength(3);
    expect(report.load.end).toHaveLength(3);
    expect(table(report)).toMatch(/^machine: .*\nload average \(1\/5\/15 min\): .* at start, .* at end\nfigure .*baseline.*ratio.*goal/);
  });

  it('a suite whose prerequisite did not run fails loudly (non-zero exit, no figures), leaving nothing but its report', async () => {
    const dir = tempDir('relief-bench-test-');
    dirs.push(dir);
    const run = await runSuite('queries', 'small', dir);
    expect(run.ok).toBe(false);
    expect(run.error).toMatch(/套件 queries 需要前置套件 demo 准备的输入/);
    expect(run.result.figures).toBeUndefined();
    expect(readdirSync(dir)).toEqual(['results']);
    expect(existsSync(join(dir, 'inputs'))).toBe(false);
    expect(table({ machine: 'm', size: 'small', at: 'now', load: { start: [1, 1, 1], end: [1, 1, 1] }, suites: [run], figures: [] })).toMatch(/queries .*FAILED[\s\S]*FAILED queries: 基准测试：套件 queries 需要前置套件 demo/);
  });
});
