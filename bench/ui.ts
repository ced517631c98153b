// What the clerk waits for, measured in Debian Chromium against the browser shell on the
// benchmark archive: first contentful paint of the app, the overview's figures and its quality
// check filled in (with the shell's longest event-loop block meanwhile), and the household list's first rows.
// The suite builds the renderer when dist/renderer is missing or older than its sources, and
// fails (never returns nothing) when Chromium or the build is not there.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { CHROMIUM, launchBrowser } from '../e2e/browser.ts';
import { DEFAULT_STATIC_DIR, startWebShell } from '../web/server.ts';
import type { Figure } from './harness.ts';
import { single } from './harness.ts';
import type { SuiteContext } from './registry.ts';
import type { DemoInput } from './suites.ts';
import { BENCH_LOGIN, kilo } from './suites.ts';

const ROOT = join(import.meta.dirname, '..');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) if (name !== 'node_modules') newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Builds the UI (vite) when dist/renderer is missing or older than renderer/, shared/ or the vite config. */
export function ensureRenderer(staticDir = DEFAULT_STATIC_DIR): 'fresh' | 'built' {
  const index = join(staticDir, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(...['renderer', 'shared', 'vite.config.ts'].map((p) => newestMtime(join(ROOT, p))));
  if (built >= sources) return 'fresh';
  process.stderr.write(`[bench] ui: ${built ? '界面构建已过期' : '没有界面构建'}（${index}），正在构建（vite build）…\n`);
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (r.status !== 0 || !existsSync(index)) throw new Error(`基准测试 ui：界面构建失败（见上方 vite 的输出），请先运行 npm run build:renderer。UI build failed.`);
  return 'built';
}

export async function uiSuite(ctx: SuiteContext): Promise<Figure[]> {
  const demo = ctx.input('demo') as DemoInput;
  if (!existsSync(CHROMIUM)) throw new Error(`基准测试 ui：找不到 Chromium（${CHROMIUM}）。请安装 chromium 或设置 CHROMIUM_PATH 后再运行。Chromium not found.`);
  ensureRenderer();
  const k = kilo(demo.members);
  const shell = await startWebShell({ db: demo.file, dataDir: join(ctx.dir, 'ui-data') });
  // The login (argon2id, about half a second) before the page: these figures are the app's, not the unlock's.
  await shell.session.login(BENCH_LOGIN);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    // The shell's request loop runs in this process: its longest block while the overview's
    // check runs is what a clerk feels as a frozen screen.
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const opened = Date.now();
    await page.goto(shell.url);
    await page.getByTestId('township-name').waitFor();
    await page.locator('[data-testid^="status-"]').first().waitFor();
    const figuresMs = Date.now() - opened;
    await page.getByTestId('problem-counts').waitFor({ timeout: 120_000 });
    const checkMs = Date.now() - opened;
    loop.disable();
    const blockMs = Math.round(loop.max / 1e6);
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0);
    const t0 = Date.now();
    await page.getByTestId('menu-households').click();
    await page.getByTestId('household-row').first().waitFor();
    const listMs = Date.now() - t0;
    const total = page.getByTestId('household-total');
    const before = await total.innerText();
    const t1 = Date.now();
    await page.getByTestId('household-search').fill('zh');
    while ((await total.innerText()) === before && Date.now() - t1 < 10_000) await page.waitForTimeout(5);
    const searchMs = Date.now() - t1;
    if (fcp <= 0) throw new Error('基准测试 ui：浏览器没有报告首次内容绘制（first-contentful-paint）');
    return [
      single('ui-first-contentful-paint', Math.round(fcp), 'ms', { goal: '<= 1.5 s', note: 'app shell, browser shell on loopback' }),
      single(`ui-overview-figures-${k}`, figuresMs, 'ms', { goal: '<= 1.0 s', note: 'page opened (logged in) to the overview figures shown' }),
      single(`ui-overview-check-complete-${k}`, checkMs, 'ms', { goal: '<= 3 s', note: 'page opened to the problem counts shown (check as a job)' }),
      single(`ui-overview-longest-block-${k}`, blockMs, 'ms', { goal: '<= 50 ms', note: "the shell's event loop, longest delay while the overview filled in" }),
      single(`ui-household-list-first-rows-${k}`, listMs, 'ms', { note: 'menu click to first rows visible' }),
      single(`ui-search-to-result-${k}`, searchMs, 'ms', { note: 'typing to the new total shown, incl. 150 ms debounce' }),
    ];
  } finally {
    await browser.close();
    await shell.close();
  }
}
