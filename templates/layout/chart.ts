// Charts as vectors: an ECharts option rendered to SVG on the server (no DOM, no canvas),
// then drawn into the PDF by svg-to-pdfkit with the document's font. The same options can
// feed an in-app ECharts dashboard unchanged. echarts (2.8 MB with zrender) and svg-to-pdfkit
// are loaded on first use: only the wall chart draws charts, and every other document (and
// command) would otherwise pay for parsing them.
import type * as ResvgModule from '@resvg/resvg-js';
import type * as Echarts from 'echarts';
import type SvgToPdf from 'svg-to-pdfkit';
import type { Pdf } from './pdf.ts';
import { documentFont } from './fonts.ts';
import { PDF_FONT } from './pdf.ts';

export type ChartOption = Record<string, unknown>;

interface Engines {
  echarts: typeof Echarts;
  svgToPdf: typeof SvgToPdf;
}

let engines: Promise<Engines> | null = null;

function loadEngines(): Promise<Engines> {
  engines ??= Promise.all([import('echarts'), import('svg-to-pdfkit')]).then(([echarts, svg]) => ({ echarts, svgToPdf: svg.default }));
  return engines;
}

export async function chartSvg(option: ChartOption, width: number, height: number): Promise<string> {
  const { echarts } = await loadEngines();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Draws the chart in the box (points); the SVG is laid out at the box's own size. */
export async function drawChart(pdf: Pdf, option: ChartOption, x: number, y: number, width: number, height: number): Promise<void> {
  const svg = await chartSvg(option, Math.round(width), Math.round(height));
  (await loadEngines()).svgToPdf(pdf.doc, svg, x, y, { width, height, assumePt: true, fontCallback: () => PDF_FONT });
  pdf.doc.font(PDF_FONT);
  pdf.colorsChanged();
}

type Resvg = typeof ResvgModule;
let resvg: Promise<Resvg> | null = null;

/**
 * The chart as a PNG (for a workbook: exceljs takes pictures, not vectors), drawn by resvg with
 * the document's font at `zoom` times the box's pixels. resvg is a native module: loaded here,
 * on the first workbook with charts, never by a process that draws none.
 */
export async function chartPng(option: ChartOption, width: number, height: number, zoom = 2): Promise<Buffer> {
  const svg = await chartSvg(option, width, height);
  resvg ??= import('@resvg/resvg-js');
  const { Resvg } = await resvg;
  const font = documentFont();
  const family = 'Noto Sans SC';
  const png = new Resvg(svg, {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: zoom },
    font: { loadSystemFonts: false, fontFiles: [font.file], defaultFontFamily: family, sansSerifFamily: family, serifFamily: family },
  }).render();
  return png.asPng();
}
