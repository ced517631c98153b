// The app's import path: uploaded bytes, checked (nothing written, preview and problems), the
// column matching corrected by the clerk and remembered, rejected rows returned as a workbook,
// progress polled and cancel honoured through the jobs registry.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveChecksum, rowsWhere, tempDir } from '../../db/testing.ts';
import { initArchive } from '../archive.ts';
import type { Archive } from '../archive.ts';
import { Jobs } from '../jobs.ts';
import { applyUpload, checkUpload, importableColumns } from './upload.ts';

const SAMPLE = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'sample-roster-2019.xlsx');
const actor = { operator: '李会计', now: () => new Date('2026-11-24T08:00:00Z') };
let archive: Archive;
let jobs: Jobs;
const upload = (bytes: Buffer, extra: { mapping?: Record<string, string | null>; jobId?: string } = {}) => ({
  fileName: '花名册.xlsx',
  dataBase64: bytes.toString('base64'),
  mapping: extra.mapping ?? null,
  year: null,
  jobId: extra.jobId ?? null,
  skipRejected: false,
});
const apply = (bytes: Buffer, extra: Parameters<typeof upload>[1] = {}, more: { skipRejected?: boolean } = {}) =>
  applyUpload(archive, actor, jobs, { ...upload(bytes, extra), year: 2019, removeMissing: false, skipRejected: more.skipRejected ?? false, planStamp: null });

/** The sample with its header cells renamed (as another province would write them). */
async function renamed(rename: Record<string, string>, edit?: (rows: unknown[][]) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const ws = wb.worksheets[0]!;
  ws.getRow(3).eachCell((c) => {
    const v = typeof c.value === 'string' ? c.value : '';
    if (rename[v]) c.value = rename[v];
  });
  if (edit) {
    const rows: unknown[][] = [];
    ws.eachRow((row, n) => (rows[n - 1] = (row.values as unknown[]).slice(1)));
    edit(rows);
    const out = new ExcelJS.Workbook();
    const sheet = out.addWorksheet('花名册');
    for (const r of rows) sheet.addRow(r ?? []);
    return Buffer.from(await out.xlsx.writeBuffer());
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeEach(() => {
  archive = initArchive({ file: join(tempDir(), 'a.db'), name: '青山镇', code: '513722101000' }, actor);
  jobs = new Jobs();
});
afterEach(() => archive.close());

describe('importing from the app (uploaded bytes)', () => {
  it('checks without writing (with a preview), then imports', async () => {
    const before = archiveChecksum(archive.sqlite);
    const checked = await checkUpload(archive, actor, jobs, upload(readFileSync(SAMPLE)));
    expect(checked).toMatchObject({ fileName: '花名册.xlsx', refused: false, applied: false, households: 300, members: 1078, preview: { added: 300, updated: 0 } });
    expect(checked.columns.find((c) => c.header === '证件号码')).toMatchObject({ key: 'idNumber', auto: 'idNumber' });
    expect(archiveChecksum(archive.sqlite)).toBe(before);
    const applied = await apply(readFileSync(SAMPLE));
    expect(applied).toMatchObject({ applied: true, households: 300 });
    expect([...new Set(rowsWhere(archive.db, 'statusHistory').map((r) => r.year))]).toEqual([2019]);
  });

  it('refuses a file whose columns it cannot match, then imports it with the clerk’s matching — remembered next time', async () => {
    const bytes = await renamed({ 证件号码: '公民身份证', 与户主关系: '家庭角色' });
    const before = archiveChecksum(archive.sqlite);
    const first = await checkUpload(archive, actor, jobs, upload(bytes));
    expect(first.refused).toBe(true);
    expect(first.problems.map((p) => p.message).join()).toMatch(/缺少必需的列“证件号码”/);
    expect(first.columns.find((c) => c.header === '公民身份证')).toMatchObject({ key: null, auto: null });
    const mapping = { 公民身份证: 'idNumber', 家庭角色: 'relation' };
    await expect(apply(bytes, { mapping: {} })).resolves.toMatchObject({ refused: true, applied: false });
    expect(archiveChecksum(archive.sqlite)).toBe(before);
    expect(await apply(bytes, { mapping })).toMatchObject({ applied: true, members: 1078 });
    // The same header again, without a mapping: the clerk's matching is used.
    const again = await checkUpload(archive, actor, jobs, upload(bytes));
    expect(again).toMatchObject({ refused: false, preview: { added: 0, unchanged: 300 } });
    expect(again.columns.find((c) => c.header === '家庭角色')).toMatchObject({ key: 'relation', auto: null });
  });

  it('returns the rows with errors as a workbook to fix, and imports the rest only when asked', async () => {
    const bytes = await renamed({}, (rows) => {
      rows[4]![11] = '户主'; // a second 户主 in the first household (relation is column 12)
    });
    const before = archiveChecksum(archive.sqlite);
    const refused = await apply(bytes);
    expect(refused.refused).toBe(true);
    expect(archiveChecksum(archive.sqlite)).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(refused.rejectedBase64!, 'base64') as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(4); // header + the household's 3 rows
    expect(ws.getRow(1).getCell(27).value).toBe('问题说明');
    expect(ws.getRow(3).getCell(27).text).toMatch(/【须改正】与户主关系：户编号5137220001000001有2名户主/);
    const previewed = await checkUpload(archive, actor, jobs, { ...upload(bytes), skipRejected: true });
    expect(previewed).toMatchObject({ refused: false, rejected: 1, preview: { added: 299 } });
    expect(previewed.preview!.addedList[0]).toMatchObject({ head: expect.any(String) as unknown, village: expect.any(String) as unknown });
    expect(archiveChecksum(archive.sqlite)).toBe(before);
    const partial = await apply(bytes, {}, { skipRejected: true });
    expect(partial).toMatchObject({ applied: true, households: 299, rejected: 1 });
    expect(rowsWhere(archive.db, 'households', { no: '5137220001000001' })).toHaveLength(0);
  });

  it('reports progress under the job id while it works, and a cancel leaves the archive unchanged', async () => {
    const seen: number[] = [];
    const poll = setInterval(() => seen.push(jobs.status('job-progress').fraction), 1);
    await apply(readFileSync(SAMPLE), { jobId: 'job-progress' });
    clearInterval(poll);
    expect(jobs.status('job-progress')).toMatchObject({ state: 'done', fraction: 1 });
    expect(seen.some((f) => f > 0 && f < 1)).toBe(true);

    const before = archiveChecksum(archive.sqlite);
    const pending = apply(readFileSync(SAMPLE), { jobId: 'job-cancel' });
    expect(jobs.cancel('job-cancel').state).toBe('running');
    await expect(pending).rejects.toThrow(/导入已取消，档案没有任何改动/);
    expect(jobs.status('job-cancel').state).toBe('cancelled');
    expect(archiveChecksum(archive.sqlite)).toBe(before);
  });

  it('lists the importable columns for the matching screen, the required ones marked', () => {
    const cols = importableColumns();
    expect(cols.filter((c) => c.required).map((c) => c.label)).toEqual(['姓名', '证件号码', '与户主关系']);
    expect(cols.map((c) => c.label)).toEqual(expect.arrayContaining(['户编号', '风险消除方式', '工资性收入', '危房级别']));
  });
});
