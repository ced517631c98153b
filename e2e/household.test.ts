// The clerk's day in the browser shell (Debian Chromium via playwright-core): enter a household
// of four by keyboard only, find it by pinyin initials, change an income and watch per-capita
// change, type a bad ID and see it refused with nothing saved, undo an edit, and see it all in
// the household's change log. Assertions read the archive file itself, not just the screen.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkArchive } from '../core/check.ts';
import { townshipStats } from '../core/stats.ts';
import { makeIdNumber } from '../shared/id-number.ts';
import { DEMO_DAY, PASSWORD, afterFailure, demoShell, launchBrowser, login, readArchive, screenshot } from './browser.ts';
import { settled, watchToasts } from './page-state.ts';
import { dataCheckFlow } from './quality-steps.ts';
import type { DemoShell } from './browser.ts';

const NO = '5119220001999001';
const PEOPLE: [string, string, string][] = [
  ['周建国', '户主', makeIdNumber('511922', '1970-03-05', 11, '男')],
  ['吴秀英', '配偶', makeIdNumber('511922', '1972-08-19', 22, '女')],
  ['周小军', '之子', makeIdNumber('511922', '1996-01-30', 33, '男')],
  ['周小丽', '之女', makeIdNumber('511922', '2012-06-01', 44, '女')],
];

let shell: DemoShell;
let browser: Browser;
let page: Page;
/** Waits until a toast has said this (asserted from the record of toasts, not caught on screen). */
let toastSaid: (text: string) => Promise<void>;
const overviewCalls: { channel: string; value: unknown }[] = [];

function query<T>(sql: string, ...args: unknown[]): T[] {
  const db = readArchive(shell.db, shell.key);
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}
const focusedField = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest('[data-field]')?.getAttribute('data-field') ?? '');

/** Presses Enter until `field` has the focus, each time waiting for the focus to move on (a new member row renders first). */
async function enterUntil(field: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const from = await focusedField();
    if (from === field) return;
    await page.keyboard.press('Enter');
    await page
      .waitForFunction((f) => ((document.activeElement as HTMLElement | null)?.closest('[data-field]')?.getAttribute('data-field') ?? '') !== f, from, { timeout: 5_000 })
      .catch(() => undefined); // a field that keeps the focus on Enter (a dropdown opening) gets the next press
  }
  throw new Error(`Enter never reached ${field}; focus is on ${await focusedField()}`);
}

/** Finds by `search` and opens the first hit with Enter (the list waits for its own search); it must be household `no`. */
async function openHousehold(search: string, no: string): Promise<void> {
  await page.getByTestId('menu-households').click();
  await page.getByTestId('household-search').fill(search);
  await page.getByTestId('household-search').press('Enter');
  await page.getByTestId('household-page').waitFor();
  await expect.poll(() => page.getByTestId('household-page').innerText()).toContain(no);
}

beforeAll(async () => {
  shell = await demoShell({ households: 90 });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
  // The overview's two calls as the page received them: figures first, the check's part after.
  page.on('response', (r) => {
    const channel = new URL(r.url()).pathname.replace('/api/', '');
    if (channel === 'overview.get' || channel === 'overview.problems') void r.json().then((body: { value: unknown }) => overviewCalls.push({ channel, value: body.value }));
  });
  await page.goto(shell.url);
  await login(page);
  toastSaid = await watchToasts(page);
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await afterFailure(page, ctx.task.name.slice(0, 16));
});
afterAll(async () => {
  await browser.close();
  await shell.close();
});

describe('household editing in the browser shell', () => {
  it('shows the overview of the demo township: its figures and problem counts as the archive has them', async () => {
    await page.getByText('青山镇概览').waitFor();
    await page.getByTestId('status-exited').waitFor();
    const s = townshipStats(shell.session.requireArchive(), { asOf: DEMO_DAY });
    const check = checkArchive(shell.session.requireArchive(), { asOf: DEMO_DAY });
    const main = page.locator('body');
    expect(await main.innerText()).toContain(`${s.villages} 个行政村 · ${s.households} 户 ${s.members} 人`);
    expect(s.households).toBe(90);
    expect((await page.getByTestId('status-exited').innerText()).replace(/[,\s]/g, '')).toBe(`${s.byStatus.exited.label}${s.byStatus.exited.households}户${s.byStatus.exited.members}人`);
    expect(s.byStatus.exited.households).toBeGreaterThan(0);
    for (const v of s.perVillage) expect(await main.getByRole('row', { name: new RegExp(v.name) }).innerText()).toMatch(new RegExp(`${v.name}\\s+${v.households}\\s+${v.members}`));
    // The figures came without the check (none kept yet: problems null), then the check as a job filled them in.
    await page.getByTestId('problem-counts').waitFor();
    expect((await main.innerText()).replace(/\s+/g, ' ')).toContain(`错误 ${check.counts.error} 疑点 ${check.counts.warning}`);
    expect(overviewCalls[0]).toMatchObject({ channel: 'overview.get', value: { households: s.households, check: null } });
    await expect.poll(() => overviewCalls.find((c) => c.channel === 'overview.problems')?.value).toEqual({ problems: check.counts, due: expect.any(Array) as unknown });
    expect(await page.getByTestId('check-progress').count()).toBe(0);
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, '01-overview');
    await page.setViewportSize({ width: 1366, height: 860 });
  });

  it('enters a household of four without the mouse and saves it with Ctrl+S', async () => {
    await page.getByTestId('menu-households').click();
    await page.getByTestId('new-household').click();
    await page.waitForFunction(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field') === 'villageId');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await focusedField()).toBe('no');
    await page.keyboard.type(NO);
    await page.keyboard.press('Enter');
    await page.keyboard.type('一组');
    await enterUntil('members.0.name');
    for (const [i, [name, relation, id]] of PEOPLE.entries()) {
      await enterUntil(`members.${i}.name`);
      await page.keyboard.type(name);
      await page.keyboard.press('Enter');
      await page.keyboard.type(relation);
      // Enter picks the option the typed text made active: wait until it is that one.
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active', { hasText: relation }).waitFor();
      await page.keyboard.press('Enter');
      expect(await focusedField()).toBe(`members.${i}.idNumber`);
      await page.keyboard.type(id);
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.getByTestId('member-age-3').innerText()).toBe('14');
    await screenshot(page, '02-new-household-members');
    await page.keyboard.press('Control+s');
    await toastSaid('已保存');
    const rows = query<{ name: string; relation: string; gender: string; birth_date: string }>(
      'SELECT m.name, m.relation, m.gender, m.birth_date FROM members m JOIN households h ON h.id = m.household_id WHERE h.no = ? ORDER BY m.seq',
      NO,
    );
    expect(rows).toEqual([
      { name: '周建国', relation: '户主', gender: '男', birth_date: '1970-03-05' },
      { name: '吴秀英', relation: '配偶', gender: '女', birth_date: '1972-08-19' },
      { name: '周小军', relation: '之子', gender: '男', birth_date: '1996-01-30' },
      { name: '周小丽', relation: '之女', gender: '女', birth_date: '2012-06-01' },
    ]);
    expect(query('SELECT group_name AS g FROM households WHERE no = ?', NO)).toEqual([{ g: '一组' }]);
    await screenshot(page, '03-household-saved');
  });

  it('finds the new household by pinyin initials', async () => {
    await page.getByTestId('menu-households').click();
    await page.getByTestId('household-search').fill('zjg');
    await expect.poll(async () => (await page.getByTestId('household-row').allInnerTexts()).join('\n')).toContain('周建国');
    await screenshot(page, '04-search-pinyin');
  });

  it('recomputes per-capita income live as an income is typed, and saves it', async () => {
    await openHousehold('zjg', NO);
    await page.getByRole('tab', { name: '收入' }).click();
    if ((await page.getByTestId('income-2025').count()) === 0) {
      await page.getByLabel('添加收入年度').fill('2025');
      await page.getByTestId('add-income-year').click();
    }
    await page.getByLabel('2025年家庭人口数').fill('4');
    await page.getByLabel('2025年工资性收入').fill('24000');
    await expect.poll(() => page.getByTestId('income-totals-2025').innerText()).toMatch(/6,000\.00/);
    await page.getByLabel('2025年工资性收入').fill('36000');
    await expect.poll(() => page.getByTestId('income-totals-2025').innerText()).toMatch(/9,000\.00/);
    await screenshot(page, '05-income-live');
    await page.keyboard.press('Control+s');
    await expect
      .poll(() => query('SELECT i.wage_fen AS w FROM incomes i JOIN households h ON h.id = i.household_id WHERE h.no = ? AND i.year = 2025', NO))
      .toEqual([{ w: 3_600_000 }]);
  });

  it('flags a wrong check digit at once and refuses to save it, changing nothing', async () => {
    const before = query('SELECT version, updated_at FROM households WHERE no = ?', NO);
    const members = query('SELECT * FROM members m JOIN households h ON h.id = m.household_id WHERE h.no = ? ORDER BY m.seq', NO);
    await page.getByRole('tab', { name: '家庭成员' }).click();
    const id = PEOPLE[2]![2];
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    await page.getByLabel('第3名成员身份证号').fill(wrong);
    await page.getByText('身份证号校验位错误').first().waitFor();
    await screenshot(page, '06-bad-id');
    await page.keyboard.press('Control+s');
    await toastSaid('需要改正：周小军：身份证号校验位错误');
    await screenshot(page, '06-bad-id-refused');
    expect(query('SELECT version, updated_at FROM households WHERE no = ?', NO)).toEqual(before);
    expect(query('SELECT * FROM members m JOIN households h ON h.id = m.household_id WHERE h.no = ? ORDER BY m.seq', NO)).toEqual(members);
    await page.getByLabel('第3名成员身份证号').fill(id);
  });

  it('undoes the last edit and shows both in the change log', async () => {
    await page.getByLabel('第4名成员姓名').fill('周晓丽');
    await page.keyboard.press('Control+s');
    await expect.poll(() => query<{ n: number }>("SELECT count(*) AS n FROM members WHERE name = '周晓丽'")[0]!.n).toBe(1);
    await page.getByTestId('undo-last').click();
    await page.getByRole('button', { name: /撤\s*销/ }).last().click();
    await expect.poll(() => query<{ n: number }>("SELECT count(*) AS n FROM members WHERE name = '周晓丽'")[0]!.n).toBe(0);
    expect(query("SELECT count(*) AS n FROM members WHERE name = '周小丽'")).toEqual([{ n: 1 }]);
    await page.getByRole('tab', { name: '修改记录' }).click();
    const log = page.getByRole('tabpanel');
    await expect.poll(() => log.innerText()).toMatch(/撤销：修改农户 5119220001999001/);
    expect(await log.innerText()).toMatch(/李会计/);
    expect(await log.innerText()).toMatch(/新增农户 5119220001999001/);
    await screenshot(page, '08-audit-after-undo');
  });

  it('edits the member fields behind 更多 (phone, work months, insurance) and saves them', async () => {
    await page.getByRole('tab', { name: '家庭成员' }).click();
    await page.getByLabel('第2名成员更多信息').click();
    await page.getByLabel('第2名成员联系电话').fill('13912345678');
    await page.getByLabel('第2名成员务工时间（月）').fill('6');
    await page.getByLabel('第2名成员参加城乡居民基本医疗保险').click();
    await page.getByTitle('是').last().click();
    await expect.poll(() => page.getByRole('dialog').getByText('是', { exact: true }).count()).toBeGreaterThan(0);
    await settled(page);
    await screenshot(page, '08b-member-more');
    await page.getByRole('button', { name: '完成' }).click();
    // Ctrl+S is the dialog's while one shows: wait until none does (role queries stop seeing a closing dialog earlier).
    await expect.poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);
    await page.keyboard.press('Control+s');
    await expect
      .poll(() => query("SELECT phone, work_months AS w, medical_insurance AS mi FROM members WHERE name = '吴秀英'"))
      .toEqual([{ phone: '13912345678', w: 6, mi: 1 }]);
  });

  it('attaches a photo to the household and shows it', async () => {
    await page.getByRole('tab', { name: '档案资料' }).click();
    await page.getByLabel('资料说明').fill('入户核实照片');
    // A real 1×1 PNG, made for this test.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    await page.locator('input[type=file]').setInputFiles({ name: '入户照片.png', mimeType: 'image/png', buffer: png });
    await page.getByTestId('attachment-row').first().waitFor();
    expect(await page.getByTestId('attachment-row').first().innerText()).toMatch(/入户照片\.png[\s\S]*入户核实照片/);
    expect(query('SELECT a.original_name AS n, a.mime AS m, b.size AS s FROM attachments a JOIN blobs b ON b.sha256 = a.sha256')).toEqual([{ n: '入户照片.png', m: 'image/png', s: png.length }]);
    await page.locator('input[type=file]').setInputFiles({ name: '伪装.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not really a photo') });
    await toastSaid('不是可以存档的类型');
    expect(query('SELECT count(*) AS n FROM attachments')).toEqual([{ n: 1 }]);
    await screenshot(page, '09-attachments');
  });

  it('registers a helper, pairs the household and records a measure', async () => {
    await page.getByRole('tab', { name: '帮扶' }).click();
    // Esc closes the dialog (it once stayed open: the hidden 帮扶措施 dialog took every Esc).
    await page.getByTestId('add-helper').click();
    await page.getByLabel('帮扶责任人姓名').fill('不要了');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);
    // Enter in the last field saves, as the OK button does.
    await page.getByTestId('add-helper').click();
    await page.getByLabel('帮扶责任人姓名').fill('王建军');
    await page.getByLabel('帮扶责任人单位').fill('县农业农村局');
    await page.getByLabel('帮扶责任人单位').press('Enter');
    // The closing dialog hands the focus back to 新增帮扶责任人: typing before it has closed
    // lost the date once (CI). Wait for it to close and the new helper to be chosen.
    await expect.poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);
    await expect.poll(() => page.getByTestId('pair-helper').innerText()).toContain('王建军');
    await page.getByLabel('结对开始日期').fill('2026-11-24');
    await expect.poll(() => page.getByLabel('结对开始日期').inputValue()).toBe('2026-11-24');
    await page.getByTestId('pair-submit').click();
    await expect.poll(() => query('SELECT p.start_on AS s, p.end_on AS e, x.name AS n FROM pairings p JOIN helpers x ON x.id = p.helper_id JOIN households h ON h.id = p.household_id WHERE h.no = ?', NO)).toEqual([{ s: '2026-11-24', e: null, n: '王建军' }]);
    await page.getByTestId('add-measure').click();
    await page.getByLabel('帮扶措施类别').click();
    await page.keyboard.type('产业');
    await page.keyboard.press('Enter');
    await page.getByLabel('帮扶内容').fill('发放鸡苗100只');
    await page.getByLabel('帮扶金额').fill('1234.5');
    await page.getByTestId('measure-save').click();
    await expect.poll(() => query('SELECT m.category AS c, m.amount_fen AS a FROM measures m JOIN households h ON h.id = m.household_id WHERE h.no = ?', NO)).toEqual([{ c: '产业帮扶', a: 123_450 }]);
    await page.getByText('1,234.50').waitFor();
    await expect.poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);
    await settled(page);
    await screenshot(page, '09b-help');
  });

  it('shows the villages, the data check and the household list with what the archive holds', async () => {
    const s = townshipStats(shell.session.requireArchive(), { asOf: DEMO_DAY });
    const check = checkArchive(shell.session.requireArchive(), { asOf: DEMO_DAY });

    await page.getByTestId('menu-villages').click();
    await page.getByText(`共 ${s.villages} 个`).waitFor();
    for (const v of s.perVillage) expect(await page.getByRole('row', { name: new RegExp(v.code) }).innerText()).toMatch(new RegExp(`${v.code}\\s+${v.name}[\\s\\S]*\\s${v.households}\\s+${v.members}`));
    await settled(page);
    await screenshot(page, '10-villages');

    await page.getByTestId('menu-quality').click();
    const summary = page.getByText(/检查日期 \d{4}-\d{2}-\d{2}/);
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(new RegExp(`错误 ${check.counts.error} 项 · 疑点 ${check.counts.warning} 项.* · 检查日期 ${DEMO_DAY}`));
    expect(check.problems.length).toBeGreaterThan(0);
    // The list starts with the check's first problem (a virtual table: cells, not rows with names).
    const first = check.problems[0]!;
    await page.locator('.ant-table-cell', { hasText: first.household }).first().waitFor();
    expect(await page.locator('.ant-table-cell', { hasText: first.message }).count()).toBeGreaterThan(0);
    await settled(page);
    await screenshot(page, '11-data-check');

    await page.getByTestId('menu-households').click();
    await page.getByTestId('household-search').fill('');
    await expect.poll(() => page.getByTestId('household-total').innerText()).toBe(`共 ${s.households} 户`);
    expect(s.households).toBe(91); // the demo's 90 and the one entered above
    expect(await page.getByTestId('household-row').count()).toBeGreaterThan(10);
    await settled(page);
    await screenshot(page, '12-household-list');
  });

  it('at 1366×768: 数据检查 — the summary, a rule’s count filters, a row opens the member and field, back returns to the same place, 已核实无误 with a reason, a fix shows as closed on re-check', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    try {
      await dataCheckFlow(page, shell, query, toastSaid);
    } finally {
      await page.setViewportSize({ width: 1366, height: 860 });
    }
  }, 150_000);

  it('at 1366×768: 待办 opens its list, the list sorts and exports as shown and says who matched, the member grid keeps its actions in view, villages are added, F1 lists the keys', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    try {
      // 待办: the households without a helper, as the archive has them.
      const noHelper = query<{ n: number }>(
        `SELECT count(*) AS n FROM households h WHERE h.status IN ('poor','exited','returned','unstable','edge','sudden')
           AND NOT EXISTS (SELECT 1 FROM pairings p WHERE p.household_id = h.id AND p.start_on <= ? AND (p.end_on IS NULL OR p.end_on >= ?))`,
        DEMO_DAY,
        DEMO_DAY,
      )[0]!.n;
      await page.getByTestId('menu-overview').click();
      const item = page.getByTestId('due-item').filter({ hasText: '没有帮扶责任人' });
      if (noHelper > 0) {
        await item.click();
        await page.getByTestId('filter-no-helper').waitFor();
        await expect.poll(() => page.getByTestId('household-total').innerText()).toBe(`共 ${noHelper} 户`);
        await page.getByTestId('filter-no-helper').locator('.ant-tag-close-icon').click();
      } else {
        await page.getByTestId('due-item').first().waitFor();
        expect(await item.count()).toBe(0);
      }

      // A hit through another member says whom; the sort applies to the whole list.
      await page.getByTestId('menu-households').click();
      await page.getByTestId('household-search').fill('周小军');
      await expect.poll(async () => (await page.getByTestId('household-row').allInnerTexts()).join('\n')).toMatch(/周建国\s*匹配：周小军/);
      await page.getByTestId('household-search').fill('');
      await page.getByTestId('sort-size').click();
      await page.getByTestId('sort-size').click();
      const largest = query<{ n: number }>('SELECT max(c) AS n FROM (SELECT count(*) AS c FROM members WHERE left_reason IS NULL GROUP BY household_id)')[0]!.n;
      await expect.poll(async () => (await page.getByTestId('household-row').first().innerText()).split(/\s+/)).toContain(String(largest));
      await settled(page);
      await screenshot(page, '17a-household-list-sorted');
      await page.getByTestId('export-households').click();
      await toastSaid('已导出 91 条到：');
      const exported = readdirSync(join(shell.dir, 'data', '文档')).filter((f) => f.startsWith('农户名单_'));
      expect(exported).toHaveLength(1);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(shell.dir, 'data', '文档', exported[0]!));
      expect(wb.worksheets[0]!.getCell(4, 6).value).toBe(largest);

      // The member grid: 操作 stays on screen at 1366 wide.
      await openHousehold('zjg', NO);
      await page.keyboard.press('Alt+2');
      await expect.poll(focusedField).toBe('members.0.name');
      const del = await page.getByLabel('删除第1名成员').boundingBox();
      expect(del!.x + del!.width).toBeLessThanOrEqual(1366);
      await settled(page);
      await screenshot(page, '17b-member-grid-1366');
      await page.keyboard.press('Escape');
      await page.getByTestId('household-search').waitFor();

      // 新增行政村, audited.
      await page.getByTestId('menu-villages').click();
      await page.getByTestId('village-add').click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('village-code');
      await page.getByTestId('village-code').fill('511922101077');
      await page.getByTestId('village-name').fill('新建村');
      await page.getByTestId('village-save').click();
      await page.getByTestId('village-edit').waitFor();
      expect(query('SELECT name FROM villages WHERE code = ?', '511922101077')).toEqual([{ name: '新建村' }]);
      expect(query<{ note: string }>("SELECT note FROM audit_log WHERE table_name = 'villages' ORDER BY id DESC LIMIT 1")[0]!.note).toBe('新增行政村新建村');

      // F1: every shortcut in one list.
      await page.keyboard.press('F1');
      await page.getByText('Ctrl+Enter').waitFor();
      await settled(page);
      await screenshot(page, '17c-shortcuts');
      await page.keyboard.press('Escape');
      await page.getByText('Ctrl+Enter').waitFor({ state: 'hidden' });
    } finally {
      await page.setViewportSize({ width: 1366, height: 860 });
    }
  });

  it('账户管理: the chief adds a 只读 account, which logs in (after a wrong password) and sees no write actions; 锁定 returns to the login', async () => {
    await page.getByTestId('menu-accounts').click();
    await page.getByTestId('account-add').click();
    await page.getByTestId('account-name').fill('王查看');
    await page.getByTestId('account-role').click();
    await page.locator('.ant-select-item-option', { hasText: '只读' }).click();
    await page.getByTestId('account-password').fill(PASSWORD);
    await page.getByTestId('account-password2').fill(PASSWORD);
    await page.getByRole('button', { name: '新增', exact: true }).click();
    await page.getByTestId('accounts-table').getByText('王查看').waitFor();
    expect(await page.getByTestId('accounts-table').innerText()).toMatch(/王查看\s+只读\s+在用\s+从未/);
    await expect.poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);
    await settled(page);
    await screenshot(page, '13-accounts');

    await page.getByTestId('lock').click();
    await page.getByTestId('login-screen').waitFor();
    expect(shell.session.archive).toBeNull();
    await page.getByTestId('login-name').fill('王查看');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    expect(await page.getByTestId('login-error').innerText()).toContain('姓名或密码不对');
    await settled(page);
    await screenshot(page, '14-login-refused');
    await login(page, '王查看');
    expect(await page.getByTestId('operator').innerText()).toMatch(/王查看\s*只读/);
    const menu = await page.locator('.ant-menu-item').allInnerTexts();
    expect(menu).toContain('农户档案');
    for (const hidden of ['导入花名册', '报送县级', '账户管理']) expect(menu).not.toContain(hidden);
    await openHousehold(NO.slice(-6), NO);
    await page.getByTestId('read-only').waitFor();
    expect(await page.getByTestId('save-household').count()).toBe(0);
    await page.getByTestId('menu-households').click();
    await page.getByTestId('household-search').waitFor();
    expect(await page.getByTestId('new-household').count()).toBe(0);
    // Workflow batches: seen, without the buttons to start or work them.
    await page.getByTestId('menu-batches').click();
    await page.getByTestId('open-quotas').waitFor();
    expect(await page.getByTestId('new-batch').count()).toBe(0);
  });

  it('a new archive is created with its chief and shows its recovery code once', async () => {
    await page.getByTestId('close-archive').click();
    await page.getByTestId('create-archive').waitFor();
    await page.getByLabel('乡镇名称').fill('白石乡');
    await page.getByTestId('admin-name').fill('赵站长');
    await page.getByTestId('new-password').fill(PASSWORD);
    await page.getByTestId('new-password2').fill(`${PASSWORD}x`);
    await page.getByTestId('create-archive').click();
    await page.getByText('两次输入的密码不一样，请重新输入').waitFor();
    await page.getByTestId('new-password2').fill(PASSWORD);
    await page.getByTestId('create-archive').click();
    await page.getByTestId('recovery-screen').waitFor();
    expect((await page.getByTestId('recovery-code').innerText()).replace(/\s+/g, '')).toMatch(/^[0-9A-Z]{20,}$/);
    expect(await page.getByTestId('recovery-continue').isDisabled()).toBe(true);
    await settled(page);
    await screenshot(page, '15-recovery-code');
    await page.getByTestId('recovery-written').click();
    await page.getByTestId('recovery-continue').click();
    await expect.poll(() => page.getByTestId('township-name').innerText()).toBe('白石乡');
    expect(await page.getByTestId('operator').innerText()).toMatch(/赵站长\s*管理员/);
  });

  it('a damaged archive: the next write is refused with the way to restore, and the banner says so at once', async () => {
    // As when a read meets a damaged page (core/damage.test.ts tries the real causes on real files).
    shell.session.markDamaged('读写时出错：SQLITE_CORRUPT');
    await page.getByTestId('menu-accounts').click();
    await page.getByTestId('idle-minutes').fill('31');
    await page.getByTestId('idle-save').click();
    await page.getByText('档案已损坏，只能查看').waitFor();
    expect(await page.getByTestId('damaged-banner').innerText()).toMatch(/只能查看、不能修改.*文件 → 从备份恢复/s);
    await settled(page);
    await screenshot(page, '16-damaged-read-only');
  });
});
