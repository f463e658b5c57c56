import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openDashboard, openPage, screenshot, setLanguage } from '../helpers/dashboard-page.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

describe.skipIf(!hasChromium)('Settings says what a port will do before it is saved (Chromium, real serve)', () => {
  let browser: Browser;
  let page: Page;
  let serve: ServeProcess;
  const held = createServer();
  let heldPort: number;
  const problems: string[] = [];

  beforeAll(async () => {
    await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', resolve));
    heldPort = (held.address() as { port: number }).port;
    const dir = tempDir();
    // The saved intake port is held by another program when Hookferry starts.
    const first = await startServe(dir);
    await first.api('putSettings', { body: { intake: { port: heldPort } } });
    await first.stop();
    serve = await startServe(dir, [], undefined, {}, 'settings');
    ({ browser, page } = await openDashboard(serve, problems, { expected: /status of 400/ }));
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await new Promise((resolve) => held.close(resolve));
  });

  it('says on every page that the saved intake port was taken at the start, and where it listens instead', async () => {
    const actual = (await serve.api('getStats')).listening.intake.port;
    await page
      .getByTestId('intakePortRefused')
      .getByText(
        `Hookferry could not open intake port ${heldPort} at this start (another program uses it), so it listens on port ${actual} meanwhile`,
        { exact: false },
      )
      .waitFor();
    await screenshot(page, 'ports-intake-refused-en');
  });

  it('warns about a port below 1024 before Save, and refuses a taken dashboard port under its field', async () => {
    await openPage(page, 'Settings', 'Settings');
    const warning = page.getByTestId('low-port');
    await page.getByLabel('Intake port').fill('80');
    await warning
      .getByText('Intake port: port 80 is below 1024: such ports are kept for the system’s own services.', {
        exact: false,
      })
      .waitFor();
    await page.getByLabel('Intake port').fill(String(heldPort));
    await warning.waitFor({ state: 'detached' });
    await page.getByLabel('Dashboard port').fill(String(heldPort));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const dashboardField = page.locator('label').filter({ hasText: 'Dashboard port' });
    await dashboardField
      .getByText(`Another program on this computer already uses port ${heldPort}`, { exact: false })
      .waitFor();
    expect((await serve.api('getSettings')).adminPort).not.toBe(heldPort);
    await page.getByLabel('Dashboard port').fill('443');
    await warning.getByText('Dashboard port: port 443 is below 1024', { exact: false }).waitFor();
    await screenshot(page, 'ports-settings-en');
    await setLanguage(serve, page, 'vi');
    await page
      .getByTestId('low-port')
      .getByText('Cổng bảng điều khiển: cổng 443 nhỏ hơn 1024', { exact: false })
      .waitFor();
    await page
      .getByTestId('intakePortRefused')
      .getByText('Lần khởi động này Hookferry không mở được cổng nhận', { exact: false })
      .waitFor();
    await screenshot(page, 'ports-settings-vi');
    await setLanguage(serve, page, 'en');
    expect(problems).toEqual([]);
  });
});
