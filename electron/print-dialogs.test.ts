// The desktop shell as a product, with the fake Electron over the real core: the print bridge
// (the system dialog with printer choice; a batch silently to one printer, one job a household,
// a cancel stopping midway) and the file dialogs of the page (a filter per kind, a bare name
// proposed beside the archive, what is chosen then allowed, a cancel allowing nothing).
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCoreDispatch } from '../core/api/index.ts';
import { generateDemo } from '../core/demo/index.ts';
import { createSession } from '../core/session.ts';
import { TEST_PASSWORD } from '../core/testing.ts';
import type { PrintBatchView } from '../shared/api/print.ts';
import { fixedDayClock } from '../shared/clock.ts';
import { fakeElectron } from './fake-electron.ts';
import { PRINT_PARTITION } from './print.ts';
import { startApp, USER_DATA_FOLDER } from './startup.ts';

vi.mock('electron', () => {
  throw new Error('electron must not be imported by these tests');
});

const AS_OF = '2026-11-24';
const f = fakeElectron();
const archives = join(f.root, 'appData', USER_DATA_FOLDER, 'archives');
const archiveFile = join(archives, '青山镇.db');
let villageCode: string;
let householdNo: string;

const ok = async <T>(channel: string, input: unknown): Promise<T> => {
  const r = await f.invoke(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
};
const spool = () => (existsSync(join(archives, '.print')) ? readdirSync(join(archives, '.print')) : []);

beforeAll(async () => {
  // The archive is made beforehand with demo households, then opened by the app as the clerk would.
  mkdirSync(archives, { recursive: true });
  const maker = createSession({ dataDir: archives, clock: fixedDayClock(AS_OF) });
  const d = createCoreDispatch(maker);
  expect((await d('archive.create', { name: '青山镇', code: '511922101000', file: archiveFile, admin: { name: '测试', password: TEST_PASSWORD } })).ok).toBe(true);
  generateDemo(maker.requireArchive(), { villages: 2, households: 10, seed: 'electron-print', asOf: AS_OF, actor: maker.actor() });
  maker.close();

  startApp(f.electron, {});
  await new Promise((r) => setTimeout(r, 0));
  await ok('archive.open', { file: archiveFile });
  await ok('archive.login', { name: '测试', password: TEST_PASSWORD });
  villageCode = (await ok<{ code: string }[]>('villages.list', {}))[0]!.code;
  householdNo = (await ok<{ items: { no: string; status: string }[] }>('households.list', { limit: 50 })).items[0]!.no;
});
afterAll(() => {
  f.appOn.get('will-quit')?.();
  rmSync(f.root, { recursive: true, force: true });
});

const printWindows = () => f.windows.filter((w) => w.options.webPreferences?.partition === PRINT_PARTITION);

describe('print bridge', () => {
  it('lists the machine’s printers for the clerk to pick', async () => {
    expect(await ok('print.printers', {})).toEqual([{ name: 'HP_LaserJet_1020', displayName: 'HP LaserJet 1020', description: '办公室' }]);
  });

  it('prints a document through the system dialog (printer chosen there), from a hidden window of its own', async () => {
    f.prints.length = 0;
    const r = await ok<{ printed: boolean; pages: number }>('print.document', { kind: 'enrollment', scope: { householdNo }, asOf: AS_OF });
    expect(r.printed).toBe(true);
    expect(f.prints).toHaveLength(1);
    expect(f.prints[0]!.options).toEqual({ silent: false, printBackground: true });
    const w = f.prints[0]!.window;
    expect(w.options).toMatchObject({ show: false, webPreferences: { partition: PRINT_PARTITION, sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(w.options.webPreferences?.preload).toBeUndefined();
    // It loaded the rendered PDF from the data folder; the file and the window are gone afterwards.
    expect(dirname(fileURLToPath(w.url!))).toBe(join(archives, '.print'));
    expect(w.destroyed).toBe(true);
    expect(spool()).toEqual([]);
  });

  it('a dialog closed without printing answers printed: false, not an error', async () => {
    f.setPrintOutcome(() => [false, 'Print job canceled']);
    expect(await ok('print.document', { kind: 'card', scope: { villageCode }, asOf: AS_OF })).toMatchObject({ printed: false });
    f.setPrintOutcome(() => [true, '']);
  });

  it('prints a village one household at a time to the chosen printer: silent, no dialog each', async () => {
    f.prints.length = 0;
    const dialogsBefore = f.dialogCalls.length;
    const v = await ok<PrintBatchView>('print.households', { kind: 'enrollment', scope: { villageCode }, asOf: AS_OF, deviceName: 'HP_LaserJet_1020', jobId: 'batch-print-1' });
    expect(v.printed).toBe(v.total);
    expect(v.total).toBeGreaterThan(1);
    expect(f.prints).toHaveLength(v.printed);
    for (const p of f.prints) expect(p.options).toEqual({ silent: true, deviceName: 'HP_LaserJet_1020', printBackground: true });
    // One window per household, each with its own file, all closed.
    expect(new Set(f.prints.map((p) => p.window.url)).size).toBe(v.printed);
    expect(f.prints.every((p) => p.window.destroyed)).toBe(true);
    expect(f.dialogCalls.length).toBe(dialogsBefore);
    expect(f.messageBoxes()).toBe(0);
    expect(spool()).toEqual([]);
  });

  it('a cancel midway stops before the next household and says how many were printed', async () => {
    f.prints.length = 0;
    f.setPrintOutcome((n) => {
      if (n === 2) void f.invoke('jobs.cancel', { id: 'batch-print-2' });
      return [true, ''];
    });
    const r = await f.invoke('print.households', { kind: 'enrollment', scope: { villageCode }, asOf: AS_OF, deviceName: 'HP_LaserJet_1020', jobId: 'batch-print-2' });
    f.setPrintOutcome(() => [true, '']);
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^已取消打印：已送往打印机 2 户，其余 \d+ 户没有打印。$/) as unknown } });
    expect(f.prints).toHaveLength(2);
    expect(printWindows().every((w) => w.destroyed)).toBe(true);
    expect(spool()).toEqual([]);
  });

  it('a printer failing a silent job stops the batch with a Chinese message naming it', async () => {
    f.setPrintOutcome(() => [false, 'Printer offline']);
    const r = await f.invoke('print.households', { kind: 'enrollment', scope: { villageCode }, asOf: AS_OF, deviceName: 'HP_LaserJet_1020' });
    f.setPrintOutcome(() => [true, '']);
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^打印机“HP_LaserJet_1020”没有接受户\d+的入户登记表：已送往打印机 0 户/) as unknown } });
    expect(spool()).toEqual([]);
  });
});

describe('file dialogs of the page', () => {
  const choose = (input: Record<string, unknown>) => ok<{ path: string | null }>('files.choose', { title: '保存到', ...input });

  it('a save proposes a bare name beside the archive, with the filter of its format first; what is chosen may be written', async () => {
    const out = join(f.root, '别处', '花名册.xlsx');
    mkdirSync(dirname(out), { recursive: true });
    f.dialogAnswers.push(out);
    expect(await choose({ mode: 'save', kind: 'document', defaultPath: '花名册.xlsx' })).toEqual({ path: out });
    const call = f.dialogCalls.at(-1)!;
    expect(call.kind).toBe('save');
    expect(call.options.defaultPath).toBe(join(dirname(archiveFile), '花名册.xlsx'));
    expect(call.options.filters![0]).toEqual({ name: 'Excel 表格', extensions: ['xlsx'] });
    // Chosen in the dialog, so the document may be written there (outside the app's folders: the guard would otherwise refuse it).
    expect(await ok('documents.render', { kind: 'roster', format: 'xlsx', scope: { villageCode }, asOf: AS_OF, out })).toMatchObject({ file: out });
  });

  it('a full path is proposed as given; nothing proposed opens the archive’s folder', async () => {
    f.dialogAnswers.push(null);
    await choose({ mode: 'open', kind: 'package', defaultPath: '/媒体/U盘/县里.fpkg' });
    expect(f.dialogCalls.at(-1)!.options.defaultPath).toBe('/媒体/U盘/县里.fpkg');
    f.dialogAnswers.push(null);
    await choose({ mode: 'open', kind: 'backup', defaultPath: '' });
    expect(f.dialogCalls.at(-1)!.options).toMatchObject({ defaultPath: dirname(archiveFile), filters: [{ name: '扶贫档案备份', extensions: ['db'] }, { name: '所有文件', extensions: ['*'] }] });
  });

  it.each([
    ['workbook', 'xlsx'],
    ['package', 'fpkg'],
    ['public-key', 'json'],
    ['key-export', 'age'],
    ['document', 'pdf'],
  ])('%s: its own filter', async (kind, ext) => {
    f.dialogAnswers.push(null);
    await choose({ mode: 'open', kind, defaultPath: '' });
    expect(f.dialogCalls.at(-1)!.options.filters![0]!.extensions).toEqual([ext]);
  });

  it('a cancelled dialog allows nothing: writing there is still refused', async () => {
    const out = join(f.root, '别处', '取消了.pdf');
    f.dialogAnswers.push(null);
    expect(await choose({ mode: 'save', kind: 'document', defaultPath: out })).toEqual({ path: null });
    const r = await f.invoke('documents.render', { kind: 'roster', scope: { villageCode }, asOf: AS_OF, out });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^不能保存到这个位置/) as unknown } });
    expect(existsSync(out)).toBe(false);
  });
});
