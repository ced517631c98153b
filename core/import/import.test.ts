// Importing roster workbooks shaped like the national exports: the sample with its expected
// counts, other column names and header positions, every refusal leaving the archive exactly
// as it was, and warnings pointing at the right rows.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { householdByNo } from '../../db/repos/households.ts';
import { villageById } from '../../db/repos/villages.ts';
import { archiveChecksum, countRows, rowsWhere, sqlAll, tempDir } from '../../db/testing.ts';
import { initArchive } from '../archive.ts';
import type { Archive } from '../archive.ts';
import { ImportRefused, importRoster } from './index.ts';
import type { ImportResult } from './index.ts';
import { writeRosterFile } from './testing/book.ts';

const SAMPLE = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'sample-roster-2019.xlsx');
const EXPECT = JSON.parse(readFileSync(SAMPLE.replace(/\.xlsx$/, '.expect.json'), 'utf8')) as {
  villages: number;
  households: number;
  members: number;
  firstHousehold: { no: string; head: string; size: number; village: string };
};
const actor = { operator: '李会计', now: () => new Date('2026-11-24T08:00:00Z') };
let dir: string;
let archive: Archive;

/** The sample's rows as a matrix, to build variants from. */
async function sampleRows(): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1);
  });
  return rows;
}

const workbook = (name: string, rows: unknown[][]): Promise<string> => writeRosterFile(join(dir, name), rows);

async function refused(file: string): Promise<ImportResult> {
  const before = archiveChecksum(archive.sqlite);
  let err: unknown;
  try {
    await importRoster(archive, actor, file);
  } catch (e) {
    err = e;
  }
  expect(archiveChecksum(archive.sqlite)).toBe(before);
  if (err instanceof ImportRefused) return err.result;
  throw err;
}

const header = (rows: unknown[][]) => rows[2] as string[];
const col = (rows: unknown[][], label: string) => header(rows).indexOf(label);

beforeEach(() => {
  dir = tempDir();
  archive = initArchive({ file: join(dir, 'a.db'), name: '青山镇', code: '513722101000', province: '四川省' }, actor);
});
afterEach(() => archive.close());

describe('importing a national roster export', () => {
  it('imports the sample with the expected counts, header under the title rows', async () => {
    const r = await importRoster(archive, actor, SAMPLE);
    expect(r).toMatchObject({ applied: true, households: EXPECT.households, members: EXPECT.members });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(countRows(archive.db, 'villages')).toBe(EXPECT.villages);
    const f = EXPECT.firstHousehold;
    const h = householdByNo(archive.db, f.no)!;
    const ms = rowsWhere(archive.db, 'members', { householdId: h.id });
    expect({ village: villageById(archive.db, h.villageId)?.name, head: ms.find((m) => m.relation === '户主')?.name, size: ms.length }).toEqual({ village: f.village, head: f.head, size: f.size });
    expect(rowsWhere(archive.db, 'members', { name: f.head }).map((m) => ({ gender: m.gender, b: m.birthDate, i: m.nameInitials }))).toEqual([{ gender: '男', b: '1950-07-08', i: 'npj' }]);
    expect(sqlAll(archive, 'SELECT kind, file_name AS f, households AS h FROM imports_log')).toEqual([{ kind: 'xlsx', f: 'sample-roster-2019.xlsx', h: EXPECT.households }]);
  });

  it('reads other years’ column names and a header on the first row', async () => {
    const rows = (await sampleRows()).slice(2);
    const renamed = (rows[0] as string[]).map((h) => ({ 证件号码: '身份证号', 劳动技能: '劳动能力', 人数: '家庭人口数', 务工状况: '务工情况', 乡镇: '乡(镇)' })[h] ?? h);
    const file = await workbook('renamed.xlsx', [renamed, ...rows.slice(1).reverse()]);
    const r = await importRoster(archive, actor, file);
    expect(r).toMatchObject({ households: EXPECT.households, members: EXPECT.members });
    expect(rowsWhere(archive.db, 'members').filter((m) => m.labourAbility != null)).toHaveLength(EXPECT.members);
  });

  it('--dry-run reports without writing', async () => {
    const before = archiveChecksum(archive.sqlite);
    const r = await importRoster(archive, actor, SAMPLE, { dryRun: true });
    expect(r).toMatchObject({ applied: false, households: EXPECT.households });
    expect(archiveChecksum(archive.sqlite)).toBe(before);
  });

  it('refuses a file that is not a workbook', async () => {
    const file = join(dir, '花名册.xlsx');
    writeFileSync(file, 'this is a text file with an .xlsx name');
    const before = archiveChecksum(archive.sqlite);
    await expect(importRoster(archive, actor, file)).rejects.toThrow(/不是可以读取的 Excel 工作簿/);
    expect(archiveChecksum(archive.sqlite)).toBe(before);
  });

  it('refuses a missing file with a Chinese message', async () => {
    await expect(importRoster(archive, actor, join(dir, '没有这个文件.xlsx'))).rejects.toThrow(/找不到要导入的文件/);
  });

  it('refuses a workbook without a header row', async () => {
    const r = await refused(await workbook('noheader.xlsx', [['说明'], ['甲', '乙', '丙'], [1, 2, 3]]));
    expect(r.problems[0]).toMatchObject({ row: 0, severity: 'error', message: expect.stringMatching(/找不到表头行/) as unknown });
  });

  it('refuses when a required column is missing, naming it', async () => {
    const rows = await sampleRows();
    const drop = col(rows, '证件号码');
    const r = await refused(await workbook('noid.xlsx', rows.map((row, i) => (i < 2 ? row : row.filter((_, j) => j !== drop)))));
    expect(r.problems).toEqual([expect.objectContaining({ row: 3, severity: 'error', message: expect.stringMatching(/缺少必需的列“证件号码”/) as unknown })]);
  });

  it.each([
    ['no head', (rows: unknown[][]) => { rows[3]![col(rows, '与户主关系')] = '之子'; }, 4, /没有户主/],
    ['two heads', (rows: unknown[][]) => { rows[4]![col(rows, '与户主关系')] = '户主'; }, 5, /有2名户主/],
    ['one ID in two households', (rows: unknown[][]) => { rows[6]![col(rows, '证件号码')] = rows[3]![col(rows, '证件号码')]; }, 7, /同时出现在户编号5137220001000001/],
    ['a person twice', (rows: unknown[][]) => { rows.splice(5, 0, [...rows[4]!]); }, 6, /出现了两次/],
  ])('refuses %s, pointing at the row, and writes nothing', async (_name, mutate, row, message) => {
    const rows = await sampleRows();
    mutate(rows);
    const r = await refused(await workbook('bad.xlsx', rows));
    const errors = r.problems.filter((p) => p.severity === 'error');
    expect(errors).toContainEqual(expect.objectContaining({ sheet: '花名册', row, message: expect.stringMatching(message) as unknown }));
  });

  it('imports with warnings for a wrong check digit, an unknown label and disagreeing household values', async () => {
    const rows = await sampleRows();
    const id = String(rows[4]![col(rows, '证件号码')]);
    rows[4]![col(rows, '证件号码')] = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    rows[5]![col(rows, '健康状况')] = '亚健康';
    rows[5]![col(rows, '贫困户属性')] = '低保贫困户';
    const r = await importRoster(archive, actor, await workbook('warn.xlsx', rows));
    expect(r.applied).toBe(true);
    expect(r.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 5, column: '证件号码', severity: 'warning', message: expect.stringMatching(/校验位错误/) as unknown }),
        expect.objectContaining({ row: 6, column: '健康状况', severity: 'warning', message: expect.stringMatching(/“亚健康”不在健康状况的值列表中/) as unknown }),
        expect.objectContaining({ row: 6, column: '贫困户属性', severity: 'warning', message: expect.stringMatching(/前后不一致/) as unknown }),
      ]),
    );
    for (const p of r.problems) expect(p.message).not.toMatch(/\d{17}[\dX]/);
    expect(rowsWhere(archive.db, 'members', { health: '亚健康' })).toHaveLength(1);
  });

  it('reads real date cells in month and date columns (the streaming reader gives day numbers)', async () => {
    const rows = [
      ['户编号', '姓名', '证件号码', '与户主关系', '监测对象类别', '识别监测时间', '出生日期'],
      ['5137220001000001', '王五', '51372219800101001X', '户主', '边缘易致贫户', new Date(Date.UTC(2021, 2, 15)), null],
      ['5137220001000001', '王小', '', '之子', '边缘易致贫户', new Date(Date.UTC(2021, 2, 15)), new Date(Date.UTC(2010, 5, 1))],
    ];
    const r = await importRoster(archive, actor, await workbook('dates.xlsx', rows));
    expect(r.problems.filter((p) => /不是年月|不是日期/.test(p.message))).toEqual([]);
    expect(rowsWhere(archive.db, 'households')[0]?.monitoringStart).toBe('202103');
    expect(rowsWhere(archive.db, 'members', { name: '王小' })[0]?.birthDate).toBe('2010-06-01');
  });
});
