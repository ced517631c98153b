// The meeting's papers: 民主评议会议记录 with time, 投票方式, 监票人/计票人 and a signature cell for
// each of 41 attendees (a grid continued on the next page under its header), and the 签到表 with
// a row for everyone entitled — PDF text and the workbook read back (headers repeated on print).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlAll } from '../../db/testing.ts';
import { pdfPages, pdfText } from '../../templates/layout/pdf-tools.ts';
import { docContext } from './context.ts';
import { renderDocument } from './index.ts';
import { meetingModel } from './meeting.ts';
import { signInModel } from './sign-in.ts';
import type { DocFixture, TestBatch } from './testing.ts';
import { documentsFixture, insertTestBatch, TEST_AS_OF } from './testing.ts';

let fx: DocFixture;
let big: TestBatch;
let blank: TestBatch;
const squash = (s: string) => s.replace(/\s+/g, '');
const NAMES = Array.from({ length: 41 }, (_, i) => `代表${String(i + 1).padStart(2, '0')}`);

beforeAll(() => {
  fx = documentsFixture(40, 'meeting', 2);
  const villages = sqlAll<{ id: string }>(fx.archive, 'SELECT id FROM villages ORDER BY code').map((v) => v.id);
  big = insertTestBatch(fx.archive, { kind: 'edge', year: 2026, villageIds: [villages[0]!], households: 8, meeting: true });
  blank = insertTestBatch(fx.archive, { kind: 'monitoring', year: 2026, villageIds: [villages[1]!], households: 3 });
  fx.archive.sqlite
    .prepare(
      `UPDATE meetings SET attendees_count = 41, entitled_count = 45, attendees = ?, starts_at = '09:30', ends_at = '11:15',
              vote_method = 'ballot', scrutineer = '周监票', teller = '吴计票' WHERE batch_id = ?`,
    )
    .run(NAMES.join('、'), big.id);
});
afterAll(() => fx.dispose());

describe('民主评议会议记录', () => {
  it('prints time, vote method and counters, and 41 signature cells continued on the next page under their header', async () => {
    const m = meetingModel(docContext(fx.archive, { asOf: TEST_AS_OF }), big.id);
    expect(m.meeting).toMatchObject({ time: '9:30—11:15', voteMethod: '无记名投票', scrutineer: '周监票', teller: '吴计票' });
    expect(m.signers).toBe(41);
    const out = fx.file('meeting-41.pdf');
    const r = await renderDocument(fx.archive, { kind: 'meeting', scope: { batchId: big.id }, asOf: TEST_AS_OF }, { out });
    const text = squash(pdfText(out));
    // The ticks are drawn (the font has no ☑): the chosen one reads as √ in the text layer.
    for (const s of ['2026年11月6日9:30—11:15', '投票方式举手表决√无记名投票', '周监票', '吴计票', '监票人（签字）', '计票人（签字）', '参会人员签字（共41人）']) expect(text).toContain(s);
    const pages = pdfPages(out).map(squash);
    expect(pages).toHaveLength(r.pages!);
    // Every cell numbered once, 1…41; the grid runs over a page break with 序号/签字 on top again.
    const withGrid = pages.filter((p) => /序号签字序号签字序号签字/.test(p));
    expect(withGrid.length).toBeGreaterThanOrEqual(2);
    const numbers = withGrid.map((p) => p.split(/序号签字序号签字序号签字/)[1]!.replace(/第\d+页共\d+页.*$/, '')).join('');
    expect(numbers).toBe(Array.from({ length: 41 }, (_, i) => i + 1).join(''));
  });

  it('prints a blank form with blank time, both vote methods unticked and a default grid when nothing is recorded', async () => {
    const m = meetingModel(docContext(fx.archive, { asOf: TEST_AS_OF }), blank.id);
    expect(m.meeting).toBeNull();
    expect(m.signers).toBe(30);
    const out = fx.file('meeting-blank.pdf');
    await renderDocument(fx.archive, { kind: 'meeting', scope: { batchId: blank.id }, asOf: TEST_AS_OF }, { out });
    const text = squash(pdfText(out));
    expect(text).toContain('投票方式举手表决无记名投票监票人计票人');
    expect(text).toMatch(/年月日.*时分至时分/);
    // The blank times to write in stay on one line of their own (they broke as "时 分至 / 时 分").
    expect(pdfText(out).split('\n').some((line) => /时\s+分至\s+时\s+分/.test(line))).toBe(true);
  });

  it('refuses a step that is not a 民主评议 step of the batch, in Chinese', async () => {
    await expect(renderDocument(fx.archive, { kind: 'meeting', scope: { batchId: big.id }, options: { stepId: big.steps[0]!.id }, asOf: TEST_AS_OF }, { out: fx.file('x.pdf') })).rejects.toThrow(
      /中没有编号为 .+ 的民主评议环节：请从该批次的评议环节中选择/,
    );
  });

  it('XLSX: the vote header and the signature header repeat on every printed page', async () => {
    const out = fx.file('meeting.xlsx');
    await renderDocument(fx.archive, { kind: 'meeting', format: 'xlsx', scope: { batchId: big.id }, asOf: TEST_AS_OF }, { out });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['会议记录', '参会人员签字']);
    for (const ws of wb.worksheets) {
      const title = ws.pageSetup.printTitlesRow;
      expect(title).toMatch(/^\$?(\d+):\$?\1$/);
      const row = Number(/\d+/.exec(title!)![0]);
      expect(ws.getCell(row, 1).text).toBe('序号');
    }
    const record = wb.worksheets[0]!;
    const values = record.getSheetValues().flat().map(String).join('|');
    expect(values).toContain('周监票');
    expect(values).toContain('☑无记名投票');
  });
});

describe('签到表', () => {
  it('has the meeting, a row per person entitled with the known names, and a header repeated on each page', async () => {
    const m = signInModel(docContext(fx.archive, { asOf: TEST_AS_OF }), big.id);
    expect(m).toMatchObject({ heldOn: '2026-11-06', time: '9:30—11:15', place: '村委会会议室', host: '王支书', entitledCount: 45, rows: 45 });
    const out = fx.file('sign-in.pdf');
    const r = await renderDocument(fx.archive, { kind: 'sign-in', scope: { batchId: big.id }, asOf: TEST_AS_OF }, { out });
    expect(r.title).toContain('会议签到表');
    const pages = pdfPages(out).map(squash);
    const all = pages.join('');
    for (const s of ['会议签到表', '民主评议会', '2026年11月6日9:30—11:15', '村委会会议室', '王支书', '45人', '代表01', '代表41', '所在村民小组', '主持人（签字）']) expect(all).toContain(s);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const p of pages) for (const h of ['序号', '姓名', '所在村民小组', '身份（村民代表/党员/村干部', '签名']) expect(p).toContain(h);
    expect(all).toMatch(/45(?!\d)/);
  });

  it('prints a blank sheet of 30 rows before any meeting is recorded; XLSX with the header repeated', async () => {
    const m = signInModel(docContext(fx.archive, { asOf: TEST_AS_OF }), blank.id);
    expect(m).toMatchObject({ heldOn: null, entitledCount: null, names: [], rows: 30 });
    const out = fx.file('sign-in.xlsx');
    const r = await renderDocument(fx.archive, { kind: 'sign-in', format: 'xlsx', scope: { batchId: blank.id }, asOf: TEST_AS_OF }, { out });
    expect(r.sheets).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').text).toBe('会议签到表');
    const row = Number(/\d+/.exec(ws.pageSetup.printTitlesRow!)![0]);
    expect(ws.getCell(row, 1).text).toBe('序号');
    const numbers = Array.from({ length: 40 }, (_, i) => ws.getCell(row + 1 + i, 1).text).filter((t) => /^\d+$/.test(t));
    expect(numbers).toHaveLength(30);
    expect(numbers.at(-1)).toBe('30');
  });

  it('names the batch’s own village for a village batch with no households yet (not the township)', () => {
    const [village] = sqlAll<{ id: string; name: string }>(fx.archive, 'SELECT id, name FROM villages ORDER BY code DESC LIMIT 1');
    const empty = insertTestBatch(fx.archive, { kind: 'monitoring', year: 2026, villageIds: [village!.id], households: 0 });
    const m = signInModel(docContext(fx.archive, { asOf: TEST_AS_OF }), empty.id);
    expect(m.meetingName).toBe(`${village!.name}2026年防止返贫监测对象识别民主评议会`);
  });
});
