// Paper outputs through the app, in Chromium against a demo township of 1,500 households:
// 打印文档 — a village's 花名册 previewed (a PDF blob in the preview frame), saved to a file
// (pdftotext finds the village) and saved again over it after the clerk confirms; a name with a
// character the font lacks reported; a workbook said to be a table; a batch's 公示 for a chosen
// step, previewed with masked ID numbers, its 打印 refused (headless Chromium has no print
// dialog); the township's enrollment forms with the progress bar and 取消 leaving no file — and
// 统计看板 with its charts and the stats' figures, printing the wall chart (the page goes on
// working) and saving it on A2.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../core/demo/index.ts';
import { townshipStats } from '../core/stats.ts';
import { tempDir } from '../db/testing.ts';
import type { DocumentFile, DocumentPreview } from '../shared/api/index.ts';
import { MONITORED_STATUSES, POOR_STATUSES } from '../shared/status.ts';
import { startWebShell } from '../web/server.ts';
import type { WebShell } from '../web/server.ts';
import { DEMO_DAY, demoActor, launchBrowser, login, protectedArchive, screenshot } from './browser.ts';
import { recordTexts, watchToasts } from './page-state.ts';

const HOUSEHOLDS = 1500;
let dir: string;
let dataDir: string;
let shell: WebShell;
let browser: Browser;
let page: Page;
/** The village whose first household head is renamed with a character the font lacks. */
let village: { code: string; name: string };
let rareName: string;

// Documents are offered in the 文档 folder beside the archive (not the data folder).
const docsDir = () => join(dir, '文档');
const docFiles = () => (existsSync(docsDir()) ? readdirSync(docsDir()) : []);
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
const pdfOf = (base64: string, name: string): string => {
  const file = join(dir, name);
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return file;
};

/** The answer of the next call to this channel (the page's own request). */
const answer = <T>(channel: string): Promise<T> =>
  page
    .waitForResponse((r: Response) => r.url().includes(`/api/${channel}`) && r.request().method() === 'POST', { timeout: 60_000 })
    .then(async (r) => {
      const body = (await r.json()) as { ok: boolean; value?: T; error?: { message: string } };
      if (!body.ok) throw new Error(body.error?.message ?? 'refused');
      return body.value as T;
    });

/** Opens an antd Select by its label and picks the option whose text matches. */
async function pick(label: string, option: RegExp, type?: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  if (type) await page.keyboard.type(type);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
}

/** Finite animations (a dialog zooming in) run to their end: screenshots show the screen settled. */
const settled = () =>
  page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity).map((a) => a.finished))).then(() => undefined);

/** A radio (scope, format) of the settings, by its text. */
const radio = (text: string) => page.getByTestId('doc-settings').locator('label', { has: page.locator('input[type=radio]') }).filter({ hasText: new RegExp(`^${text}$`) });

async function chooseKind(kind: string): Promise<void> {
  await page.getByTestId(`doc-kind-${kind}`).click();
  await page.getByTestId(`doc-kind-${kind}`).and(page.locator('[aria-checked=true]')).waitFor();
}

/** The preview frame shows a blob URL (the page's CSP keeps the test from reading it back: the bytes are checked on the API's answer). */
async function framedPreview(title: string): Promise<void> {
  const frame = page.getByTestId('doc-preview-frame');
  await frame.waitFor({ state: 'attached' });
  expect(await frame.getAttribute('src')).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
  expect(await frame.getAttribute('title')).toBe(`预览：${title}`);
}

/** What the clerk sees of the preview: the frame itself, or (where the page may not frame a PDF) the way to open it. */
async function previewShown(): Promise<void> {
  await page.locator('[data-testid=doc-preview-frame]:visible, [data-testid=doc-preview-blocked]').first().waitFor();
}

beforeAll(async () => {
  dir = tempDir('relief-e2e-docs-');
  dataDir = join(dir, 'data');
  const db = join(dir, '青山镇.db');
  const actor = demoActor();
  const archive = await protectedArchive({ file: db, name: '青山镇', code: '511922101000', county: '示例县', province: '四川省' }, actor);
  generateDemo(archive, { villages: 3, households: HOUSEHOLDS, seed: 'e2e', asOf: DEMO_DAY, actor });
  village = archive.sqlite.prepare('SELECT code, name FROM villages ORDER BY code LIMIT 1').get() as { code: string; name: string };
  // A head of household whose name has an Ext-B character (𠮷) the embedded font cannot print.
  const head = archive.sqlite
    .prepare(
      `SELECT m.id, m.name FROM members m JOIN households h ON h.id = m.household_id JOIN villages v ON v.id = h.village_id
        WHERE v.code = ? AND m.relation = '户主' ORDER BY h.no LIMIT 1`,
    )
    .get(village.code) as { id: string; name: string };
  rareName = `𠮷${head.name.slice(1)}`;
  archive.sqlite.prepare('UPDATE members SET name = ? WHERE id = ?').run(rareName, head.id);
  archive.close();
  shell = await startWebShell({ db, dataDir, today: DEMO_DAY });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  await page.goto(shell.url);
  await login(page);
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
  await page.getByTestId('menu-documents').click();
  await page.getByTestId('documents-screen').waitFor();
});
afterAll(async () => {
  await browser.close();
  await shell.close();
});

describe('打印文档 in the browser shell', () => {
  it('previews a village’s 花名册 inside the app and reports the name the font cannot print', async () => {
    await chooseKind('roster');
    // Only the scope the roster accepts; nothing to do until a village is chosen.
    expect(await radio('全镇').count()).toBe(0);
    expect(await radio('行政村').count()).toBe(1);
    expect(await page.getByTestId('doc-missing').innerText()).toBe('请选择行政村。');
    expect(await page.getByTestId('doc-preview-btn').isDisabled()).toBe(true);
    await pick('行政村', new RegExp(village.name));

    const response = answer<DocumentPreview>('documents.preview');
    await page.getByTestId('doc-preview-btn').click();
    const preview = await response;
    expect(preview).toMatchObject({ kind: 'roster', format: 'pdf', mime: 'application/pdf', truncated: false });
    expect(preview.title).toContain(village.name);
    expect(Buffer.from(preview.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(pdfOf(preview.dataBase64, 'roster-preview.pdf'))).toContain(village.name);
    await framedPreview(preview.title);
    await previewShown();
    expect(await page.getByTestId('doc-preview-summary').innerText()).toContain(`共 ${preview.pages} 页`);

    const glyphs = page.getByTestId('doc-missing-glyphs');
    await glyphs.waitFor();
    expect(await glyphs.innerText()).toMatch(/字库里没有的字（𠮷）/);
    expect(await glyphs.innerText()).toContain(`“${rareName}”缺“𠮷”`);
    await screenshot(page, '80-documents-roster-preview');
  });

  it('saves the 花名册 to the 文档/ folder beside the archive, and replaces it only after the clerk confirms', async () => {
    const out = await page.getByTestId('doc-out').inputValue();
    expect(out.startsWith(join(docsDir(), `村花名册_${village.name}_`))).toBe(true);
    expect(out).toMatch(/\.pdf$/);

    const saved = answer<DocumentFile>('documents.render');
    await page.getByTestId('doc-save').click();
    const file = (await saved).file;
    await page.getByTestId('doc-saved').waitFor();
    expect(file).toBe(out);
    expect(await page.getByTestId('doc-saved-file').innerText()).toContain(out);
    expect(existsSync(out)).toBe(true);
    const text = pdfText(out);
    expect(text).toContain(village.name);
    expect(text).toContain('花名册');
    await screenshot(page, '81-documents-roster-saved');

    // Again to the same file: the core refuses, the screen asks, 替换 writes it over.
    const before = statSync(out).mtimeMs;
    await page.getByTestId('doc-save').click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain('文件已存在');
    expect(statSync(out).mtimeMs).toBe(before);
    await settled();
    await screenshot(page, '82-documents-overwrite-confirm');
    const replaced = answer<DocumentFile>('documents.render');
    await page.getByTestId('doc-overwrite-ok').click();
    expect((await replaced).file).toBe(out);
    await page.getByTestId('doc-saved').waitFor();
    expect(statSync(out).mtimeMs).toBeGreaterThan(before);
    expect(docFiles().filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('says a workbook preview is a table to save', async () => {
    await radio('Excel 表格').click();
    expect(await page.getByTestId('doc-out').inputValue()).toMatch(/\.xlsx$/);
    const response = answer<DocumentPreview>('documents.preview');
    await page.getByTestId('doc-preview-btn').click();
    expect(await response).toMatchObject({ format: 'xlsx', pages: null });
    const note = page.getByTestId('doc-preview-xlsx');
    await note.waitFor();
    expect(await note.innerText()).toMatch(/这是 Excel 表格/);
    expect(await page.getByTestId('doc-preview-frame').count()).toBe(0);
    await radio('PDF（打印用）').click();
  });

  it('previews a batch’s 公示 for the chosen step with masked ID numbers; 打印 says how to print where the browser has no print dialog', async () => {
    await chooseKind('publicity');
    await pick('程序批次', /贫困边缘户认定/);
    await pick('公示环节', /村级公示/);
    await page.getByTestId('doc-masked-ids').click();

    const response = answer<DocumentPreview>('documents.preview');
    await page.getByTestId('doc-preview-btn').click();
    const preview = await response;
    expect(preview.kind).toBe('publicity');
    const text = pdfText(pdfOf(preview.dataBase64, 'publicity-preview.pdf'));
    expect(text).toMatch(/公示/);
    expect(text).toMatch(/\d{6}\*{8}\d{3}[\dX]/);
    expect(text).not.toMatch(/\d{17}[\dX]/);
    await framedPreview(preview.title);
    await previewShown();
    await screenshot(page, '83-documents-publicity-preview');

    // 打印: headless Chromium has no print dialog (a PDF frame's print() would crash the page):
    // the screen says so and how to print instead, and the page goes on working.
    expect(await page.evaluate(() => navigator.userAgent)).toContain('HeadlessChrome/');
    const said = await watchToasts(page);
    await page.getByTestId('doc-print').click();
    await said('没有打印对话框（无界面模式）');
    await framedPreview(preview.title);
  });

  it('shows the township’s enrollment forms’ progress, and 取消 leaves no file', async () => {
    await chooseKind('enrollment');
    await radio('全镇').click();
    const before = docFiles();
    const render = answer<DocumentFile>('documents.render').catch((e: unknown) => e);
    const labels = await recordTexts(page, '[data-testid=doc-progress-label]');
    await page.getByTestId('doc-save').click();
    // The bar counts the forms: asserted from the label's record, not by catching it mid-flight.
    const counting = new RegExp(`生成入户登记表（\\d+/${HOUSEHOLDS}）`);
    await expect.poll(async () => (await labels()).some((t) => counting.test(t)), { timeout: 60_000 }).toBe(true);
    await screenshot(page, '84-documents-enrollment-progress');
    await page.getByTestId('doc-cancel').click();
    expect(String(await render)).toMatch(/已取消/);
    const notice = page.getByTestId('doc-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/已取消：文档没有生成完，未保存任何文件/);
    await page.getByTestId('doc-progress').waitFor({ state: 'detached' });
    expect(docFiles()).toEqual(before);
    expect(docFiles().some((f) => f.includes('入户登记表') || f.endsWith('.part'))).toBe(false);
    await screenshot(page, '85-documents-enrollment-cancelled');
  });
});

describe('统计看板', () => {
  it('shows the wall chart’s charts, the stats’ key figures and every village', async () => {
    await page.getByTestId('menu-dashboard').click();
    await page.getByTestId('dashboard-figures').waitFor();
    for (const key of ['cause', 'attribute', 'exits', 'status', 'monitoring', 'helpers']) {
      await page.getByTestId(`chart-box-${key}`).locator('svg').first().waitFor();
    }
    const s = townshipStats(shell.session.requireArchive(), { asOf: DEMO_DAY });
    const sum = (list: readonly (keyof typeof s.byStatus)[], k: 'households' | 'members') => list.reduce((n, x) => n + s.byStatus[x][k], 0);
    const figure = async (label: string) => page.locator(`[data-label="${label}"]`).getAttribute('data-raw');
    expect(await figure('总户数 / 总人口')).toBe(`${s.households} / ${s.members}`);
    expect(await figure('建档立卡和监测（户/人）')).toBe(`${s.registeredHouseholds} / ${s.registeredMembers}`);
    expect(await figure('未脱贫（户/人）')).toBe(`${sum(POOR_STATUSES, 'households')} / ${sum(POOR_STATUSES, 'members')}`);
    expect(await figure('已脱贫（户/人）')).toBe(`${s.byStatus.exited.households} / ${s.byStatus.exited.members}`);
    expect(await figure('监测对象（户/人）')).toBe(`${sum(MONITORED_STATUSES, 'households')} / ${sum(MONITORED_STATUSES, 'members')}`);
    expect(s.households).toBe(HOUSEHOLDS);
    // The card shows the figure, not just carries it.
    expect((await page.locator('[data-label="总户数 / 总人口"]').innerText()).replace(/[,\s]/g, '')).toContain(`${s.households}户·${s.members}人`);

    const rows = page.getByTestId('dashboard-villages').locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBe(s.perVillage.length);
    for (const v of s.perVillage) {
      const row = rows.filter({ hasText: v.name });
      expect(await row.locator('td').nth(2).innerText()).toBe(String(v.households));
    }
    await screenshot(page, '86-dashboard');
    await page.getByTestId('dashboard-villages').scrollIntoViewIfNeeded();
    await screenshot(page, '87-dashboard-villages');
  });

  it('保存挂图 opens 打印文档 with the wall chart chosen, and saves it on A2', async () => {
    await page.getByTestId('dashboard-screen').locator('label', { hasText: /^A2$/ }).click();
    await page.getByTestId('dashboard-save').click();
    await page.getByTestId('doc-kind-wallchart').and(page.locator('[aria-checked=true]')).waitFor();
    // The paper chosen on the dashboard came along.
    expect(await radio('A2').locator('input').isChecked()).toBe(true);
    const saved = answer<DocumentFile>('documents.render');
    await page.getByTestId('doc-save').click();
    const file = (await saved).file;
    await page.getByTestId('doc-saved').waitFor();
    expect(file.startsWith(join(docsDir(), '统计挂图_青山镇_'))).toBe(true);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:.*\(A2\)/);
    await screenshot(page, '88-documents-wallchart-saved');
  });

  it('prints the wall chart, and the page goes on working', async () => {
    await page.getByTestId('menu-dashboard').click();
    await page.getByTestId('dashboard-screen').waitFor();
    const crashed: string[] = [];
    page.once('crash', () => crashed.push('crash'));
    const said = await watchToasts(page);
    const preview = answer<DocumentPreview>('documents.preview');
    await page.getByTestId('dashboard-print').click();
    const p = await preview;
    expect(p).toMatchObject({ kind: 'wallchart', format: 'pdf', pages: 1 });
    expect(pdfText(pdfOf(p.dataBase64, 'wallchart.pdf'))).toMatch(/统计挂图/);
    // Headless Chromium ended the page when the wall chart's PDF frame was asked to print (it has
    // no print dialog): the screen now says how to print instead and frames nothing.
    await said('没有打印对话框（无界面模式）');
    expect(await page.getByTestId('wallchart-print-frame').count()).toBe(0);
    // Still the same working page: the dashboard reloads its figures, 打印文档 opens and comes back.
    const reloaded = answer<unknown>('documents.wallchart');
    await page.getByRole('button', { name: /^刷\s*新$/ }).click();
    await reloaded;
    await page.getByTestId('menu-documents').click();
    await page.getByTestId('documents-screen').waitFor();
    await page.getByTestId('menu-dashboard').click();
    await page.getByTestId('dashboard-figures').waitFor();
    expect(crashed).toEqual([]);
  });
});
