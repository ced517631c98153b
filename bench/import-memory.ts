// Peak memory of an import of the demo township's roster (issue 13: ≤ 400 MB for 80,000 rows),
// against exceljs's bare streaming read of the same file (the export suite's workbook). Each
// measurement runs in a fresh process of its own (a process's RSS never shrinks back), import
// and baseline interleaved (bench/harness.ts), median of the rounds.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Figure } from './harness.ts';
import { fromRounds, interleave } from './harness.ts';
import type { SuiteContext } from './registry.ts';
import { kilo } from './suites.ts';
import type { RosterInput } from './xlsx.ts';

function probe(mode: 'bare' | 'import', file: string, dir: string): number {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'import-memory-probe.ts'), mode, file, dir], { encoding: 'utf8' });
  const mb = Number(out.trim().split('\n').pop());
  if (!Number.isFinite(mb) || mb <= 0) throw new Error(`基准测试：内存探针没有给出数值（${mode}）：${out.slice(-200)}`);
  return mb;
}

export async function importMemorySuite(ctx: SuiteContext): Promise<Figure[]> {
  const roster = ctx.input('export') as RosterInput;
  const r = await interleave(
    ctx.rounds,
    () => probe('import', roster.file, ctx.dir),
    () => probe('bare', roster.file, ctx.dir),
  );
  const k = kilo(roster.members);
  return [fromRounds(`import-peak-rss-${k}`, 'MB', r.subject, `exceljs-stream-read-peak-rss-${k}`, r.baseline, '<= 400 MB (80k rows)')];
}
