import { describe, expect, it } from 'vitest';
import type { JobView } from '../../shared/api/index.ts';
import { barFraction, canCancel, newJobId, progressLabel, runJob } from './import-job.ts';
import type { JobProgress, Timers } from './import-job.ts';

/** Timers run by hand: tick() fires the pending poll. */
function manualTimers() {
  let next: (() => void) | null = null;
  const timers: Timers = {
    set: (fn) => {
      next = fn;
      return fn;
    },
    clear: (h) => {
      if (next === h) next = null;
    },
  };
  return {
    timers,
    pending: () => next !== null,
    async tick() {
      const fn = next;
      next = null;
      fn?.();
      for (let i = 0; i < 10; i++) await Promise.resolve();
    },
  };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const view = (state: JobView['state'], label = '', fraction = 0): JobView => ({ id: 'imp-test01', state, label, fraction });

describe('a long call with progress and cancel', () => {
  it('makes job ids the API accepts', () => {
    expect(newJobId()).toMatch(/^imp-[a-z0-9]{12}$/);
    expect(newJobId(() => 0)).toBe('imp-000000000000');
  });

  it('polls the status while the call is pending, reports it, and stops when it settles', async () => {
    const t = manualTimers();
    const call = deferred<string>();
    const statuses = [view('unknown'), view('running', '读取文件', 0.3), view('running', '检查数据', 0.6)];
    const seen: JobProgress[] = [];
    const ids: string[] = [];
    const job = runJob({
      api: { status: (id) => (ids.push(id), Promise.resolve(statuses.shift() ?? view('done'))), cancel: () => Promise.resolve(view('running')) },
      kind: 'check',
      id: 'imp-test01',
      call: (id) => (ids.push(id), call.promise),
      onProgress: (p) => seen.push(p),
      timers: t.timers,
    });
    expect(seen).toEqual([{ label: '正在上传文件', fraction: 0, cancelling: false }]);
    await t.tick(); // unknown: nothing new
    await t.tick();
    await t.tick();
    expect(seen.slice(1).map((p) => `${p.label} ${p.fraction.toFixed(2)} ${p.cancelling}`)).toEqual(['读取文件 0.40 false', '检查数据 0.80 false']);
    expect(ids.every((i) => i === 'imp-test01')).toBe(true);
    expect(t.pending()).toBe(true);
    call.resolve('ok');
    await expect(job.result).resolves.toBe('ok');
    expect(t.pending()).toBe(false);
  });

  it('sends a cancel again until the archive has seen the job, and passes the refusal on', async () => {
    const t = manualTimers();
    const call = deferred<string>();
    const cancels: JobView['state'][] = ['unknown', 'running'];
    const sent: string[] = [];
    const statuses = [view('unknown'), view('running', '读取文件', 0.5)];
    const seen: JobProgress[] = [];
    const job = runJob({
      api: {
        status: () => Promise.resolve(statuses.shift() ?? view('running', '读取文件（正在取消…）', 0.5)),
        cancel: (id) => (sent.push(id), Promise.resolve(view(cancels.shift() ?? 'cancelled'))),
      },
      kind: 'apply',
      id: 'imp-test01',
      call: () => call.promise,
      onProgress: (p) => seen.push(p),
      timers: t.timers,
    });
    job.cancel();
    job.cancel(); // a second click sends nothing more
    await Promise.resolve();
    expect(sent).toHaveLength(1); // answered 'unknown': the upload is still going
    expect(seen.at(-1)).toMatchObject({ cancelling: true });
    await t.tick(); // status unknown → cancel again, now seen as running
    expect(sent).toHaveLength(2);
    await t.tick(); // running: reported, nothing more sent
    expect(sent).toHaveLength(2);
    expect(seen.at(-1)).toEqual({ label: '读取文件', fraction: 0.5, cancelling: true });
    call.reject(new Error('导入已取消，档案没有任何改动。'));
    await expect(job.result).rejects.toThrow('导入已取消，档案没有任何改动。');
    expect(t.pending()).toBe(false);
  });

  it('says the caller’s start words until the archive reports the job, also while cancelling', async () => {
    const t = manualTimers();
    const call = deferred<string>();
    const seen: JobProgress[] = [];
    const job = runJob({
      api: { status: () => Promise.resolve(view('unknown')), cancel: () => Promise.resolve(view('unknown')) },
      kind: 'whole',
      startLabel: '数据检查',
      call: () => call.promise,
      onProgress: (p) => seen.push(p),
      timers: t.timers,
    });
    job.cancel();
    await t.tick();
    expect(seen.map(progressLabel)).toEqual(['数据检查', '数据检查（正在取消…）']);
    call.resolve('ok');
    await job.result;
  });

  it('keeps polling through a lost status answer', async () => {
    const t = manualTimers();
    const call = deferred<string>();
    let n = 0;
    const seen: JobProgress[] = [];
    runJob({
      api: {
        status: () => (n++ === 0 ? Promise.reject(new Error('网络')) : Promise.resolve(view('running', '写入档案', 0.9))),
        cancel: () => Promise.resolve(view('running')),
      },
      kind: 'apply',
      call: () => call.promise,
      onProgress: (p) => seen.push(p),
      timers: t.timers,
    });
    await t.tick();
    expect(t.pending()).toBe(true);
    await t.tick();
    expect(seen.at(-1)).toEqual({ label: '写入档案', fraction: 0.9, cancelling: false });
    call.resolve('ok');
  });

  it('stretches the check’s part of the bar, words cancelling, and allows no cancel once writing', () => {
    expect(barFraction('check', 0.75)).toBe(1);
    expect(barFraction('check', 0.3)).toBeCloseTo(0.4);
    expect(barFraction('apply', 0.3)).toBe(0.3);
    expect(barFraction('apply', 1.2)).toBe(1);
    expect(canCancel({ label: '读取文件', fraction: 0.1, cancelling: false })).toBe(true);
    expect(canCancel({ label: '写入档案', fraction: 0.9, cancelling: false })).toBe(false);
    expect(canCancel({ label: '读取文件', fraction: 0.1, cancelling: true })).toBe(false);
    expect(progressLabel({ label: '读取文件', fraction: 0.1, cancelling: true })).toBe('读取文件（正在取消…）');
    expect(progressLabel({ label: '读取文件（正在取消…）', fraction: 0.1, cancelling: true })).toBe('读取文件（正在取消…）');
  });
});
