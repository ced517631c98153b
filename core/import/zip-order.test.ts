// A workbook whose sheet comes before its shared strings table in the zip (as some tools save
// it): exceljs's streaming reader would park the sheet — a roster in clear text — in a temp
// file. The import reads it straight from the zip, in the order it needs, with the right values,
// and never touches the temp folder (pointed at a folder that does not exist: any use fails).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sqlColumn, tempDir } from '../../db/testing.ts';
import { initArchive } from '../archive.ts';
import type { Archive } from '../archive.ts';
import { importRoster } from './index.ts';
import { unzipParts, zipParts } from './testing/zip.ts';

const actor = { operator: '李会计', now: () => new Date('2026-11-24T08:00:00Z') };
let dir: string;
let archive: Archive;
let tmpBefore: string | undefined;
/** The roster with its sheets first and the shared strings, workbook and relationships last. */
let sheetFirst: Buffer;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['行政村', '户编号', '姓名', '证件号码', '与户主关系']);
  ws.addRow(['青山村', 'A001', '张三', '', '户主']);
  ws.addRow(['青山村', 'A001', '李四', '', '配偶']);
  ws.addRow(['绿水村', 'B002', '王五', '', '户主']);
  const parts = unzipParts(Buffer.from(await wb.xlsx.writeBuffer()));
  const sheets = parts.filter((p) => p.path.startsWith('xl/worksheets/'));
  const rest = parts.filter((p) => !p.path.startsWith('xl/worksheets/'));
  // Shared strings and the workbook at the very end: the worst order for a streaming reader.
  const late = (p: { path: string }) => /sharedStrings|workbook\.xml/.test(p.path);
  sheetFirst = zipParts([...sheets, ...rest.filter((p) => !late(p)), ...rest.filter(late)]);
  expect(parts.map((p) => p.path)).toContain('xl/sharedStrings.xml');
});
beforeEach(() => {
  dir = tempDir();
  archive = initArchive({ file: join(dir, 'a.db'), name: '青山镇', code: '513722101000', province: '四川省' }, actor);
  tmpBefore = process.env.TMPDIR;
  process.env.TMPDIR = join(dir, 'no-temp-folder');
});
afterEach(() => {
  if (tmpBefore === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = tmpBefore;
  archive.close();
});

describe('sheet before shared strings', () => {
  it('imports from a file and from bytes with the right values, using no temp file', async () => {
    const file = join(dir, 'roster.xlsx');
    writeFileSync(file, sheetFirst);
    const first = await importRoster(archive, actor, file);
    expect(first).toMatchObject({ applied: true, households: 2 });
    expect(sqlColumn(archive, 'SELECT name FROM members ORDER BY name')).toEqual(['张三', '李四', '王五'].sort());
    // The same bytes from the app's file picker: nothing new (same households), read just the same.
    const second = await importRoster(archive, actor, { name: 'roster.xlsx', bytes: sheetFirst });
    expect(second).toMatchObject({ applied: true });
    expect(sqlColumn(archive, 'SELECT name FROM members ORDER BY name')).toEqual(['张三', '李四', '王五'].sort());
    expect(existsSync(join(dir, 'no-temp-folder'))).toBe(false);
  });

  it('imports a workbook of inline strings (no shared strings table, as national exports) using no temp file', async () => {
    // exceljs waits for a shared strings table that never comes and would park every sheet on disk.
    const file = join(dir, 'inline.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['行政村', '户编号', '姓名', '证件号码', '与户主关系']).commit();
    ws.addRow(['青山村', 'A001', '张三', '', '户主']).commit();
    ws.commit();
    await wb.commit();
    expect(unzipParts(readFileSync(file)).map((p) => p.path)).not.toContain('xl/sharedStrings.xml');
    expect(await importRoster(archive, actor, file)).toMatchObject({ applied: true, households: 1 });
    expect(sqlColumn(archive, 'SELECT name FROM members')).toEqual(['张三']);
    expect(existsSync(join(dir, 'no-temp-folder'))).toBe(false);
  });
});
