import { launchChromium } from '../test/helpers/browser.js';
import { FILLED_EVENTS, filledStore } from './filled-store.js';
import { startServeForBench } from './processes.js';
import { printRow } from './report.js';

/** The part of a DOM element the scroll timing uses (this project's Node code has no DOM types). */
interface ScrollBox {
  scrollHeight: number;
  scrollTo(x: number, y: number): void;
}

const EVENTS = FILLED_EVENTS;

/** The page's document inside page.waitForFunction (this file is type-checked without the DOM library; the functions run in the page). */
interface PageElement {
  getAttribute(name: string): string | null;
  scrollHeight: number;
  classList: { contains(name: string): boolean };
}
type Page = {
  document: {
    querySelectorAll(selector: string): ArrayLike<PageElement>;
    querySelector(selector: string): PageElement | null;
  };
};

export async function benchDashboard(): Promise<void> {
  console.log(`\nDashboard with ${EVENTS.toLocaleString('en')} stored events, in Chromium`);
  const { dataDir } = await filledStore();
  const serve = await startServeForBench({ dataDir });
  const { runtime } = serve;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(runtime.dashboardUrl);
    await page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
    const raw = (query: string) =>
      page.evaluate(
        async ({ url, token }) => {
          const started = performance.now();
          await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json();
          return performance.now() - started;
        },
        { url: `${runtime.adminUrl}/api/events?limit=100${query}`, token: runtime.adminToken },
      );

    // A row says its type by name ("New order"); its code is the summary's title.
    const orderRows = page.locator('[data-testid=log-row] .summary[title="order.add"]');
    const opened = performance.now();
    await page.getByRole('link', { name: 'Live log' }).click();
    await page.getByTestId('log-row').first().waitFor();
    const firstRows = performance.now() - opened;
    printRow('first rows ms', firstRows, await raw(''), 'click to rows shown vs the raw API call; goal ≤ 1,000 ms');

    const filtered = performance.now();
    await page.getByLabel('Status').selectOption('failed');
    await page.getByTestId('log-row').filter({ hasText: 'INV-' }).first().waitFor();
    await page.waitForFunction(() =>
      Array.from((globalThis as unknown as Page).document.querySelectorAll('[data-testid=log-row] .badge')).every(
        (badge) => badge.classList.contains('badge-failed'),
      ),
    );
    printRow('status filter ms', performance.now() - filtered, await raw('&status=failed'), 'goal ≤ 300 ms');

    await page.getByLabel('Status').selectOption('');
    await orderRows.first().waitFor();
    const typed = performance.now();
    await page.getByLabel('Event type').fill('customer.edit');
    await page.waitForFunction(() => {
      const summaries = Array.from(
        (globalThis as unknown as Page).document.querySelectorAll('[data-testid=log-row] .summary'),
      );
      return summaries.length > 0 && summaries.every((row) => row.getAttribute('title') === 'customer.edit');
    });
    printRow('type filter ms', performance.now() - typed, await raw('&type=customer.edit'), 'goal ≤ 300 ms');

    await page.getByLabel('Event type').fill('');
    await orderRows.first().waitFor();
    // Scrolling to the end loads the next keyset page; ten pages, timed each from scroll to taller list.
    const rows = page.getByTestId('log-rows');
    const scrolled = performance.now();
    for (let pageNumber = 0; pageNumber < 10; pageNumber++) {
      const height = await rows.evaluate((element: ScrollBox) => element.scrollHeight);
      await rows.evaluate((element: ScrollBox) => element.scrollTo(0, element.scrollHeight));
      await page.waitForFunction(
        (before) =>
          ((globalThis as unknown as Page).document.querySelector('[data-testid=log-rows]')?.scrollHeight ?? 0) >
          before,
        height,
      );
    }
    printRow(
      'next page on scroll ms',
      (performance.now() - scrolled) / 10,
      await raw(`&before=${Math.floor(EVENTS / 2)}`),
      'per 100 rows, vs the raw keyset call',
    );
  } finally {
    await browser.close();
    await serve.stop();
  }
}
