import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, watchProblems } from './browser.js';
import type { ServeProcess } from './serve-process.js';

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
}

/**
 * Chromium with one page whose errors and console errors are gathered in `problems`, signed in to `serve`'s
 * dashboard with the link serve printed, and showing the Overview.
 */
export async function openDashboard(
  serve: ServeProcess,
  problems: string[],
  { expected, overview = 'Overview', viewport = { width: 1280, height: 900 } }: DashboardOptions = {},
): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  watchProblems(page, problems, expected);
  if (overview !== null) {
    await page.goto(serve.runtime.dashboardUrl);
    await page.getByRole('heading', { level: 2, name: overview }).waitFor();
  }
  return { browser, page };
}
