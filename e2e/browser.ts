// Debian's Chromium driven by playwright-core (never a downloaded browser), against the
// browser shell on 127.0.0.1, on a fresh demo archive.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { initArchive } from '../core/archive.ts';
import { generateDemo } from '../core/demo/index.ts';
import { tempDir } from '../db/testing.ts';
import { startWebShell } from '../web/server.ts';
import type { WebShell } from '../web/server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The day the demo archives are made for; the shells run on it, so the screens read the same on any date. */
export const DEMO_DAY = '2026-11-24';
/** Who made the test archives, at 08:00 UTC of the demo day. */
export const demoActor = (operator = '演示', day = DEMO_DAY) => ({ operator, now: () => new Date(`${day}T08:00:00Z`) });
export const SCREENSHOTS = join(import.meta.dirname, 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`找不到 Chromium：${CHROMIUM}。请先 apt-get install chromium（.ci/run 会安装）。`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export interface DemoShell extends WebShell {
  dir: string;
  db: string;
}

export async function demoShell(opts: { households?: number; operator?: string | null } = {}): Promise<DemoShell> {
  const dir = tempDir('relief-e2e-');
  const db = join(dir, '青山镇.db');
  const actor = demoActor();
  const archive = initArchive({ file: db, name: '青山镇', code: '511922101000', county: '示例县', province: '四川省' }, actor);
  generateDemo(archive, { villages: 3, households: opts.households ?? 90, seed: 'e2e', asOf: DEMO_DAY, actor });
  archive.close();
  const shell = await startWebShell({ db, dataDir: join(dir, 'data'), today: DEMO_DAY, ...(opts.operator === null ? {} : { operator: opts.operator ?? '李会计' }) });
  return { ...shell, dir, db };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}
