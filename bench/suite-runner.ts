// One suite in a fresh process: `node --import tsx bench/suite-runner.ts NAME --size small
// --dir RUN_DIR --out RESULT.json`. Writes { figures, peakRssMB } or { error } to --out (stdout
// is left to the suite's own progress lines) and exits non-zero when the suite fails.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Figure } from './harness.ts';
import { BenchError, contextFor, SUITES } from './registry.ts';

export interface SuiteResult {
  figures?: Figure[];
  peakRssMB?: number;
  error?: string;
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { size: { type: 'string' }, dir: { type: 'string' }, out: { type: 'string' } } });
const name = positionals[0] ?? '';
const write = (r: SuiteResult): void => {
  if (values.out) writeFileSync(values.out, JSON.stringify(r));
};

try {
  const suite = SUITES[name];
  if (!suite) throw new Error(`基准测试：没有名为 ${name || '（空）'} 的套件。已登记：${Object.keys(SUITES).join(', ')}`);
  if (!values.dir) throw new Error('基准测试：suite-runner 需要 --dir（本次运行的临时目录）');
  const figures = await suite.run(contextFor(name, values.size === 'small' ? 'small' : 'full', values.dir));
  if (figures.length === 0) throw new Error(`基准测试：套件 ${name} 没有给出任何数字`);
  // maxRSS is in KiB: the peak of this process alone.
  write({ figures, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) });
  process.exit(0);
} catch (e) {
  const message = e instanceof Error ? e.message : String(e);
  write({ error: message });
  // A missing prerequisite is said in one line; anything else keeps its stack for whoever fixes it.
  const detail = e instanceof Error && !(e instanceof BenchError) ? (e.stack ?? message) : message;
  process.stderr.write(`\n基准测试套件 ${name} 失败 / bench suite ${name} FAILED:\n${detail}\n`);
  process.exit(1);
}
