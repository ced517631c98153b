// Roster workbooks shaped the way clerks' files really come (xplimport): a two-level header,
// ID numbers Excel turned into numbers, totals and signature lines under the table, money and
// years written by hand, TRUE/FALSE cells — and files that are no workbook at all, each refused
// with what it is and what to do, the archive unchanged. One small roster, built here.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { archiveChecksum, rowsWhere, tempDir } from '../../db/testing.ts';
import { makeIdNumber } from '../../shared/id-number.ts';
import { initArchive } from '../archive.ts';
import type { Archive } from '../archive.ts';
import { columnFor } from './columns.ts';
import { fileKind } from './file-kind.ts';
import { importRoster } from './index.ts';
import { importRefused } from './testing/refused.ts';
import type { ImportResult } from './index.ts';

const actor = { operator: '李会计', now: () => new Date('2026-11-24T08:00:00Z') };
const HEAD = ['户编号', '行政村', '姓名', '证件号码', '与户主关系', '是否参加新型农村合作医疗', '脱贫年度', '工资性收入', '生产经营性支出'];
const ids = [makeIdNumber('513722', '1960-03-04', 11, '男'), makeIdNumber('513722', '1962-05-06', 12, '女'), makeIdNumber('513722', '1970-07-08', 21, '女'), makeIdNumber('513722', '1995-09-10', 2, '男')];
/** Two households, four people: as a national export writes them (all text). */
const ROWS: ExcelJS.CellValue[][] = [
  ['5137220001000001', '青龙村', '张大山', ids[0]!, '户主', '是', '2019', '12000', '800'],
  ['5137220001000001', '青龙村', '李秀英', ids[1]!, '配偶', '是', '2019', '12000', '800'],
  ['5137220001000002', '青龙村', '王桂芳', ids[2]!, '户主', '否', '2020', '6000', '0'],
  ['5137220001000002', '青龙村', '王小军', ids[3]!, '之子', '否', '2020', '6000', '0'],
];

let dir: string;
let archive: Archive;
beforeAll(() => {
  dir = tempDir();
});
beforeEach(() => {
  archive?.close();
  archive = initArchive({ file: join(dir, `a-${Math.random().toString(36).slice(2)}.db`), name: '青山镇', code: '513722101000', province: '四川省' }, actor);
});
afterAll(() => archive.close());

/** Writes a one-sheet workbook: `build` fills the sheet. */
async function book(name: string, build: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('花名册'));
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** Title, header, the rows with `cell(row, column)` changed where it returns something. */
const roster = (name: string, cell: (r: number, label: string, v: ExcelJS.CellValue) => ExcelJS.CellValue = (_r, _l, v) => v, extra: (ws: ExcelJS.Worksheet) => void = () => undefined) =>
  book(name, (ws) => {
    ws.addRow(['某某县青山镇建档立卡贫困户花名册']);
    ws.addRow(HEAD);
    ROWS.forEach((row, r) => ws.addRow(row.map((v, j) => cell(r, HEAD[j]!, v))));
    extra(ws);
  });

const refused = (file: string): Promise<ImportResult> => importRefused(archive, actor, file);

const members = () => rowsWhere(archive.db, 'members').map((m) => ({ name: m.name, id: m.idNumber, insured: m.medicalInsurance }));
const households = () => rowsWhere(archive.db, 'households').map((h) => ({ no: h.no, exitYear: h.exitYear }));

describe('real-shaped roster layouts', () => {
  it('reads a two-level header: columns merged down over both rows, a group cell over the others', async () => {
    const file = await book('two-level.xlsx', (ws) => {
      ws.addRow(['某某县青山镇建档立卡贫困户花名册']);
      ws.mergeCells('A1:I1');
      ws.addRow(['户编号', '行政村', '家庭成员信息', null, null, null, '户信息']);
      ws.addRow([null, null, ...HEAD.slice(2)]);
      ws.mergeCells('A2:A3');
      ws.mergeCells('B2:B3');
      ws.mergeCells('C2:F2');
      ws.mergeCells('G2:I2');
      ROWS.forEach((r) => ws.addRow(r));
    });
    const r = await importRoster(archive, actor, file, { year: 2025 });
    expect(r).toMatchObject({ applied: true, households: 2, members: 4, problems: [] });
    expect(r.columns.map((c) => c.key)).toEqual(['householdNo', 'village', 'name', 'idNumber', 'relation', 'medicalInsurance', 'exitYear', 'wageFen', 'businessExpenseFen']);
    expect(households().map((h) => h.no).sort()).toEqual(['5137220001000001', '5137220001000002']);
  });

  it('matches header cells with required marks, units, line breaks (Alt+Enter) and invisible characters', () => {
    const written = ['*姓名', '姓\n名', '与户主\r\n关系', '家庭人口数（人）', '务工时间(个月)', '住房面积(㎡)', '工资性收入（元）', '证件\u200b号码', '务工时间（月）'];
    expect(written.map((h) => columnFor(h)?.key)).toEqual(['name', 'name', 'relation', 'size', 'workMonths', 'housingArea', 'wageFen', 'idNumber', 'workMonths']);
  });

  it('reads household cells merged down over the household’s rows (户编号 on its first row only)', async () => {
    const file = await roster('merged-household.xlsx', (r, label, v) => (r % 2 === 1 && ['户编号', '行政村', '脱贫年度', '工资性收入', '生产经营性支出'].includes(label) ? null : v), (ws) => {
      for (const c of ['A', 'B', 'G', 'H', 'I']) {
        ws.mergeCells(`${c}3:${c}4`);
        ws.mergeCells(`${c}5:${c}6`);
      }
    });
    const r = await importRoster(archive, actor, file, { year: 2025 });
    expect(r).toMatchObject({ applied: true, households: 2, members: 4, problems: [] });
    expect(households().sort((a, b) => a.no.localeCompare(b.no))).toEqual([
      { no: '5137220001000001', exitYear: 2019 },
      { no: '5137220001000002', exitYear: 2020 },
    ]);
  });

  it('skips 合计 and 制表人 lines under the table, also when they sit in the 姓名 column', async () => {
    const file = await book('footer.xlsx', (ws) => {
      ws.addRow(['姓名', ...HEAD.filter((h) => h !== '姓名')]);
      ROWS.forEach((r) => ws.addRow([r[2], ...r.filter((_v, j) => j !== 2)]));
      ws.addRow(['合计：2户4人', null, null, null, null, null, null, 36000]);
      ws.addRow(['制表人：张三        审核人：李四        填报日期：2019年12月31日']);
    });
    const r = await importRoster(archive, actor, file, { dryRun: true });
    expect(r).toMatchObject({ households: 2, members: 4, problems: [] });
  });
});

describe('real-shaped cells', () => {
  it('refuses an ID number Excel stored as a number (digits lost), naming the row; a 15-digit one is kept', async () => {
    const file = await roster('id-as-number.xlsx', (r, label, v) => (label !== '证件号码' ? v : r === 1 ? Number(v) : r === 3 ? Number(`${ids[3]!.slice(0, 6)}${ids[3]!.slice(8, 17)}`) : v));
    const res = await refused(file);
    const errors = res.problems.filter((p) => p.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ row: 4, column: '证件号码', message: expect.stringMatching(/这一格是数字 5\.1372219\d*E\+17：Excel 对超过15位的数字只保留前15位.*设为“文本”格式/) as unknown })]);
    expect(res.problems.filter((p) => p.row === 4)).toHaveLength(1); // not also "没有证件号码"
  });

  it('reads ID numbers with a typed apostrophe, full-width digits or a lower-case x', async () => {
    const written = [`'${ids[0]!}`, `‘${ids[1]!}`, ids[2]!.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)), ids[3]!.toLowerCase()];
    const file = await roster('id-text.xlsx', (r, label, v) => (label === '证件号码' ? written[r]! : v));
    const r = await importRoster(archive, actor, file, { year: 2025 });
    expect(r.problems).toEqual([]);
    expect(members().map((m) => m.id).sort()).toEqual([...ids].sort());
  });

  it('reads money with ￥, 元 and thousands separators, years written as 2019年 / 201912 / a date, and TRUE/FALSE', async () => {
    const money = ['￥12,000.00', '12000元', '6,000', '6000'];
    const years: ExcelJS.CellValue[] = ['2019年', '201912', new Date(Date.UTC(2020, 11, 31)), '2020.12'];
    const file = await roster('cells.xlsx', (r, label, v) => (label === '工资性收入' ? money[r]! : label === '脱贫年度' ? years[r]! : label === '是否参加新型农村合作医疗' ? v === '是' : v));
    const r = await importRoster(archive, actor, file, { year: 2025 });
    expect(r.problems).toEqual([]);
    expect(households().sort((a, b) => a.no.localeCompare(b.no))).toEqual([
      { no: '5137220001000001', exitYear: 2019 },
      { no: '5137220001000002', exitYear: 2020 },
    ]);
    expect(rowsWhere(archive.db, 'incomes').map((i) => i.wageFen).sort()).toEqual([1_200_000, 600_000]);
    expect(members().map((m) => m.insured)).toEqual([true, true, false, false]);
  });

  it('reads a negative in parentheses as negative, and refuses it where the editor would', async () => {
    const res = await refused(await roster('negative.xlsx', (r, label, v) => (label === '生产经营性支出' && r === 2 ? '(1,200.00)' : v)));
    expect(res.problems.filter((p) => p.severity === 'error')).toEqual([expect.objectContaining({ row: 5, column: '生产经营性支出', message: expect.stringMatching(/生产经营性支出不能为负数：这一格写的是“\(1,200\.00\)”/) as unknown })]);
  });
});

describe('files that are no roster workbook', () => {
  const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  /** A compound document naming `stream` in its directory (UTF-16), as .xls and encrypted .xlsx do. */
  const ole = (stream: string) => Buffer.concat([OLE, Buffer.alloc(1016), Buffer.from(stream, 'utf16le'), Buffer.alloc(512)]);
  it.each([
    ['empty.xlsx', Buffer.alloc(0), 'empty', /文件是空的（0 字节）.*重新从系统导出/],
    ['csv.xlsx', Buffer.from('户编号,姓名,证件号码\r\n5137220001000001,张大山,513722\r\n'), 'text', /它是文本文件（如 CSV.*另存为“Excel 工作簿（\*\.xlsx）”/],
    ['web.xls.xlsx', Buffer.from('<html><body><table><tr><td>姓名</td></tr></table></body></html>'), 'html', /网页（HTML）格式的表格.*另存为/],
    ['old.xlsx', ole('Workbook'), 'legacy', /旧版 Excel 97-2003（\.xls）或 WPS 表格（\.et）.*另存为/],
    ['locked.xlsx', ole('EncryptionInfo'), 'encrypted', /设置了打开密码（已加密）.*清空密码/],
  ])('refuses %s saying what it is and what to do', async (name, bytes, kind, message) => {
    expect(fileKind(bytes)).toBe(kind);
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const before = archiveChecksum(archive.sqlite);
    const err = await importRoster(archive, actor, file).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toMatch(new RegExp(`^无法读取“${name.replace(/\./g, '\\.')}”：这不是可以读取的 Excel 工作簿（\\.xlsx）`));
    expect(err?.message).toMatch(message);
    expect(archiveChecksum(archive.sqlite)).toBe(before);
  });

  it('says a list of people without 与户主关系 or 户编号 looks like a department list', async () => {
    const file = await book('医保名单.xlsx', (ws) => {
      ws.addRow(['医保部门筛查名单']);
      ws.addRow(['序号', '姓名', '身份证号', '出生日期', '个人自付金额（元）']);
      ws.addRow([1, '张大山', ids[0], '1960-03-04', 12345]);
    });
    const res = await refused(file);
    expect(res.problems).toEqual([expect.objectContaining({ row: 2, severity: 'error', message: expect.stringMatching(/缺少必需的列“与户主关系”.*部门预警 → 导入部门名单/) as unknown })]);
  });
});
