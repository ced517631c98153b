// Debian's Chromium driven by playwright-core (never a downloaded browser), against the
// browser shell on 127.0.0.1, on a fresh demo archive: protected (encrypted, its station chief
// 李会计 with the test password), so every flow starts at the login screen (login()).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { createProtectedArchive } from '../core/archive.ts';
import type { Archive, InitInput } from '../core/archive.ts';
import { generateDemo } from '../core/demo/index.ts';
import { TEST_PASSWORD } from '../core/testing.ts';
import { openReadOnly, tempDir } from '../db/testing.ts';
import type Database from 'better-sqlite3';
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

/** The station chief of every test archive, and the password all test accounts get. */
export const CHIEF = '李会计';
export const PASSWORD = TEST_PASSWORD;

/** A new protected archive (encrypted), its first account `admin` (default: the chief) with the test password. */
export async function protectedArchive(input: InitInput, actor = demoActor(), admin = CHIEF): Promise<Archive> {
  return (await createProtectedArchive({ ...input, admin: { name: admin, password: PASSWORD } }, actor)).archive;
}

/** The archive's data key, to read the file beside the running shell (tests only). */
export function keyOf(archive: Archive): Buffer {
  if (!archive.key) throw new Error('the test archive is not encrypted');
  return archive.key;
}

/** A read-only connection to an encrypted archive file; close it after use. */
export function readArchive(file: string, key: Buffer): Database.Database {
  return openReadOnly(file, key).sqlite;
}

export interface DemoShell extends WebShell {
  dir: string;
  db: string;
  key: Buffer;
}

export async function demoShell(opts: { households?: number } = {}): Promise<DemoShell> {
  const dir = tempDir('relief-e2e-');
  const db = join(dir, '青山镇.db');
  const actor = demoActor();
  const archive = await protectedArchive({ file: db, name: '青山镇', code: '511922101000', county: '示例县', province: '四川省' }, actor);
  generateDemo(archive, { villages: 3, households: opts.households ?? 90, seed: 'e2e', asOf: DEMO_DAY, actor });
  const key = keyOf(archive);
  archive.close();
  const shell = await startWebShell({ db, dataDir: join(dir, 'data'), today: DEMO_DAY });
  return { ...shell, dir, db, key };
}

/** Logs in through the login screen of the archive the shell chose, and waits for the app. */
export async function login(page: Page, name = CHIEF, password = PASSWORD): Promise<void> {
  await page.getByTestId('login-name').fill(name);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('township-name').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/**
 * After a failed step: a screenshot and what the open dialogs say (printed, for the CI log), then
 * every dialog closed, so that the next test starts from the page and not behind a leftover modal.
 */
export async function afterFailure(page: Page, name: string): Promise<void> {
  const dir = tempDir();
  await page.screenshot({ path: join(dir, `fail-${name}.png`) }).catch(() => undefined);
  const dialogs = await page
    .locator('.ant-modal-wrap:visible .ant-modal')
    .allInnerTexts()
    .catch(() => [] as string[]);
  console.log(`failure screenshot: ${join(dir, `fail-${name}.png`)}; open dialogs: ${JSON.stringify(dialogs)}`);
  for (let i = 0; i < 5 && (await page.locator('.ant-modal-wrap:visible').count()) > 0; i++) await page.keyboard.press('Escape');
}
