import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium, watchProblems } from './browser.js';
import { type ServeProcess, startServe } from './serve-process.js';
import { tempDir } from './temp-dir.js';

/** Where the browser tests leave their screenshots, for a person to look at; there before any test writes to it. */
export const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

/** A full-page screenshot of `page`, as test-artifacts/<name>.png. */
export function screenshot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Follows a link of the navigation, and waits for its page's heading: the one named, or whichever comes. */
export async function openPage(page: Page, link: string, heading?: string): Promise<void> {
  await page.getByRole('link', { name: link, exact: true }).click();
  const headings = page.getByRole('heading', { level: 2 });
  await (heading === undefined ? headings.first() : page.getByRole('heading', { level: 2, name: heading })).waitFor();
}

/** Sets the dashboard's language in the engine, and waits for the open page to follow it without a reload. */
export async function setLanguage(serve: ServeProcess, page: Page, chosen: 'vi' | 'en'): Promise<void> {
  await serve.api('putSettings', { body: { language: chosen } });
  await page.locator(`html[lang="${chosen}"]`).waitFor({ state: 'attached' });
}

export interface DashboardOptions {
  /** Console errors of refusals a test provokes on purpose, left out of `problems`. */
  expected?: RegExp;
  /** The Overview's heading in the language set before (the page is signed in and waits for it); null: not opened. */
  overview?: string | null;
  viewport?: { width: number; height: number };
  /** Browser permissions granted to the dashboard's address before it opens (e.g. the clipboard's). */
  permissions?: string[];
}

/**
 * Chromium with one page whose errors and console errors are gathered in `problems`, signed in to `serve`'s
 * dashboard with the link serve printed, and showing the Overview.
 */
async function openDashboard(
  serve: ServeProcess,
  problems: string[],
  { expected, overview = 'Overview', viewport = { width: 1280, height: 900 }, permissions }: DashboardOptions = {},
): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  if (permissions) await page.context().grantPermissions(permissions, { origin: serve.runtime.adminUrl });
  watchProblems(page, problems, expected);
  if (overview !== null) {
    await page.goto(serve.runtime.dashboardUrl);
    await page.getByRole('heading', { level: 2, name: overview }).waitFor();
  }
  return { browser, page };
}

/** A browser test file's engine and signed-in page: its fields are there once the file's first `beforeAll` ran. */
export interface Dashboard {
  serve: ServeProcess;
  browser: Browser;
  page: Page;
  /** What the page logged as an error or threw (see `watchProblems`). */
  problems: string[];
}

export interface DashboardSetup extends DashboardOptions {
  /** Starts the engine the page signs in to; a fresh `serve` in a folder of its own unless said. */
  start?: () => Promise<ServeProcess>;
  /** What the engine holds before the page first opens: settings, destinations, orders already sent. */
  prepare?: (serve: ServeProcess) => Promise<void>;
  /** How long starting all of it may take, when `prepare` waits for deliveries (the hooks' default otherwise). */
  timeout?: number;
}

/**
 * Starts an engine and opens its dashboard (see `openDashboard`) before the file's tests, and closes both after
 * them; to be called in the `describe` whose tests use it, before that describe's own hooks.
 */
export function useDashboard({
  start = () => startServe(tempDir()),
  prepare,
  timeout,
  ...options
}: DashboardSetup = {}): Dashboard {
  const dashboard: Partial<Dashboard> & Pick<Dashboard, 'problems'> = { problems: [] };
  beforeAll(async () => {
    const serve = await start();
    dashboard.serve = serve;
    await prepare?.(serve);
    Object.assign(dashboard, await openDashboard(serve, dashboard.problems, options));
  }, timeout);
  // The file's tests share this page, and a test that fails leaves it where the next one does not expect it: the
  // page as the first failure left it tells a slow machine from a page that stopped following the engine. A page
  // too busy to draw is no reason to fail the hook as well.
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || !dashboard.page) return;
    const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
    await dashboard.page
      .screenshot({ path: join(ARTIFACTS, 'failures', `${name}.png`), timeout: 10_000 })
      .catch(() => undefined);
  });
  afterAll(async () => {
    await dashboard.browser?.close();
    await dashboard.serve?.stop();
  });
  // Read only by tests and hooks that run after the beforeAll above has filled it.
  return dashboard as Dashboard;
}

/** The parts a resend's outcome bar is drawn in, in order: delivered, failed, discarded, pending (those above 0). */
export async function barParts(bar: Locator): Promise<(string | null)[]> {
  return Promise.all((await bar.locator('[data-part]').all()).map((part) => part.getAttribute('data-part')));
}

/**
 * Settings' Public address part, reached by a link to it: the page was scrolled for it (it starts below the fold, and
 * the page may end before the part can reach the top), and its top is in the window with room under it.
 */
export function partInView(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(`(() => {
    const top = document.querySelector('[data-testid="public-address-settings"]').getBoundingClientRect().top;
    return window.scrollY > 0 && top >= 0 && top < window.innerHeight - 300;
  })()`);
}
