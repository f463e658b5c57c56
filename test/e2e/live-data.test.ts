import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, watchProblems } from '../helpers/browser.js';
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
    // The browser logs every refused request; the refusals this file provokes (a wrong file, a bad value) are expected.
    watchProblems(page, problems, /status of (400 \(Bad Request\)|401 \(Unauthorized\))/);
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

  it('imports a configuration file: a sentence for a wrong file, then a preview, then it applies on confirm', async () => {
    await open('Settings');
    const picker = page.locator('input[type=file]');
    // Import sits at the bottom of a long page: what it says must come into view there.
    await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
    await picker.setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from('name,kind\nPOS,x') });
    const refused = page
      .getByRole('alert')
      .getByText('This file is not a Hookferry configuration: it is not JSON text.', { exact: false });
    await refused.waitFor();
    await expect
      .poll(async () => {
        const box = await refused.boundingBox();
        return box !== null && box.y >= 0 && box.y + box.height <= page.viewportSize()!.height;
      })
      .toBe(true);
    // It belongs to Settings: another page does not carry it along.
    await open('Overview');
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    await open('Settings');
    // The engine's refusal carries its code: in Vietnamese, the dashboard says it in Vietnamese.
    await serve.api('putSettings', { body: { language: 'vi' } });
    await page.getByRole('button', { name: 'Nhập cấu hình' }).waitFor();
    await picker.setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from('name,kind\nPOS,x') });
    await page
      .getByRole('alert')
      .getByText('Tệp này không phải cấu hình Hookferry: nội dung không phải JSON.', { exact: false })
      .waitFor();
    await page.getByRole('alert').getByRole('button', { name: 'Đóng' }).click();
    await serve.api('putSettings', { body: { language: 'en' } });
    await page.getByRole('button', { name: 'Import configuration' }).waitFor();

    const file = {
      hookferry: 1,
      settings: { debugLogging: true },
      sources: [{ name: 'Imported counter', kind: 'teamcrop', verification: { type: 'header', header: 'X-Shop-Key' } }],
    };
    await picker.setInputFiles({
      name: 'hookferry-configuration.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    const preview = page.getByTestId('import-preview');
    await preview.getByText('Add · Source “Imported counter”').waitFor();
    await preview.getByText('with its X-Shop-Key check', { exact: false }).waitFor();
    // Named as the forms name it, not by the engine's field (debugLogging).
    await preview.getByText('Already here: detailed logging will change.').waitFor();
    expect((await serve.api('listSources')).map((source) => source.name)).toEqual(['POS']);
    await preview.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('status').getByText('Configuration imported.').waitFor();
    const imported = (await serve.api('listSources')).find((source) => source.name === 'Imported counter');
    expect(imported?.verification).toEqual({ type: 'header', header: 'X-Shop-Key', valueSet: false });
    await open('Sources');
    await page.getByRole('heading', { level: 3, name: 'Imported counter' }).waitFor();
  });

  it('shows a refused setting under its field, and scrolls to it', async () => {
    await open('Settings');
    await page.getByLabel('Keep delivered events for (days)').fill('0');
    await page.getByRole('button', { name: 'Save' }).first().click();
    const problem = page.getByTestId('field-error');
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toMatch(/>=1/);
    await expect(problem.isVisible()).resolves.toBe(true);
    await expect(
      page.getByLabel('Keep delivered events for (days)').locator('..').getByTestId('field-error').count(),
    ).resolves.toBe(1);
    await expect(serve.api('getSettings')).resolves.toMatchObject({ retentionDays: 45 });
  });

  it('says a wrong or stale sign-in link has expired, and how to open the dashboard again', async () => {
    const stale = await browser.newPage({ viewport: { width: 900, height: 600 } });
    await stale.goto(`${serve.runtime.adminUrl}/#token=WRONG`);
    await stale.getByRole('alert').getByText('This sign-in link has expired', { exact: false }).waitFor();
    await expect(stale.getByRole('alert').textContent()).resolves.toContain('from the tray (Open Hookferry)');
    await stale.close();
  });

  it('takes a sign-in link pasted into a tab that is already signed in', async () => {
    const tab = await browser.newPage({ viewport: { width: 900, height: 600 } });
    await tab.goto(serve.runtime.dashboardUrl);
    await tab.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
    await tab.evaluate(`window.location.hash = '#token=WRONG'`);
    await tab.getByRole('alert').getByText('This sign-in link has expired', { exact: false }).waitFor();
    await tab.close();
  });

  it('says it in the language last chosen in this browser, which a stale link cannot ask the engine for', async () => {
    await serve.api('putSettings', { body: { language: 'vi' } });
    const context = await browser.newContext();
    const signedIn = await context.newPage();
    await signedIn.goto(serve.runtime.dashboardUrl);
    await signedIn.getByRole('link', { name: 'Tổng quan' }).waitFor();
    const stale = await context.newPage();
    await stale.goto(`${serve.runtime.adminUrl}/#token=WRONG`);
    await stale.getByRole('alert').getByText('Liên kết đăng nhập này đã hết hạn', { exact: false }).waitFor();
    await context.close();
    await serve.api('putSettings', { body: { language: 'en' } });
    await page.getByRole('link', { name: 'Overview' }).waitFor();
  });

  it('logged no console errors', () => {
    expect(problems).toEqual([]);
  });
});
