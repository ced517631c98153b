// 公示 / 公告 from the batch's real state: which notice of the procedure (第一次 / 第二次 公示,
// 公告) for each kind × step state (pending, open, closed), a body naming only the steps done,
// 草稿 and a warning for a step not open yet, issuer and basis by kind and year, 12317 plus
// the local phones and the address from the contact settings, the masked two-group layout
// without a lonely last page, the notice faces embedded, a batch by its short id.
import { mkdirSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlAll } from '../../db/testing.ts';
import { noticeFaces } from '../../templates/layout/notice-fonts.ts';
import { pdfFonts, pdfPages, pdfText } from '../../templates/layout/pdf-tools.ts';
import { noticeBody, noticeTitle, noticeTitleParts } from '../../templates/publicity/index.ts';
import { contactsView, saveContacts } from './contacts.ts';
import { docContext } from './context.ts';
import { renderDocument } from './index.ts';
import { publicityModel } from './publicity.ts';
import type { DocFixture, TestBatch } from './testing.ts';
import { documentsFixture, insertTestBatch, TEST_AS_OF } from './testing.ts';

let fx: DocFixture;
let villages: { id: string; code: string; name: string }[];
const b: Record<string, TestBatch> = {};
const actor = { operator: '测试', now: () => new Date(`${TEST_AS_OF}T08:00:00Z`) };
const squash = (s: string) => s.replace(/\s+/g, '');
const NONE: { stepId: string | null; maskedIds: boolean; phones: string[]; issuer: string | null; basis: string | null } = { stepId: null, maskedIds: false, phones: [], issuer: null, basis: null };
const model = (batch: TestBatch, opts: Partial<typeof NONE> = {}) => publicityModel(docContext(fx.archive, { asOf: TEST_AS_OF }), batch.id, { ...NONE, ...opts });
const stepId = (batch: TestBatch, code: string) => batch.steps.find((s) => s.step === code)!.id;

beforeAll(() => {
  fx = documentsFixture(90, 'notices', 2);
  villages = sqlAll<{ id: string; code: string; name: string }>(fx.archive, 'SELECT id, code, name FROM villages ORDER BY code');
  const v0 = [villages[0]!.id];
  b.edgeEarly = insertTestBatch(fx.archive, { kind: 'edge', year: 2026, villageIds: v0, households: 5, openStep: 'verification', meeting: true });
  b.edgeFirst = insertTestBatch(fx.archive, { kind: 'edge', year: 2026, villageIds: v0, households: 30, meeting: true });
  b.edgeLate = insertTestBatch(fx.archive, { kind: 'edge', year: 2026, villageIds: v0, households: 5, openStep: 'county-review', meeting: true });
  b.monitoringEarly = insertTestBatch(fx.archive, { kind: 'monitoring', year: 2026, villageIds: [villages[1]!.id], households: 4, openStep: 'verification' });
  b.monitoringAnnounced = insertTestBatch(fx.archive, { kind: 'monitoring', year: 2026, villageIds: [villages[1]!.id], households: 4, openStep: 'announcement', meeting: true });
  b.exit2019 = insertTestBatch(fx.archive, { kind: 'exit', year: 2019, villageIds: v0, households: 6, openStep: 'announcement', startedOn: '2019-12-02' });
});
afterAll(() => fx.dispose());

describe('notice text from the batch’s state', () => {
  it('two-publicity kind, step 3 open: the 村级公示 is a 草稿 naming only 农户申请 and the dated 民主评议', () => {
    const m = model(b.edgeEarly!);
    const n = m.notices[0]!;
    expect(n).toMatchObject({ stage: 'first', draft: true, stepLabel: '村级公示' });
    expect(m.warnings).toEqual([expect.stringMatching(/“村级公示”环节尚未开启：本公示只是草稿/)]);
    expect(noticeTitle(n)).toMatch(/名单第一次公示（草稿）$/);
    const body = noticeBody(n).join('');
    expect(body).toContain('经农户申请、2026年11月6日村民代表大会民主评议，现将');
    expect(body).not.toContain('入户核实');
    expect(body).toContain('进行第一次公示（村级公示）');
    expect(body).toMatch(/公示期为\s+年/); // no period yet: blanks to fill in
  });

  it('村级公示 open: not a draft, the verification done, the period from the step', () => {
    const m = model(b.edgeFirst!);
    const n = m.notices[0]!;
    expect(n).toMatchObject({ stage: 'first', draft: false });
    expect(m.warnings).toEqual([]);
    expect(noticeBody(n).join('')).toContain('经农户申请、2026年11月6日村民代表大会民主评议、入户核实，现将');
    expect(noticeBody(n).join('')).toContain('公示期为2026年11月20日至2026年11月26日（7天）');
  });

  it('乡镇审核公示 while the 村级公示 runs: 第二次公示, 草稿, issued by the township', () => {
    const m = model(b.edgeFirst!, { stepId: stepId(b.edgeFirst!, 'township-publicity') });
    const n = m.notices[0]!;
    expect(n).toMatchObject({ stage: 'second', draft: true, stepLabel: '乡镇审核公示', issuer: '青山镇人民政府' });
    expect(noticeTitle(n)).toMatch(/名单第二次公示（草稿）$/);
    expect(noticeBody(n).join('')).not.toContain('村级公示无异议');
  });

  it('乡镇审核公示 after both publicities closed: names them as done, no draft', () => {
    const m = model(b.edgeLate!, { stepId: stepId(b.edgeLate!, 'township-publicity') });
    const n = m.notices[0]!;
    expect(n).toMatchObject({ stage: 'second', draft: false });
    expect(noticeBody(n).join('')).toContain('入户核实、村级公示无异议、乡镇人民政府审核，现将');
    expect(noticeBody(n).join('')).toContain('进行第二次公示（乡镇审核公示）');
  });

  it('a monitoring notice printed while step 1 is open claims no step and is a 草稿', async () => {
    const m = model(b.monitoringEarly!);
    const n = m.notices[0]!;
    expect(n).toMatchObject({ stage: 'only', draft: true, issuer: `${villages[1]!.name}村民委员会` });
    const body = noticeBody(n).join('');
    for (const claim of ['入户核实', '信息比对', '民主评议']) expect(body).not.toContain(claim);
    expect(body).toContain('防止返贫动态监测和帮扶机制');
    const out = fx.file('monitoring-draft.pdf');
    const r = await renderDocument(fx.archive, { kind: 'publicity', scope: { batchId: b.monitoringEarly!.id }, asOf: TEST_AS_OF }, { out });
    expect(r.warnings).toEqual([expect.stringContaining('草稿')]);
    const pages = pdfPages(out).map(squash);
    expect(pages[0]).toContain('名单公示（草稿）');
    // The watermark on every page.
    for (const p of pages) expect(p).toMatch(/草稿/);
  });

  it('a monitoring announcement names every step done and is issued by the township (2021+)', () => {
    const n = model(b.monitoringAnnounced!).notices[0]!;
    expect(n).toMatchObject({ stage: 'announcement', draft: false, issuer: '青山镇人民政府' });
    expect(noticeTitle(n)).toMatch(/2026年防止返贫监测对象名单公告$/);
    expect(noticeBody(n).join('')).toContain('经入户核实、信息比对、2026年11月6日村民代表大会民主评议、村级公示无异议、乡镇人民政府审核、县级审定，确定');
  });

  it('a 2014–2020 announcement is issued by the county’s 扶贫开发领导小组; a clerk’s issuer wins', () => {
    const n = model(b.exit2019!).notices[0]!;
    expect(n).toMatchObject({ stage: 'announcement', issuer: '示例县扶贫开发领导小组', basis: '根据扶贫开发建档立卡工作有关规定' });
    expect(model(b.exit2019!, { issuer: '示例县人民政府' }).notices[0]!.issuer).toBe('示例县人民政府');
  });
});

describe('contacts on notices', () => {
  it('prints 12317, the township’s phones and the clerk’s extra ones, the address and the village phone', async () => {
    saveContacts(fx.archive.db, actor, { supervisionPhones: ['0838-6212317'], officeAddress: '青山镇人民路1号便民服务中心', officePhone: '0838-6210001', villages: [{ code: villages[0]!.code, committeePhone: '0838-6215566' }] });
    const out = fx.file('contacts.pdf');
    await renderDocument(fx.archive, { kind: 'publicity', scope: { batchId: b.edgeFirst!.id }, asOf: TEST_AS_OF, options: { phones: ['0838-6219999', '12317'] } }, { out });
    const text = squash(pdfText(out));
    expect(text).toContain('监督电话：12317、0838-6212317、0838-6219999；');
    expect(text).toContain('村委会电话：0838-6215566');
    expect(text).toContain('投诉监督地址：青山镇人民路1号便民服务中心');
    const audit = sqlAll<{ table_name: string }>(fx.archive, "SELECT table_name FROM audit_log WHERE table_name IN ('townships', 'villages') ORDER BY id");
    expect(audit.map((a) => a.table_name)).toEqual(['townships', 'villages']);
  });

  it('refuses a bad phone or an unknown village in Chinese and leaves the settings unchanged', () => {
    const before = contactsView(fx.archive.db);
    expect(() => saveContacts(fx.archive.db, actor, { supervisionPhones: ['call me'] })).toThrow(/监督电话只能包含数字.*档案未改动/);
    expect(() => saveContacts(fx.archive.db, actor, { villages: [{ code: '999999999999', committeePhone: '0838-6215566' }] })).toThrow(/没有区划代码为 999999999999 的行政村.*档案未改动/);
    expect(contactsView(fx.archive.db)).toEqual(before);
  });
});

describe('notice layout and faces', () => {
  it('keeps the masked list in two groups and its last rows with the seal', async () => {
    const out = fx.file('masked.pdf');
    await renderDocument(fx.archive, { kind: 'publicity', scope: { batchId: b.edgeFirst!.id }, asOf: TEST_AS_OF, options: { maskedIds: true } }, { out });
    const pages = pdfPages(out);
    expect(pdfText(out)).toMatch(/身份证号码.*序号.*身份证号码/);
    const last = pages[pages.length - 1]!;
    expect(last).toContain('（盖章）');
    expect(last.match(/\d{6}\*{8}\d{3}[\dX]/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  });

  it('breaks a long title between its phrases (place, list, 第一次公示), never inside one', async () => {
    for (const batch of [b.edgeFirst!, b.monitoringEarly!]) {
      const n = model(batch).notices[0]!;
      const parts = noticeTitleParts(n);
      const out = fx.file(`title-${batch.id}.pdf`);
      await renderDocument(fx.archive, { kind: 'publicity', scope: { batchId: batch.id }, asOf: TEST_AS_OF }, { out });
      const lines = pdfPages(out)[0]!.split('\n').map(squash).filter(Boolean);
      const at = lines.findIndex((l) => l.startsWith(parts[0]!));
      // The title's lines, up to the subtitle under it.
      const title = lines.slice(at, lines.findIndex((l) => l.startsWith('（')));
      expect(title.length).toBeGreaterThan(1);
      expect(title.join('')).toBe(squash(noticeTitle(n)));
      let k = 0;
      for (const line of title) {
        let rest = line;
        while (rest && rest.startsWith(parts[k]!)) rest = rest.slice(parts[k++]!.length);
        expect(rest, `${line} (${parts.join(' | ')})`).toBe('');
      }
    }
  });

  it('embeds the shipped serif by default here (no system 仿宋), the sans on request', async () => {
    const serif = fx.file('serif.pdf');
    await renderDocument(fx.archive, { kind: 'publicity', scope: { batchId: b.edgeFirst!.id }, asOf: TEST_AS_OF }, { out: serif });
    const fonts = pdfFonts(serif);
    expect(fonts.map((f) => f.name).join(' ')).toMatch(/NotoSerifSC-Regular/);
    expect(fonts.map((f) => f.name).join(' ')).toMatch(/NotoSerifSC-Bold/);
    expect(fonts.every((f) => f.embedded && f.subset)).toBe(true);
    const sans = fx.file('sans.pdf');
    await renderDocument(fx.archive, { kind: 'publicity', scope: { batchId: b.edgeFirst!.id }, asOf: TEST_AS_OF, options: { font: 'sans' } }, { out: sans });
    expect(pdfFonts(sans).map((f) => f.name).join(' ')).not.toMatch(/Serif/);
  });

  it('finds a machine’s 仿宋 by its file name and prefers it; a face it lacks falls back to the shipped one', () => {
    const dir = join(fx.dir, 'fonts', 'sub');
    mkdirSync(dir, { recursive: true });
    symlinkSync(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'), join(dir, 'SIMFANG.TTF'));
    const found = noticeFaces(null, ['张三'], [join(fx.dir, 'fonts')]);
    expect(found.body.label).toMatch(/^仿宋（.*SIMFANG\.TTF）$/);
    expect(noticeFaces('songti', [], [join(fx.dir, 'fonts')]).body.label).toMatch(/思源宋体/);
    expect(noticeFaces(null, [], [join(fx.dir, 'nothing-here')]).body.label).toMatch(/思源宋体/);
  });

  it('finds a batch by the first 8 characters of its id, as batch list prints them', async () => {
    const out = fx.file('short.pdf');
    const r = await renderDocument(fx.archive, { kind: 'publicity', scope: { batchId: b.edgeFirst!.id.slice(0, 8) }, asOf: TEST_AS_OF }, { out });
    expect(r.pages).toBeGreaterThan(0);
    await expect(renderDocument(fx.archive, { kind: 'publicity', scope: { batchId: 'ab' }, asOf: TEST_AS_OF }, { out: fx.file('x.pdf') })).rejects.toThrow(/没有编号为 ab 的批次/);
  });
});
