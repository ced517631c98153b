// 公示 / 公告 and the meeting record from batches written straight into the workflow tables:
// the official columns only, the count and period in the body, the household that failed an
// earlier step left out, side-by-side groups for long lists — and no notice, in any variant,
// carrying an 18-digit ID number or a phone number.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlAll } from '../../db/testing.ts';
import type { DocumentRequestInput } from '../../shared/api/documents.ts';
import { pdfInfo, pdfText } from '../../templates/layout/pdf-tools.ts';
import { docContext } from './context.ts';
import { renderDocument } from './index.ts';
import { meetingModel } from './meeting.ts';
import { publicityModel } from './publicity.ts';
import type { DocFixture, TestBatch } from './testing.ts';
import { documentsFixture, insertTestBatch, TEST_AS_OF } from './testing.ts';

let fx: DocFixture;
let edge: TestBatch;
let monitoring: TestBatch;
let township: TestBatch;
const squash = (s: string) => s.replace(/\s+/g, '');
const ID_18 = /(?<!\d)\d{17}[\dXx](?!\d)/;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

beforeAll(() => {
  fx = documentsFixture(150, 'publicity');
  const villages = sqlAll<{ id: string }>(fx.archive, 'SELECT id FROM villages ORDER BY code').map((v) => v.id);
  edge = insertTestBatch(fx.archive, { kind: 'edge', year: 2026, villageIds: [villages[0]!], households: 30, failOne: true, meeting: true });
  monitoring = insertTestBatch(fx.archive, { kind: 'monitoring', year: 2026, villageIds: [villages[1]!], households: 6, openStep: 'announcement', startedOn: '2026-11-22', category: '边缘易致贫户' });
  township = insertTestBatch(fx.archive, { kind: 'exit', year: 2026, households: 150, openStep: 'announcement', startedOn: '2026-11-23' });
});
afterAll(() => fx.dispose());

describe('publicity (公示 / 公告)', () => {
  it('lists the households still in the batch with the official columns and the body’s count', () => {
    const ctx = docContext(fx.archive, { asOf: TEST_AS_OF });
    const m = publicityModel(ctx, edge.id, { stepId: null, maskedIds: false, phones: [], issuer: null, basis: null });
    expect(m.notices).toHaveLength(1);
    const n = m.notices[0]!;
    expect(n.variant).toBe('publicity');
    expect(n.rows).toHaveLength(29); // the 30th failed 入户核实
    expect(n.period).toEqual({ start: '2026-11-20', end: '2026-11-26', days: 7 });
    expect(n.issuer).toMatch(/村村民委员会$/);
    expect(n.categoryLabel).toBeNull();
    expect(Object.keys(n.rows[0]!).sort()).toEqual(['category', 'groupName', 'headName', 'maskedId', 'size', 'village']);
    expect(n.rows.every((r) => r.maskedId === null)).toBe(true);
  });

  it('prints title, body with N户M人 and the period, the list in two column groups, issuer and seal space', async () => {
    const out = fx.file('publicity.pdf');
    const r = await renderDocument(fx.archive, { kind: 'publicity', scope: { batchId: edge.id }, asOf: TEST_AS_OF }, { out });
    const n = publicityModel(docContext(fx.archive, { asOf: TEST_AS_OF }), edge.id, { stepId: null, maskedIds: false, phones: [], issuer: null, basis: null }).notices[0]!;
    const raw = pdfText(out);
    const text = squash(raw);
    expect(text).toContain(`2026年拟认定贫困边缘户名单第一次公示（村级公示）`);
    expect(text).toContain(`共${n.rows.length}户${n.rows.reduce((s, x) => s + x.size, 0)}人`);
    expect(text).toContain('公示期为2026年11月20日至2026年11月26日（7天）');
    expect(text).toContain('监督电话：12317');
    for (const row of n.rows) expect(text).toContain(row.headName);
    expect(raw).toMatch(/序号\s+村民小组\s+户主姓名\s+家庭人口数\s+序号\s+村民小组\s+户主姓名\s+家庭人口数/);
    expect(text).toContain('（盖章）');
    expect(r.pages).toBe(pdfInfo(out).pages);
  });

  it('prints the announcement with the kind’s category column, issued by the township', async () => {
    const out = fx.file('announcement.pdf');
    await renderDocument(fx.archive, { kind: 'publicity', scope: { batchId: monitoring.id }, asOf: TEST_AS_OF }, { out });
    const text = squash(pdfText(out));
    expect(text).toContain('2026年防止返贫监测对象名单公告');
    expect(text).toContain('监测对象类别');
    expect(text).toContain('边缘易致贫户');
    expect(text).toContain('青山镇人民政府');
    expect(text).toContain('现予以公告');
  });

  it('adds the village column to a township-wide list', async () => {
    const out = fx.file('township.pdf');
    await renderDocument(fx.archive, { kind: 'publicity', scope: { batchId: township.id }, asOf: TEST_AS_OF }, { out });
    expect(pdfText(out)).toMatch(/序号\s+行政村\s+村民小组\s+户主姓名\s+家庭人口数/);
  });

  it('shows ID numbers only masked, and only when asked', async () => {
    const out = fx.file('masked.pdf');
    await renderDocument(fx.archive, { kind: 'publicity', scope: { batchId: edge.id }, asOf: TEST_AS_OF, options: { maskedIds: true } }, { out });
    const text = pdfText(out);
    expect(text).toMatch(/\d{6}\*{8}\d{3}[\dX]/);
    expect(text).toContain('身份证号码已隐去中间数字');
  });

  const variants: [string, DocumentRequestInput][] = [
    ['village publicity', { kind: 'publicity', scope: {} }],
    ['masked ID column', { kind: 'publicity', scope: {}, options: { maskedIds: true } }],
    ['announcement with category', { kind: 'publicity', scope: {} }],
    ['township-wide list', { kind: 'publicity', scope: {} }],
    ['local supervision phone', { kind: 'publicity', scope: {}, options: { phones: ['0838-6212317'], maskedIds: true } }],
  ];
  it.each(variants.map(([name, req], i) => [name, req, i] as const))('never prints an 18-digit ID number or a phone number: %s', async (name, req, i) => {
    const batch = [edge, edge, monitoring, township, edge][i]!;
    const out = fx.file(`privacy-${i}.pdf`);
    await renderDocument(fx.archive, { ...req, scope: { batchId: batch.id }, asOf: TEST_AS_OF }, { out });
    const text = pdfText(out);
    expect(text, name).not.toMatch(ID_18);
    expect(text, name).not.toMatch(MOBILE);
    // Nor any phone, bank account or health value of the households listed.
    const sensitive = sqlAll<{ phone: string | null; bank: string | null; memberPhone: string | null; id: string | null }>(
      fx.archive,
      `SELECT h.phone, h.bank_account AS bank, m.phone AS memberPhone, m.id_number AS id FROM batch_households bh
         JOIN households h ON h.id = bh.household_id JOIN members m ON m.household_id = h.id WHERE bh.batch_id = ?`,
      batch.id,
    );
    const digits = text.replace(/\s+/g, '');
    for (const s of sensitive) for (const v of [s.phone, s.bank, s.memberPhone, s.id]) if (v) expect(digits).not.toContain(v);
    expect(squash(text)).not.toMatch(/长期慢性病|患有大病|残疾/);
  });

  it('writes the notice as a workbook: title, body, the columns, issuer', async () => {
    const out = fx.file('publicity.xlsx');
    await renderDocument(fx.archive, { kind: 'publicity', format: 'xlsx', scope: { batchId: edge.id }, asOf: TEST_AS_OF }, { out });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').text).toContain('名单第一次公示');
    expect(ws.getCell('A2').text).toContain('公示期为');
    expect([1, 2, 3, 4].map((c) => ws.getRow(3).getCell(c).value)).toEqual(['序号', '村民小组', '户主姓名', '家庭人口数']);
    expect(ws.pageSetup).toMatchObject({ orientation: 'portrait', paperSize: 9, printTitlesRow: '3:3' });
    const all = JSON.stringify(ws.getSheetValues());
    expect(all).not.toMatch(ID_18);
    expect(all).not.toMatch(MOBILE);
  });

  it('refuses a batch without the chosen step, and a missing batch, in Chinese', async () => {
    await expect(renderDocument(fx.archive, { kind: 'publicity', scope: { batchId: edge.id }, asOf: TEST_AS_OF, options: { stepId: 'nope' } }, { out: fx.file('x.pdf') })).rejects.toThrow(/没有编号为 nope 的公示或公告环节/);
    await expect(renderDocument(fx.archive, { kind: 'publicity', scope: { batchId: 'nope' }, asOf: TEST_AS_OF }, { out: fx.file('x.pdf') })).rejects.toThrow(/没有编号为 nope 的批次/);
    await expect(renderDocument(fx.archive, { kind: 'publicity', asOf: TEST_AS_OF }, { out: fx.file('x.pdf') })).rejects.toThrow(/需要指定一个程序批次/);
  });
});

describe('meeting record (民主评议会议记录)', () => {
  it('records the meeting, attendance against two thirds, and each household’s votes and result', async () => {
    const m = meetingModel(docContext(fx.archive, { asOf: TEST_AS_OF }), edge.id);
    expect(m.meeting).toMatchObject({ heldOn: '2026-11-06', attendeesCount: 30, entitledCount: 40 });
    expect(m.attendance).toMatch(/达到三分之二/);
    expect(m.households).toHaveLength(30);
    expect(m.households[0]).toMatchObject({ votesFor: 12, result: '未通过' });
    expect(m.households[1]).toMatchObject({ votesFor: 25, result: '通过' });
    const out = fx.file('meeting.pdf');
    const r = await renderDocument(fx.archive, { kind: 'meeting', scope: { batchId: edge.id }, asOf: TEST_AS_OF }, { out });
    const text = squash(pdfText(out));
    for (const s of ['民主评议会议记录', '2026年11月6日', '村委会会议室', '王支书', '李文书', '未通过', '主持人（签字）', '参会人员签字']) expect(text).toContain(s);
    expect(text).toContain(`第1页共${r.pages}页`);
  });

  it('prints a blank form listing the households when no meeting is recorded yet', async () => {
    const m = meetingModel(docContext(fx.archive, { asOf: TEST_AS_OF }), monitoring.id);
    expect(m.meeting).toBeNull();
    expect(m.households.every((h) => h.result === '' && h.votesFor === null)).toBe(true);
    const out = fx.file('meeting-blank.pdf');
    await renderDocument(fx.archive, { kind: 'meeting', scope: { batchId: monitoring.id }, asOf: TEST_AS_OF }, { out });
    expect(squash(pdfText(out))).toContain('应到人，实到人（到会人数须达到应到人数的三分之二以上）');
  });
});
