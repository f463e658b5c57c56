import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { DesktopApi } from '../../main/api/desktop.js';

/*
 * Runs only in the installers workflow (HOOKFERRY_ELECTRON=1, see vite.config.ts):
 * it needs the Electron binary, which cannot be downloaded on our development
 * machines. It has therefore never run there; it is written to run on CI.
 */

/** The page's globals, typed here because this project's TypeScript has no DOM library. */
type PageGlobals = { hookferry: DesktopApi; open(url: string): void; location: { href: string } };

const root = join(import.meta.dirname, '..', '..');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

describe('the desktop app starts, runs its engine, and shows the dashboard', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hookferry-electron-'));
  let app: ElectronApplication;

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens the window on our own protocol, signed in to the engine it started', async () => {
    app = await electron.launch({
      args: [root, ...(process.platform === 'linux' ? ['--password-store=gnome-libsecret'] : [])],
      env: { ...process.env, HOOKFERRY_DATA_DIR: dataDir },
      timeout: 60_000,
    });
    const page = await app.firstWindow();
    await page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor({ timeout: 60_000 });
    expect(page.url()).toMatch(/^app:\/\/hookferry\//);
    expect(await page.title()).toBe('Hookferry');
  });

  it('gives the page the desktop calls and nothing of Node', async () => {
    const page = await app.firstWindow();
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).hookferry.appVersion())).toBe(version);
    const { adminUrl } = await page.evaluate(() => (globalThis as unknown as PageGlobals).hookferry.engine());
    expect(adminUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('keeps the data key out of the data folder (it lives wrapped in the preferences)', () => {
    const preferences = JSON.parse(readFileSync(join(dataDir, 'preferences.json'), 'utf8')) as {
      wrappedKey: string | null;
    };
    expect(preferences.wrappedKey).toBeTruthy();
    expect(preferences.wrappedKey!.startsWith('plain:')).toBe(false);
  });

  it('refuses to navigate away or open new windows', async () => {
    const page = await app.firstWindow();
    await page.evaluate(() => (globalThis as unknown as PageGlobals).open('https://example.com/'));
    await page.evaluate(() => ((globalThis as unknown as PageGlobals).location.href = 'https://example.com/'));
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/hookferry\//);
    expect(app.windows()).toHaveLength(1);
  });
});
