// 挂图: the township on one sheet for the office wall — key figures, the per-village table and
// six charts — all vectors, laid out on A3 landscape and scaled up unchanged for A2 and A1. The
// workbook carries the table, the charts as pictures (resvg PNGs) and each chart's figures.
import type { Writable } from 'node:stream';
import { dateCn, rateText } from '../layout/format.ts';
import type ExcelJS from 'exceljs';
import { chartPng, drawChart } from '../layout/chart.ts';
import type { RenderResult } from '../layout/pdf.ts';
import { loadPdfkit, Pdf } from '../layout/pdf.ts';
import type { Column, Row } from '../layout/table.ts';
import { drawTable, tableHeight } from '../layout/table.ts';
import { addTableSheet, newWorkbook, sheetOptions, titleRow, writeWorkbook } from '../layout/xlsx.ts';
import { wallChartOptions } from './charts.ts';
import type { WallChartModel, WallChartVillage } from './model.ts';

export type { WallChartModel, WallChartVillage } from './model.ts';
export { wallChartOptions } from './charts.ts';

/** A3 landscape in points: the layout's own coordinates. */
const W = 1190.55;
const H = 841.89;
const M = 28;
const SCALE: Record<'A3' | 'A2' | 'A1', number> = { A3: 1, A2: Math.SQRT2, A1: 2 };

const pair = (h: number, m: number): string => `${h} / ${m}`;

export const VILLAGE_COLUMNS: readonly (Column & { width: number; value: (v: WallChartVillage, i: number) => string | number })[] = [
  { label: '序号', weight: 26, width: 6, value: (_v, i) => i + 1 },
  { label: '行政村', weight: 62, width: 12, value: (v) => v.name },
  { label: '村类别', weight: 78, width: 16, value: (v) => v.category },
  { label: '总户数', weight: 44, width: 9, value: (v) => v.households },
  { label: '总人口', weight: 44, width: 9, value: (v) => v.members },
  { label: '未脱贫（户/人）', weight: 62, width: 14, value: (v) => pair(v.poorHouseholds, v.poorMembers) },
  { label: '已脱贫（户/人）', weight: 62, width: 14, value: (v) => pair(v.exitedHouseholds, v.exitedMembers) },
  { label: '监测对象（户/人）', weight: 62, width: 15, value: (v) => pair(v.monitoredHouseholds, v.monitoredMembers) },
  { label: '贫困发生率', weight: 52, width: 11, value: (v) => rateText(v.incidence) },
  { label: '第一书记', weight: 56, width: 12, value: (v) => v.firstSecretary ?? '' },
];

function totals(m: WallChartModel): string[] {
  const sum = (k: keyof WallChartVillage): number => m.villages.reduce((n, v) => n + Number(v[k]), 0);
  return ['', '合计', `${m.villages.length} 个村`, String(sum('households')), String(sum('members')), pair(sum('poorHouseholds'), sum('poorMembers')), pair(sum('exitedHouseholds'), sum('exitedMembers')), pair(sum('monitoredHouseholds'), sum('monitoredMembers')), '', ''];
}

function keyFigures(pdf: Pdf, m: WallChartModel, y: number): number {
  const n = m.keyFigures.length;
  const gap = 10;
  const w = (W - 2 * M - gap * (n - 1)) / n;
  const h = 58;
  m.keyFigures.forEach((f, i) => {
    const x = M + i * (w + gap);
    pdf.doc.roundedRect(x, y, w, h, 5).fillAndStroke('#f3f6fa', '#3a6ea5');
    pdf.colorsChanged();
    pdf.text(f.label, x, y + 7, { size: 12, width: w, align: 'center', color: '#333333' });
    let size = 20;
    while (size > 10 && pdf.widthOf(f.value, size) > w - 10) size -= 1;
    pdf.text(f.value, x, y + 26 + (20 - size) / 2, { size, width: w, align: 'center', bold: true, color: '#1d3f6e' });
  });
  return y + h;
}

export async function wallChartPdf(m: WallChartModel, paper: 'A3' | 'A2' | 'A1', out: Writable): Promise<RenderResult> {
  await loadPdfkit();
  const pdf = new Pdf({ paper, landscape: true, title: m.title, numbered: false, margins: { top: 0, bottom: 0, left: 0, right: 0 } }, out);
  pdf.newPage();
  pdf.where = m.title;
  pdf.doc.scale(SCALE[paper]);
  pdf.text(m.title, M, M - 6, { size: 30, width: W - 2 * M, align: 'center', bold: true });
  pdf.text(`${m.county}${m.township} · 统计年度 ${m.year} 年 · 数据截至 ${dateCn(m.asOf)}`, M, M + 34, { size: 13, width: W - 2 * M, align: 'center', color: '#444444' });
  const top = keyFigures(pdf, m, M + 58) + 14;
  const tableWidth = 560;
  // Charts first: they belong on the one page whatever the table does.
  const charts = wallChartOptions(m, (s) => pdf.clean(s));
  const left = M + tableWidth + 16;
  const cw = (W - M - left - 10) / 2;
  const ch = (H - M - top) / 3;
  for (const [i, c] of charts.entries()) {
    const x = left + (i % 2) * (cw + 10);
    const y = top + Math.floor(i / 2) * ch;
    pdf.doc.lineWidth(0.5).strokeColor('#bbbbbb').rect(x, y, cw, ch - 6).stroke();
    await drawChart(pdf, c.option, x + 2, y + 2, cw - 4, ch - 10);
  }
  pdf.text('各村情况一览', M, top, { size: 14, bold: true });
  pdf.y = top + 22;
  const table = {
    columns: VILLAGE_COLUMNS,
    groups: m.villages.map((v, i): Row[] => [{ cells: VILLAGE_COLUMNS.map((c) => String(c.value(v, i))) }]),
    footer: [{ cells: totals(m), bold: true }],
    x: M,
    width: tableWidth,
  };
  // The largest type that fits the villages under the key figures (a big township gets smaller type).
  let size = 11;
  while (size > 5 && tableHeight(pdf, { ...table, size }) > H - M - pdf.y) size -= 0.5;
  drawTable(pdf, { ...table, size });
  return pdf.finish();
}

/**
 * Excel has no A1 paper code: A1 is printed on A2 (code 66, the largest ISO paper Excel defines),
 * scaled to fit; the full A1 sheet is the PDF's. A3 is 8, A2 66.
 */
export const XLSX_PAPER: Record<'A3' | 'A2' | 'A1', number> = { A3: 8, A2: 66, A1: 66 };

/** A chart's picture in the workbook, in pixels (drawn at twice that for print). */
const CHART_PX = { width: 560, height: 340 } as const;

/** The six charts as pictures on their own sheet, two a row, the sheet fitted to one page. */
async function chartsSheet(wb: ExcelJS.Workbook, m: WallChartModel, paper: number): Promise<void> {
  const ws = wb.addWorksheet('图表', sheetOptions({ paper: 'A3', landscape: true, onePage: true }));
  // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- Excel's own code for the paper
  ws.pageSetup.paperSize = paper;
  titleRow(ws, 1, 16, m.title, 20);
  // Column width 8.43 units ≈ 64 px, row height 20 pt ≈ 26.7 px: pictures are anchored by cell.
  ws.columns = Array.from({ length: 16 }, () => ({ width: 10 }));
  const col = 16 / 2;
  const rowsPer = Math.ceil(CHART_PX.height / 20) + 1;
  for (const [i, c] of wallChartOptions(m).entries()) {
    const png = await chartPng(c.option, CHART_PX.width, CHART_PX.height);
    const id = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
    ws.addImage(id, { tl: { col: (i % 2) * col, row: 2 + Math.floor(i / 2) * rowsPer }, ext: CHART_PX, editAs: 'oneCell' });
  }
}

export async function wallChartXlsx(m: WallChartModel, out: Writable, paper: 'A3' | 'A2' | 'A1' = 'A3'): Promise<RenderResult> {
  const wb = await newWorkbook(m.title);
  const main = addTableSheet(wb, {
    name: '各村情况',
    title: m.title,
    subtitle: `${m.county}${m.township}\u3000统计年度 ${m.year} 年\u3000数据截至 ${dateCn(m.asOf)}`,
    intro: m.keyFigures.map((f) => `${f.label}：${f.value}`).join('　　'),
    columns: VILLAGE_COLUMNS.map((c) => ({ label: c.label, width: c.width })),
    groups: m.villages.map((v, i) => [VILLAGE_COLUMNS.map((c) => c.value(v, i))]),
    footer: [totals(m)],
    setup: { paper, landscape: true },
  });
  // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- Excel's own code for the paper
  main.pageSetup.paperSize = XLSX_PAPER[paper];
  await chartsSheet(wb, m, XLSX_PAPER[paper]);
  const breakdown = (title: string, data: Record<string, number>): void => {
    addTableSheet(wb, { name: title, title, columns: [{ label: '项目', width: 24 }, { label: '户数', width: 12 }], groups: Object.entries(data).map(([k, n]) => [[k, n]]), setup: { paper: 'A4', landscape: false } });
  };
  breakdown('主要致贫原因', m.byCause);
  breakdown('贫困户属性', m.byAttribute);
  breakdown('历年脱贫户数', m.exitsByYear);
  breakdown('户类别', m.byStatus);
  breakdown('监测对象风险等级', m.monitoringLevels);
  await writeWorkbook(wb, out);
  return { pages: null, sheets: wb.worksheets.length, missingGlyphs: [] };
}
