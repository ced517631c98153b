// The rest of the editor's limits through the import (issue 13): number ranges, list lengths,
// members per household, zero-width characters — refused by row and column with the archive
// unchanged — and what the import makes or keeps in the editor's form (a generated 户编号 that
// passes the catalogue's pattern, an account number without spaces).
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveChecksum, rowsWhere, tempDir } from '../../db/testing.ts';
import { householdDraft } from '../../shared/api/households.ts';
import { HOUSEHOLD_FIELDS } from '../../shared/fields/index.ts';
import { valueLimitIssue } from '../../shared/fields/limits.ts';
import { initArchive } from '../archive.ts';
import type { Archive } from '../archive.ts';
import { ImportRefused, importRoster } from './index.ts';
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

const workbook = (header: string[], rows: unknown[][]): Promise<string> => writeRosterFile(join(dir, `${rows.length}-${header.length}.xlsx`), rows, header);

async function refused(file: string): Promise<{ row: number; column: string; message: string }[]> {
  const before = archiveChecksum(archive.sqlite);
  const err = await importRoster(archive, actor, file).then(() => null, (e: unknown) => e);
  expect(archiveChecksum(archive.sqlite)).toBe(before);
  expect(rowsWhere(archive.db, 'households')).toEqual([]);
  if (!(err instanceof ImportRefused)) throw err instanceof Error ? err : new Error('the import was not refused');
  return (err as { result: ImportResult }).result.problems.filter((p) => p.severity === 'error').map(({ row, column, message }) => ({ row, column, message }));
}

const HEADER = ['行政村', '户编号', '姓名', '证件号码', '与户主关系', '工资性收入', '耕地面积（亩）', '务工时间（月）', '其他致贫原因', '银行账号'];
const head = (no: string, extra: Partial<Record<'wage' | 'land' | 'months' | 'causes' | 'account' | 'name', unknown>> = {}) => [
  '青山村', no, extra.name ?? '张三', '', '户主', extra.wage ?? '', extra.land ?? '', extra.months ?? '', extra.causes ?? '', extra.account ?? '',
];

describe('numbers, lists and households beyond the editor limits', () => {
  it('refuses what the editor refuses, by row and column, where it only warned before', async () => {
    const errors = await refused(
      await workbook(HEADER, [
        head('A001', { wage: -500 }),
        head('A002', { land: -3 }),
        head('A003', { months: 13 }),
        head('A004', { causes: '缺技术、缺资金、因病' }),
        head('A005', { name: '王\u200B五' }),
      ]),
    );
    expect(errors).toEqual([
      { row: 2, column: '工资性收入', message: expect.stringMatching(/^工资性收入不能为负数：这一格写的是“-500”，请改正，然后重新导入。$/) as unknown },
      { row: 3, column: '耕地面积（亩）', message: expect.stringMatching(/^耕地面积不能为负数：这一格写的是“-3”/) as unknown },
      { row: 4, column: '务工时间（月）', message: expect.stringMatching(/^务工时间（月）应为0到12之间的整数：这一格写的是“13”/) as unknown },
      { row: 5, column: '其他致贫原因', message: expect.stringMatching(/^其他致贫原因最多选2项：这一格写的是“缺技术、缺资金、因病”，请只留下最主要的几项/) as unknown },
      { row: 6, column: '姓名', message: expect.stringMatching(/^姓名含有看不见的控制字符（U\+200B）.*“王\[U\+200B\]五”/) as unknown },
    ]);
  });

  it('refuses a household of more than 30 members at the 31st', async () => {
    const rows = [head('A001'), ...Array.from({ length: 30 }, (_, i) => ['青山村', 'A001', `成员${i + 1}`, '', '子', '', '', '', '', ''])];
    expect(await refused(await workbook(HEADER, rows))).toEqual([
      { row: 32, column: '姓名', message: '户编号A001有31人（第2行起），超过了一户最多30人的上限。请核实是否把几户写成了一户，分开户编号后重新导入。' },
    ]);
  });

  it('with --skip-rejected counts rows that belong to no household as rows', async () => {
    const file = await workbook(HEADER, [head('A001'), head(''), ['青山村', 'A003', '李四', '', '户主', -1, '', '', '', '']]);
    const r = await importRoster(archive, actor, file, { skipRejected: true });
    expect(r).toMatchObject({ applied: true, households: 1, rejected: 1 });
    expect(r.problems).toContainEqual(expect.objectContaining({ row: 0, message: expect.stringMatching(/^有 1 户和另外 1 行因上述问题没有导入/) as unknown }));
    expect(rowsWhere(archive.db, 'households').map((h) => h.no)).toEqual(['A001']);
  });
});

describe('values made or kept in the editor form', () => {
  it('generates 户编号 that pass the catalogue pattern, and keeps account numbers without spaces', async () => {
    const header = ['行政村', '姓名', '证件号码', '与户主关系', '银行账号'];
    await importRoster(archive, actor, await workbook(header, [['青山村', '张三', '', '户主', '6217 0012 3456 7890 123'], ['青山村', '李四', '', '户主', '']]));
    const households = rowsWhere(archive.db, 'households');
    const noField = HOUSEHOLD_FIELDS.find((f) => f.key === 'no')!;
    expect(households.map((h) => h.no)).toEqual(['DR000002', 'DR000003']);
    for (const h of households) expect(valueLimitIssue(noField, h.no)).toBeNull();
    expect(households.map((h) => h.bankAccount)).toEqual(['6217001234567890123', null]);
  });

  it('the save schema keeps an account number without spaces too', () => {
    const r = householdDraft.safeParse({ villageId: 'v', no: 'A001', bankAccount: ' 6217 0012 3456 7890 123 ', members: [{ name: '张三', relation: '户主' }] });
    expect(r.success && r.data.bankAccount).toBe('6217001234567890123');
  });
});
