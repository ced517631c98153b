// The township-level papers from a demo archive: the wall chart (the same figures as `stats`,
// one vector page, A3/A2/A1, charts as ECharts options for a dashboard) and the village exit
// table (figures from stats and the village's yearly record, thresholds from the policy).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlGet } from '../../db/testing.ts';
import { percent, rateText } from '../../templates/layout/format.ts';
import { pdfFonts, pdfInfo, pdfText } from '../../templates/layout/pdf-tools.ts';
import { townshipStats } from '../stats.ts';
import { docContext } from './context.ts';
import { renderDocument } from './index.ts';
import type { DocFixture } from './testing.ts';
import { documentsFixture, TEST_AS_OF } from './testing.ts';
import { verificationVillageModel } from './verification-village.ts';
import { wallChartModel, wallChartView } from './wallchart.ts';

let fx: DocFixture;
const squash = (s: string) => s.replace(/\s+/g, '');
beforeAll(() => {
  fx = documentsFixture(120, 'township');
});
afterAll(() => fx.dispose());

describe('wall chart (挂图)', () => {
  it('uses exactly the figures of stats', () => {
    const ctx = docContext(fx.archive, { asOf: TEST_AS_OF });
    const m = wallChartModel(ctx);
    const s = townshipStats(fx.archive, { year: ctx.year, asOf: TEST_AS_OF });
    expect(m.villages.map((v) => [v.code, v.households, v.members, v.poorHouseholds, v.exitedMembers, v.monitoredHouseholds, v.incidence])).toEqual(
      s.perVillage.map((v) => [v.code, v.households, v.members, v.poorHouseholds, v.exitedMembers, v.monitoredHouseholds, v.incidence]),
    );
    expect(m.byCause).toEqual(s.byCause);
    expect(m.byAttribute).toEqual(s.byAttribute);
    expect(m.exitsByYear).toEqual(s.exitsByYear);
    expect(m.helperCoverage).toEqual(s.helperCoverage);
    const monitored = s.byStatus.edge.households + s.byStatus.unstable.households + s.byStatus.sudden.households;
    expect(Object.values(m.monitoringLevels).reduce((a, b) => a + b, 0)).toBe(monitored);
    expect(m.keyFigures).toContainEqual({ label: '总户数 / 总人口', value: `${s.households} / ${s.members}` });
  });

  it('gives a dashboard the six charts as plain ECharts options', () => {
    const v = wallChartView(docContext(fx.archive, { asOf: TEST_AS_OF }));
    expect(v.charts.map((c) => c.key)).toEqual(['cause', 'attribute', 'exits', 'status', 'monitoring', 'helpers']);
    for (const c of v.charts) expect(JSON.parse(JSON.stringify(c.option))).toEqual(c.option);
  });

  it('prints one A3 landscape page with the figures and village names, vector charts and the font embedded', async () => {
    const out = fx.file('wallchart.pdf');
    const r = await renderDocument(fx.archive, { kind: 'wallchart', asOf: TEST_AS_OF }, { out });
    const info = pdfInfo(out);
    expect([r.pages, info.pages]).toEqual([1, 1]);
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([1191, 842]);
    const m = wallChartModel(docContext(fx.archive, { asOf: TEST_AS_OF }));
    const text = squash(pdfText(out));
    expect(text).toContain(squash(m.title));
    for (const v of m.villages) expect(text).toContain(v.name);
    for (const v of m.villages) expect(text).toContain(rateText(v.incidence));
    expect(text).toContain('主要致贫原因');
    expect(text).toContain('监测对象风险等级');
    expect(pdfFonts(out).every((f) => f.embedded)).toBe(true);
  });

  it('keeps a 30-village township on its one page (smaller type for the table)', async () => {
    const big = documentsFixture(300, 'wall30', 30);
    try {
      const out = big.file('wallchart-30.pdf');
      const r = await renderDocument(big.archive, { kind: 'wallchart', asOf: TEST_AS_OF }, { out });
      expect([r.pages, pdfInfo(out).pages]).toEqual([1, 1]);
      const text = squash(pdfText(out));
      for (const v of wallChartModel(docContext(big.archive, { asOf: TEST_AS_OF })).villages) expect(text).toContain(v.name);
      expect(text).toContain('结对帮扶覆盖');
    } finally {
      big.dispose();
    }
  });

  it('scales to A1 on request, still one page', async () => {
    const out = fx.file('wallchart-a1.pdf');
    await renderDocument(fx.archive, { kind: 'wallchart', asOf: TEST_AS_OF, options: { paper: 'A1' } }, { out });
    const info = pdfInfo(out);
    expect([info.pages, Math.round(info.width), Math.round(info.height)]).toEqual([1, 2384, 1684]);
  });

  it('writes the village table, the charts as pictures and the breakdowns as a workbook, A3 landscape', async () => {
    const out = fx.file('wallchart.xlsx');
    await renderDocument(fx.archive, { kind: 'wallchart', format: 'xlsx', asOf: TEST_AS_OF }, { out });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['各村情况', '图表', '主要致贫原因', '贫困户属性', '历年脱贫户数', '户类别', '监测对象风险等级']);
    const ws = wb.worksheets[0]!;
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 8, fitToWidth: 1, printTitlesRow: '4:4' });
    expect(ws.getRow(4).getCell(2).value).toBe('行政村');
    expect(wb.getWorksheet('图表')!.getImages()).toHaveLength(6);
  });
});

describe('village exit table (贫困村出列验收表)', () => {
  it('judges each standard from the archive, and says what is missing instead of guessing', () => {
    const ctx = docContext(fx.archive, { asOf: TEST_AS_OF });
    const village = townshipStats(fx.archive, { asOf: TEST_AS_OF }).perVillage[0]!;
    const without = verificationVillageModel(ctx, village.code, { provinceAverageFen: null, incidenceMaxPercent: 3 });
    expect(without.items.map((i) => i.label)).toEqual(['贫困人口全部脱贫', '贫困发生率', '农村居民人均可支配收入', '村集体经营性收入']);
    expect(without.items[1]!.met).toBe(village.incidence < 3);
    expect(without.items[1]!.detail).toContain(percent(village.incidence));
    expect(without.items[2]!.met).toBeNull();
    expect(without.items[2]!.detail).toMatch(/未提供全省农村居民人均可支配收入/);
    expect(without.qualifies).toBe(false);
    const vy = sqlGet<{ pc: number }>(fx.archive, 'SELECT per_capita_income_fen AS pc FROM village_years vy JOIN villages v ON v.id = vy.village_id WHERE v.code = ? AND vy.year = ?', village.code, ctx.year)!;
    const justEnough = Math.floor((vy.pc * 100) / 70);
    expect(verificationVillageModel(ctx, village.code, { provinceAverageFen: justEnough, incidenceMaxPercent: 3 }).items[2]!.met).toBe(true);
    expect(verificationVillageModel(ctx, village.code, { provinceAverageFen: justEnough + 200, incidenceMaxPercent: 3 }).items[2]!.met).toBe(false);
    expect(without.checklist.length).toBeGreaterThan(0);
  });

  it('prints the items ticked, the conclusion, signatures and page numbers', async () => {
    const code = townshipStats(fx.archive, { asOf: TEST_AS_OF }).perVillage[0]!.code;
    const out = fx.file('village.pdf');
    const r = await renderDocument(fx.archive, { kind: 'verification-village', scope: { villageCode: code }, asOf: TEST_AS_OF, options: { provinceAverageFen: 1_800_000 } }, { out });
    const text = squash(pdfText(out));
    expect(text).toContain('贫困村出列验收表');
    expect(text).toContain('达到50,000.00元以上');
    expect(text).toContain('村党组织书记（签字）');
    expect(text).toContain(`第1页共${r.pages}页`);
  });
});
