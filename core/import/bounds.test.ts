// Bounded import (issue 13): a workbook whose zip entries declare more than the limits is refused
// from its central directory, before anything is expanded; one whose declared sizes lie is
// stopped while it expands. Both with a message naming the limit, the archive unchanged and no
// file left behind.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { archiveChecksum, rowsWhere, tempDir } from '../../db/testing.ts';
import { initArchive } from '../archive.ts';
import type { Archive } from '../archive.ts';
import { UserError } from '../../shared/errors.ts';
import { WORKBOOK_LIMITS, centralDirectory } from './bounds.ts';
import { importRoster } from './index.ts';
import { unzipParts, zipParts } from './testing/zip.ts';
import type { Part } from './testing/zip.ts';

const actor = { operator: '李会计', now: () => new Date('2026-11-24T08:00:00Z') };
let dir: string;
let archive: Archive;
/** A small clean roster, as exceljs writes it (with a shared strings table). */
let parts: Part[];

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['行政村', '户编号', '姓名', '证件号码', '与户主关系']);
  ws.addRow(['青山村', 'A001', '张三', '', '户主']);
  parts = unzipParts(Buffer.from(await wb.xlsx.writeBuffer()));
});
beforeEach(() => {
  dir = tempDir();
  archive = initArchive({ file: join(dir, 'a.db'), name: '青山镇', code: '513722101000', province: '四川省' }, actor);
});
afterEach(() => archive.close());

/** Parts with one changed (or added, when absent). */
function withPart(path: string, change: Partial<Part>): Part[] {
  const out = parts.map((p) => (p.path === path ? { ...p, ...change } : p));
  if (!out.some((p) => p.path === path)) out.push({ path, data: Buffer.alloc(0), ...change });
  return out;
}

async function refusedWith(bytes: Buffer, message: RegExp): Promise<void> {
  const file = join(dir, 'big.xlsx');
  writeFileSync(file, bytes);
  const before = archiveChecksum(archive.sqlite);
  for (const source of [file, { name: 'big.xlsx', bytes }]) {
    const err = await importRoster(archive, actor, source).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toMatch(/档案没有任何改动/);
  }
  expect(archiveChecksum(archive.sqlite)).toBe(before);
  expect(rowsWhere(archive.db, 'households')).toEqual([]);
  expect(readdirSync(dir).sort()).toEqual(['a.db', 'big.xlsx'].concat(readdirSync(dir).filter((f) => f.startsWith('a.db-'))).sort());
}

describe('workbook size limits', () => {
  it('reads the clean roster made of the same parts (the helper itself is sound)', async () => {
    const r = await importRoster(archive, actor, { name: 'ok.xlsx', bytes: zipParts(parts) });
    expect(r).toMatchObject({ applied: true, households: 1 });
  });

  it('refuses, before expanding it, a shared strings table declared at 1.5 GB', async () => {
    // The data is small: only the declared size is huge, so only the central directory can tell.
    const bytes = zipParts(withPart('xl/sharedStrings.xml', { declare: 1536 * 2 ** 20 }));
    expect(centralDirectory((at, n) => bytes.subarray(at, at + n), bytes.length)?.find((e) => e.path === 'xl/sharedStrings.xml')?.size).toBe(1536 * 2 ** 20);
    await refusedWith(bytes, /^“big\.xlsx”不能导入：共享字符串表（xl\/sharedStrings\.xml）解压后有 1,536 MB，超过了 150 MB 的上限。请把花名册按行政村分成几个较小的文件，分别导入/);
  });

  it('refuses a part that expands a thousandfold (a zip bomb), from its declared sizes', async () => {
    const bomb = Buffer.alloc(WORKBOOK_LIMITS.ratioFrom + 2 ** 20, 0x20);
    await refusedWith(zipParts(withPart('xl/worksheets/sheet2.xml', { data: bomb })), /工作表（xl\/worksheets\/sheet2\.xml）的压缩比约为 1:\d{3,}，超过了 1:200 的上限/);
  });

  it('refuses a workbook of too many parts', async () => {
    const many = [...parts, ...Array.from({ length: WORKBOOK_LIMITS.entries }, (_, i) => ({ path: `docProps/x${i}.xml`, data: Buffer.from('<x/>') }))];
    await refusedWith(zipParts(many), /工作簿里有 10\d\d 个部件，超过了 1000 个的上限/);
  });

  it('stops a part whose declared size lies while it expands', async () => {
    // 25 MB of styles declared as 1 KB: the central directory passes it, the count while expanding does not.
    const styles = Buffer.alloc(WORKBOOK_LIMITS.otherBytes + 5 * 2 ** 20, 0x20);
    await refusedWith(zipParts(withPart('xl/styles.xml', { data: styles, declare: 1024 })), /文件内的“xl\/styles\.xml”解压后超过了 20 MB 的上限（与文件里写的大小不符）。请把花名册按行政村分成/);
  });
});
