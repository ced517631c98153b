// The common worksheet setup read back with exceljs: paper codes for every size offered, a
// narrow table stretched to the paper so its merged title is whole, the header row high enough
// for wrapped labels, ID numbers as unwrapped text in a wide column, and the closing lines kept
// with the table's last page.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { SheetPaper, TableSheet } from './xlsx.ts';
import { sheetName, uniqueSheetNames } from './sheet-name.ts';
import { addTableSheet, newWorkbook, PAPER_CODES, textWidth, writeWorkbook } from './xlsx.ts';

const dir = mkdtempSync(join(tmpdir(), 'xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function roundTrip(name: string, sheets: Omit<TableSheet, 'name'>[]): Promise<ExcelJS.Worksheet[]> {
  const file = join(dir, `${name}.xlsx`);
  const wb = await newWorkbook(name);
  sheets.forEach((s, i) => addTableSheet(wb, { ...s, name: `表${i + 1}` }));
  await writeWorkbook(wb, createWriteStream(file));
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  return back.worksheets;
}

const notes = [{ text: '注：按照规定，公示公告不公开身份证件号码。' }, { text: '青山镇人民政府', align: 'right' as const }, { text: '（盖章）', align: 'right' as const }, { text: '2026年11月24日', align: 'right' as const }];
const narrow = (rows: number): Omit<TableSheet, 'name'> => ({
  title: '青山镇2026年度拟纳入防止返贫监测对象乡镇审核公示',
  columns: [
    { label: '序号', width: 6 },
    { label: '村民小组', width: 12 },
    { label: '户主姓名', width: 12 },
    { label: '家庭人口数', width: 11 },
  ],
  groups: Array.from({ length: rows }, (_, i) => [[i + 1, '一组', `户主${i + 1}`, 3]]),
  notes,
  setup: { paper: 'A4', landscape: false },
});

describe('table sheets', () => {
  it('sets the paper code of every size offered (A1 has no Excel code: A2, fitted)', async () => {
    const papers: SheetPaper[] = ['A4', 'A3', 'A2', 'A1'];
    const sheets = await roundTrip('papers', papers.map((paper) => ({ ...narrow(3), setup: { paper, landscape: true } })));
    expect(sheets.map((s) => s.pageSetup.paperSize)).toEqual([9, 8, 66, 66]);
    expect(PAPER_CODES).toMatchObject({ A4: 9, A3: 8, A2: 66 });
    for (const s of sheets) expect(s.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
  });

  it('stretches a narrow table to the paper and merges the whole title across it', async () => {
    const [ws] = await roundTrip('narrow', [narrow(10)]);
    const widths = [1, 2, 3, 4].map((c) => ws!.getColumn(c).width!);
    const total = widths.reduce((s, w) => s + w, 0);
    // A4 portrait holds ~95 units; the four columns keep their proportions.
    expect(total).toBeGreaterThan(85);
    expect(total).toBeLessThan(100);
    expect(widths[1]! / widths[0]!).toBeCloseTo(2, 1);
    const title = ws!.getCell('A1');
    expect(title.isMerged).toBe(true);
    expect(ws!.getCell('D1').master.address).toBe('A1');
    expect(title.alignment.wrapText).toBe(true);
    // A 16 pt title of 24 characters needs ~70 units: one line on the stretched table.
    expect((textWidth(title.text) * 16) / 11).toBeLessThan(total);
    expect(ws!.pageSetup.printArea).toBe('A1:D16');
  });

  it('gives wrapped header labels their height and ID numbers a wide text column', async () => {
    const [ws] = await roundTrip('ids', [
      {
        title: '花名册',
        columns: [
          { label: '序号', width: 5 },
          { label: '姓名', width: 10 },
          { label: '证件号码（身份证或残疾证号码）', width: 12 },
          { label: '脱贫（标注）年度', width: 5 },
          { label: '备注', width: 110 },
        ],
        groups: [[[1, '张三', '511922198001011234', '2019', '']], [[2, '李四', '51192219800101123X', '2020', '']], [[3, '王五', '5119**********123X', '', '']]],
        setup: { paper: 'A4', landscape: true },
      },
    ]);
    const header = ws!.getRow(2);
    expect(header.height).toBeGreaterThanOrEqual(30);
    const id = ws!.getCell('C3');
    expect(id.value).toBe('511922198001011234');
    expect(id.numFmt).toBe('@');
    expect(id.alignment.wrapText ?? false).toBe(false);
    expect(ws!.getCell('C5').numFmt).toBe('@');
    expect(ws!.getColumn(3).width).toBeGreaterThanOrEqual(20);
    expect(ws!.getCell('B3').alignment.wrapText).toBe(true);
  });

  it('keeps the issuer and date on the table’s last page (fit to its page count) and leaves a short table alone', async () => {
    const [full, short] = await roundTrip('notes', [narrow(45), narrow(20)]);
    expect(full!.pageSetup.fitToHeight).toBe(1);
    expect(short!.pageSetup.fitToHeight).toBe(0);
    expect(full!.pageSetup.printTitlesRow).toBe('2:2');
  });
});

describe('sheet names', () => {
  it('stay within Excel’s 31 UTF-16 units without cutting a character beyond the BMP in two', async () => {
    // A household sheet: 户编号 and a long name ending in 𠮷 (two UTF-16 units) at the limit.
    const name = `5119220001000002阿卜杜热合曼买买提依明艾则孜𠮷`;
    const safe = sheetName(name);
    expect(safe.length).toBeLessThanOrEqual(31);
    expect(safe).toBe('5119220001000002阿卜杜热合曼买买提依明艾则孜');
    const unique = uniqueSheetNames();
    unique(name);
    expect(unique(name)).toBe('5119220001000002阿卜杜热合曼买买提依明艾(2)');
    expect(sheetName('5119220001000002𠮷祥')).toBe('5119220001000002𠮷祥');
    // exceljs cuts longer names with substring: what it writes must read back as given.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(safe);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    expect(back.worksheets[0]!.name).toBe(safe);
  });
});
