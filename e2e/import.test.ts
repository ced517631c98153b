// Importing national roster exports through the app's 导入花名册 screen, in Chromium: a file that
// is not a workbook; a file whose ID column needs matching by hand; a re-import of an edited
// export with its field-by-field preview; a refused file (rows saved to fix, the rest imported);
// and a big file's progress bar with 取消 leaving the archive unchanged.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveChecksum, tempDir } from '../db/testing.ts';
import { checkDigit } from '../shared/id-number.ts';
import { startWebShell } from '../web/server.ts';
import type { WebShell } from '../web/server.ts';
import { checkArchive } from '../core/check.ts';
import { CHIEF, DEMO_DAY, SCREENSHOTS, demoActor, keyOf, launchBrowser, login, protectedArchive, readArchive, screenshot } from './browser.ts';

const SAMPLE = join(import.meta.dirname, '..', '..', 'shared', 'data', 'sample-roster-2019.xlsx');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The sample's header is on row 3; these are its 1-based columns. */
const COL = { householdNo: 6, personNo: 7, name: 8, idNumber: 10, size: 11, relation: 12, education: 14, phone: 26 };
let dir: string;
let db: string;
let key: Buffer;
let shell: WebShell;
let browser: Browser;
let page: Page;

function query(sql: string): Record<string, unknown> {
  const d = readArchive(db, key);
  try {
    return d.prepare(sql).get() as Record<string, unknown>;
  } finally {
    d.close();
  }
}
const count = (table: string, where = '1') => Number(query(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).n);
const checksum = () => {
  const d = readArchive(db, key);
  try {
    return archiveChecksum(d);
  } finally {
    d.close();
  }
};
/** The households and members as stored (not the logs). */
const rosterRows = () => {
  const d = readArchive(db, key);
  try {
    return JSON.stringify([d.prepare('SELECT * FROM households ORDER BY id').raw().all(), d.prepare('SELECT * FROM members ORDER BY id').raw().all()]);
  } finally {
    d.close();
  }
};

/** The sample as a workbook, changed by `edit` (rows as 1-based ExcelJS rows). */
async function sampleWith(edit: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  edit(wb.worksheets[0]!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Waits (up to `timeout`) for the element with this test id to show text matching `text`. */
const shows = (testId: string, text: RegExp, timeout = 30_000) => page.getByTestId(testId).filter({ hasText: text }).waitFor({ timeout });

const pickFile = (name: string, buffer: Buffer) => page.locator('input[type=file]').setInputFiles({ name, mimeType: XLSX, buffer });

/** 12,000 households: the sample's 300 forty times over, with new 户编号 and valid new ID numbers. */
async function bigRoster(file: string): Promise<number> {
  const src = new ExcelJS.Workbook();
  await src.xlsx.readFile(SAMPLE);
  const ws = src.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n > 3) rows.push((row.values as unknown[]).slice(1));
  });
  const out = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const sheet = out.addWorksheet('花名册');
  sheet.addRow(['某某县青山镇建档立卡贫困户花名册（大文件）']).commit();
  sheet.addRow(['数据日期：2019-12-31']).commit();
  sheet.addRow((ws.getRow(3).values as unknown[]).slice(1)).commit();
  let n = 0;
  for (let k = 10; k < 50; k++) {
    for (const r of rows) {
      const copy = [...r];
      const no = String(copy[COL.householdNo - 1]);
      copy[COL.householdNo - 1] = `${no.slice(0, 10)}${k}${no.slice(12)}`;
      copy[COL.personNo - 1] = `${copy[COL.householdNo - 1] as string}${String(copy[COL.personNo - 1]).slice(-2)}`;
      const id = String(copy[COL.idNumber - 1]);
      const first17 = `${id.slice(0, 4)}${k}${id.slice(6, 17)}`;
      copy[COL.idNumber - 1] = first17 + checkDigit(first17);
      sheet.addRow(copy).commit();
      n++;
    }
  }
  await out.commit();
  return n;
}

beforeAll(async () => {
  dir = tempDir('relief-e2e-import-');
  db = join(dir, '青山镇.db');
  const archive = await protectedArchive({ file: db, name: '青山镇', code: '513722101000', province: '四川省' }, demoActor(CHIEF));
  key = keyOf(archive);
  archive.close();
  shell = await startWebShell({ db, dataDir: join(dir, 'data'), today: DEMO_DAY });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN', acceptDownloads: true });
  await page.goto(shell.url);
  await login(page);
  // Screenshots show the screen settled, not half-way through a colour or rotation transition.
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
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
    await page.getByTestId('import-notice').getByText(/无法读取“花名册\.xlsx”：这不是可以读取的 Excel 工作簿/).waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(/relief-import-/);
    expect(count('households')).toBe(0);
    await screenshot(page, '20-import-pick-unreadable');
  });

  it('a header it cannot match: refused, the clerk matches the column, the check passes, the import writes', async () => {
    const bytes = await sampleWith((ws) => {
      ws.getRow(3).getCell(COL.idNumber).value = '公民身份证';
    });
    await pickFile('花名册-公民身份证.xlsx', bytes);
    // Step 2 核对列: the required column is missing and named.
    const missing = page.getByTestId('import-missing-required');
    await missing.waitFor();
    expect(await missing.innerText()).toMatch(/还缺少必需的列：证件号码/);
    expect(count('households')).toBe(0);
    await screenshot(page, '21-import-columns-missing');

    await page.getByRole('combobox', { name: '“公民身份证”读作' }).click();
    await page.keyboard.type('证件号码');
    await page.locator('.ant-select-item-option[title="证件号码（必需）"]').click();
    await page.getByTestId('import-columns-ok').waitFor();
    const row = page.getByTestId('import-columns').locator('tr', { hasText: '公民身份证' });
    expect(await row.innerText()).toMatch(/已修改/);
    expect(await page.getByTestId('import-to-preview').isDisabled()).toBe(true); // check again first
    await screenshot(page, '22-import-columns-matched');

    await page.getByTestId('import-recheck').click();
    // Step 3 预览: it passes now; nothing is written yet.
    await shows('import-summary', /300\s*户\s*1078\s*人\s*·\s*错误\s*0\s*处/);
    expect(await page.getByTestId('import-counts').innerText()).toMatch(/新增\s*300\s*户/);
    expect(count('households')).toBe(0);
    await screenshot(page, '23-import-preview-new');
    // 导入后数据检查: the rules over the archive as it would be, to compare with 数据检查 after the confirm.
    const [, errors, warnings] = /导入后数据检查将提示 错误 (\d+) 条、疑点 (\d+) 条/.exec(await page.getByTestId('import-quality-line').innerText()) ?? [];
    expect(Number(warnings)).toBeGreaterThan(0);
    await page.getByRole('tab', { name: /导入后数据检查/ }).click();
    await page.getByTestId('import-quality-rows').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '23a-import-preview-quality.png'), clip: { x: 0, y: 0, width: 1366, height: 768 } });

    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').innerText()).toMatch(/已导入 300 户 1078 人/);
    expect(await page.getByTestId('import-done-summary').innerText()).toMatch(/新增\s*300 户/);
    expect(await page.getByTestId('import-backup').innerText()).toMatch(/导入前档案是空的/);
    expect(count('households')).toBe(300);
    expect(count('members')).toBe(1078);
    expect(checkArchive(shell.session.requireArchive(), { asOf: DEMO_DAY }).counts).toEqual({ error: Number(errors), warning: Number(warnings) });
    await screenshot(page, '24-import-done');

    await page.getByTestId('import-open-households').click();
    await shows('household-total', /300/);
    await screenshot(page, '25-import-done-list');
  }, 120_000); // two checks of the file (matching, then 导入后数据检查) and the import on a loaded 2-core box: end states, not speed

  it('re-imports an edited export: the preview shows each change before → after, then the summary', async () => {
    const bytes = await sampleWith((ws) => {
      // The first household (rows 4–6): a new phone number, 余爱英 now 高中, 牛莲 no longer listed.
      for (const r of [4, 5]) {
        ws.getRow(r).getCell(COL.phone).value = '13900001111';
        ws.getRow(r).getCell(COL.size).value = 2;
      }
      ws.getRow(5).getCell(COL.education).value = '高中';
      ws.spliceRows(6, 1);
    });
    await page.getByTestId('menu-import').click();
    await page.getByTestId('import-again').click();
    await pickFile('花名册-2020.xlsx', bytes);
    await shows('import-summary', /300\s*户\s*1077\s*人/);
    const counts = await page.getByTestId('import-counts').innerText();
    expect(counts).toMatch(/有变更\s*1\s*户/);
    expect(counts).toMatch(/无变化\s*299\s*户/);
    expect(counts).toMatch(/不在新名单的成员\s*1\s*人/);

    await page.getByTestId('import-changes').getByText('5137220001000001').click();
    const detail = page.getByTestId('import-change-detail');
    await detail.waitFor();
    const text = await detail.innerText();
    expect(text).toMatch(/联系电话\s*17747519029\s*13900001111/);
    expect(text).toMatch(/余爱英\s*文化程度\s*初中\s*高中/);
    expect(text).toMatch(/不在新名单：\s*牛莲（513722\*+2746）（保持不变）/);
    const removal = page.getByTestId('import-remove-missing');
    expect(await removal.isChecked()).toBe(false);
    await screenshot(page, '26-import-reimport-preview');

    await removal.check();
    expect(await detail.innerText()).toMatch(/牛莲（513722\*+2746）（将标记转出）/);
    await screenshot(page, '27-import-reimport-remove-missing');
    expect(query("SELECT phone FROM households WHERE no = '5137220001000001'").phone).toBe('17747519029');

    await page.getByTestId('import-apply').click();
    await page.getByText(/不在新名单的 1 人将标记为转出/).waitFor();
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-done').waitFor();
    const summary = await page.getByTestId('import-done-summary').innerText();
    expect(summary).toMatch(/更新\s*1 户/);
    expect(summary).toMatch(/无变化\s*299 户/);
    expect(summary).toMatch(/标记转出\s*1 人/);
    expect(await page.getByTestId('import-backup').innerText()).toMatch(/已备份到：.*导入前.*\.db/);
    expect(query("SELECT phone FROM households WHERE no = '5137220001000001'").phone).toBe('13900001111');
    expect(count('members', "name = '牛莲' AND left_reason IS NOT NULL")).toBe(1);
    await screenshot(page, '28-import-reimport-done');
  });

  it('a refused file: its rows with errors saved as 待改正 workbook, the households without errors imported', async () => {
    const bytes = await sampleWith((ws) => {
      ws.getRow(5).getCell(COL.relation).value = '户主'; // a second 户主 in the first household
    });
    await page.getByTestId('import-again').click();
    await pickFile('花名册-两个户主.xlsx', bytes);
    const refused = page.getByTestId('import-refused');
    await refused.waitFor();
    expect(await refused.innerText()).toMatch(/必须先改正的问题，档案没有任何改动/);
    expect(await page.getByTestId('import-problems').innerText()).toMatch(/有2名户主/);
    expect(await page.getByTestId('import-apply').isDisabled()).toBe(true);
    await screenshot(page, '29-import-refused');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-save-rejected').click()]);
    expect(download.suggestedFilename()).toBe('待改正-花名册-两个户主.xlsx');
    const saved = join(dir, download.suggestedFilename());
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(saved) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(4); // the header and the household's three rows
    expect((sheet.getRow(1).values as unknown[]).includes('问题说明')).toBe(true);

    const before = rosterRows();
    await page.getByTestId('import-skip-rejected').check();
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-done').waitFor();
    const summary = await page.getByTestId('import-done-summary').innerText();
    expect(summary).toMatch(/有问题未导入\s*1 户/);
    expect(summary).toMatch(/无变化\s*299 户/);
    expect(await page.getByTestId('import-done').innerText()).toMatch(/已导入 299 户/);
    // The 299 households were unchanged and the rejected one left out: no household or member row changed.
    expect(rosterRows()).toBe(before);
    expect(query("SELECT phone FROM households WHERE no = '5137220001000001'").phone).toBe('13900001111');
    await screenshot(page, '30-import-skip-rejected-done');
  });

  it('shows a progress bar while a big file is checked and imported; 取消 leaves the archive unchanged', async () => {
    const big = join(dir, '花名册-大文件.xlsx');
    const rows = await bigRoster(big);
    // The job ids the page gives its check and import: the archive keeps each job's phases, so
    // the progress reported is asserted from them, not by catching the bar at the right moment.
    const jobOf: Record<string, string> = {};
    const watch = (r: Request): void => {
      const channel = /\/api\/(imports\.(?:check|apply))$/.exec(new URL(r.url()).pathname)?.[1];
      if (channel && r.method() === 'POST') jobOf[channel] = (JSON.parse(r.postData() ?? '{}') as { jobId?: string }).jobId ?? '';
    };
    const phases = (channel: string) => [...shell.session.jobs.phases(jobOf[channel] ?? '')];
    page.on('request', watch);
    await page.getByTestId('import-again').click();
    await page.locator('input[type=file]').setInputFiles(big);
    await expect.poll(() => phases('imports.check'), { timeout: 50_000, interval: 50 }).toContain('读取文件');
    await screenshot(page, '31-import-check-progress');
    // The check now also stages the 12,000 households and runs 导入后数据检查 over them.
    await shows('import-summary', new RegExp(`12000\\s*户\\s*${rows}\\s*人`), 150_000);
    expect(await page.getByTestId('import-counts').innerText()).toMatch(/新增\s*12,000\s*户/);
    // The check ran with its bar: reading, then checking the data.
    expect(phases('imports.check')).toEqual(expect.arrayContaining(['读取文件', '检查数据', '导入后数据检查']));
    expect(shell.session.jobs.status(jobOf['imports.check']!).state).toBe('done');

    const before = checksum();
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-confirm').click();
    // The import is running (its bar and 取消 are up, the preview's buttons gone) and has begun reading.
    await page.getByTestId('import-cancel').waitFor({ timeout: 50_000 });
    expect(await page.getByTestId('import-apply').count()).toBe(0);
    await expect.poll(() => phases('imports.apply'), { timeout: 50_000, interval: 50 }).toContain('读取文件');
    await page.getByTestId('import-cancel').click();
    await screenshot(page, '32-import-progress');
    await page.getByTestId('import-notice').getByText('导入已取消，档案没有任何改动。').waitFor({ timeout: 50_000 });
    page.off('request', watch);
    expect(shell.session.jobs.status(jobOf['imports.apply']!).state).toBe('cancelled');
    expect(phases('imports.apply')).not.toContain('写入档案');
    await screenshot(page, '33-import-cancelled');
    expect(checksum()).toBe(before);
    expect(count('households')).toBe(300);
    // Back on the preview, the import can be started again.
    expect(await page.getByTestId('import-apply').isEnabled()).toBe(true);
  }, 300_000); // a 12,000-household file read twice (check, then import) on a loaded 2-core box: end states, not speed
});
