// Paper outputs (issue 6): the roster of a 1,000-household village (≤ 2 s), the enrollment
// forms of the whole demo township streamed into one PDF (≥ 100 pages/s, flat memory) and the
// wall chart (≤ 1 s) — each against bare pdfkit (+ echarts) doing comparable drawing.
import { createWriteStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { unlockArchive } from '../core/accounts/login.ts';
import { initArchive } from '../core/archive.ts';
import type { Archive } from '../core/archive.ts';
import { generateDemo } from '../core/demo/index.ts';
import { renderDocument } from '../core/documents/index.ts';
import { chartSvg } from '../templates/layout/chart.ts';
import { documentFont } from '../templates/layout/fonts.ts';
import type { Figure } from './harness.ts';
import { compare } from './harness.ts';
import { BENCH_LOGIN } from './suites.ts';

const AS_OF = '2026-11-24';
const actor = { operator: '基准测试', now: () => new Date(`${AS_OF}T08:00:00Z`) };
const seconds = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e9;
const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);

/** Bare pdfkit: `pages` pages of `cells` short texts each, with the same embedded font, streamed to a file. */
async function barePdf(file: string, pages: number, cells: number, landscape = false): Promise<number> {
  const t0 = process.hrtime.bigint();
  const doc = new PDFDocument({ size: 'A4', layout: landscape ? 'landscape' : 'portrait', autoFirstPage: false });
  doc.registerFont('f', documentFont().data);
  const out = createWriteStream(file);
  doc.pipe(out);
  for (let p = 0; p < pages; p++) {
    doc.addPage().font('f').fontSize(8);
    for (let c = 0; c < cells; c++) {
      const x = 30 + (c % 12) * 45;
      const y = 40 + Math.floor(c / 12) * 14;
      doc.text(`第${p}页${c}格`, x, y, { width: 44, lineBreak: false });
      doc.rect(x, y - 2, 45, 14);
    }
    doc.stroke();
    if (p % 50 === 0) await new Promise<void>((r) => setImmediate(r));
  }
  doc.end();
  await finished(out);
  return seconds(t0);
}

/** The benchmark township, opened as its station chief logs in (not timed). */
async function open(db: string): Promise<Archive> {
  return (await unlockArchive(db, BENCH_LOGIN, actor)).archive;
}

async function rosterFigure(dir: string, households: number): Promise<Figure> {
  const archive = initArchive({ file: join(dir, 'doc-roster.db'), name: '基准镇', code: '511922101000', county: '示例县', province: '四川省' }, actor);
  generateDemo(archive, { villages: 1, households, seed: 'roster', asOf: AS_OF, actor, plant: false });
  const code = (archive.sqlite.prepare('SELECT code FROM villages').get() as { code: string }).code;
  const members = (archive.sqlite.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n;
  const t0 = process.hrtime.bigint();
  const r = await renderDocument(archive, { kind: 'roster', scope: { villageCode: code }, asOf: AS_OF }, { out: join(dir, 'roster.pdf') });
  const value = seconds(t0);
  archive.close();
  // The same number of table cells (19 per member) drawn by bare pdfkit.
  const baseline = await barePdf(join(dir, 'bare-roster.pdf'), r.pages ?? 1, Math.ceil((members * 19) / (r.pages ?? 1)), true);
  return { ...compare(`doc-roster-${households}`, value, 's', 'pdfkit-same-cells-same-font', baseline, '<= 2 s'), note: `${households} 户 ${members} 人，${r.pages} 页` };
}

async function enrollmentFigures(dir: string, db: string): Promise<Figure[]> {
  const archive = await open(db);
  const households = (archive.sqlite.prepare('SELECT count(*) AS n FROM households').get() as { n: number }).n;
  const k = `${Math.round(households / 1000)}k`;
  const rss: number[] = [];
  const before = process.memoryUsage().rss;
  const t0 = process.hrtime.bigint();
  const r = await renderDocument(archive, { kind: 'enrollment', asOf: AS_OF }, { out: join(dir, 'enrollment.pdf') }, {
    onProgress: (done, total) => {
      if (done % Math.max(1, Math.floor(total / 20)) === 0) rss.push(process.memoryUsage().rss);
    },
  });
  const value = seconds(t0);
  archive.close();
  const pages = r.pages ?? 0;
  rmSync(join(dir, 'enrollment.pdf'), { force: true });
  // Bare pdfkit: 2,000 pages of 200 cells (an enrollment page draws about that many texts).
  const barePages = Math.min(2000, pages);
  const bare = await barePdf(join(dir, 'bare-enrollment.pdf'), barePages, 200);
  const fifth = rss[Math.floor(rss.length / 5)] ?? before;
  const peak = Math.max(before, ...rss);
  return [
    { ...compare(`doc-enrollment-${k}`, pages / value, 'pages/s', 'pdfkit-200-texts-per-page', barePages / bare, '>= 100 pages/s'), note: `${households} 户 ${pages} 页，${value.toFixed(1)} s` },
    { name: `doc-enrollment-rss-${k}`, value: mb(peak), unit: 'MB', note: `峰值；开始前 ${mb(before)} MB，20% 处 ${mb(fifth)} MB，结束 ${mb(rss[rss.length - 1] ?? before)} MB` },
  ];
}

async function wallchartFigure(dir: string, db: string): Promise<Figure> {
  const archive = await open(db);
  const t0 = process.hrtime.bigint();
  await renderDocument(archive, { kind: 'wallchart', asOf: AS_OF }, { out: join(dir, 'wallchart.pdf') });
  const value = seconds(t0);
  archive.close();
  // Bare echarts: six bar charts rendered to SVG (no figures gathered, no PDF).
  const option = { xAxis: { type: 'category', data: ['因病', '因残', '因学'] }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: [3, 2, 1] }] };
  const t1 = process.hrtime.bigint();
  for (let i = 0; i < 6; i++) chartSvg(option, 300, 250);
  return compare('doc-wallchart', value, 's', 'echarts-ssr-6-svg', seconds(t1), '<= 1 s');
}

/** `db`: the demo township of the run (bench.db). */
export async function documentsSuite(dir: string, db: string, size: 'full' | 'small'): Promise<Figure[]> {
  return [await rosterFigure(dir, size === 'full' ? 1000 : 100), ...(await enrollmentFigures(dir, db)), await wallchartFigure(dir, db)];
}
