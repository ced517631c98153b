// Peak memory of an import of the demo township's roster (issue 13: ≤ 400 MB for 80,000 rows),
// against exceljs's bare streaming read of the same file. Each measurement runs in a fresh
// process (a process's RSS never shrinks back), import and baseline interleaved; median of 3.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { initArchive } from '../core/archive.ts';
import { generateDemo } from '../core/demo/index.ts';
import { exportRoster } from '../core/export.ts';
import type { Figure } from './harness.ts';
import { compare } from './harness.ts';
import type { Sizes } from './suites.ts';

const AS_OF = '2026-11-24';
const actor = { operator: '基准测试', now: () => new Date(`${AS_OF}T08:00:00Z`) };

function probe(mode: 'bare' | 'import', file: string, dir: string): number {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'import-memory-probe.ts'), mode, file, dir], { encoding: 'utf8' });
  return Number(out.trim().split('\n').pop());
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function importMemorySuite(dir: string, sizes: Sizes, runs = 3): Promise<Figure[]> {
  const source = initArchive({ file: join(dir, 'memory-source.db'), name: '基准镇', code: '511922101000', province: '四川省' }, actor);
  generateDemo(source, { ...sizes, seed: 'xlsx', asOf: AS_OF, actor, plant: false });
  const file = join(dir, 'memory-roster.xlsx');
  const { members } = await exportRoster(source, file, { exportedOn: AS_OF });
  source.close();
  const bare: number[] = [];
  const imported: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(probe('bare', file, dir));
    imported.push(probe('import', file, dir));
  }
  const k = `${Math.round(members / 1000)}k`;
  return [compare(`import-peak-rss-${k}`, median(imported), 'MB', `exceljs-stream-read-peak-rss-${k}`, median(bare), '<= 400 MB')];
}
