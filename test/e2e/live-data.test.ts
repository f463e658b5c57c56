import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../helpers/browser.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A change made elsewhere (the tray, the API, another tab) shows on an open page without a reload. */
describe.skipIf(!hasChromium)('the dashboard stays true without a reload (Chromium, real serve)', () => {
  let browser: Browser;
  let page: Page;
  let serve: ServeProcess;
  const problems: string[] = [];

  const open = async (name: string) => {
    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 2, name }).waitFor();
  };

  beforeAll(async () => {
    serve = await startServe(tempDir());
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(serve.runtime.dashboardUrl);
    await page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('shows a pause made through the API on the open Overview, and a resume from there reaches the engine', async () => {
    const banner = page.getByText('All deliveries are paused. Events are still received and kept.');
    await expect(banner.count()).resolves.toBe(0);
    await serve.api('putSettings', { body: { deliveriesPaused: true } });
    await banner.waitFor();
    await page.getByRole('button', { name: 'Resume deliveries' }).click();
    await banner.waitFor({ state: 'detached' });
    await expect(serve.api('getSettings')).resolves.toMatchObject({ deliveriesPaused: false });
  });

  it('keeps a pause made while Settings is open when Settings is saved with another change', async () => {
    await open('Settings');
    const pause = page.getByLabel('Pause all deliveries');
    await expect(pause.isChecked()).resolves.toBe(false);
    await serve.api('putSettings', { body: { deliveriesPaused: true } });
    await expect.poll(() => pause.isChecked()).toBe(true);
    await page.getByLabel('Keep delivered events for (days)').fill('45');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.getByRole('status').getByText('Saved').waitFor();
    await expect(serve.api('getSettings')).resolves.toMatchObject({ deliveriesPaused: true, retentionDays: 45 });
    await serve.api('putSettings', { body: { deliveriesPaused: false } });
  });

  it('lists a source and a destination created elsewhere, and drops them when deleted elsewhere', async () => {
    await open('Sources');
    const source = await serve.api('createSource', { body: { name: 'Web shop from the API', kind: 'shopify' } });
    const heading = page.getByRole('heading', { level: 3, name: 'Web shop from the API' });
    await heading.waitFor();
    await serve.api('deleteSource', { params: { id: source.id } });
    await heading.waitFor({ state: 'detached' });

    await open('Destinations');
    const destination = await serve.api('createDestination', {
      body: { name: 'CRM from the API', url: 'http://127.0.0.1:9/hook', paused: true },
    });
    const row = page.getByText('CRM from the API', { exact: true });
    await row.waitFor();
    await serve.api('deleteDestination', { params: { id: destination.id } });
    await row.waitFor({ state: 'detached' });
  });

  it('logged no console errors', () => {
    expect(problems).toEqual([]);
  });
});
