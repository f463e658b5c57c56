import { describe, expect, it } from 'vitest';
import { useDashboard } from '../helpers/dashboard-page.js';
import { hasChromium } from '../helpers/browser.js';

/** A change made elsewhere (the tray, the API, another tab) shows on an open page without a reload. */
describe.skipIf(!hasChromium)('the dashboard stays true without a reload (Chromium, real serve)', () => {
  const ui = useDashboard({
    // The browser logs every refused request; the refusals this file provokes (a wrong file, a bad value) are expected.
    expected: /status of (400 \(Bad Request\)|401 \(Unauthorized\))/,
    viewport: { width: 1280, height: 800 },
  });

  const open = async (name: string) => {
    await ui.page.getByRole('link', { name }).click();
    await ui.page.getByRole('heading', { level: 2, name }).waitFor();
  };

  it('shows a pause made through the API on the open Overview, and a resume from there reaches the engine', async () => {
    const banner = ui.page.getByText('All deliveries are paused. Events are still received and kept.');
    await expect(banner.count()).resolves.toBe(0);
    await ui.serve.api('putSettings', { body: { deliveriesPaused: true } });
    await banner.waitFor();
    await ui.page.getByRole('button', { name: 'Resume deliveries' }).click();
    await banner.waitFor({ state: 'detached' });
    await expect(ui.serve.api('getSettings')).resolves.toMatchObject({ deliveriesPaused: false });
  });

  it('keeps a pause made while Settings is open when Settings is saved with another change', async () => {
    await open('Settings');
    const pause = ui.page.getByLabel('Pause all deliveries');
    await expect(pause.isChecked()).resolves.toBe(false);
    await ui.serve.api('putSettings', { body: { deliveriesPaused: true } });
    await expect.poll(() => pause.isChecked()).toBe(true);
    await ui.page.getByLabel('Keep events for (days)').fill('45');
    await ui.page.getByRole('button', { name: 'Save' }).first().click();
    await ui.page.getByRole('status').getByText('Saved').waitFor();
    await expect(ui.serve.api('getSettings')).resolves.toMatchObject({ deliveriesPaused: true, retentionDays: 45 });
    await ui.serve.api('putSettings', { body: { deliveriesPaused: false } });
  });

  it('lists a source and a destination created elsewhere, and drops them when deleted elsewhere', async () => {
    await open('Sources');
    const source = await ui.serve.api('createSource', { body: { name: 'Web shop from the API', kind: 'shopify' } });
    const heading = ui.page.getByRole('heading', { level: 3, name: 'Web shop from the API' });
    await heading.waitFor();
    await ui.serve.api('deleteSource', { params: { id: source.id } });
    await heading.waitFor({ state: 'detached' });

    await open('Destinations');
    const destination = await ui.serve.api('createDestination', {
      body: { name: 'CRM from the API', url: 'http://127.0.0.1:9/hook', paused: true },
    });
    const row = ui.page.getByText('CRM from the API', { exact: true });
    await row.waitFor();
    await ui.serve.api('deleteDestination', { params: { id: destination.id } });
    await row.waitFor({ state: 'detached' });
  });

  it('imports a configuration file: a sentence for a wrong file, then a preview, then it applies on confirm', async () => {
    await open('Settings');
    const picker = ui.page.locator('input[type=file]');
    // Import sits at the bottom of a long page: what it says must come into view there.
    await ui.page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
    await picker.setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from('name,kind\nPOS,x') });
    const refused = ui.page
      .getByRole('alert')
      .getByText('This file is not a Hookferry configuration: it is not JSON text.', { exact: false });
    await refused.waitFor();
    await expect
      .poll(async () => {
        const box = await refused.boundingBox();
        return box !== null && box.y >= 0 && box.y + box.height <= ui.page.viewportSize()!.height;
      })
      .toBe(true);
    // It belongs to Settings: another page does not carry it along.
    await open('Overview');
    await expect.poll(() => ui.page.getByRole('alert').count()).toBe(0);
    await open('Settings');
    // The engine's refusal carries its code: in Vietnamese, the dashboard says it in Vietnamese.
    await ui.serve.api('putSettings', { body: { language: 'vi' } });
    await ui.page.getByRole('button', { name: 'Nhập cấu hình' }).waitFor();
    await picker.setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from('name,kind\nPOS,x') });
    await ui.page
      .getByRole('alert')
      .getByText('Tệp này không phải cấu hình Hookferry: nội dung không phải JSON.', { exact: false })
      .waitFor();
    await ui.page.getByRole('alert').getByRole('button', { name: 'Đóng' }).click();
    await ui.serve.api('putSettings', { body: { language: 'en' } });
    await ui.page.getByRole('button', { name: 'Import configuration' }).waitFor();

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
    const preview = ui.page.getByTestId('import-preview');
    await preview.getByText('Add · Source “Imported counter”').waitFor();
    await preview.getByText('with its X-Shop-Key check', { exact: false }).waitFor();
    // Named as the forms name it, not by the engine's field (debugLogging).
    await preview.getByText('Already here: detailed logging will change.').waitFor();
    expect((await ui.serve.api('listSources')).map((source) => source.name)).toEqual(['POS']);
    await preview.getByRole('button', { name: 'Import' }).click();
    await ui.page.getByRole('status').getByText('Configuration imported.').waitFor();
    const imported = (await ui.serve.api('listSources')).find((source) => source.name === 'Imported counter');
    expect(imported?.verification).toEqual({ type: 'header', header: 'X-Shop-Key', valueSet: false });
    await open('Sources');
    await ui.page.getByRole('heading', { level: 3, name: 'Imported counter' }).waitFor();
  });

  it('shows a refused setting under its field, and scrolls to it', async () => {
    await open('Settings');
    await ui.page.getByLabel('Keep events for (days)').fill('0');
    await ui.page.getByRole('button', { name: 'Save' }).first().click();
    const problem = ui.page.getByTestId('field-error');
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toMatch(/>=1/);
    await expect(problem.isVisible()).resolves.toBe(true);
    await expect(
      ui.page.getByLabel('Keep events for (days)').locator('..').getByTestId('field-error').count(),
    ).resolves.toBe(1);
    await expect(ui.serve.api('getSettings')).resolves.toMatchObject({ retentionDays: 45 });
  });

  it('says a wrong or stale sign-in link has expired, and how to open the dashboard again', async () => {
    const stale = await ui.browser.newPage({ viewport: { width: 900, height: 600 } });
    await stale.goto(`${ui.serve.runtime.adminUrl}/#token=WRONG`);
    await stale.getByRole('alert').getByText('This sign-in link has expired', { exact: false }).waitFor();
    await expect(stale.getByRole('alert').textContent()).resolves.toContain('from the tray (Open Hookferry)');
    await stale.close();
  });

  it('takes a sign-in link pasted into a tab that is already signed in', async () => {
    const tab = await ui.browser.newPage({ viewport: { width: 900, height: 600 } });
    await tab.goto(ui.serve.runtime.dashboardUrl);
    await tab.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
    await tab.evaluate(`window.location.hash = '#token=WRONG'`);
    await tab.getByRole('alert').getByText('This sign-in link has expired', { exact: false }).waitFor();
    await tab.close();
  });

  it('takes the printed sign-in link pasted into a tab that was never signed in and asks for it', async () => {
    const context = await ui.browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${ui.serve.runtime.adminUrl}/#/failed`);
    await tab
      .getByRole('alert')
      .getByText('Open the dashboard from the address Hookferry printed', { exact: false })
      .waitFor();
    // Pasted into the address bar of the same tab, only the part after # changes: before, the page stayed as it was.
    await tab.evaluate(`window.location.href = ${JSON.stringify(ui.serve.runtime.dashboardUrl)}`);
    await tab.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
    await context.close();
  });

  it('says it in the language last chosen in this browser, which a stale link cannot ask the engine for', async () => {
    await ui.serve.api('putSettings', { body: { language: 'vi' } });
    const context = await ui.browser.newContext();
    const signedIn = await context.newPage();
    await signedIn.goto(ui.serve.runtime.dashboardUrl);
    await signedIn.getByRole('link', { name: 'Tổng quan' }).waitFor();
    const stale = await context.newPage();
    await stale.goto(`${ui.serve.runtime.adminUrl}/#token=WRONG`);
    await stale.getByRole('alert').getByText('Liên kết đăng nhập này đã hết hạn', { exact: false }).waitFor();
    await context.close();
    await ui.serve.api('putSettings', { body: { language: 'en' } });
    await ui.page.getByRole('link', { name: 'Overview' }).waitFor();
  });

  it('logged no console errors', () => {
    expect(ui.problems).toEqual([]);
  });
});
