// Benchmark plumbing: each figure is measured in the same run as its raw baseline, so the
// ratio holds on a noisy machine (CLI.md "Benchmarks").
import { cpus, totalmem } from 'node:os';

export interface Figure {
  name: string;
  value: number;
  unit: 's' | 'ms' | 'MB' | 'rows/s' | 'pages/s';
  baseline?: string;
  baselineValue?: number;
  ratio?: number;
  goal?: string;
  note?: string;
}

export interface BenchReport {
  machine: string;
  size: 'full' | 'small';
  at: string;
  figures: Figure[];
}

export function machine(): string {
  const c = cpus();
  return `${c[0]?.model.trim() ?? 'cpu'} ×${c.length}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.versions.node}`;
}

/** Runs fn once and returns [result, seconds]. */
export function timed<T>(fn: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const r = fn();
  return [r, Number(process.hrtime.bigint() - t0) / 1e9];
}

/** Best of n runs (seconds): the least disturbed measurement. */
export function bestOf(n: number, fn: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < n; i++) best = Math.min(best, timed(fn)[1]);
  return best;
}

export function compare(
  name: string,
  value: number,
  unit: Figure['unit'],
  baseline: string,
  baselineValue: number,
  goal?: string,
): Figure {
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    name,
    value: round(value),
    unit,
    baseline,
    baselineValue: round(baselineValue),
    ratio: baselineValue > 0 ? Math.round((value / baselineValue) * 100) / 100 : 0,
    ...(goal ? { goal } : {}),
  };
}

export function table(report: BenchReport): string {
  const rows = report.figures.map((f) => [
    f.name,
    `${f.value} ${f.unit}`,
    f.baseline ?? '',
    f.baselineValue === undefined ? '' : `${f.baselineValue} ${f.unit}`,
    f.ratio === undefined ? '' : `×${f.ratio}`,
    f.goal ?? '',
  ]);
  const head = ['figure', 'value', 'baseline', 'baseline value', 'ratio', 'goal'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [`machine: ${report.machine} (size ${report.size})`, line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
