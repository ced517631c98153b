// The longest main-thread block (issue 14: ≤ 50 ms during import, check, documents, packages).
// The shells' dispatcher on a township of the demo's size, once with the job runner (core/worker/runner.ts:
// the long work on a worker thread, as the web shell and Electron run it) and once in this
// thread (the old way, the baseline), interleaved; meanwhile the event loop's delay is sampled
// (perf_hooks.monitorEventLoopDelay, 10 ms resolution): its max is the longest time the shell
// could not answer anything — a click, a jobs.status poll, a window repaint.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createCoreDispatch } from '../core/api/index.ts';
import type { Dispatch } from '../core/api/dispatch.ts';
import { initArchive } from '../core/archive.ts';
import { generateDemo } from '../core/demo/index.ts';
import { createSession } from '../core/session.ts';
import type { Session } from '../core/session.ts';
import { JobRunner } from '../core/worker/runner.ts';
import { fixedDayClock } from '../shared/clock.ts';
import type { Figure } from './harness.ts';
import { fromRounds, interleave } from './harness.ts';
import type { SuiteContext } from './registry.ts';
import { actor, AS_OF, demoSizes } from './suites.ts';
const OPERATOR = '基准站长';

interface Block {
  maxMs: number;
  p99Ms: number;
  seconds: number;
}

/** Runs one call through `dispatch` while sampling the event loop; refuses a failed call loudly. */
async function sampled(dispatch: Dispatch, session: Session, channel: string, input: () => unknown): Promise<Block> {
  session.cache.clear(); // the check's cached answer would measure nothing
  const h = monitorEventLoopDelay({ resolution: 10 });
  const t0 = process.hrtime.bigint();
  h.enable();
  const r = await dispatch(channel, input());
  h.disable();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (!r.ok) throw new Error(`基准测试：${channel} 失败：${r.error.message}`);
  return { maxMs: h.max / 1e6, p99Ms: h.percentile(99) / 1e6, seconds };
}

export async function mainThreadSuite(ctx: SuiteContext): Promise<Figure[]> {
  const roster = ctx.input('export') as { file: string };
  // A township of the demo's size without the demo's planted errors: a package of it is accepted.
  const file = join(ctx.dir, 'main-thread.db');
  const archive = initArchive({ file, name: '基准镇', code: '511922101000', county: '示例县', province: '四川省' }, actor);
  generateDemo(archive, { ...demoSizes(ctx.size), seed: 'main-thread', asOf: AS_OF, actor, plant: false });
  const session = createSession({ dataDir: join(ctx.dir, 'main-thread-data'), clock: fixedDayClock(AS_OF) });
  session.attach(archive, { name: OPERATOR, role: 'admin' });
  const runner = new JobRunner();
  const log = (e: unknown) => {
    throw e;
  };
  const offThread = createCoreDispatch(session, log, runner);
  const inThread = createCoreDispatch(session, log);
  try {
    const key = await inThread('exchange.newKey', { name: '基准镇扶贫工作站' });
    if (!key.ok) throw new Error(`基准测试：建立本镇密钥失败：${key.error.message}`);
    const villages = await inThread('villages.list', {});
    if (!villages.ok) throw new Error(villages.error.message);
    const village = (villages.value as { code: string | null }[]).find((v) => v.code)?.code;
    if (!village) throw new Error('基准测试：演示档案没有带区划代码的村');
    const dataBase64 = readFileSync(roster.file).toString('base64');
    let n = 0;
    const jobs: [string, string, () => unknown][] = [
      ['import-check', 'imports.check', () => ({ fileName: '花名册.xlsx', dataBase64, year: null, jobId: `bench-import-${n++}` })],
      ['quality-check', 'quality.check', () => ({ villageId: null })],
      ['documents-village', 'documents.render', () => ({ kind: 'enrollment', scope: { villageCode: village }, asOf: AS_OF, out: join(ctx.dir, `main-thread-${n++}.pdf`), jobId: `bench-docs-${n}` })],
      ['package-pack', 'exchange.pack', () => ({ out: join(ctx.dir, `main-thread-${n++}.fpkg`), passphrase: true, jobId: `bench-pack-${n}` })],
    ];
    runner.warm();
    // The worker's code loaded before the first measurement, as after the shell's first job.
    await sampled(offThread, session, 'quality.check', () => ({ villageId: null }));
    const figures: Figure[] = [];
    for (const [name, channel, input] of jobs) {
      const rounds = await interleave(
        ctx.rounds,
        () => sampled(offThread, session, channel, input),
        () => sampled(inThread, session, channel, input),
      );
      const f = fromRounds(`main-thread-block-${name}`, 'ms', rounds.subject.map((b) => Math.round(b.maxMs)), 'the-same-call-in-thread', rounds.baseline.map((b) => Math.round(b.maxMs)), '≤ 50 ms');
      const worst = (bs: Block[], k: keyof Block) => Math.max(...bs.map((b) => b[k]));
      figures.push({
        ...f,
        note: `p99 ${worst(rounds.subject, 'p99Ms').toFixed(0)} ms (in-thread ${worst(rounds.baseline, 'p99Ms').toFixed(0)} ms); call ${worst(rounds.subject, 'seconds').toFixed(2)} s off-thread vs ${worst(rounds.baseline, 'seconds').toFixed(2)} s in-thread (worst round)`,
      });
    }
    return figures;
  } finally {
    session.close();
    await runner.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
}
