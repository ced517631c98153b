// Charts as vectors: an ECharts option rendered to SVG on the server (no DOM, no canvas),
// then drawn into the PDF by svg-to-pdfkit with the document's font. The same options can
// feed an in-app ECharts dashboard unchanged.
import * as echarts from 'echarts';
import SVGtoPDF from 'svg-to-pdfkit';
import type { Pdf } from './pdf.ts';
import { PDF_FONT } from './pdf.ts';

export type ChartOption = Record<string, unknown>;

export function chartSvg(option: ChartOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Draws the chart in the box (points); the SVG is laid out at the box's own size. */
export function drawChart(pdf: Pdf, option: ChartOption, x: number, y: number, width: number, height: number): void {
  const svg = chartSvg(option, Math.round(width), Math.round(height));
  SVGtoPDF(pdf.doc, svg, x, y, { width, height, assumePt: true, fontCallback: () => PDF_FONT });
  pdf.doc.font(PDF_FONT);
  pdf.colorsChanged();
}
