import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, watchProblems } from '../helpers/browser.js';
import { openPage } from '../helpers/dashboard-page.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';

/** More dashboard tabs than a browser opens connections to one address (six). */
const TABS = 7;
const TOKEN = 'many-tabs-token-0123456789abcdef';
const OFFLINE = 'Hookferry’s engine is not answering.';

/**
 * Many dashboard tabs of one browser on one engine, kept open while orders fail and the engine is killed and started
 * again under them: every tab loads, and each shows the same failed count and the same rows without a reload.
 */
describe.skipIf(!hasChromium)('many dashboard tabs in one browser (Chromium, real serve)', () => {
  const dataDir = tempDir();
  const problems: string[] = [];
  let serve: ServeProcess;
  let browser: Browser;
  let context: BrowserContext;
  let tabs: Page[] = [];
  let posUrl: string;
  let sent = 0;

  const start = (ports: string[]) =>
    startServe(dataDir, [...ports, '--admin-token', TOKEN], undefined, {}, 'settings', 'settings');
  /** The menu's count of orders waiting in Failed ('0' while it shows none). */
  const failedCount = async (tab: Page) => {
    const count = tab.getByTestId('nav-failed-count');
    return (await count.count()) === 0 ? '0' : await count.textContent();
  };
  const sendOrder = async () => {
    sent += 1;
    expect((await post(posUrl, order(`MANY-TABS-${sent}`), orderAdd)).status).toBe(200);
  };
  /** Every open tab counts `count` orders waiting in Failed, as the engine does. */
  const everyTabCounts = async (count: number) => {
    await expect.poll(async () => (await serve.api('getStats')).open.failed, { timeout: 15_000 }).toBe(count);
    for (const tab of tabs) await expect.poll(() => failedCount(tab), { timeout: 15_000 }).toBe(String(count));
  };

  beforeAll(async () => {
    serve = await start(['--port', '0', '--admin-port', '0']);
    const sink = await startSink();
    sink.script(() => ({ status: 500 }));
    await serve.api('createDestination', { body: { name: 'Order book', url: sink.url, retry: once } });
    posUrl = await serve.posUrl();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    for (let index = 0; index < TABS; index++) {
      const tab = await context.newPage();
      tab.setDefaultTimeout(15_000);
      // The engine is killed under the tabs below: what it had on the wire then is cut (refused, reset, emptied).
      watchProblems(
        tab,
        problems,
        /ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_INCOMPLETE_CHUNKED_ENCODING|ERR_EMPTY_RESPONSE/,
      );
      await tab.goto(serve.runtime.dashboardUrl);
      await tab.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
      tabs.push(tab);
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
  });

  it('loads every tab, and each counts a failed order without a reload', async () => {
    await sendOrder();
    await everyTabCounts(1);
  });

  it('keeps every other tab current once the first tab opened is closed', async () => {
    await tabs[0]!.close();
    tabs = tabs.slice(1);
    await sendOrder();
    await everyTabCounts(2);
  });

  it('says on every tab that the engine is gone, and recovers by itself when it is back on the same ports', async () => {
    const log = tabs[0]!;
    await openPage(log, 'Live log');
    const { ingestUrl, adminUrl } = serve.runtime;
    await serve.kill();
    for (const tab of tabs) await tab.getByRole('alert').getByText(OFFLINE, { exact: false }).waitFor();
    serve = await start(['--port', new URL(ingestUrl).port, '--admin-port', new URL(adminUrl).port]);
    for (const tab of tabs) await tab.getByText(OFFLINE, { exact: false }).waitFor({ state: 'detached' });
    await sendOrder();
    await everyTabCounts(3);
    // Each order once in the live log: what was read again after the reconnect did not add a second row.
    for (let invoice = 1; invoice <= sent; invoice++)
      await expect
        .poll(() =>
          log
            .getByTestId('log-row')
            .filter({ hasText: `MANY-TABS-${invoice}` })
            .count(),
        )
        .toBe(1);
  });

  it('says on every tab that a hung engine is not answering, and recovers by itself when it goes on', async () => {
    // Stopped, not killed: its connections stay open and its ports still take new ones, but nothing answers.
    serve.child.kill('SIGSTOP');
    try {
      for (const tab of tabs)
        await tab.getByRole('alert').getByText(OFFLINE, { exact: false }).waitFor({ timeout: 90_000 });
    } finally {
      serve.child.kill('SIGCONT');
    }
    for (const tab of tabs)
      await tab.getByText(OFFLINE, { exact: false }).waitFor({ state: 'detached', timeout: 90_000 });
    await sendOrder();
    await everyTabCounts(4);
  }, 240_000);

  it('logged no console errors', () => {
    expect(problems).toEqual([]);
  });
});
