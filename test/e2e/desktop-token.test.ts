import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineAddress, EngineStatus } from '../../main/api/desktop.js';
import { hasChromium } from '../helpers/browser.js';
import { useDashboard } from '../helpers/dashboard-page.js';
import { startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * The desktop window when the shell restarts the engine (a new token each start). Electron cannot run here,
 * so the page gets `window.hookferry` from an init script standing in for the preload (the preload itself is
 * tested in test/desktop/preload.test.ts); the engines are real `serve` processes.
 */
describe.skipIf(!hasChromium)('the desktop window after an engine restart (Chromium, real serve)', () => {
  const dataDir = tempDir();
  let address: EngineAddress;
  // Not signed in with the link: the page is opened below as the desktop window opens it.
  const ui = useDashboard({ start: () => startServe(dataDir), overview: null, viewport: { width: 1280, height: 800 } });

  beforeAll(async () => {
    const { page, serve } = ui;
    address = { adminUrl: serve.runtime.adminUrl, adminToken: serve.runtime.adminToken };
    await page.exposeFunction('engineAddressFromShell', () => address);
    await page.addInitScript(() => {
      const page = globalThis as unknown as {
        engineAddressFromShell: () => Promise<EngineAddress>;
        engineStatusListener?: (status: EngineStatus) => void;
        hookferry: unknown;
      };
      page.hookferry = {
        engine: () => page.engineAddressFromShell(),
        onEngineStatus: (listener: (status: EngineStatus) => void) => {
          page.engineStatusListener = listener;
          return () => {};
        },
        getStartAtLogin: () => Promise.resolve(false),
        setStartAtLogin: (on: boolean) => Promise.resolve(on),
        appVersion: () => Promise.resolve('test'),
        openDataFolder: () => Promise.resolve(null),
        openLink: () => Promise.resolve(null),
      };
    });
    await page.goto(serve.runtime.adminUrl);
    await page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
  });

  it('picks up the new token by itself: no sign-in link, no reload, and the page works with the new engine', async () => {
    const port = new URL(ui.serve.runtime.adminUrl).port;
    await ui.serve.stop();
    // The helper stops this one after the file.
    ui.serve = await startServe(dataDir, ['--admin-port', port]);
    const { page, serve } = ui;
    expect(serve.runtime.adminToken).not.toBe(address.adminToken);
    address = { adminUrl: serve.runtime.adminUrl, adminToken: serve.runtime.adminToken };
    await page.evaluate(() =>
      (globalThis as unknown as { engineStatusListener: (status: EngineStatus) => void }).engineStatusListener({
        phase: 'running',
        message: null,
      }),
    );

    await serve.api('createSource', { body: { name: 'Kho sau khởi động', kind: 'generic' } });
    await page.getByRole('link', { name: 'Sources' }).click();
    await page.getByRole('heading', { level: 2, name: 'Sources' }).waitFor();
    await page.getByText('Kho sau khởi động').first().waitFor();
    await expect(page.getByText('This sign-in link has expired').count()).resolves.toBe(0);
  });
});
