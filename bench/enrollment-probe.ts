// A quick probe for the enrollment bench (not part of the suite): builds (once) a generated
// township of N households, renders its whole enrollment PDF and prints pages/s and RSS every
// 1,000 pages. `npx tsx bench/enrollment-probe.ts [households] [dir]`; `PROBE_REUSE=1` renders the
// township built by an earlier run of the same size instead of building it again, `PROBE_BENCH=1`
// builds it as the bench does (30 villages, seed "bench", planted problems); `PROBE_LIMIT=N`
// renders only the first N households (for a profile).
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { unlockArchive } from '../core/accounts/login.ts';
import { createProtectedArchive } from '../core/archive.ts';
import { generateDemo } from '../core/demo/index.ts';
import { renderDocument } from '../core/documents/index.ts';
import { BENCH_LOGIN } from './suites.ts';

const households = Number(process.argv[2] ?? 2000);
const dir = process.argv[3] ?? '/tmp/enrollment-probe';
const AS_OF = '2026-11-24';
const actor = { operator: '基准测试', now: () => new Date(`${AS_OF}T08:00:00Z`) };
const snapAt = (process.env.PROBE_SNAPSHOTS ?? '').split(',').filter(Boolean).map(Number);
const mb = (b: number): number => Math.round(b / 2 ** 20);
const mem = (): string => {
  const m = process.memoryUsage();
  return `rss ${mb(m.rss)} MB heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} MB external ${mb(m.external)} MB arrayBuffers ${mb(m.arrayBuffers)} MB`;
};

mkdirSync(dir, { recursive: true });
const file = join(dir, `township-${households}.db`);
const reuse = process.env.PROBE_REUSE === '1' && existsSync(file);
if (!reuse) for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
rmSync(join(dir, 'enrollment.pdf'), { force: true });
// Protected as the bench's township is (reopened as its station chief logs in).
const init = { file, name: '基准镇', code: '511922101000', county: '示例县', province: '四川省', admin: BENCH_LOGIN };
const archive = reuse ? (await unlockArchive(file, BENCH_LOGIN, actor)).archive : (await createProtectedArchive(init, actor)).archive;
if (!reuse) {
  const g0 = performance.now();
  const bench = process.env.PROBE_BENCH === '1';
  generateDemo(archive, bench ? { villages: 30, households, seed: 'bench', asOf: AS_OF, actor } : { villages: Math.max(1, Math.round(households / 700)), households, seed: 'probe', asOf: AS_OF, actor, plant: false });
  console.log(`generated ${households} households in ${((performance.now() - g0) / 1000).toFixed(1)} s`);
}
const t0 = performance.now();
const cpu0 = process.cpuUsage();
let lastPrint = 0;
const before = process.memoryUsage().rss;
console.log(`start rss ${mb(before)} MB`);
const limit = process.env.PROBE_LIMIT ? { limit: Number(process.env.PROBE_LIMIT) } : {};
const r = await renderDocument(archive, { kind: 'enrollment', asOf: AS_OF }, { out: join(dir, 'enrollment.pdf') }, {
  ...limit,
  onProgress: (n) => {
    if (snapAt.includes(n)) console.log('snapshot', writeHeapSnapshot(join(dir, `at-${n}.heapsnapshot`)));
    if (n - lastPrint >= Number(process.env.PROBE_EVERY ?? 833)) {
      lastPrint = n;
      const s = (performance.now() - t0) / 1000;
      console.log(`${n} households ${s.toFixed(1)} s ${mem()}`);
    }
  },
});
const s = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuS = (cpu.user + cpu.system) / 1e6;
console.log(`${r.pages} pages in ${s.toFixed(2)} s = ${((r.pages ?? 0) / s).toFixed(1)} pages/s wall, ${((r.pages ?? 0) / cpuS).toFixed(1)} pages per CPU second; ${mem()}`);
archive.close();
