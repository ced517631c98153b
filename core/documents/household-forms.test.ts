// The one-household-per-page forms from a demo archive: 入户登记表 (view model, a village in
// one PDF with one household per page and the count in each footer, a name the font cannot
// print reported and blanked), 明白卡 (masked ID and phone) and 脱贫验收表 (the same verdicts
// as the workflows' exit check).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentMembers, householdByNo } from '../../db/repos/households.ts';
import { sqlGet, sqlRun } from '../../db/testing.ts';
import { computeIncome } from '../../shared/income.ts';
import { maskIdNumber } from '../../shared/mask.ts';
import { pdfInfo, pdfPages, pdfText } from '../../templates/layout/pdf-tools.ts';
import { exitChecks } from '../workflows/exit-checks.ts';
import { docContext } from './context.ts';
import { householdViews } from './households.ts';
import { renderDocument } from './index.ts';
import type { DocFixture } from './testing.ts';
import { documentsFixture, TEST_AS_OF } from './testing.ts';
import { verificationRecords } from './verification-household.ts';

let fx: DocFixture;
let village: { id: string; code: string; households: number };
const squash = (s: string) => s.replace(/\s+/g, '');
const householdOf = (status: string) => sqlGet<{ id: string; no: string }>(fx.archive, 'SELECT id, no FROM households WHERE status = ? ORDER BY no LIMIT 1', status)!;

beforeAll(() => {
  fx = documentsFixture(90, 'forms');
  village = sqlGet<typeof village>(fx.archive, 'SELECT v.id, v.code, count(h.id) AS households FROM villages v JOIN households h ON h.village_id = v.id GROUP BY v.id ORDER BY v.code LIMIT 1')!;
});
afterAll(() => fx.dispose());

describe('enrollment form (入户登记表)', () => {
  it('builds each household from the archive: current members, the year’s income with computed totals, helpers, measures', () => {
    const ctx = docContext(fx.archive, { asOf: TEST_AS_OF });
    const { id } = householdOf('exited');
    const [h] = [...householdViews(ctx, [id])];
    const members = currentMembers(fx.archive.db, id);
    expect(h!.members.map((m) => m.name)).toEqual(members.map((m) => m.name));
    const income = h!.incomes.find((i) => i.year === ctx.year)!;
    expect(income.totals).toEqual(computeIncome(income.components, income.householdSize));
    expect(income.standardFen).toBe(400_000);
    expect(h!.helpers.length).toBeGreaterThan(0);
    expect(h!.statusLabel).toBe('已脱贫');
  });

  it('prints a whole village in one PDF, each household starting a page with its own and the file’s page counts in the footer', async () => {
    const out = fx.file('enrollment.pdf');
    const progress: number[] = [];
    const r = await renderDocument(fx.archive, { kind: 'enrollment', scope: { villageCode: village.code }, asOf: TEST_AS_OF }, { out }, { onProgress: (d) => progress.push(d) });
    expect(progress).toEqual(Array.from({ length: village.households }, (_, i) => i + 1));
    const pages = pdfPages(out);
    expect(r.pages).toBe(pdfInfo(out).pages);
    const starts = pages.filter((p) => p.includes('农户入户登记表') && !p.includes('（续页）'));
    expect(starts).toHaveLength(village.households);
    starts.forEach((p) => expect(squash(p)).toMatch(/本户第1页共\d页/));
    pages.forEach((p, i) => expect(squash(p)).toContain(`第${i + 1}页共${pages.length}页`));
    const first = squash(starts[0]!);
    for (const label of ['一、家庭基本情况', '二、家庭成员', '家庭纯收入', '人均纯收入', '四、生产生活条件', '五、帮扶责任人', '六、帮扶措施', '调查员（签字）', '户主（签字或捺印）']) expect(first).toContain(label);
  });

  it('reports a name the font cannot print and prints a blank for the character instead of a box', async () => {
    const { id, no } = householdOf('poor');
    sqlRun(fx.archive, "UPDATE members SET name = '吉𠮷' WHERE household_id = ? AND relation = '户主'", id);
    const out = fx.file('missing-glyph.pdf');
    const r = await renderDocument(fx.archive, { kind: 'enrollment', scope: { householdNo: no }, asOf: TEST_AS_OF }, { out });
    expect(r.missingGlyphs).toEqual([expect.objectContaining({ text: '吉𠮷', chars: ['𠮷'], where: expect.stringContaining(no) as unknown })]);
    expect(pdfText(out)).toContain('吉＿');
  });

  it('writes one household as a one-page-wide A4 form sheet', async () => {
    const out = fx.file('enrollment.xlsx');
    const r = await renderDocument(fx.archive, { kind: 'enrollment', format: 'xlsx', scope: { householdNo: householdOf('poor').no }, asOf: TEST_AS_OF }, { out });
    expect(r.sheets).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').text).toContain('农户入户登记表');
    expect(ws.pageSetup).toMatchObject({ orientation: 'portrait', paperSize: 9, fitToWidth: 1 });
    const texts = ws.getSheetValues().flat().filter((v): v is string => typeof v === 'string');
    expect(texts.some((t) => /[☑□]因病/.test(t))).toBe(true);
  });
});

describe('household card (明白卡)', () => {
  it('shows the helper to call, but the household’s ID number and phone only masked', async () => {
    const { id, no } = householdOf('exited');
    const head = sqlGet<{ idNumber: string }>(fx.archive, "SELECT id_number AS idNumber FROM members WHERE household_id = ? AND relation = '户主'", id)!;
    const phone = householdByNo(fx.archive.db, no)!.phone!;
    const out = fx.file('card.pdf');
    await renderDocument(fx.archive, { kind: 'card', scope: { householdNo: no }, asOf: TEST_AS_OF }, { out });
    const text = pdfText(out);
    expect(squash(text)).toContain('帮扶明白卡');
    expect(text).toContain(maskIdNumber(head.idNumber));
    expect(text).not.toContain(head.idNumber);
    expect(text).not.toContain(phone);
    expect(squash(text)).toContain('帮扶责任人');
  });
});

describe('household exit verification (贫困户脱贫验收表)', () => {
  it('gives each household the verdicts of the workflows’ exit check, and prints them ticked', async () => {
    const ctx = docContext(fx.archive, { asOf: TEST_AS_OF });
    const { id, no } = householdOf('exited');
    const [record] = [...verificationRecords(ctx, [id])];
    const [check] = exitChecks(fx.archive.db, { year: ctx.year, batchId: null, householdIds: [id] });
    expect(record!.items.map((i) => i.code)).toEqual(check!.items.map((i) => i.code));
    // The printed verdict is the check's (不涉及 only for an item the check passed).
    record!.items.forEach((item, k) => expect(item.verdict === '未达标').toBe(!check!.items[k]!.met));
    expect(record!.qualifies).toBe(check!.qualifies);
    const out = fx.file('verification.pdf');
    await renderDocument(fx.archive, { kind: 'verification-household', scope: { householdNo: no }, asOf: TEST_AS_OF }, { out });
    const text = squash(pdfText(out));
    expect(text).toContain('贫困户脱贫验收表');
    expect(text).toContain(`★人均纯收入`);
    const ticks = (verdict: string) => text.split(`√${verdict}`).length - 1;
    for (const verdict of ['达标', '未达标', '不涉及'] as const) expect(ticks(verdict)).toBe(record!.items.filter((i) => i.verdict === verdict).length);
    expect(text).toContain(record!.qualifies ? '√达到脱贫标准' : '√未达到脱贫标准');
  });

  it('takes a village’s exit candidates when no household or batch is given', async () => {
    const out = fx.file('verification-village-candidates.pdf');
    sqlRun(fx.archive, "UPDATE households SET status = 'returned' WHERE id = (SELECT id FROM households WHERE village_id = ? AND status = 'ordinary' ORDER BY no LIMIT 1)", village.id);
    const candidates = sqlGet<{ n: number }>(fx.archive, "SELECT count(*) AS n FROM households WHERE village_id = ? AND (status IN ('poor', 'returned') OR (status = 'exited' AND exit_year = 2025))", village.id)!;
    const r = await renderDocument(fx.archive, { kind: 'verification-household', scope: { villageCode: village.code }, asOf: TEST_AS_OF }, { out });
    expect(candidates.n).toBeGreaterThan(0);
    expect(pdfPages(out).filter((p) => p.includes('贫困户脱贫验收表'))).toHaveLength(candidates.n);
    expect(r.pages).toBeGreaterThanOrEqual(candidates.n);
  });
});
