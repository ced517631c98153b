// Evidence on the papers (issue 15): the 脱贫验收表 prints the archive's data per item and
// 不涉及 where an item does not apply; a village without people gets no 出列验收表; the 明白卡
// holds income against the year's line from the policy table and cites the same number; the
// 挂图's axis ticks stay apart and its workbook carries the charts as pictures; the
// 年度人均纯收入计算表 prints what shared/income.ts computes.
import { existsSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveChecksum, sqlAll, sqlGet, sqlRun } from '../../db/testing.ts';
import { computeIncome } from '../../shared/income.ts';
import type { IncomeComponents } from '../../shared/income.ts';
import { formatYuan } from '../../shared/money.ts';
import { resolvePolicy } from '../../shared/policy.ts';
import { cardLine, cardPage } from '../../templates/card/index.ts';
import type { Cell, FormPage } from '../../templates/layout/blocks.ts';
import { intakePage } from '../../templates/monitoring/index.ts';
import type { HouseholdView, MemberView } from '../../templates/layout/household.ts';
import { outOfSchoolChildren } from '../../templates/layout/household.ts';
import { pdfText } from '../../templates/layout/pdf-tools.ts';
import type { WallChartModel } from '../../templates/wallchart/index.ts';
import { VILLAGE_COLUMNS, wallChartPdf, wallChartXlsx, XLSX_PAPER } from '../../templates/wallchart/index.ts';
import { exitChecks } from '../workflows/exit-checks.ts';
import { docContext } from './context.ts';
import { householdViews } from './households.ts';
import { renderDocument } from './index.ts';
import type { DocFixture } from './testing.ts';
import { documentsFixture, insertTestBatch, TEST_AS_OF } from './testing.ts';
import { evidenceItems } from './verification-evidence.ts';
import { wallChartModel } from './wallchart.ts';

let fx: DocFixture;
const squash = (s: string) => s.replace(/\s+/g, '');
const householdOf = (status: string) => sqlGet<{ id: string; no: string }>(fx.archive, 'SELECT id, no FROM households WHERE status = ? ORDER BY no LIMIT 1', status)!;

beforeAll(() => {
  fx = documentsFixture(60, 'evidence', 2);
});
afterAll(() => fx.dispose());

describe('脱贫验收表 evidence', () => {
  const ctx = () => docContext(fx.archive, { asOf: TEST_AS_OF });
  function viewAndCheck(status: string): { h: HouseholdView; check: ReturnType<typeof exitChecks>[number] } {
    const { id } = householdOf(status);
    const [h] = [...householdViews(ctx(), [id])];
    const [check] = exitChecks(fx.archive.db, { year: ctx().year, batchId: null, householdIds: [id] });
    return { h: h!, check: check! };
  }
  const adult = (m: MemberView): MemberView => ({ ...m, age: 40, schoolStatus: '非在校生' });
  const item = (items: ReturnType<typeof evidenceItems>, code: string) => items.find((i) => i.code === code)!;

  it('states income against the year’s standard with the figures shared/income.ts computes', () => {
    const { h, check } = viewAndCheck('exited');
    const income = h.incomes.find((i) => i.year === check.year)!;
    const perCapita = computeIncome(income.components, income.householdSize).perCapitaFen!;
    const printed = item(evidenceItems(h, check), 'income');
    expect(printed.detail).toBe(`${check.year}年人均纯收入 ${formatYuan(perCapita)} 元 ${perCapita > income.standardFen! ? '＞' : '≤'} 当年标准 ${formatYuan(income.standardFen!)} 元${printed.verdict === '达标' ? '' : '，未超过标准'}`);
  });

  it('marks education 不涉及 without a school-age child, and counts the pupils with one', () => {
    const { h, check } = viewAndCheck('exited');
    const education = check.items.find((i) => i.code === 'education')!;
    const met = { ...check, items: check.items.map((i) => (i.code === 'education' ? { ...education, met: true } : i)) };
    const grownUps = { ...h, members: h.members.map(adult) };
    expect(item(evidenceItems(grownUps, met), 'education')).toMatchObject({ verdict: '不涉及', detail: '无义务教育阶段适龄成员' });
    const withPupil = { ...h, members: [...grownUps.members, { ...grownUps.members[0]!, name: '李小明', age: 10, schoolStatus: '小学' }] };
    expect(item(evidenceItems(withPupil, met), 'education')).toMatchObject({ verdict: '达标', detail: '义务教育阶段 1 人，在校 1 人' });
    const dropout = { ...h, members: [...grownUps.members, { ...grownUps.members[0]!, name: '李小明', age: 12, schoolStatus: '非在校生' }] };
    expect(item(evidenceItems(dropout, met), 'education').detail).toBe('义务教育阶段 1 人，在校 0 人；李小明为非在校生，请核实');
  });

  it('counts insurance and names the uninsured; an item the check failed prints 未达标 with its reason', () => {
    const { h, check } = viewAndCheck('exited');
    const members = h.members.map((m, i) => ({ ...m, medicalInsurance: i !== 0, seriousIllnessInsurance: i !== 0 }));
    const failed = { ...check, items: check.items.map((i) => (i.code === 'medical' ? { ...i, met: false, detail: '未达标' } : i)) };
    const medical = item(evidenceItems({ ...h, members }, failed), 'medical');
    const n = members.length;
    expect(medical.verdict).toBe('未达标');
    expect(medical.detail).toBe(`基本医保 参保 ${n - 1}/${n} 人；大病保险 ${n - 1}/${n} 人；未参保：${members[0]!.name}；未达标`);
  });

  it('prints housing grade and water from the archive, and 不涉及 for relocation, 低保 and 大病 the household does not have', () => {
    const { h, check } = viewAndCheck('exited');
    const plain = { ...h, relocation: null, living: { housingSafety: 'C级', drinkingWaterSafe: true }, members: h.members.map((m) => ({ ...m, isDibao: false, isTekun: false, health: '健康' })) };
    const items = evidenceItems(plain, check);
    expect(item(items, 'housing').detail).toMatch(/^住房安全等级：C级危房/);
    expect(item(items, 'water').detail).toMatch(/^饮水安全：是/);
    for (const code of ['relocation', 'welfare', 'illness']) expect(item(items, code).verdict).toBe('不涉及');
  });

  it('prints the evidence and the 不涉及 ticks on the paper', async () => {
    const { no } = householdOf('exited');
    const out = fx.file('verification.pdf');
    await renderDocument(fx.archive, { kind: 'verification-household', scope: { householdNo: no }, asOf: TEST_AS_OF }, { out });
    const text = squash(pdfText(out));
    expect(text).toContain('基本医保参保');
    expect(text).toMatch(/人均纯收入[\d,.]+元[＞≤]当年标/);
    expect(text).toContain('√不涉及');
    expect(text).toContain('非易地搬迁户');
  });
});

describe('义务教育辍学 on every paper', () => {
  /** The cell printed right of a label in a form's grids. */
  const cellAfter = (page: FormPage, label: string): Cell => {
    for (const b of page.blocks) {
      if (b.type !== 'grid') continue;
      for (const row of b.rows) {
        const i = row.findIndex((c) => c.label && c.text === label);
        if (i >= 0) return row[i + 1]!;
      }
    }
    throw new Error(`no ${label}`);
  };
  const doc = { township: '青山镇', year: 2025, printedOn: TEST_AS_OF, hotline: '12317' };

  it('is one test on the 明白卡, the 监测对象信息采集表 and the 验收表: a member of 6–15 or a 义务教育 grade recorded 非在校生', () => {
    const { id } = householdOf('exited');
    const [h] = [...householdViews(docContext(fx.archive, { asOf: TEST_AS_OF }), [id])];
    const grownUps: HouseholdView = { ...h!, members: h!.members.map((m) => ({ ...m, age: 40, schoolStatus: '非在校生' })) };
    const child = { ...grownUps.members[0]!, name: '李小明', relation: '之子', age: 12, schoolStatus: '非在校生' };
    const pupil = { ...child, name: '李小华', schoolStatus: '七年级' };
    const cases: [HouseholdView, boolean][] = [
      [grownUps, false],
      [{ ...grownUps, members: [...grownUps.members, pupil] }, false],
      [{ ...grownUps, members: [...grownUps.members, child] }, true],
    ];
    for (const [view, out] of cases) {
      expect(outOfSchoolChildren(view).map((m) => m.name)).toEqual(out ? ['李小明'] : []);
      expect(cellAfter(cardPage(doc, view), '义务教育辍学').text).toBe(out ? '有，请核实' : '无');
      // The 采集表 used to look for 辍学/失学辍学, values the 在校生状况 list never holds: always 否.
      expect(cellAfter(intakePage(doc, view), '义务教育阶段失学辍学').options?.chosen).toEqual([out ? '是' : '否']);
    }
  });
});

describe('a scope without households', () => {
  beforeAll(() => {
    const township = sqlGet<{ townshipId: string }>(fx.archive, 'SELECT township_id AS townshipId FROM villages LIMIT 1')!;
    sqlRun(fx.archive, "INSERT INTO villages (id, version, updated_at, updated_by, township_id, code, name, is_poor_village, sort_order) VALUES ('empty-v2', 1, '2026-11-20T08:00:00Z', '测试', ?, '511922101298', '空山村', 0, 98)", township.townshipId);
  });

  it('is refused naming the document, the village or batch and what to do; no file, archive unchanged', async () => {
    const batch = insertTestBatch(fx.archive, { kind: 'monitoring', year: 2026, villageIds: ['empty-v2'], households: 0 });
    const before = archiveChecksum(fx.archive.sqlite);
    const cases: [string, Record<string, string>, string][] = [
      ['enrollment', { villageCode: '511922101298' }, '没有符合条件的农户（空山村（511922101298）没有农户），未生成入户登记表：请换一个村、批次或年度。'],
      ['roster', { villageCode: '511922101298' }, '没有符合条件的农户（空山村（511922101298）没有农户），未生成花名册：请换一个村，或先导入该村农户。'],
      ['verification-household', { villageCode: '511922101298' }, '没有符合条件的农户（空山村（511922101298）没有2025年待验收（未脱贫、返贫或当年脱贫）的农户），未生成脱贫验收表：请换一个村、批次或年度。'],
      ['income-calc', { villageCode: '511922101298' }, '没有符合条件的农户（空山村（511922101298）没有建档立卡户或监测户），未生成年度人均纯收入计算表：请换一个村、批次或年度。'],
      ['card', { batchId: batch.id }, '没有符合条件的农户（批次“2026年防止返贫监测对象识别”中还没有农户），未生成明白卡：请先把农户加入该批次，或换一个批次、村。'],
    ];
    for (const [kind, scope, message] of cases) {
      const out = fx.file(`none-${kind}.pdf`);
      await expect(renderDocument(fx.archive, { kind: kind as 'card', scope, asOf: TEST_AS_OF }, { out })).rejects.toThrow(message);
      expect(existsSync(out)).toBe(false);
    }
    expect(archiveChecksum(fx.archive.sqlite)).toBe(before);
  });

  it('refuses a scope the document does not take instead of printing another (a 挂图 of one village was the township’s)', async () => {
    const { no } = householdOf('exited');
    const cases: [string, Record<string, string>, string][] = [
      ['wallchart', { villageCode: '511922101298' }, '统计挂图按全镇生成，不能指定行政村：请去掉行政村（命令行的 --village），或换一种文档。'],
      ['roster', { householdNo: no }, '村花名册按行政村生成，不能指定单户：请去掉单户（命令行的 --household），或换一种文档。'],
    ];
    for (const [kind, scope, message] of cases) {
      const out = fx.file(`scope-${kind}.pdf`);
      await expect(renderDocument(fx.archive, { kind: kind as 'roster', scope, asOf: TEST_AS_OF }, { out })).rejects.toThrow(message);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('prints — as its 贫困发生率 on the 挂图, not a 0.00% that reads as a result', () => {
    const m = wallChartModel(docContext(fx.archive, { asOf: TEST_AS_OF }));
    const rate = VILLAGE_COLUMNS.find((c) => c.label === '贫困发生率')!;
    expect(m.villages.map((v, i) => [v.name, rate.value(v, i)])).toContainEqual(['空山村', '—']);
    m.villages.forEach((v, i) => v.members > 0 && expect(rate.value(v, i)).toMatch(/^\d+\.\d\d%$/));
  });
});

describe('村出列验收表 of a village without people', () => {
  it('is refused in Chinese and writes no file', async () => {
    const township = sqlGet<{ townshipId: string }>(fx.archive, 'SELECT township_id AS townshipId FROM villages LIMIT 1')!;
    sqlRun(fx.archive, "INSERT INTO villages (id, version, updated_at, updated_by, township_id, code, name, is_poor_village, sort_order) VALUES ('empty-v', 1, '2026-11-20T08:00:00Z', '测试', ?, '511922101299', '空村', 1, 99)", township.townshipId);
    const out = fx.file('empty-village.pdf');
    await expect(renderDocument(fx.archive, { kind: 'verification-village', scope: { villageCode: '511922101299' }, asOf: TEST_AS_OF }, { out })).rejects.toThrow(/空村（511922101299）在档案中没有人口.*无法计算贫困发生率/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('明白卡 income line', () => {
  it('holds each year against the policy table’s line for the year and household kind', () => {
    const ctx = docContext(fx.archive, { asOf: TEST_AS_OF });
    const line = (kind: 'exitStandard' | 'povertyLine' | 'monitoringLine', year: number) => resolvePolicy(ctx.policy, kind, year, ctx.province)!.value;
    const income = (year: number) => ({ year, standardFen: Math.max(line('exitStandard', year), line('povertyLine', year)), monitoringLineFen: line('monitoringLine', 2020) });
    expect(cardLine({ status: 'exited' }, income(2019))).toEqual({ label: '脱贫标准', fen: 400_000 });
    expect(cardLine({ status: 'edge' }, income(2020))).toEqual({ label: '防返贫监测范围', fen: 500_000 });
    expect(cardLine({ status: 'exited' }, income(2025))).toEqual({ label: '防返贫监测范围', fen: line('monitoringLine', 2025) });
  });

  it('prints that line in the table and the same number in the note, the policies received and 填写人', async () => {
    const { id, no } = householdOf('exited');
    const out = fx.file('card.pdf');
    await renderDocument(fx.archive, { kind: 'card', scope: { householdNo: no }, asOf: TEST_AS_OF }, { out });
    const text = squash(pdfText(out));
    const ctx = docContext(fx.archive, { asOf: TEST_AS_OF });
    const fen = resolvePolicy(ctx.policy, 'monitoringLine', ctx.year, ctx.province)!.value;
    expect(text).toContain(`防返贫监测范围${formatYuan(fen)}`);
    expect(text).toContain(`当年防返贫监测范围（${formatYuan(fen)}元）`);
    expect(text).not.toContain('当年标准');
    const categories = sqlAll<{ category: string }>(fx.archive, 'SELECT DISTINCT category FROM measures WHERE household_id = ?', id);
    expect(text).toContain('享受政策类别');
    for (const c of categories) expect(text).toContain(c.category);
    expect(text).toMatch(/填写人：\S+（帮扶责任人）填写日期：2026年11月24日/);
  });
});

describe('挂图', () => {
  const model: WallChartModel = {
    title: '测试镇挂图',
    county: '示例县',
    township: '测试镇',
    year: 2025,
    asOf: TEST_AS_OF,
    keyFigures: [{ label: '行政村', value: '3 个' }],
    villages: [],
    byCause: { 因病: 18_234, 因残: 12_050, 缺资金: 120 },
    byAttribute: { 一般贫困户: 150, 低保贫困户: 180 },
    exitsByYear: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(2014 + i), 1000 + i * 137])),
    byStatus: { 已脱贫: 120, 返贫户: 150, 边缘易致贫户: 180 },
    monitoringLevels: { 红色: 3, 黄色: 6 },
    helperCoverage: { households: 100, covered: 90, helpers: 20 },
  };

  it('keeps the value axes’ tick labels apart (no "100150200")', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await wallChartPdf(model, 'A3', out);
    const file = fx.file('wall-ticks.pdf');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, Buffer.concat(chunks));
    const tokens = pdfText(file).split(/\s+/);
    // The 户类别 axis (120–180) ticks by 50; a tick run together with its neighbour makes a token of two ticks.
    expect(tokens).toEqual(expect.arrayContaining(['0', '100', '200']));
    const ticks = ['0', '50', '100', '150', '200', '500', '1,000', '1,500', '2,000', '2,500', '3,000', '5,000', '10,000', '15,000', '20,000'];
    const runTogether = tokens.filter((t) => !ticks.includes(t) && ticks.some((a) => ticks.some((b) => t === `${a}${b}`)));
    expect(runTogether).toEqual([]);
  });

  it('puts the six charts in the workbook as PNG pictures, and the A1 variant on A2 paper fitted to the page', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await wallChartXlsx(model, out, 'A1');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('图表')!;
    expect(sheet.getImages()).toHaveLength(6);
    const media = wb.model.media as unknown as { extension: string; buffer: Buffer }[];
    expect(media).toHaveLength(6);
    for (const m of media) expect(m.buffer.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(XLSX_PAPER.A1).toBe(66);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 66, fitToPage: true, fitToWidth: 1, fitToHeight: 1 });
    expect(wb.getWorksheet('各村情况')!.pageSetup.paperSize).toBe(66);
  });
});

describe('年度人均纯收入计算表', () => {
  const KEYS = ['wage_fen', 'business_fen', 'property_fen', 'family_planning_fen', 'dibao_fen', 'tekun_fen', 'pension_fen', 'eco_compensation_fen', 'other_transfer_fen', 'business_expense_fen'] as const;
  function incomeOf(householdId: string, year: number): { size: number; components: IncomeComponents } {
    const row = sqlGet<Record<string, number>>(fx.archive, `SELECT household_size, ${KEYS.join(', ')} FROM incomes WHERE household_id = ? AND year = ?`, householdId, year)!;
    const [wageFen, businessFen, propertyFen, familyPlanningFen, dibaoFen, tekunFen, pensionFen, ecoCompensationFen, otherTransferFen, businessExpenseFen] = KEYS.map((k) => row[k]!);
    return { size: row.household_size!, components: { wageFen: wageFen!, businessFen: businessFen!, propertyFen: propertyFen!, familyPlanningFen: familyPlanningFen!, dibaoFen: dibaoFen!, tekunFen: tekunFen!, pensionFen: pensionFen!, ecoCompensationFen: ecoCompensationFen!, otherTransferFen: otherTransferFen!, businessExpenseFen: businessExpenseFen! } };
  }

  it('prints a household’s lines with the totals of shared/income.ts and the year’s standard', async () => {
    const { id, no } = householdOf('exited');
    const out = fx.file('income-calc.pdf');
    const r = await renderDocument(fx.archive, { kind: 'income-calc', scope: { householdNo: no }, asOf: TEST_AS_OF }, { out });
    expect(r.pages).toBe(1);
    const ctx = docContext(fx.archive, { asOf: TEST_AS_OF });
    const { size, components } = incomeOf(id, ctx.year);
    const t = computeIncome(components, size);
    const text = squash(pdfText(out));
    for (const label of ['工资性收入', '生产经营性收入', '财产性收入', '计划生育金', '低保金', '特困供养金', '养老保险金', '生态补偿金', '其他转移性收入', '生产经营性支出', '家庭纯收入', '人均纯收入']) expect(text).toContain(label);
    expect(text).toContain(`转移性收入${formatYuan(t.transferFen)}`);
    expect(text).toContain(`家庭总收入${formatYuan(t.grossFen)}`);
    expect(text).toContain(`家庭纯收入${formatYuan(t.netFen)}`);
    expect(text).toContain(`人均纯收入${formatYuan(t.perCapitaFen!)}`);
    expect(text).toContain(`当年脱贫标准（元）${formatYuan(400_000)}`);
  });

  it('lists a village’s registered households in one sheet, each row equal to shared/income.ts', async () => {
    const village = sqlGet<{ code: string; id: string }>(fx.archive, 'SELECT code, id FROM villages ORDER BY code LIMIT 1')!;
    const out = fx.file('income-calc.xlsx');
    const r = await renderDocument(fx.archive, { kind: 'income-calc', format: 'xlsx', scope: { villageCode: village.code }, asOf: TEST_AS_OF }, { out });
    expect(r.sheets).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    const header = ws.getRow(3).values as string[];
    const col = (label: string) => header.indexOf(label);
    const registered = sqlAll<{ id: string; no: string }>(fx.archive, "SELECT id, no FROM households WHERE village_id = ? AND status IN ('poor', 'exited', 'returned', 'edge', 'unstable', 'sudden') ORDER BY no", village.id);
    expect(ws.rowCount - 3).toBe(registered.length);
    const year = docContext(fx.archive, { asOf: TEST_AS_OF }).year;
    registered.forEach((h, i) => {
      const row = ws.getRow(4 + i);
      expect(row.getCell(col('户编号')).text).toBe(h.no);
      const { size, components } = incomeOf(h.id, year);
      const t = computeIncome(components, size);
      expect(row.getCell(col('家庭纯收入（元）')).text).toBe(formatYuan(t.netFen));
      expect(row.getCell(col('人均纯收入（元）')).text).toBe(formatYuan(t.perCapitaFen!));
      expect(row.getCell(col('转移性收入（元）')).text).toBe(formatYuan(t.transferFen));
    });
  });

  it('refuses the township without a village, household or batch', async () => {
    const out = fx.file('income-township.pdf');
    await expect(renderDocument(fx.archive, { kind: 'income-calc', asOf: TEST_AS_OF }, { out })).rejects.toThrow(/需要指定一户、一个行政村或一个批次/);
    expect(existsSync(out)).toBe(false);
  });
});
