// Hostile cells (issue 13): what the household editor refuses to save, the import refuses too —
// each named by row and column, the archive left exactly as it was — or leaves out with
// --skip-rejected; and what it does take is exported as text, never as a formula.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowsWhere, tempDir } from '../../db/testing.ts';
import { initArchive } from '../archive.ts';
import type { Archive } from '../archive.ts';
import { exportRoster } from '../export.ts';
import { importRoster } from './index.ts';
import { importRefused } from './testing/refused.ts';
import type { ImportResult } from './index.ts';
import { writeRosterFile } from './testing/book.ts';

const actor = { operator: '李会计', now: () => new Date('2026-11-24T08:00:00Z') };
let dir: string;
let archive: Archive;

beforeEach(() => {
  dir = tempDir();
  archive = initArchive({ file: join(dir, 'a.db'), name: '青山镇', code: '513722101000', province: '四川省' }, actor);
});
afterEach(() => archive.close());

const HEADER = ['行政村', '户编号', '姓名', '证件号码', '与户主关系', '联系电话', '家庭住址'];
const row = (no: string, name: string, phone = '', address = '') => ['青山村', no, name, '', '户主', phone, address];

/** One clean household, then one per hostile value (rows 3…7 of the sheet). */
const ROWS = [
  row('A001', '张三', '13812345678', '青山村一组'),
  row('A002', '李'.repeat(10_000)),
  row('A003', '王'.repeat(21)),
  row('A004', '赵六', "=cmd|' /C calc'!A0"),
  row('A005', '钱\u202E七'),
  row('A006', '孙八', '', '青山村\t二组'),
];

const workbook = (name: string, rows: unknown[][]): Promise<string> => writeRosterFile(join(dir, name), rows, HEADER);

const refused = (file: string): Promise<ImportResult> => importRefused(archive, actor, file);

describe('cells beyond the catalogue limits', () => {
  it('refuses the file, naming each hostile cell by row and column, and writes nothing', async () => {
    const r = await refused(await workbook('hostile.xlsx', ROWS));
    const errors = r.problems.filter((p) => p.severity === 'error').map(({ row: n, column, message }) => ({ row: n, column, message }));
    expect(errors).toEqual([
      { row: 3, column: '姓名', message: expect.stringMatching(/^姓名不能超过20个字：这一格有10000个字，请删短.*重新导入。$/) as unknown },
      { row: 4, column: '姓名', message: expect.stringMatching(/^姓名不能超过20个字：这一格有21个字/) as unknown },
      { row: 5, column: '联系电话', message: expect.stringMatching(/^联系电话不能超过13个字/) as unknown },
      { row: 6, column: '姓名', message: expect.stringMatching(/^姓名含有看不见的控制字符（U\+202E）.*“钱\[U\+202E\]七”/) as unknown },
      { row: 7, column: '家庭住址', message: expect.stringMatching(/^住址含有看不见的控制字符（U\+0009）/) as unknown },
    ]);
    // A message shows the start of a long value, not all of it.
    for (const p of r.problems) expect(p.message.length).toBeLessThan(200);
    expect(rowsWhere(archive.db, 'households')).toEqual([]);
  });

  it('refuses a phone that is short enough but is no phone number', async () => {
    const r = await refused(await workbook('phone.xlsx', [row('A001', '张三', '=1+1')]));
    expect(r.problems).toContainEqual(expect.objectContaining({ row: 2, column: '联系电话', severity: 'error', message: expect.stringMatching(/^联系电话应为11位手机号或带区号的座机：这一格写的是“=1\+1”/) as unknown }));
  });

  it('with --skip-rejected stores only the clean household and counts the ones left out', async () => {
    const r = await importRoster(archive, actor, await workbook('hostile.xlsx', ROWS), { skipRejected: true });
    expect(r).toMatchObject({ applied: true, households: 1, rejected: 5 });
    expect(r.problems).toContainEqual(expect.objectContaining({ row: 0, message: expect.stringMatching(/^有 5 户因上述问题没有导入/) as unknown }));
    expect(rowsWhere(archive.db, 'households').map((h) => h.no)).toEqual(['A001']);
    expect(rowsWhere(archive.db, 'members').map((m) => m.name)).toEqual(['张三']);
  });

  it('exports what looks like a formula as text, never as a formula', async () => {
    await importRoster(archive, actor, await workbook('text.xlsx', [row('A001', '张三', '', '=HYPERLINK("http://x","点")'), row('A002', '+李四', '', '@SUM(1,2)')]));
    const out = join(dir, 'out.xlsx');
    await exportRoster(archive, out, { exportedOn: '2026-11-24' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const seen: unknown[] = [];
    wb.worksheets[0]!.eachRow((r) =>
      r.eachCell((c) => {
        expect(c.type, c.address).not.toBe(ExcelJS.ValueType.Formula);
        seen.push(c.value);
      }),
    );
    expect(seen).toEqual(expect.arrayContaining(['=HYPERLINK("http://x","点")', '+李四', '@SUM(1,2)']));
  });
});
