// 村花名册 from a demo archive: the view model agrees with `stats`, the PDF holds the title,
// every member's name and the totals, repeats its header on every page, numbers its pages
// and embeds the font; the workbook reads back with its cells and print settings.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlGet, sqlRun } from '../../db/testing.ts';
import { pdfDrawnText, pdfFonts, pdfInfo, pdfPages, pdfText } from '../../templates/layout/pdf-tools.ts';
import { townshipStats } from '../stats.ts';
import { docContext } from './context.ts';
import { renderDocument } from './index.ts';
import { rosterModel } from './roster.ts';
import type { DocFixture } from './testing.ts';
import { documentsFixture, TEST_AS_OF } from './testing.ts';

let fx: DocFixture;
let code: string;
beforeAll(() => {
  fx = documentsFixture();
  code = sqlGet<{ code: string }>(fx.archive, 'SELECT code FROM villages ORDER BY code LIMIT 1')!.code;
});
afterAll(() => fx.dispose());

const squash = (s: string) => s.replace(/\s+/g, '');

describe('roster (村花名册)', () => {
  it('builds the view model with the same households and people as stats', () => {
    const ctx = docContext(fx.archive, { asOf: TEST_AS_OF });
    const m = rosterModel(ctx, code, { registeredOnly: false });
    const village = townshipStats(fx.archive, { asOf: TEST_AS_OF }).perVillage.find((v) => v.code === code)!;
    expect(m.totals.households).toBe(village.households);
    expect(m.totals.members).toBe(village.members);
    expect(m.households.reduce((n, h) => n + h.members.length, 0)).toBe(village.members);
    expect(m.totals.byStatus.reduce((n, s) => n + s.households, 0)).toBe(village.households);
    expect(m.households[0]!.members[0]!.relation).toBe('户主');
    const registered = rosterModel(ctx, code, { registeredOnly: true });
    expect(registered.totals.households).toBeLessThan(m.totals.households);
    expect(registered.title).toContain('建档立卡户花名册');
  });

  it('prints every member, the totals, the header on every page and 第 N 页 共 M 页, A4 landscape, with the 2021+ columns and a dated signature line', async () => {
    const out = fx.file('roster.pdf');
    const r = await renderDocument(fx.archive, { kind: 'roster', scope: { villageCode: code }, asOf: TEST_AS_OF }, { out });
    const m = rosterModel(docContext(fx.archive, { asOf: TEST_AS_OF }), code, { registeredOnly: false });
    const info = pdfInfo(out);
    expect(r.pages).toBe(info.pages);
    expect(info.pages).toBeGreaterThan(1);
    expect(info.width).toBeGreaterThan(info.height);
    const pages = pdfPages(out);
    const text = squash(pages.join(''));
    expect(text).toContain(squash(m.title));
    for (const h of m.households) for (const p of h.members) expect(text).toContain(`${p.name}${p.relation}`);
    expect(text).toContain(`合计${m.totals.households}户${m.totals.members}人`);
    // The totals row on one line each (not "149 / 2"), the signatures dated.
    const last = pdfText(out, { first: pages.length }).split('\n');
    expect(last.some((l) => l.includes(`合计 ${m.totals.households} 户`) && l.includes(` ${m.totals.members} `))).toBe(true);
    expect(squash(pages.at(-1)!)).toMatch(/填表人：审核人：村委会（盖章）：日期：年月日/);
    // The 2021+ columns and what the archive holds about each household.
    const drawn = pdfDrawnText(out);
    for (const label of ['识别年度/脱贫年度', '监测对象类别', '帮扶责任人', '低保/特困']) expect(drawn).toContain(label);
    const poor = m.households.find((h) => h.identificationYear !== null && h.helpers);
    expect(poor, 'a registered household with a helper in the demo').toBeDefined();
    expect(drawn).toContain(`${poor!.identificationYear}/${poor!.exitYear ?? '—'}`);
    expect(drawn).toContain(poor!.helpers);
    const dibao = m.households.flatMap((h) => h.members).filter((p) => p.assistance.includes('低保'));
    expect(dibao.length).toBeGreaterThan(0);
    pages.forEach((p, i) => {
      expect(squash(p)).toContain('户编号村民小组人数户类别');
      expect(squash(p)).toContain(`第${i + 1}页共${pages.length}页`);
    });
    expect(pdfFonts(out)).toEqual([expect.objectContaining({ embedded: true, subset: true })]);
  });

  it('writes the workbook with a merged title, the header row repeated and high enough, A3 landscape fit to width', async () => {
    const out = fx.file('roster.xlsx');
    await renderDocument(fx.archive, { kind: 'roster', format: 'xlsx', scope: { villageCode: code }, asOf: TEST_AS_OF }, { out });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').text).toMatch(/花名册$/);
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.getRow(3).getCell(1).value).toBe('序号');
    expect(ws.getRow(3).getCell(2).value).toBe('户编号');
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 8, fitToPage: true, fitToWidth: 1, printTitlesRow: '3:3' });
    // 23 columns on A3 landscape print at ~80 % (≥ 8.5 pt), not the ~6 pt of an A4 width.
    const widthPt = ws.columns.map((c) => (c.width ?? 8.43) * 5.25 + 3.75).reduce((a, b) => a + b, 0);
    expect((1191 - 72) / widthPt).toBeGreaterThan(0.75);
    expect(ws.getRow(3).height).toBeGreaterThanOrEqual(30);
    expect(ws.getCell('O3').value).toBe('证件号码');
    expect(ws.getCell('O4').numFmt).toBe('@');
    expect(ws.getCell('B4').numFmt).toBe('@');
    expect(ws.getColumn(15).width).toBeGreaterThanOrEqual(20);
    expect(ws.headerFooter.oddFooter).toContain('&P');
    expect(ws.getRow(4).getCell(1).border?.top?.style).toBe('thin');
    const lastRow = ws.getRow(ws.actualRowCount - 2);
    expect(lastRow.getCell(2).value).toMatch(/^合计 \d+ 户$/);
    expect(ws.getRow(ws.actualRowCount).getCell(1).text).toMatch(/日期：/);
  });

  it('reports a name the font lacks as of its household (户编号 and 户主), as the household forms do', async () => {
    const h = sqlGet<{ id: string; no: string; village: string; head: string }>(
      fx.archive,
      `SELECT h.id, h.no, v.name AS village, m.name AS head FROM households h JOIN villages v ON v.id = h.village_id
         JOIN members m ON m.household_id = h.id AND m.relation = '户主' WHERE v.code = ? ORDER BY h.no LIMIT 1 OFFSET 1`,
      code,
    )!;
    sqlRun(fx.archive, "UPDATE members SET name = '吉𠮷' WHERE household_id = ? AND relation = '户主'", h.id);
    try {
      const out = fx.file('roster-glyph.pdf');
      const r = await renderDocument(fx.archive, { kind: 'roster', scope: { villageCode: code }, asOf: TEST_AS_OF }, { out });
      // It used to say where: '' (the roster never named the record it was drawing).
      expect(r.missingGlyphs).toEqual([{ text: '吉𠮷', chars: ['𠮷'], where: `${h.village} 户编号 ${h.no}（户主 吉𠮷）` }]);
    } finally {
      sqlRun(fx.archive, "UPDATE members SET name = ? WHERE household_id = ? AND relation = '户主'", h.head, h.id);
    }
  });
});
