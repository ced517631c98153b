// The job runner of both shells: long endpoints go to a worker thread through the real dispatcher
// on a real archive file — progress phases seen under the job's id, a refusal in Chinese, a
// cancel that leaves the archive as it was (also when the thread has to be ended), writes seen by
// the main connection afterwards, two writing jobs one after the other (the second 排队中), and a
// damaged page met in the worker making the session read-only as it would on the main thread.
import { closeSync, openSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveChecksum, sqlGet, tempDir } from '../../db/testing.ts';
import type { Envelope } from '../../shared/api/index.ts';
import { fixedDayClock } from '../../shared/clock.ts';
import { createCoreDispatch } from '../api/index.ts';
import type { Dispatch } from '../api/dispatch.ts';
import { createSession } from '../session.ts';
import type { Session } from '../session.ts';
import { createTestArchive, TEST_OPERATOR } from '../testing.ts';
import { JobRunner } from './runner.ts';

const SAMPLE = readFileSync(join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'sample-roster-2019.xlsx')).toString('base64');
const upload = (jobId: string, dataBase64 = SAMPLE) => ({ fileName: '花名册.xlsx', dataBase64, year: 2019, jobId });

let session: Session;
let dispatch: Dispatch;
/** Ends a cancelled worker at once: the archive must still be as it was. */
let impatient: Dispatch;

const households = () => sqlGet<{ n: number }>(session.requireArchive(), 'SELECT count(*) AS n FROM households')!.n;
const checksum = () => archiveChecksum(session.requireArchive().sqlite);
const failure = (r: Envelope<unknown>) => (r.ok ? null : r.error);

/** Inverts 64 bytes in the middle of a page halfway through the file (as core/damage.test.ts does). */
/**
 * Damages every page but the first (the header and the schema's root), so whatever the worker
 * reads first is a damaged page — one page in the middle may belong to a table the job never reads.
 */
function flipPages(file: string): void {
  const pages = Math.floor(statSync(file).size / 4096);
  const fd = openSync(file, 'r+');
  const buf = Buffer.alloc(64);
  for (let p = 1; p < pages; p++) {
    const at = p * 4096 + 1500;
    readSync(fd, buf, 0, 64, at);
    for (let i = 0; i < buf.length; i++) buf[i] = buf[i]! ^ 0xff;
    writeSync(fd, buf, 0, 64, at);
  }
  closeSync(fd);
}

/** Resolves once the job is running in its worker (it has told its own name). */
async function started(jobId: string): Promise<void> {
  await expect.poll(() => session.jobs.status(jobId).label, { timeout: 30_000, interval: 5 }).not.toMatch(/^(正在启动|排队中)/);
}

beforeAll(async () => {
  session = createSession({ dataDir: tempDir(), clock: fixedDayClock('2026-11-24') });
  const archive = await createTestArchive({ file: join(session.dataDir, 'a.db'), name: '青山镇', code: '513722101000' });
  session.attach(archive, { name: TEST_OPERATOR, role: 'admin' });
  const log = (e: unknown) => {
    throw e;
  };
  dispatch = createCoreDispatch(session, log, new JobRunner());
  impatient = createCoreDispatch(session, log, new JobRunner({ graceMs: 0 }));
});
afterAll(() => session.close());

describe('long work on a worker thread', () => {
  it('checks a roster in a worker: its phases are seen, nothing is written', async () => {
    const before = checksum();
    const r = await dispatch('imports.check', upload('job-check1'));
    expect(r).toMatchObject({ ok: true, value: { households: 300, applied: false } });
    expect(session.jobs.phases('job-check1')).toEqual(expect.arrayContaining(['导入花名册', '读取文件', '检查数据']));
    expect(session.jobs.status('job-check1').state).toBe('done');
    expect(checksum()).toBe(before);
  });

  it('brings a refusal back in Chinese, with nothing written', async () => {
    const before = checksum();
    const r = await dispatch('imports.apply', upload('job-bad001', Buffer.from('not a workbook').toString('base64')));
    expect(failure(r)).toMatchObject({ kind: 'refused', message: expect.stringMatching(/[\u4e00-\u9fa5]{4}/) as unknown });
    expect(session.jobs.status('job-bad001').state).toBe('failed');
    expect(checksum()).toBe(before);
  });

  it('cancels a job in its worker, and when it must, ends the thread: the archive is unchanged either way', async () => {
    const before = checksum();
    for (const [d, jobId] of [
      [dispatch, 'job-cancel1'],
      [impatient, 'job-cancel2'],
    ] as const) {
      const run = d('imports.apply', upload(jobId));
      await started(jobId);
      session.jobs.cancel(jobId);
      const r = await run;
      expect(failure(r)?.message).toMatch(/已取消/);
      expect(session.jobs.status(jobId).state).toBe('cancelled');
    }
    expect(checksum()).toBe(before);
    expect(households()).toBe(0);
  });

  it('runs two writing jobs one after the other; the main connection sees what they wrote', async () => {
    const first = dispatch('imports.apply', upload('job-write1'));
    const second = dispatch('imports.apply', upload('job-write2'));
    expect(session.jobs.status('job-write2').label).toMatch(/^排队中/);
    const [a, b] = await Promise.all([first, second]);
    expect(a).toMatchObject({ ok: true, value: { applied: true, preview: { added: 300 } } });
    // The second read the archive after the first had written: the same roster changes nothing.
    expect(b).toMatchObject({ ok: true, value: { applied: true, preview: { added: 0 } } });
    expect(session.jobs.phases('job-write2')).toContain('写入档案');
    expect(households()).toBe(300);
  });

  it('keeps a read-only answer until the next write', async () => {
    const first = await dispatch('quality.check', { villageId: null, jobId: undefined });
    expect(first.ok).toBe(true);
    const again = await dispatch('quality.check', { villageId: null });
    expect(again).toEqual(first);
    expect([...session.cache.keys()].some((k) => k.startsWith('worker:quality.check:'))).toBe(true);
    // A write (here one that changes nothing) drops the kept answer: the next check runs again.
    const write = await dispatch('imports.apply', upload('job-keep'));
    expect(write.ok, JSON.stringify(write)).toBe(true);
    expect([...session.cache.keys()].some((k) => k.startsWith('worker:'))).toBe(false);
  });

  it('marks the session damaged when the worker meets a damaged page: writes are refused from then on', async () => {
    const archive = session.requireArchive();
    archive.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    flipPages(archive.file);
    const r = await dispatch('quality.check', { villageId: null });
    expect(failure(r)?.message).toMatch(/已损坏/);
    expect(session.damaged()).toMatch(/只能查看、不能修改/);
    const write = await dispatch('imports.apply', upload('job-after1'));
    // Refused on the shell's thread, before any worker (by the damage mark, or by the role check's
    // own read of the damaged file, whichever comes first): either way the archive says it is damaged.
    expect(failure(write)?.message).toMatch(/已损坏/);
    expect(session.damaged()).toMatch(/只能查看、不能修改/);
  });
});
