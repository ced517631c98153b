// What the page shows, read in the page itself (DOM code, so apart from browser.ts, which the
// benchmarks also load): the screen at rest, and records of texts that come and go.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The screen at rest: no toast left and every finite animation (a dialog zooming, a drawer
 * sliding) run to its end. An end state to wait for, instead of a fixed pause.
 */
export async function settled(page: Page): Promise<void> {
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 15_000 });
  await animationsDone(page);
}

/** Every finite animation run to its end (a dialog that has just opened stands still). */
export async function animationsDone(page: Page): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity).map((a) => a.finished.catch(() => undefined)))).then(() => undefined);
}

/**
 * Records every text the elements matching `selector` show from now on (a MutationObserver in
 * the page), for reading afterwards: a progress label or a toast is asserted from the record,
 * however briefly it showed, instead of by catching it between two polls.
 */
export async function recordTexts(page: Page, selector: string): Promise<() => Promise<string[]>> {
  const key = `__texts_${selector}`;
  await page.evaluate(
    ([k, sel]) => {
      const seen: string[] = [];
      (window as unknown as Record<string, string[]>)[k] = seen;
      const look = (): void => {
        document.querySelectorAll<HTMLElement>(sel).forEach((el) => {
          if (!seen.includes(el.innerText)) seen.push(el.innerText);
        });
      };
      new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
    },
    [key, selector] as const,
  );
  return () => page.evaluate((k) => [...((window as unknown as Record<string, string[] | undefined>)[k] ?? [])], key);
}

/** Records the page's toasts (antd messages); the function returned waits until one has said `text`. */
export async function watchToasts(page: Page): Promise<(text: string) => Promise<void>> {
  const read = await recordTexts(page, '.ant-message-notice');
  return async (text) => {
    await expect.poll(async () => (await read()).some((t) => t.includes(text)), { timeout: 30_000 }).toBe(true);
  };
}
