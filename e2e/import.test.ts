// Importing the sample national export through the app's 导入花名册 screen, in Chromium.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initArchive } from '../core/archive.ts';
import { tempDir } from '../db/testing.ts';
import { startWebShell } from '../web/server.ts';
import type { WebShell } from '../web/server.ts';
import { launchBrowser, screenshot } from './browser.ts';

const SAMPLE = join(import.meta.dirname, '..', '..', 'shared', 'data', 'sample-roster-2019.xlsx');
let dir: string;
let db: string;
let shell: WebShell;
let browser: Browser;
let page: Page;
const count = (table: string) => {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    d.close();
  }
};

beforeAll(async () => {
  dir = tempDir('relief-e2e-import-');
  db = join(dir, '青山镇.db');
  initArchive({ file: db, name: '青山镇', code: '513722101000', province: '四川省' }, { operator: '李会计', now: () => new Date() }).close();
  shell = await startWebShell({ db, dataDir: join(dir, 'data'), operator: '李会计' });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
  await page.goto(shell.url);
  await page.getByTestId('menu-import').click();
});
afterAll(async () => {
  await browser.close();
  await shell.close();
});

describe('导入花名册 in the browser shell', () => {
  it('refuses a file that is not a workbook, writing nothing', async () => {
    const bogus = join(dir, '花名册.xlsx');
    writeFileSync(bogus, 'not a workbook');
    await page.locator('input[type=file]').setInputFiles(bogus);
    await page.getByText(/无法读取“花名册\.xlsx”：这不是可以读取的 Excel 工作簿/).first().waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(/relief-import-/);
    expect(count('households')).toBe(0);
  });

  it('checks the sample, shows the summary, imports after the confirm', async () => {
    await page.locator('input[type=file]').setInputFiles({ name: 'sample-roster-2019.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: readFileSync(SAMPLE) });
    await expect.poll(() => page.getByTestId('import-summary').innerText()).toMatch(/300\s*户[\s\S]*1078\s*人/);
    expect(count('households')).toBe(0);
    await screenshot(page, '20-import-checked');
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-confirm').click();
    await expect.poll(() => count('households')).toBe(300);
    expect(count('members')).toBe(1078);
    await page.getByTestId('import-open-households').click();
    await expect.poll(() => page.getByTestId('household-total').innerText()).toMatch(/300/);
    await screenshot(page, '21-import-done-list');
  });
});
