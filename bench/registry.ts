// The suites of `npm run bench`, in run order. Each runs in its own child process
// (bench/suite-runner.ts), so its time and RSS are its own; suites share prepared inputs only
// through files in the run's directory (ctx.publish / ctx.input). Adding a suite is one line:
//   name: { needs: ['demo'], run: async (ctx) => (await import('./file.ts')).fooSuite(ctx) },
// The import is lazy so a child loads only its own suite's libraries.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from './harness.ts';

export type BenchSize = 'full' | 'small';

export interface SuiteContext {
  /** The suite being run. */
  name: string;
  size: BenchSize;
  /** The run's temp dir, shared by every suite of the run (removed at the end). */
  dir: string;
  /** Interleaved rounds for subject/baseline comparisons: ≥ 3 at full size. */
  rounds: number;
  /** Makes a value (paths, keys, counts) available to the suites that declare `needs: [this suite]`. */
  publish(value: unknown): void;
  /** What the named prerequisite published; throws (loudly, never an empty result) when it is not there. */
  input(suite: string): unknown;
}

export interface Suite {
  /** Suites whose published inputs this one reads; `--only` runs them first. */
  needs?: string[];
  run(ctx: SuiteContext): Promise<Figure[]>;
}

export const SUITES: Record<string, Suite> = {
  demo: { run: async (c) => (await import('./suites.ts')).demoSuite(c) },
  queries: { needs: ['demo'], run: async (c) => (await import('./suites.ts')).querySuite(c) },
  'cli-start': { needs: ['demo'], run: async (c) => (await import('./cli-start.ts')).cliStartSuite(c) },
  search: { needs: ['demo'], run: async (c) => (await import('./suites.ts')).searchSuite(c) },
  check: { needs: ['demo'], run: async (c) => (await import('./check.ts')).checkSuite(c) },
  'at-rest': { needs: ['demo'], run: async (c) => (await import('./at-rest.ts')).atRestSuite(c) },
  export: { run: async (c) => (await import('./xlsx.ts')).exportSuite(c) },
  import: { needs: ['export'], run: async (c) => (await import('./xlsx.ts')).importSuite(c) },
  'import-peak-rss': { needs: ['export'], run: async (c) => (await import('./import-memory.ts')).importMemorySuite(c) },
  exchange: { run: async (c) => (await import('./exchange.ts')).exchangeSuite(c) },
  'archive-exchange': { run: async (c) => (await import('./exchange-archive.ts')).exchangeArchiveSuite(c) },
  county: { run: async (c) => (await import('./county.ts')).countySuite(c) },
  'doc-roster': { run: async (c) => (await import('./documents.ts')).rosterSuite(c) },
  'doc-enrollment': { needs: ['demo'], run: async (c) => (await import('./documents.ts')).enrollmentSuite(c) },
  'doc-wallchart': { needs: ['demo'], run: async (c) => (await import('./documents.ts')).wallchartSuite(c) },
  'main-thread-block': { needs: ['export'], run: async (c) => (await import('./main-thread.ts')).mainThreadSuite(c) },
  ui: { needs: ['demo'], run: async (c) => (await import('./ui.ts')).uiSuite(c) },
};

/** Thrown for a bad `--only` or a missing prerequisite: the run stops and says why. */
export class BenchError extends Error {}

/**
 * The suites to run for `--only` (all when empty), prerequisites included, in registry order.
 * A name selects that suite or the group of suites named `NAME-…` (`--only doc`).
 */
export function plan(only: string[] = [], suites: Record<string, Suite> = SUITES): string[] {
  const names = Object.keys(suites);
  if (only.length === 0) return names;
  const picked = new Set<string>();
  const add = (name: string, path: string[]): void => {
    if (picked.has(name)) return;
    const suite = suites[name];
    if (!suite) throw new BenchError(`基准测试：套件 ${path.join(' → ')} 需要的前置套件 ${name} 不存在（已登记：${names.join(', ')}）`);
    for (const need of suite.needs ?? []) add(need, [...path, name]);
    picked.add(name);
  };
  for (const want of only) {
    const hits = names.filter((n) => n === want || n.startsWith(`${want}-`));
    if (hits.length === 0) throw new BenchError(`基准测试：没有名为 ${want} 的套件。已登记：${names.join(', ')}`);
    for (const h of hits) add(h, []);
  }
  return names.filter((n) => picked.has(n));
}

const inputFile = (dir: string, suite: string): string => join(dir, 'inputs', `${suite}.json`);

export function contextFor(name: string, size: BenchSize, dir: string, suites: Record<string, Suite> = SUITES): SuiteContext {
  const needs = suites[name]?.needs ?? [];
  return {
    name,
    size,
    dir,
    rounds: size === 'full' ? 3 : 2,
    publish(value) {
      mkdirSync(join(dir, 'inputs'), { recursive: true });
      writeFileSync(inputFile(dir, name), JSON.stringify(value));
    },
    input(suite: string): unknown {
      if (!needs.includes(suite)) throw new BenchError(`基准测试：套件 ${name} 读取了 ${suite} 的输入，却没有在登记中声明 needs: ['${suite}']（bench/registry.ts）`);
      const file = inputFile(dir, suite);
      if (!existsSync(file)) {
        throw new BenchError(
          `基准测试：套件 ${name} 需要前置套件 ${suite} 准备的输入（${file}），但它不存在——${suite} 没有在本次运行中先跑完。` +
            `用 npm run bench -- --only ${name} 会自动先运行 ${suite}。 Suite ${name} needs the output of ${suite}, which is missing.`,
        );
      }
      return JSON.parse(readFileSync(file, 'utf8')) as unknown;
    },
  };
}
