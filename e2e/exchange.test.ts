// Encrypted USB packages clicked through in the browser shell (Debian Chromium via
// playwright-core), with two archives served side by side: a demo township (青山镇) and a county
// archive (示例县, role county). Each makes its key; before keys are exchanged the township sends
// a passphrase package (the passphrase shown once) that the county imports as unauthenticated
// after the supervisor's confirmation; then public keys are exchanged with the phone check
// (a wrong group read out is caught); the whole archive is refused (a bad ID number, with the
// reason, its household listed with 打开农户) and chosen batches go out with 写入校验; the county imports them (re-import: "已导入过",
// archive unchanged), returns one household and passes the rest, and sends the review result;
// the township imports it and sees the returned household with the county's reason. Assertions
// read the archive files themselves, not just the screen.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../core/demo/index.ts';
import { closeStep, openStep } from '../core/workflows/steps.ts';
import { archiveChecksum, tempDir } from '../db/testing.ts';
import { fixedDayClock } from '../shared/clock.ts';
import { addDays } from '../shared/dates.ts';
import { startWebShell } from '../web/server.ts';
import type { WebShell } from '../web/server.ts';
import { DEMO_DAY, keyOf, launchBrowser, login, protectedArchive, readArchive, screenshot } from './browser.ts';
import { settled, watchToasts } from './page-state.ts';

/** The day both shells run on (not the machine's): the demo, its periods and the file names follow it. */
const TODAY = DEMO_DAY;
const RETURN_REASON = '家庭收入核算有误，请重新核实务工收入';

let dir: string;
let usb: string;
let townshipDb: string;
let countyDb: string;
let township: WebShell;
let county: WebShell;
/** One browser per archive: each headless window stays visible, so animations and toasts finish. */
let browsers: Browser[] = [];
let tp: Page;
let cp: Page;
let batchId = '';
let returnedNo = '';
const fpr = { township: '', county: '' };
/** Per page: waits until a toast has said this (from the record of toasts, not caught on screen). */
const toasts = new Map<Page, (text: string) => Promise<void>>();
const toastSaid = (page: Page, text: string): Promise<void> => toasts.get(page)!(text);
/** Uncaught errors in either page: any one fails the test it happened in. */
const pageErrors: string[] = [];

/** Each archive file's data key, to read it beside its shell. */
const keys = new Map<string, Buffer>();
const open = (file: string) => readArchive(file, keys.get(file)!);

function q<T>(file: string, sql: string, ...args: unknown[]): T[] {
  const d = open(file);
  try {
    return d.prepare(sql).all(...args) as T[];
  } finally {
    d.close();
  }
}

function checksum(file: string): string {
  const d = open(file);
  try {
    return archiveChecksum(d);
  } finally {
    d.close();
  }
}

/** Lets the toasts and animations finish, so a screenshot shows the screen. */
async function shot(page: Page, name: string): Promise<void> {
  await settled(page);
  await screenshot(page, name);
}

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();
const digitsOf = async (page: Page, testId: string): Promise<string> => ((await page.getByTestId(testId).getAttribute('aria-label')) ?? '').replace(/\D/g, '');

async function openPage(shell: WebShell): Promise<Page> {
  const browser = await launchBrowser();
  browsers.push(browser);
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  page.on('pageerror', (e) => pageErrors.push(`${shell === township ? '乡镇' : '县级'}：${e.message}`));
  await page.goto(shell.url);
  // Screenshots show screens settled; the toasts keep their transition (they leave on its end).
  await page.addStyleTag({ content: '*:not(.ant-message-notice), *::before, *::after { transition: none !important; }' });
  toasts.set(page, await watchToasts(page));
  return page;
}

/** Makes this side's key on 密钥与对方 and saves public.json to the stick; returns the fingerprint's digits. */
async function makeKey(page: Page, out: string): Promise<string> {
  await page.getByTestId('menu-keys').click();
  await page.getByTestId('keys-not-ready').waitFor();
  expect(await text(page, 'keys-not-ready')).toMatch(/还没有本方密钥/);
  await page.getByTestId('key-new').click();
  await page.getByTestId('own-fingerprint').waitFor();
  const digits = await digitsOf(page, 'own-fingerprint');
  expect(digits).toMatch(/^\d{30}$/);
  // Six groups of five, each its own element (large, for reading over the phone).
  expect(await page.getByTestId('own-fingerprint').locator('.fpr-group').count()).toBe(6);
  await page.getByTestId('pubkey-out').fill(out);
  await page.getByTestId('pubkey-save').click();
  await toastSaid(page, `公钥已保存到 ${out}`);
  expect(existsSync(out)).toBe(true);
  return digits;
}

/** Registers the other side's public.json after the phone check. */
async function register(page: Page, file: string, expected: string, checkedBy: string): Promise<void> {
  await page.getByTestId('menu-keys').click();
  await page.getByTestId('trust-file').fill(file);
  await page.getByTestId('trust-inspect').click();
  await page.getByTestId('trust-key').waitFor();
  expect(await digitsOf(page, 'trust-fingerprint')).toBe(expected);
  // Not before the tick.
  expect(await page.getByTestId('trust-ok').isDisabled()).toBe(true);
  expect(await text(page, 'trust-problems')).toMatch(/请先与对方电话逐组核对指纹/);
  await page.getByTestId('trust-checked-by').fill(checkedBy);
  await page.getByTestId('trust-confirm').click();
  expect(await page.getByTestId('trust-ok').isDisabled()).toBe(false);
}

async function inspectPackage(page: Page, file: string): Promise<void> {
  await page.getByTestId('recv-file').fill(file);
  await page.getByTestId('recv-inspect').click();
  await page.getByTestId('recv-info').waitFor();
}

beforeAll(async () => {
  dir = tempDir('relief-e2e-exchange-');
  usb = join(dir, 'U盘');
  mkdirSync(usb);
  mkdirSync(join(dir, '县级'));
  townshipDb = join(dir, '青山镇.db');
  countyDb = join(dir, '县级', '示例县.db');
  const actor = { operator: '演示', now: fixedDayClock(TODAY).now };
  const t = await protectedArchive({ file: townshipDb, name: '青山镇', code: '511922101000', county: '示例县', province: '四川省' }, actor);
  keys.set(townshipDb, keyOf(t));
  // Ten days back, so the demo's publicity periods have run by today.
  generateDemo(t, { villages: 3, households: 90, seed: 'e2e', asOf: addDays(TODAY, -10), actor });
  // The 风险消除 batch brought up to its 县级审定: village publicity and township review completed today.
  batchId = (t.sqlite.prepare("SELECT id FROM batches WHERE kind = 'risk-removal'").pluck().get() as string | undefined) ?? '';
  expect(batchId).not.toBe('');
  closeStep(t.db, actor, { batchId, seq: 4, closedOn: TODAY, note: null });
  openStep(t.db, actor, { batchId, seq: 5, startedOn: TODAY, postedAt: null, note: null });
  closeStep(t.db, actor, { batchId, seq: 5, closedOn: TODAY, note: null });
  t.close();
  const c = await protectedArchive({ file: countyDb, name: '示例县', role: 'county', province: '四川省' }, actor, '王科长');
  keys.set(countyDb, keyOf(c));
  c.close();
  // The USB stick is a folder the clerk names when starting the browser shell (--allow-dir): it has no file dialog.
  township = await startWebShell({ db: townshipDb, dataDir: join(dir, 'data-t'), today: TODAY, allowDirs: [usb] });
  county = await startWebShell({ db: countyDb, dataDir: join(dir, 'data-c'), today: TODAY, allowDirs: [usb] });
  tp = await openPage(township);
  cp = await openPage(county);
  await login(tp);
  await login(cp, '王科长');
}, 120_000);

afterEach(async (ctx) => {
  const errors = pageErrors.splice(0);
  if (ctx.task.result?.state === 'fail' || errors.length) {
    const n = ctx.task.name.slice(0, 12);
    await tp?.screenshot({ path: join(dir, `fail-${n}-township.png`) }).catch(() => undefined);
    await cp?.screenshot({ path: join(dir, `fail-${n}-county.png`) }).catch(() => undefined);
    console.log('failure screenshots in', dir);
  }
  expect(errors).toEqual([]);
});

afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
  browsers = [];
  await township?.close();
  await county?.close();
});

describe('USB packages between a township and the county, in the browser shell', () => {
  it('the county archive shows only the county’s screens, with the 县级审核端 badge', async () => {
    await cp.getByTestId('county-screen').waitFor();
    expect(await text(cp, 'county-badge')).toBe('县级审核端');
    const menu = await cp.locator('.ant-menu-item').allInnerTexts();
    expect(menu).toEqual(['县级审核', '导入数据包', '密钥与对方', '账户管理']);
    expect(await cp.getByText('还没有任何乡镇的数据').count()).toBe(1);
    // A township screen's address lands on 县级审核.
    await cp.evaluate(() => {
      window.location.hash = '#/households';
    });
    await cp.getByTestId('county-screen').waitFor();
    expect(await cp.getByTestId('households-screen').count()).toBe(0);
    await shot(cp, '70-exchange-county-empty');
    // The township's menu has the exchange entries and no county ones.
    const tmenu = await tp.locator('.ant-menu-item').allInnerTexts();
    expect(tmenu.slice(-4)).toEqual(['报送县级', '县级审核结果', '密钥与对方', '账户管理']);
    expect(tmenu).not.toContain('县级审核');
    expect(await tp.getByTestId('county-badge').count()).toBe(0);
  });

  it('each side makes its key and saves public.json to the stick', async () => {
    fpr.county = await makeKey(cp, join(usb, '示例县_public.json'));
    await shot(cp, '71-exchange-county-key');
    fpr.township = await makeKey(tp, join(usb, '青山镇_public.json'));
    expect(fpr.township).not.toBe(fpr.county);
    expect(await text(tp, 'keys-not-ready')).toMatch(/还没有登记县级公钥/);
    await shot(tp, '72-exchange-township-key');
  });

  it('before keys are exchanged: a passphrase package, the passphrase shown once, imported as unauthenticated', async () => {
    await tp.getByTestId('menu-send').click();
    await tp.getByTestId('send-no-county-key').waitFor();
    await tp.getByText('选择的批次（及其农户）').click();
    await tp.getByTestId('send-batches').click();
    await tp.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '风险消除' }).click();
    await tp.keyboard.press('Escape');
    const out = join(usb, '青山镇_口令_1.fpkg');
    await tp.getByTestId('send-out').fill(out);
    await tp.getByTestId('send-start').click();
    await tp.getByTestId('pack-result').waitFor({ timeout: 90_000 });
    const pass = ((await tp.getByTestId('pack-passphrase').locator('.passphrase-digits').getAttribute('aria-label')) ?? '').replace(/\D/g, '');
    expect(pass).toMatch(/^\d{32}$/);
    expect(await text(tp, 'pack-passphrase')).toMatch(/只显示这一次/);
    expect(await text(tp, 'pack-result')).toMatch(/口令加密/);
    expect(existsSync(out)).toBe(true);
    await shot(tp, '73-exchange-passphrase-once');
    await tp.getByTestId('pack-passphrase-done').click();
    expect(await tp.getByTestId('pack-passphrase').count()).toBe(0);

    // County: the outside says who and that it cannot be authenticated; passphrase + confirmation first.
    await cp.getByTestId('menu-receive').click();
    await inspectPackage(cp, out);
    expect(await text(cp, 'recv-trust')).toMatch(/^未认证/);
    expect(await text(cp, 'recv-sender')).toBe('青山镇');
    expect(await digitsOf(cp, 'recv-fingerprint')).toBe(fpr.township);
    expect(await cp.getByTestId('recv-preview').isDisabled()).toBe(true);
    await cp.getByTestId('recv-passphrase').fill(pass.replace(/(\d{4})(?=\d)/g, '$1 '));
    await cp.getByTestId('recv-accept').click();
    await shot(cp, '74-exchange-unauthenticated');
    await cp.getByTestId('recv-preview').click();
    await cp.getByTestId('recv-preview-result').waitFor({ timeout: 90_000 });
    expect(await text(cp, 'recv-headline')).toMatch(/青山镇：新增 \d+ 户/);
    expect(q(countyDb, 'SELECT count(*) AS n FROM households')).toEqual([{ n: 0 }]);
    await cp.getByTestId('recv-apply').click();
    await cp.getByTestId('recv-outcome').waitFor({ timeout: 90_000 });
    expect(await text(cp, 'recv-outcome-title')).toBe('导入完成（第 1 号数据包）');
    expect(q<{ authenticated: number }>(countyDb, 'SELECT authenticated FROM exchange_packages')).toEqual([{ authenticated: 0 }]);
    await cp.getByTestId('recv-again').click();
  }, 240_000);

  it('keys exchanged with the phone check: a group read wrong is caught, who checked is recorded', async () => {
    await register(tp, join(usb, '示例县_public.json'), fpr.county, '李会计');
    // The county reads its fingerprint; one group misheard.
    const misheard = `${fpr.county.slice(0, 10)}${fpr.county[10] === '9' ? '0' : '9'}${fpr.county.slice(11)}`;
    await tp.getByTestId('trust-spoken').fill(misheard.replace(/(\d{5})(?=\d)/g, '$1 '));
    expect(await text(tp, 'trust-mismatch')).toMatch(/^第3组不一致：对方读的是 \d{5}，文件是 \d{5}。公钥文件可能被调换，不要登记。$/);
    expect(await tp.getByTestId('trust-ok').isDisabled()).toBe(true);
    await shot(tp, '75-exchange-phone-check-mismatch');
    await tp.getByTestId('trust-spoken').fill(fpr.county);
    await tp.getByTestId('trust-match').waitFor();
    expect(await tp.getByTestId('trust-ok').isDisabled()).toBe(false);
    await tp.getByTestId('trust-ok').click();
    await toastSaid(tp, '已登记“示例县”的公钥');
    await tp.getByTestId('registered-keys').getByText('示例县').waitFor();
    expect(await text(tp, 'registered-keys')).toMatch(/示例县[\s\S]*李会计 · \d{4}-\d\d-\d\d \d\d:\d\d · 电话核对[\s\S]*有效/);
    await shot(tp, '76-exchange-township-registered');
    expect(q<{ checked_by: string; role: string }>(townshipDb, 'SELECT checked_by, role FROM exchange_keys')).toEqual([{ checked_by: '李会计', role: 'county' }]);

    await register(cp, join(usb, '青山镇_public.json'), fpr.township, '王科长');
    await cp.getByTestId('trust-ok').click();
    await toastSaid(cp, '已登记“青山镇”的公钥');
    await cp.getByTestId('registered-keys').getByText('青山镇').waitFor();
    expect(await cp.getByTestId('registered-keys').getByText('吊销').count()).toBe(1);
    await shot(cp, '77-exchange-county-registered');
  });

  it('the whole archive is refused with the reason; the chosen batch goes out with 写入校验', async () => {
    await tp.getByTestId('menu-send').click();
    await tp.getByTestId('send-recipient').waitFor();
    expect(await text(tp, 'send-recipient')).toContain('示例县');
    await tp.getByText('全部档案').click();
    const all = join(usb, '青山镇_全部.fpkg');
    await tp.getByTestId('send-out').fill(all);
    await tp.getByTestId('send-start').click();
    await tp.getByTestId('send-error').waitFor({ timeout: 90_000 });
    expect(await text(tp, 'send-error')).toMatch(/报送数据包没有生成[\s\S]*不合规，县级会拒收[\s\S]*身份证号/);
    expect(existsSync(all)).toBe(false);
    expect(readdirSync(usb).filter((f) => f.endsWith('.part'))).toEqual([]);
    await shot(tp, '78-exchange-send-refused');
    // Each refused row with its household and 打开农户: the household opens on the member's ID number.
    const row = tp.getByTestId('pack-problems').locator('tbody tr.ant-table-row').first();
    await row.waitFor();
    expect(await row.innerText()).toMatch(/身份证号/);
    const no = (await row.locator('td').nth(1).innerText()).trim();
    expect(no).not.toBe('');
    await tp.setViewportSize({ width: 1366, height: 768 }); // the README's screen (docs/screenshots/package-refusal.png)
    await shot(tp, '78b-exchange-send-refused-links');
    await tp.setViewportSize({ width: 1366, height: 900 });
    await row.getByTestId('pack-problem-open').click();
    await expect.poll(() => tp.getByTestId('household-page').innerText()).toContain(no);
    await expect.poll(() => tp.evaluate(() => document.activeElement?.closest<HTMLElement>('[data-field]')?.dataset.field ?? '')).toMatch(/^members\.\d+\.idNumber$/);
    await tp.getByTestId('menu-send').click();
    await tp.getByTestId('send-recipient').waitFor();
    // Back on 报送县级 the form starts afresh (default place): the clerk's own path again.
    await tp.getByTestId('send-out').fill(all);

    await tp.getByText('选择的批次（及其农户）').click();
    await tp.getByTestId('send-batches').click();
    await tp.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '风险消除' }).click();
    await tp.keyboard.press('Escape');
    // The default name follows the format's suggestion, beside the archive; the clerk points it at the stick.
    await tp.getByRole('button', { name: '恢复默认' }).click();
    expect(await tp.getByTestId('send-out').inputValue()).toBe(join(dir, `青山镇_乡镇报送_2_${TODAY.replace(/-/g, '')}.fpkg`));
    const out = join(usb, '青山镇_乡镇报送_2.fpkg');
    await tp.getByTestId('send-out').fill(out);
    await tp.getByTestId('send-start').click();
    await tp.getByTestId('pack-result').waitFor({ timeout: 90_000 });
    const result = await text(tp, 'pack-result');
    expect(result).toMatch(/写入校验通过/);
    expect(result).toMatch(/第 2 号/);
    expect(await tp.getByTestId('pack-passphrase').count()).toBe(0);
    const id = await text(tp, 'pack-result-id');
    const sent = q<{ package_id: string; bytes: number; seq: number }>(townshipDb, "SELECT package_id, bytes, seq FROM exchange_packages WHERE direction = 'out' ORDER BY seq");
    expect(sent.map((s) => s.seq)).toEqual([1, 2]);
    expect(id).toBe(sent[1]!.package_id);
    expect(await text(tp, 'pack-result')).toContain(`${sent[1]!.bytes.toLocaleString('zh-CN')} 字节`);
    expect(existsSync(out)).toBe(true);
    expect(readdirSync(usb).filter((f) => f.endsWith('.part'))).toEqual([]);
    await shot(tp, '79-exchange-sent');
  }, 240_000);

  it('the county imports it (authenticated); the same package again is "已导入过" and changes nothing', async () => {
    const out = join(usb, '青山镇_乡镇报送_2.fpkg');
    await cp.getByTestId('menu-receive').click();
    await inspectPackage(cp, out);
    expect(await text(cp, 'recv-trust')).toMatch(/^已认证/);
    expect(await digitsOf(cp, 'recv-fingerprint')).toBe(fpr.township);
    await cp.getByTestId('recv-preview-result').waitFor({ timeout: 90_000 });
    // The township's audit chain goes on from its first (passphrase) package.
    expect(await text(cp, 'recv-audit')).toMatch(/^审计记录连续：上次报送（第 1 号数据包）时/);
    await shot(cp, '80-exchange-county-preview');
    await cp.getByTestId('recv-apply').click();
    await cp.getByTestId('recv-outcome').waitFor({ timeout: 90_000 });
    expect(await text(cp, 'recv-outcome-title')).toBe('导入完成（第 2 号数据包）');
    await shot(cp, '81-exchange-county-imported');
    const before = checksum(countyDb);

    await cp.getByTestId('recv-again').click();
    await inspectPackage(cp, out);
    expect(await text(cp, 'recv-verdict')).toMatch(/已导入过/);
    await cp.getByTestId('recv-preview-result').waitFor({ timeout: 90_000 });
    await cp.getByTestId('recv-apply').click();
    await cp.getByTestId('recv-outcome').waitFor({ timeout: 90_000 });
    expect(await text(cp, 'recv-outcome-title')).toMatch(/^已导入过/);
    expect(checksum(countyDb)).toBe(before);
    await shot(cp, '82-exchange-county-reimport');
  }, 240_000);

  it('the county returns one household with a reason, passes the rest, and sends the review result', async () => {
    await cp.getByTestId('menu-county').click();
    const row = cp.getByTestId('county-townships').locator('tr', { hasText: '青山镇' });
    expect(await row.innerText()).toMatch(/第 2 号（部分批次）/);
    await shot(cp, '83-exchange-townships');
    // 数据质量: the township's snapshot through the same rules, one row per township.
    await cp.getByRole('tab', { name: '数据质量' }).click();
    const quality = cp.getByTestId('county-quality-table').locator('tr', { hasText: '青山镇' });
    expect(await quality.innerText()).toMatch(/青山镇\s+\d+\s+\d+\s+\d+\s+\d+/);
    await cp.getByRole('tab', { name: '乡镇与批次' }).click();
    await row.click();
    await cp.getByTestId('township-page').waitFor();
    await cp.getByTestId(`review-${batchId}`).click();
    const drawer = cp.getByTestId('batch-review');
    await drawer.getByTestId('review-households').waitFor();
    const households = q<{ no: string }>(countyDb, 'SELECT h.no FROM batch_households bh JOIN households h ON h.id = bh.household_id WHERE bh.batch_id = ? ORDER BY h.no', batchId);
    expect(households.length).toBeGreaterThan(1);
    returnedNo = households[0]!.no;
    await drawer.getByTestId('review-households').locator('tr', { hasText: returnedNo }).locator('input[type=checkbox]').check();
    await drawer.locator('[data-testid=opinion-value] label', { hasText: '退回' }).click();
    expect(await drawer.getByTestId('opinion-save').isDisabled()).toBe(true); // a return needs its reason
    await drawer.getByTestId('opinion-reason').fill(RETURN_REASON);
    await drawer.getByTestId('opinion-save').click();
    await toastSaid(cp, '已登记 1 户的审核意见');
    await drawer.locator('[data-testid=opinion-value] label', { hasText: '通过' }).click();
    await drawer.getByTestId('opinion-save').click();
    await toastSaid(cp, '已登记整批审核意见');
    await drawer.getByTestId('step-opinion').waitFor();
    expect(await drawer.getByTestId('review-households').locator('tr', { hasText: returnedNo }).innerText()).toContain(RETURN_REASON);
    await shot(cp, '84-exchange-county-opinions');
    await drawer.locator('.ant-drawer-close').click();

    // The township's households, read-only, one opened in full.
    await cp.getByRole('tab', { name: /农户/ }).click();
    const list = cp.getByTestId('county-households');
    await list.getByText(returnedNo).waitFor();
    expect(await list.locator('tr.ant-table-row').count()).toBe(3);
    await list.getByText(returnedNo).click();
    await cp.getByTestId('county-household').getByText('与户主关系').waitFor();
    await shot(cp, '85-exchange-county-household');
    await cp.getByTestId('county-household').locator('.ant-drawer-close').click();

    await cp.getByRole('tab', { name: /发送审核结果/ }).click();
    const out = join(usb, '示例县_审核结果_青山镇.fpkg');
    await cp.getByTestId('review-out').fill(out);
    await cp.getByTestId('review-pack').click();
    await cp.getByTestId('pack-result').waitFor({ timeout: 90_000 });
    expect(await text(cp, 'pack-result')).toMatch(/审核结果数据包已写好：写入校验通过[\s\S]*2 条/);
    expect(existsSync(out)).toBe(true);
    await shot(cp, '86-exchange-review-sent');
  }, 240_000);

  it('the township imports the review result and sees the returned household with the county’s reason', async () => {
    const out = join(usb, '示例县_审核结果_青山镇.fpkg');
    await tp.getByTestId('menu-receive').click();
    await inspectPackage(tp, out);
    expect(await text(tp, 'recv-sender')).toBe('示例县');
    expect(await text(tp, 'recv-trust')).toMatch(/^已认证/);
    expect(await digitsOf(tp, 'recv-fingerprint')).toBe(fpr.county);
    await tp.getByTestId('recv-preview-result').waitFor({ timeout: 90_000 });
    expect(await text(tp, 'recv-effects')).toMatch(/风险消除[\s\S]*通过，环节完成/);
    await shot(tp, '87-exchange-review-preview');
    await tp.getByTestId('recv-apply').click();
    await tp.getByTestId('recv-outcome').waitFor({ timeout: 90_000 });
    expect(await text(tp, 'recv-outcome-title')).toBe('导入完成（第 1 号审核结果）');
    const card = tp.getByTestId(`review-batch-${batchId}`);
    await card.waitFor();
    const returned = await card.getByTestId('review-returned').innerText();
    expect(returned).toContain(returnedNo);
    expect(returned).toContain(`退回理由：${RETURN_REASON}`);
    await card.scrollIntoViewIfNeeded();
    await shot(tp, '88-exchange-township-returned');
    // The archive: the county step done, the household returned with the county's reason.
    const step = q<{ status: string }>(townshipDb, "SELECT status FROM batch_steps WHERE batch_id = ? AND step = 'county-approval'", batchId);
    expect(step).toEqual([{ status: 'closed' }]);
    const outcome = q<{ outcome: string; reason: string }>(
      townshipDb,
      `SELECT o.outcome, o.reason FROM step_outcomes o JOIN batch_steps s ON s.id = o.step_id JOIN batch_households bh ON bh.id = o.batch_household_id
       JOIN households h ON h.id = bh.household_id WHERE s.batch_id = ? AND s.step = 'county-approval' AND h.no = ?`,
      batchId,
      returnedNo,
    );
    expect(outcome).toHaveLength(1);
    expect(outcome[0]!.outcome).toBe('return');
    expect(outcome[0]!.reason).toContain(RETURN_REASON);

    // Again: 已导入过, nothing changes.
    const before = checksum(townshipDb);
    await tp.getByTestId('recv-again').click();
    await inspectPackage(tp, out);
    expect(await text(tp, 'recv-verdict')).toMatch(/已导入过/);
    await tp.getByTestId('recv-preview-result').waitFor({ timeout: 90_000 });
    await tp.getByTestId('recv-apply').click();
    await tp.getByTestId('recv-outcome').waitFor({ timeout: 90_000 });
    expect(await text(tp, 'recv-outcome-title')).toMatch(/^已导入过/);
    expect(checksum(townshipDb)).toBe(before);

    // 报送县级: number 2 answered, number 1 superseded by it.
    await tp.getByTestId('menu-send').click();
    const sent = tp.getByTestId('sent-packages');
    await sent.getByText('县级已回复').waitFor();
    expect(await sent.locator('tr', { hasText: '第 2 号' }).innerText()).toContain('县级已回复');
    expect(await sent.locator('tr', { hasText: '第 1 号' }).innerText()).toContain('已由较新的报送取代');

    // 审计核验: everything above (workflow steps, the review applied) kept the audit chain whole.
    await tp.getByTestId('menu-audit').click();
    await tp.getByTestId('audit-verify').click();
    await tp.getByTestId('audit-result').waitFor();
    expect(await text(tp, 'audit-result')).toMatch(/完整[\s\S]*审计记录完整：共 \d+ 条/);
    await shot(tp, '89-audit-verify');
  }, 240_000);

  it('the county revokes a key, after confirming', async () => {
    await cp.getByTestId('menu-keys').click();
    await cp.getByTestId('registered-keys').getByRole('button', { name: '吊销' }).click();
    await cp.getByTestId('revoke-reason').fill('U盘遗失');
    await shot(cp, '89-exchange-revoke');
    await cp.getByTestId('revoke-ok').click();
    await toastSaid(cp, '已吊销“青山镇”的密钥');
    await cp.getByTestId('registered-keys').getByText('U盘遗失', { exact: false }).waitFor();
    expect(await text(cp, 'registered-keys')).toMatch(/已吊销[\s\S]*U盘遗失；第 2 号及以前的数据包仍有效/);
    expect(q<{ status: string; valid_through_seq: number }>(countyDb, 'SELECT status, valid_through_seq FROM exchange_keys')).toEqual([{ status: 'revoked', valid_through_seq: 2 }]);
  });
});
