// What the clerk waits for, measured in Debian Chromium against the browser shell on the
// benchmark archive: first contentful paint of the app, and the household list's first rows.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, launchBrowser } from '../e2e/browser.ts';
import { DEFAULT_STATIC_DIR, startWebShell } from '../web/server.ts';
import type { Figure } from './harness.ts';
import { BENCH_LOGIN } from './suites.ts';

export async function uiSuite(db: string, members: number): Promise<Figure[]> {
  if (!existsSync(CHROMIUM) || !existsSync(join(DEFAULT_STATIC_DIR, 'index.html'))) return [];
  const k = `${Math.round(members / 1000)}k`;
  const shell = await startWebShell({ db, dataDir: join(tmpdir(), 'relief-bench-ui') });
  // The login (argon2id, about half a second) before the page: these figures are the app's, not the unlock's.
  await shell.session.login(BENCH_LOGIN);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    await page.goto(shell.url);
    await page.getByTestId('township-name').waitFor();
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
    return [
      { name: 'ui-first-contentful-paint', value: Math.round(fcp), unit: 'ms', note: 'app shell, browser shell on loopback' },
      { name: `ui-household-list-first-rows-${k}`, value: listMs, unit: 'ms', note: 'menu click to first rows visible' },
      { name: `ui-search-to-result-${k}`, value: searchMs, unit: 'ms', note: 'typing to the new total shown, incl. 150 ms debounce' },
    ];
  } finally {
    await browser.close();
    await shell.close();
  }
}
