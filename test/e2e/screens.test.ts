import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../main/api/contract.js';
import { useDashboard } from '../helpers/dashboard-page.js';
import { hasChromium } from '../helpers/browser.js';
import { orderAdd, post, teamcropOrder } from '../helpers/fixtures.js';
import { type Sink, startSink } from '../helpers/sink.js';
import { waitUntil } from '../helpers/wait.js';

const SCREENS = join(import.meta.dirname, '..', '..', 'test-artifacts', 'screens');
const pages = ['overview', 'log', 'failed', 'destinations', 'sources', 'settings'] as const;
const sizes = [
  { width: 1280, height: 800 },
  { width: 900, height: 600 },
];
const looks: Pick<Settings, 'language' | 'theme'>[] = [
  { language: 'en', theme: 'light' },
  { language: 'en', theme: 'dark' },
  { language: 'vi', theme: 'light' },
  { language: 'vi', theme: 'dark' },
];

/** The page's globals, for functions run in the page (the tests are type-checked without the DOM's types). */
type InPage = { document: { documentElement: { lang: string }; querySelector: (selector: string) => unknown } };

/**
 * Every page in both languages, both themes and two window sizes, with real data (a delivered order, a
 * failed one, a paused destination): saved to test-artifacts/screens/ to be looked at, and checked
 * for what a screenshot alone hides: nothing wider than the window, nothing on the console.
 */
describe.skipIf(!hasChromium)('every page, every look (Chromium, real serve)', () => {
  let sink: Sink;
  const ui = useDashboard({
    prepare: async (serve) => {
      mkdirSync(SCREENS, { recursive: true });
      sink = await startSink();
      sink.script((request) => (request.body.toString().includes('SCREEN-2') ? { status: 422 } : { status: 200 }));
      const once = { maxAttempts: 1, initialDelayMs: 100, multiplier: 1, maxDelayMs: 100 };
      await serve.api('createDestination', {
        body: { name: 'Zithara CRM', url: sink.url, events: ['order.*'], retry: once },
      });
      await serve.api('createDestination', { body: { name: 'Kế toán', url: sink.url, paused: true } });
      const pos = await serve.posUrl();
      for (const n of [1, 2, 3]) {
        const body = JSON.stringify({ ...teamcropOrder, id: 8_000_000 + n, invoice_id: `SCREEN-${n}` });
        await post(pos, body, orderAdd);
      }
      await waitUntil(
        async () => (await serve.api('listDeliveries', { query: { status: 'failed' } })).items.length === 1,
        'the failing order',
      );
    },
    overview: null,
    viewport: sizes[0],
  });

  beforeAll(async () => {
    await ui.page.goto(ui.serve.runtime.dashboardUrl);
    await ui.page.locator('h2').first().waitFor();
  });

  afterAll(async () => {
    await sink?.close();
  });

  for (const look of looks) {
    it(`shows every page in ${look.language}, ${look.theme}, at both sizes, none wider than the window`, async () => {
      await ui.serve.api('putSettings', { body: look });
      await ui.page.waitForFunction(
        (language) => (globalThis as unknown as InPage).document.documentElement.lang === language,
        look.language,
      );
      const tooWide: string[] = [];
      for (const size of sizes) {
        await ui.page.setViewportSize(size);
        for (const name of pages) {
          await ui.page.evaluate(`window.location.hash = '#/${name}'`);
          await ui.page.locator('h2').first().waitFor();
          await ui.page.waitForFunction(
            () => !(globalThis as unknown as InPage).document.querySelector('[aria-busy="true"]'),
          );
          const overflow = await ui.page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
          if (overflow > 0) tooWide.push(`${name} at ${size.width}px: ${overflow}px too wide`);
          await ui.page.screenshot({
            path: join(SCREENS, `${look.language}-${look.theme}-${size.width}x${size.height}-${name}.png`),
            fullPage: true,
          });
        }
      }
      expect(tooWide).toEqual([]);
    }, 180_000);
  }

  it('dates a destination’s last error, so a recovered one reads as history', async () => {
    await ui.serve.api('putSettings', { body: { language: 'en', theme: 'light' } });
    await ui.page.getByRole('link', { name: 'Overview' }).waitFor();
    await ui.page.evaluate(`window.location.hash = '#/overview'`);
    const lastError = ui.page.getByTestId('last-error').first();
    await lastError.waitFor();
    // Recovered: said as earlier, without its "will try again", the sentence itself on hover.
    await expect(lastError.textContent()).resolves.toMatch(
      /^Earlier error, \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}:\d{2}; the latest try since then went through\.$/,
    );
    await expect(lastError.getAttribute('title')).resolves.toMatch(/^The destination answered 422/);
  });

  it('logged no console errors', () => {
    expect(ui.problems).toEqual([]);
  });
});
