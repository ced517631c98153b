// The print bridge's core half, with a fake printer standing in for Electron's: the system
// dialog gets the whole document; a batch is one silent job per household to the one printer
// chosen; a cancel midway stops before the next household and says how many were printed; the
// files handed to the printer are gone afterwards and the archive is unchanged; without a
// printer (the browser shell) the clerk is told to use the preview frame.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveChecksum, tempDir } from '../../db/testing.ts';
import type { PrintBatchView, PrinterView, PrintView } from '../../shared/api/print.ts';
import { fixedDayClock } from '../../shared/clock.ts';
import { createCoreDispatch } from '../api/index.ts';
import type { Dispatch } from '../api/dispatch.ts';
import { generateDemo } from '../demo/index.ts';
import { createSession } from '../session.ts';
import type { Session } from '../session.ts';
import { TEST_PASSWORD } from '../testing.ts';
import type { Printer } from './print.ts';
import { NO_PRINTER_MESSAGE, setPrinter } from './print.ts';
import { TEST_AS_OF } from './testing.ts';

interface Sent {
  deviceName: string | null;
  title: string;
  pdf: boolean;
}

let session: Session;
let dispatch: Dispatch;
let villageCode: string;
const sent: Sent[] = [];
/** What the fake printer does on each call (default: prints). */
let onPrint: (n: number) => boolean = () => true;

const fakePrinter: Printer = {
  printers: () => Promise.resolve([{ name: 'HP_LaserJet', displayName: 'HP LaserJet 1020', description: '' }]),
  print: (file, opts) => {
    // The file exists while the printer has it, and is a PDF.
    sent.push({ ...opts, pdf: readFileSync(file).subarray(0, 5).toString() === '%PDF-' });
    return Promise.resolve(onPrint(sent.length));
  },
};

const spool = () => (existsSync(join(session.dataDir, '.print')) ? readdirSync(join(session.dataDir, '.print')) : []);

beforeAll(async () => {
  const dataDir = tempDir('print-');
  session = createSession({ dataDir, clock: fixedDayClock(TEST_AS_OF) });
  dispatch = createCoreDispatch(session);
  expect((await dispatch('archive.create', { name: '青山镇', code: '511922101000', county: '示例县', file: join(dataDir, 'a.db'), admin: { name: '测试', password: TEST_PASSWORD } })).ok).toBe(true);
  generateDemo(session.requireArchive(), { villages: 2, households: 12, seed: 'print', asOf: TEST_AS_OF, actor: session.actor() });
  const villages = await dispatch('villages.list', {});
  if (!villages.ok) throw new Error(villages.error.message);
  villageCode = (villages.value as { code: string }[])[0]!.code;
});
afterAll(() => session.close());

describe('printing through the shell’s printer', () => {
  it('without a printer (the browser shell) says to print from the preview, and nothing is rendered', async () => {
    const r = await dispatch('print.printers', {});
    expect(r).toMatchObject({ ok: false, error: { message: NO_PRINTER_MESSAGE } });
    const d = await dispatch('print.document', { kind: 'card', asOf: TEST_AS_OF });
    expect(d).toMatchObject({ ok: false, error: { message: NO_PRINTER_MESSAGE } });
    expect(spool()).toEqual([]);
  });

  it('lists the printers, and prints a whole document through the system dialog (printer chosen there)', async () => {
    // A document a crash left mid-print is gone once the shell has its printer again.
    mkdirSync(join(session.dataDir, '.print'), { recursive: true });
    writeFileSync(join(session.dataDir, '.print', '明白卡-崩溃前.pdf'), '%PDF-1.7');
    setPrinter(session, fakePrinter);
    expect(existsSync(join(session.dataDir, '.print'))).toBe(false);
    expect(await dispatch('print.printers', {})).toMatchObject({ ok: true, value: [{ name: 'HP_LaserJet', displayName: 'HP LaserJet 1020', description: '' }] satisfies PrinterView[] });
    sent.length = 0;
    const r = await dispatch('print.document', { kind: 'roster', scope: { villageCode }, asOf: TEST_AS_OF, jobId: 'print-dialog-1' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value as PrintView).toMatchObject({ printed: true, title: expect.stringMatching(/花名册/) as unknown });
    expect(sent).toEqual([{ deviceName: null, title: (r.value as PrintView).title, pdf: true }]);
    expect(spool()).toEqual([]);
  });

  it('a dialog closed without printing is not an error: printed false', async () => {
    onPrint = () => false;
    const r = await dispatch('print.document', { kind: 'card', asOf: TEST_AS_OF });
    expect(r).toMatchObject({ ok: true, value: { printed: false } });
    onPrint = () => true;
  });

  it('refuses an Excel document before rendering anything', async () => {
    const r = await dispatch('print.document', { kind: 'roster', format: 'xlsx', asOf: TEST_AS_OF });
    expect(r).toMatchObject({ ok: false, error: { kind: 'usage', message: expect.stringMatching(/只能打印 PDF/) as unknown } });
  });

  it('prints a village’s cards one household at a time, silently, all to the chosen printer', async () => {
    sent.length = 0;
    const before = archiveChecksum(session.requireArchive().sqlite);
    const r = await dispatch('print.households', { kind: 'card', scope: { villageCode }, asOf: TEST_AS_OF, deviceName: 'HP_LaserJet', jobId: 'print-batch-1' });
    if (!r.ok) throw new Error(r.error.message);
    const v = r.value as PrintBatchView;
    expect(v.printed).toBeGreaterThan(1);
    expect(v.printed + v.notCovered + v.failed.length).toBe(v.total);
    expect(v.failed).toEqual([]);
    expect(sent).toHaveLength(v.printed);
    for (const s of sent) expect(s).toMatchObject({ deviceName: 'HP_LaserJet', pdf: true, title: expect.stringMatching(/^明白卡 户\d+/) as unknown });
    expect(new Set(sent.map((s) => s.title)).size).toBe(sent.length);
    expect(session.jobs.phases('print-batch-1')[0]).toBe('逐户打印明白卡');
    expect(spool()).toEqual([]);
    expect(archiveChecksum(session.requireArchive().sqlite)).toBe(before);
  });

  it('a cancel midway stops before the next household and says how many went to the printer', async () => {
    sent.length = 0;
    onPrint = (n) => {
      if (n === 2) session.jobs.cancel('print-batch-2');
      return true;
    };
    const r = await dispatch('print.households', { kind: 'enrollment', scope: { villageCode }, asOf: TEST_AS_OF, deviceName: 'HP_LaserJet', jobId: 'print-batch-2' });
    onPrint = () => true;
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^已取消打印：已送往打印机 2 户，其余 \d+ 户没有打印。$/) as unknown } });
    expect(sent).toHaveLength(2);
    expect((await dispatch('jobs.status', { id: 'print-batch-2' })).ok && session.jobs.status('print-batch-2').state).toBe('cancelled');
    expect(spool()).toEqual([]);
  });

  it('a printer that refuses a household stops the batch with what was printed', async () => {
    sent.length = 0;
    onPrint = (n) => n < 3;
    const r = await dispatch('print.households', { kind: 'enrollment', scope: { villageCode }, asOf: TEST_AS_OF, deviceName: 'HP_LaserJet' });
    onPrint = () => true;
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^打印机“HP_LaserJet”没有接受户\d+的入户登记表：已送往打印机 2 户。请检查打印机/) as unknown } });
    expect(spool()).toEqual([]);
  });

  it('refuses a document that is not one per household, and a batch without a printer chosen', async () => {
    expect(await dispatch('print.households', { kind: 'roster', asOf: TEST_AS_OF, deviceName: 'HP_LaserJet' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/不是按户的文档/) as unknown },
    });
    expect(await dispatch('print.households', { kind: 'card', asOf: TEST_AS_OF, deviceName: ' ' })).toMatchObject({
      ok: false,
      error: { kind: 'usage', message: expect.stringMatching(/请先选择打印机/) as unknown },
    });
  });
});
