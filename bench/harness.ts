// Benchmark plumbing. A figure compared with a baseline is measured interleaved with it —
// subject and baseline back to back, n rounds — and reported as the median of the per-round
// ratios, so a noisy shared machine slows both sides of each ratio alike (README "Benchmarks").
import { cpus, loadavg, totalmem } from 'node:os';

export interface Figure {
  name: string;
  value: number;
  unit: 's' | 'ms' | 'MB' | 'rows/s' | 'pages/s';
  baseline?: string;
  baselineValue?: number;
  /** Median of the per-round ratios value / baseline (not the ratio of the medians). */
  ratio?: number;
  /** How many interleaved rounds the value, the baseline and the ratio are medians of. */
  rounds?: number;
  goal?: string;
  note?: string;
}

/** One suite's child process, as the parent saw it. */
export interface SuiteRun {
  name: string;
  ok: boolean;
  seconds: number;
  /** The child's own peak RSS (getrusage maxrss): nothing another suite left behind. */
  peakRssMB?: number;
  error?: string;
}

export interface BenchReport {
  machine: string;
  size: 'full' | 'small';
  at: string;
  /** os.loadavg() (1, 5, 15 min) when the run started and when it ended. */
  load: { start: number[]; end: number[] };
  suites: SuiteRun[];
  figures: Figure[];
}

export function machine(): string {
  const c = cpus();
  return `${c[0]?.model.trim() ?? 'cpu'} ×${c.length}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.versions.node}`;
}

export const loadNow = (): number[] => loadavg().map((x) => Math.round(x * 100) / 100);

/** Runs fn once and returns [result, seconds]. */
export function timed<T>(fn: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const r = fn();
  return [r, Number(process.hrtime.bigint() - t0) / 1e9];
}

/** Seconds an (async) call takes. */
export async function time(fn: () => unknown): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return 0;
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

export interface Rounds<A, B = A> {
  subject: A[];
  baseline: B[];
}

/**
 * n rounds of the subject (A) and its baseline (B) back to back: A B, B A, A B … — the first
 * round always starts with the subject (a baseline may need what it made), then the order
 * alternates so neither side always meets the warmer cache. Each call returns its own
 * measurement (seconds, a percentile, pages/s …), so setup stays outside the figure.
 */
export async function interleave<A, B = A>(n: number, subject: (round: number) => A | Promise<A>, baseline: (round: number) => B | Promise<B>): Promise<Rounds<A, B>> {
  const out: Rounds<A, B> = { subject: [], baseline: [] };
  for (let r = 0; r < n; r++) {
    if (r % 2 === 0) {
      out.subject.push(await subject(r));
      out.baseline.push(await baseline(r));
    } else {
      out.baseline.push(await baseline(r));
      out.subject.push(await subject(r));
    }
  }
  return out;
}

/** interleave() of two timed calls: seconds per round. */
export function timedRounds(n: number, subject: (round: number) => unknown, baseline: (round: number) => unknown): Promise<Rounds<number>> {
  return interleave(n, (r) => time(() => subject(r)), (r) => time(() => baseline(r)));
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** A figure from interleaved rounds: medians of each side and the median of the per-round ratios. */
export function fromRounds(name: string, unit: Figure['unit'], subject: number[], baseline: string, baselineValues: number[], goal?: string): Figure {
  if (subject.length === 0 || subject.length !== baselineValues.length) throw new Error(`基准测试：${name} 的测量轮次与基线轮次不一致（${subject.length} / ${baselineValues.length}）`);
  const ratios = subject.map((s, i) => (baselineValues[i]! > 0 ? s / baselineValues[i]! : 0));
  return {
    name,
    value: round3(median(subject)),
    unit,
    baseline,
    baselineValue: round3(median(baselineValues)),
    ratio: Math.round(median(ratios) * 100) / 100,
    rounds: subject.length,
    ...(goal ? { goal } : {}),
  };
}

/** A figure without a baseline (a peak RSS, a one-off build time). */
export function single(name: string, value: number, unit: Figure['unit'], extra: Pick<Figure, 'goal' | 'note'> = {}): Figure {
  return { name, value: round3(value), unit, ...extra };
}

function columns(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

export function table(report: BenchReport): string {
  const figures = columns(
    ['figure', 'value', 'baseline', 'baseline value', 'ratio', 'rounds', 'goal'],
    report.figures.map((f) => [
      f.name,
      `${f.value} ${f.unit}`,
      f.baseline ?? '—',
      f.baselineValue === undefined ? '' : `${f.baselineValue} ${f.unit}`,
      f.ratio === undefined ? '' : `×${f.ratio}`,
      f.rounds === undefined ? '' : String(f.rounds),
      f.goal ?? '—',
    ]),
  );
  const suites = columns(
    ['suite (own process)', 'status', 'wall', 'peak RSS'],
    report.suites.map((s) => [s.name, s.ok ? 'ok' : 'FAILED', `${s.seconds.toFixed(1)} s`, s.peakRssMB === undefined ? '' : `${s.peakRssMB} MB`]),
  );
  const failed = report.suites.filter((s) => !s.ok).map((s) => `FAILED ${s.name}: ${s.error ?? '(no message)'}`);
  return [
    `machine: ${report.machine} (size ${report.size}, ${report.at})`,
    `load average (1/5/15 min): ${report.load.start.join(' ')} at start, ${report.load.end.join(' ')} at end`,
    ...figures,
    '',
    ...suites,
    ...(failed.length ? ['', ...failed] : []),
  ].join('\n');
}
