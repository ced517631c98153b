// Paper outputs (issue 6), three suites: the roster of a 1,000-household village (≤ 2 s and
// ≤ 300 MB as a whole command, spawned from the bundle, and in-process), the
// enrollment forms of the whole demo township streamed into one PDF (≥ 150 pages/s, RSS growth
// ≤ 50 MB) and the wall chart (≤ 1 s) — each interleaved with bare pdfkit (+ echarts) doing
// comparable drawing.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { unlockArchive } from '../core/accounts/login.ts';
import { createProtectedArchive } from '../core/archive.ts';
import type { Archive } from '../core/archive.ts';
import { generateDemo } from '../core/demo/index.ts';
import { renderDocument } from '../core/documents/index.ts';
import { chartSvg } from '../templates/layout/chart.ts';
import { documentFont } from '../templates/layout/fonts.ts';
import { ROOT } from '../scripts/build-electron.ts';
import { CLI_BUNDLE, ensureBundle } from '../scripts/cli-bundle.ts';
import type { Figure } from './harness.ts';
import { fromRounds, interleave, median, single, time, timedRounds } from './harness.ts';
import type { SuiteContext } from './registry.ts';
import type { DemoInput } from './suites.ts';
import { actor, AS_OF, BENCH_LOGIN, kilo } from './suites.ts';

const mb = (bytes: number): number => Math.round(bytes / 2 ** 20);
const BIN = join(ROOT, 'bin', 'relief-archive.mjs');

/** Bare pdfkit: `pages` pages of `cells` short texts each, with the same embedded font, streamed to a file. */
async function barePdf(file: string, pages: number, cells: number, landscape = false): Promise<number> {
  return time(() => barePdfWork(file, pages, cells, landscape));
}

async function barePdfWork(file: string, pages: number, cells: number, landscape: boolean): Promise<void> {
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
}

/** The benchmark township, opened as its station chief logs in (not timed). */
async function open(ctx: SuiteContext): Promise<Archive> {
  return (await unlockArchive((ctx.input('demo') as DemoInput).file, BENCH_LOGIN, actor)).archive;
}

/** A preload for the spawned command: on exit it writes the process's own peak RSS (KiB) to a file. */
function rssProbe(dir: string): string {
  const file = join(dir, 'peak-rss-probe.mjs');
  writeFileSync(file, "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.BENCH_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS)));\n");
  return file;
}

/** The whole `doc roster` command from the bundle, as a clerk runs it: wall seconds and the child's peak RSS (MB). */
function rosterCommand(args: { dir: string; probe: string; db: string; code: string; out: string }): { seconds: number; peakMB: number } {
  const rssFile = join(args.dir, 'peak-rss.txt');
  rmSync(args.out, { force: true });
  rmSync(rssFile, { force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, RELIEF_ARCHIVE_OPERATOR: BENCH_LOGIN.name, RELIEF_ARCHIVE_PASSWORD: BENCH_LOGIN.password, BENCH_PEAK_RSS_FILE: rssFile };
  delete env.RELIEF_ARCHIVE_CLI_BUNDLE; // the default path: stamp check included
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(args.probe).href, BIN, 'doc', 'roster', '--db', args.db, '--village', args.code, '--out', args.out, '--as-of', AS_OF], { env, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0 || !existsSync(args.out)) throw new Error(`bench doc-roster: the command failed (${r.status}): ${r.stderr}`);
  return { seconds, peakMB: Math.round(Number(readFileSync(rssFile, 'utf8')) / 1024) };
}

/**
 * The roster of one 1,000-household village (100 at small size), its own protected archive:
 * the whole command (spawned from the bundle: start, login, render, exit) against the same
 * render in this process, and the in-process render against bare pdfkit drawing as many cells.
 */
export async function rosterSuite(ctx: SuiteContext): Promise<Figure[]> {
  const { dir } = ctx;
  const households = ctx.size === 'full' ? 1000 : 100;
  const db = join(dir, 'doc-roster.db');
  const { archive } = await createProtectedArchive({ file: db, name: '基准镇', code: '511922101000', county: '示例县', province: '四川省', admin: BENCH_LOGIN }, actor);
  await ensureBundle('cli/main.ts', CLI_BUNDLE);
  const probe = rssProbe(dir);
  try {
    generateDemo(archive, { villages: 1, households, seed: 'roster', asOf: AS_OF, actor, plant: false });
    const code = (archive.sqlite.prepare('SELECT code FROM villages').get() as { code: string }).code;
    const members = (archive.sqlite.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n;
    let pages = 1;
    const inProcess = (r: number): Promise<number> => {
      const out = join(dir, `roster-${r}.pdf`);
      rmSync(out, { force: true });
      return time(async () => {
        pages = (await renderDocument(archive, { kind: 'roster', scope: { villageCode: code }, asOf: AS_OF }, { out })).pages ?? 1;
      });
    };
    const peaks: number[] = [];
    // The command's first run warms the file cache and the bundle's compile cache, as a clerk's second run would.
    rosterCommand({ dir, probe, db, code, out: join(dir, 'roster-cmd.pdf') });
    const command = await interleave(
      ctx.rounds,
      (r) => {
        const c = rosterCommand({ dir, probe, db, code, out: join(dir, `roster-cmd-${r}.pdf`) });
        peaks.push(c.peakMB);
        return c.seconds;
      },
      inProcess,
    );
    const rounds = await interleave(ctx.rounds, inProcess, (r) => barePdf(join(dir, `bare-roster-${r}.pdf`), pages, Math.ceil((members * 19) / pages), true));
    const note = `${households} 户 ${members} 人，${pages} 页`;
    return [
      { ...fromRounds(`doc-roster-command-${households}`, 's', command.subject, 'the same render in-process', command.baseline, '<= 2 s (1,000 households)'), note: `${note}；整条命令：启动、登录（argon2id）、生成、退出` },
      { ...single(`doc-roster-command-peak-rss-${households}`, median(peaks), 'MB', { goal: '<= 300 MB (1,000 households)' }), note: `子进程自身峰值 RSS，${ctx.rounds} 次中位数（${peaks.join(' / ')} MB）` },
      { ...fromRounds(`doc-roster-${households}`, 's', rounds.subject, 'pdfkit-same-cells-same-font', rounds.baseline), note: `${note}；进程内` },
    ];
  } finally {
    archive.close();
  }
}

/** The enrollment forms of the whole benchmark township streamed into one PDF. */
export async function enrollmentSuite(ctx: SuiteContext): Promise<Figure[]> {
  const { dir } = ctx;
  const archive = await open(ctx);
  try {
    const households = (archive.sqlite.prepare('SELECT count(*) AS n FROM households').get() as { n: number }).n;
    const k = kilo(households);
    // RSS sampled during the first render only: in this fresh process, before any other PDF work.
    const rss: number[] = [];
    const before = process.memoryUsage().rss;
    let pages = 0;
    const rounds = await interleave(
      ctx.rounds,
      async (r) => {
        const out = join(dir, `enrollment-${r}.pdf`);
        const t = await time(async () => {
          const done = await renderDocument(archive, { kind: 'enrollment', asOf: AS_OF }, { out }, {
            onProgress: (n, total) => {
              if (r === 0 && n % Math.max(1, Math.floor(total / 20)) === 0) rss.push(process.memoryUsage().rss);
            },
          });
          pages = done.pages ?? 0;
        });
        rmSync(out, { force: true });
        return pages / t;
      },
      async (r) => {
        // Bare pdfkit: up to 2,000 pages of 200 cells (an enrollment page draws about that many texts).
        const barePages = Math.max(1, Math.min(2000, pages));
        const out = join(dir, `bare-enrollment-${r}.pdf`);
        const t = await barePdf(out, barePages, 200);
        rmSync(out, { force: true });
        return barePages / t;
      },
    );
    // "RSS flat": growth after the warm-up (pdfkit, the font and V8's heap sizing take the first
    // pages), from 20 % of the render to its peak; the ceiling is on the peak itself.
    const fifth = rss[Math.floor(rss.length / 5)] ?? before;
    const peak = Math.max(before, ...rss);
    const end = rss[rss.length - 1] ?? before;
    const afterWarmUp = Math.max(fifth, ...rss.slice(Math.floor(rss.length / 5))) - fifth;
    const note = `first render in a fresh process: 开始前 ${mb(before)} MB，20% 处 ${mb(fifth)} MB，峰值 ${mb(peak)} MB，结束 ${mb(end)} MB；预热（开始前到 20%）${mb(fifth - before)} MB`;
    return [
      { ...fromRounds(`doc-enrollment-${k}`, 'pages/s', rounds.subject, 'pdfkit-200-texts-per-page', rounds.baseline, '>= 150 pages/s'), note: `${households} 户 ${pages} 页` },
      single(`doc-enrollment-rss-peak-${k}`, mb(peak), 'MB', { goal: '<= 500 MB', note }),
      single(`doc-enrollment-rss-growth-after-warmup-${k}`, mb(afterWarmUp), 'MB', { goal: '<= 50 MB', note }),
    ];
  } finally {
    archive.close();
  }
}

/** The township's wall chart (A3, six charts). */
export async function wallchartSuite(ctx: SuiteContext): Promise<Figure[]> {
  const archive = await open(ctx);
  try {
    // Bare echarts: six bar charts rendered to SVG (no figures gathered, no PDF).
    const option = { xAxis: { type: 'category', data: ['因病', '因残', '因学'] }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: [3, 2, 1] }] };
    const rounds = await timedRounds(
      ctx.rounds * 2,
      (r) => renderDocument(archive, { kind: 'wallchart', asOf: AS_OF }, { out: join(ctx.dir, `wallchart-${r}.pdf`) }),
      async () => {
        for (let i = 0; i < 6; i++) await chartSvg(option, 300, 250);
      },
    );
    return [fromRounds('doc-wallchart', 's', rounds.subject, 'echarts-ssr-6-svg', rounds.baseline, '<= 1 s')];
  } finally {
    archive.close();
  }
}
