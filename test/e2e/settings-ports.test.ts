import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

describe.skipIf(!hasChromium)('Settings says what a port will do before it is saved (Chromium, real serve)', () => {
  const held = createServer();
  let heldPort: number;
  const heldAdmin = createServer();
  let heldAdminPort: number;

  const ui = useDashboard({
    expected: /status of 400/,
    // The saved intake port is held by another program when Hookferry starts.
    start: async () => {
      // Saved while free (a taken one is refused at Save), then taken by another program before the next start.
      await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', resolve));
      heldPort = (held.address() as { port: number }).port;
      await new Promise((resolve) => held.close(resolve));
      const dir = tempDir();
      const first = await startServe(dir);
      await first.api('putSettings', { body: { intake: { port: heldPort } } });
      // The dashboard port too: saved while free, then taken by another program before the next start.
      await new Promise<void>((resolve) => heldAdmin.listen(0, '127.0.0.1', resolve));
      heldAdminPort = (heldAdmin.address() as { port: number }).port;
      await new Promise((resolve) => heldAdmin.close(resolve));
      await first.api('putSettings', { body: { adminPort: heldAdminPort } });
      await first.stop();
      await new Promise<void>((resolve) => held.listen(heldPort, '127.0.0.1', resolve));
      await new Promise<void>((resolve) => heldAdmin.listen(heldAdminPort, '127.0.0.1', resolve));
      return startServe(dir, [], undefined, {}, 'settings', 'settings');
    },
  });

  afterAll(async () => {
    await new Promise((resolve) => held.close(resolve));
    await new Promise((resolve) => heldAdmin.close(resolve));
  });

  it('says on every page that the saved intake port was taken at the start, and where it listens instead', async () => {
    const actual = (await ui.serve.api('getStats')).listening.intake.port;
    await ui.page
      .getByTestId('intakePortRefused')
      .getByText(
        `Hookferry could not open intake port ${heldPort} at this start (another program uses it), so it listens on port ${actual} meanwhile`,
        { exact: false },
      )
      .waitFor();
    await ui.page
      .getByTestId('adminPortRefused')
      .getByText(`Hookferry could not open dashboard port ${heldAdminPort} at this start (another program uses it)`, {
        exact: false,
      })
      .waitFor();
    await screenshot(ui.page, 'ports-intake-refused-en');
  });

  it('warns about a port below 1024 before Save, and refuses a taken dashboard port under its field', async () => {
    await openPage(ui.page, 'Settings', 'Settings');
    const warning = ui.page.getByTestId('low-port');
    await ui.page.getByLabel('Intake port').fill('80');
    await warning
      .getByText('Intake port: port 80 is below 1024: such ports are kept for the system’s own services.', {
        exact: false,
      })
      .waitFor();
    await ui.page.getByLabel('Intake port').fill(String(heldPort));
    await warning.waitFor({ state: 'detached' });
    // Another program's port (not Hookferry's own intake port, which is refused as the same port twice).
    const other = createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherPort = (other.address() as { port: number }).port;
    await ui.page.getByLabel('Dashboard port').fill(String(otherPort));
    await ui.page.getByRole('button', { name: 'Save', exact: true }).click();
    const dashboardField = ui.page.locator('label').filter({ hasText: 'Dashboard port' });
    await dashboardField
      .getByText(`Another program on this computer already uses port ${otherPort}`, { exact: false })
      .waitFor();
    expect((await ui.serve.api('getSettings')).adminPort).not.toBe(otherPort);
    await new Promise((resolve) => other.close(resolve));
    await ui.page.getByLabel('Dashboard port').fill('443');
    await warning.getByText('Dashboard port: port 443 is below 1024', { exact: false }).waitFor();
    await screenshot(ui.page, 'ports-settings-en');
    await setLanguage(ui.serve, ui.page, 'vi');
    await ui.page
      .getByTestId('low-port')
      .getByText('Cổng bảng điều khiển: cổng 443 nhỏ hơn 1024', { exact: false })
      .waitFor();
    await ui.page
      .getByTestId('intakePortRefused')
      .getByText('Lần khởi động này Hookferry không mở được cổng nhận', { exact: false })
      .waitFor();
    await screenshot(ui.page, 'ports-settings-vi');
    await setLanguage(ui.serve, ui.page, 'en');
    expect(ui.problems).toEqual([]);
  });
});
