import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../helpers/browser.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

describe.skipIf(!hasChromium)('unknown dashboard routes, in Chromium against a real serve', () => {
  let browser: Browser;
  let page: Page;
  let serve: ServeProcess;
  const problems: string[] = [];

  beforeAll(async () => {
    serve = await startServe(tempDir());
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(serve.runtime.dashboardUrl);
    await page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('shows the Overview for a route named after something every object has, or nothing at all', async () => {
    for (const hash of ['#/constructor', '#/__proto__', '#/toString', '#/hasOwnProperty', '#/no-such-page']) {
      await page.getByRole('link', { name: 'Live log' }).click();
      await page.getByRole('heading', { level: 2, name: 'Live log' }).waitFor();
      await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
      await page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
      await expect(page.getByRole('navigation').isVisible()).resolves.toBe(true);
    }
    expect(problems).toEqual([]);
  });
});
