// Checks the harness itself on the small size (never the speed: timings are for npm run bench).
import { describe, expect, it } from 'vitest';
import { table } from './harness.ts';
import { runBench } from './run.ts';

describe('benchmark harness', () => {
  it('measures every figure with its same-run baseline and prints a table', async () => {
    const report = await runBench('small');
    expect(report.size).toBe('small');
    expect(report.figures.map((f) => f.name.replace(/-\d+(k|mb)$/, ''))).toEqual(['demo', 'stats', 'check', 'search-p50', 'search-p95', 'search-index-build', 'at-rest-open', 'at-rest-stats', 'at-rest-check', 'at-rest-search', 'at-rest-200-saves', 'login-key-derivation', 'import', 'export', 'reimport-check', 'pack', 'unpack', 'exchange-peak-rss', 'archive-pack', 'archive-unpack', 'archive-exchange-peak-rss']);
    for (const f of report.figures.filter((x) => x.baseline)) {
      expect(f.value).toBeGreaterThan(0);
      expect(f.baselineValue).toBeGreaterThan(0);
      expect(f.ratio).toBeGreaterThan(0);
      expect(f.baseline).toMatch(/^[a-z0-9-]+$/);
    }
    expect(table(report)).toMatch(/^machine: .*\nfigure/);
    expect((await runBench('small', 'stats')).figures.map((f) => f.name)).toEqual([expect.stringMatching(/^stats-/) as unknown]);
  });
});
