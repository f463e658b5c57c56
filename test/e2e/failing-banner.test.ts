import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { startServe } from '../helpers/serve-process.js';
import { type Sink, startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/** A destination is said to be failing after this many failed tries in a row (FAILING_AFTER in the queue). */
const ORDERS = 5;
/** Retried, but not within the test: its orders stay "will retry" with a next try an hour away. */
const hourly = { maxAttempts: 10, initialDelayMs: 3_600_000, multiplier: 1, maxDelayMs: 3_600_000 };
const BOOKS = 'Sổ sách';
const STOCK = 'Kho';

describe.skipIf(!hasChromium)('a failing destination’s banner says what is true now, also after a restart', () => {
  const dataDir = tempDir();
  let books: Sink;
  let stock: Sink;
  const ids: Record<string, string> = {};

  const figures = async (name: string) =>
    (await ui.serve.api('getStats')).destinations.find((entry) => entry.id === ids[name]);
  const banner = (name: string): Locator => ui.page.getByTestId('failing-banner').filter({ hasText: `“${name}”` });
  const card = (name: string): Locator => ui.page.getByRole('article', { name });

  const ui = useDashboard({
    start: () => startServe(dataDir),
    prepare: async (serve) => {
      [books, stock] = await Promise.all([startSink(), startSink()]);
      books.script(() => ({ status: 500 }));
      stock.script(() => ({ status: 500 }));
      ids[BOOKS] = (await serve.api('createDestination', { body: { name: BOOKS, url: books.url, retry: hourly } })).id;
      ids[STOCK] = (await serve.api('createDestination', { body: { name: STOCK, url: stock.url, retry: once } })).id;
    },
  });

  it('gives the newest reason, says "keeps trying" only of what is tried again, and is back after a kill', async () => {
    const pos = await ui.serve.posUrl();
    for (let n = 1; n <= ORDERS; n++) expect((await post(pos, order(`BOOKS-${n}`), orderAdd)).status).toBe(200);
    await waitUntil(async () => (await figures(BOOKS))?.health === 'failing', 'Sổ sách failing');
    await waitUntil(async () => (await figures(STOCK))?.failed === ORDERS, 'every order failed at Kho');

    // Retried: it keeps trying, and says when. Its card below says why; the banner leads there instead of saying it twice.
    await banner(BOOKS).filter({ hasText: 'Hookferry keeps trying it by itself: the next try is at' }).waitFor();
    await banner(BOOKS).getByRole('button', { name: 'on its card below' }).waitFor();
    await card(BOOKS).getByTestId('last-error').filter({ hasText: 'The destination answered 500' }).waitFor();
    // Where no card is, the banner says the reason itself.
    await openPage(ui.page, 'Failed');
    await banner(BOOKS).getByTestId('failing-reason').filter({ hasText: 'The destination answered 500' }).waitFor();
    // Failed for good: nothing is tried again by itself, and no sentence of the banner says otherwise. On the Failed
    // page its events are the list under the banner: it does not send the reader to "Failed".
    await banner(STOCK)
      .filter({
        hasText: `Hookferry will not try again by itself: fix the cause, then resend its ${ORDERS} events in the list below`,
      })
      .waitFor();
    await expect(banner(STOCK).textContent()).resolves.not.toMatch(/keeps trying|one at a time|in Failed/);

    // Its receiver stops listening: the next order is refused, and the banner gives that reason, not the old 500.
    await books.close();
    expect((await post(pos, order('BOOKS-6'), orderAdd)).status).toBe(200);
    await waitUntil(async () => (await figures(BOOKS))?.lastReason?.code === 'delivery.refused', 'refused');
    await banner(BOOKS).getByTestId('failing-reason').filter({ hasText: 'Connection refused' }).waitFor();
    await expect(banner(BOOKS).textContent()).resolves.not.toContain('answered 500');
    // The same banner on every page, the card saying the same newest reason.
    await openPage(ui.page, 'Live log');
    await banner(BOOKS).getByTestId('failing-reason').filter({ hasText: 'Connection refused' }).waitFor();
    await banner(STOCK).filter({ hasText: 'will not try again by itself' }).waitFor();
    await openPage(ui.page, 'Overview');
    await card(BOOKS).getByTestId('last-error').filter({ hasText: 'Connection refused' }).waitFor();
    await banner(BOOKS)
      .filter({ hasText: 'keeps trying' })
      .getByRole('button', { name: 'on its card below' })
      .waitFor();
    await screenshot(ui.page, 'failing-banner-before-kill-en');

    // Killed without a word and started again: the banners are back exactly where the cards say failing.
    await ui.serve.kill();
    ui.serve = await startServe(dataDir);
    await ui.page.goto(ui.serve.runtime.dashboardUrl);
    // The open page lost the killed engine on purpose: what it logged about that is no problem of the page.
    ui.problems.splice(0);
    for (const name of [BOOKS, STOCK]) {
      await card(name).getByText('Failing', { exact: true }).waitFor();
      await banner(name).waitFor();
    }
    await expect(ui.page.getByTestId('failing-banner').count()).resolves.toBe(2);
    await banner(STOCK)
      .filter({ hasText: `${ORDERS + 1} events wait in Failed` })
      .waitFor();
    await expect(banner(STOCK).textContent()).resolves.not.toMatch(/keeps trying|one at a time/);
    await openPage(ui.page, 'Failed');
    await banner(BOOKS).filter({ hasText: 'keeps trying' }).getByText('Connection refused', { exact: false }).waitFor();

    await setLanguage(ui.serve, ui.page, 'vi');
    await banner(BOOKS)
      .filter({ hasText: 'Hookferry vẫn tự thử lại' })
      .filter({ hasText: 'Kết nối bị từ chối' })
      .waitFor();
    await banner(STOCK)
      .filter({ hasText: 'Hookferry sẽ không tự thử lại nữa' })
      .filter({ hasText: 'danh sách bên dưới' })
      .waitFor();
    // Its one line cannot be scrolled sideways out of sight: a click or the browser's Find did, leaving an empty red box.
    const scrolledTo = await banner(STOCK)
      .locator('.banner-text')
      .evaluate((line) => {
        // This file's types have no DOM: the element is only what it is asked for here.
        const box = line as unknown as { scrollLeft: number };
        box.scrollLeft = 5000;
        return box.scrollLeft;
      });
    expect(scrolledTo).toBe(0);
    // A group's count ("(6 sự kiện)") is never split over two lines, its number hung at the end of the reason.
    const count = await ui.page
      .getByTestId('failed-reason')
      .locator('.reason-count')
      .evaluate((element) => {
        const box = element as unknown as { getBoundingClientRect(): { height: number } };
        const style = (
          globalThis as unknown as { getComputedStyle(on: unknown): { fontSize: string } }
        ).getComputedStyle(element);
        return { height: box.getBoundingClientRect().height, fontSize: parseFloat(style.fontSize) };
      });
    expect(count.height).toBeLessThan(count.fontSize * 2);
    await expect(banner(STOCK).textContent()).resolves.not.toMatch(/thử từng cái một|vẫn tự thử lại/);
    await expect(banner(BOOKS).textContent()).resolves.not.toContain('mã 500');
    await screenshot(ui.page, 'failing-banner-after-kill-vi');
    await openPage(ui.page, 'Tổng quan');
    await screenshot(ui.page, 'failing-banner-after-kill-overview-vi');
    await setLanguage(ui.serve, ui.page, 'en');
  });

  it('says paused while paused, goes once nothing waits, and the card is well once a test went through', async () => {
    // Paused, Hookferry tries nothing: the banner says so, as the card does.
    await card(STOCK).getByRole('button', { name: 'Pause' }).click();
    await card(STOCK).getByText('Paused', { exact: true }).waitFor();
    await banner(STOCK)
      .filter({ hasText: `“${STOCK}” is paused, and its latest try failed` })
      .waitFor();
    await expect(banner(STOCK).textContent()).resolves.not.toContain('does not try again');
    await setLanguage(ui.serve, ui.page, 'vi');
    await banner(STOCK)
      .filter({ hasText: `“${STOCK}” đang tạm dừng, và lần thử gần nhất bị lỗi` })
      .waitFor();
    await screenshot(ui.page, 'failing-banner-paused-vi');
    await setLanguage(ui.serve, ui.page, 'en');

    // Its orders discarded and it resumed, nothing waits: its latest try failed, but nothing asks to be acted on. The
    // card says so without an alarm, and no banner stands (see discarded-not-failing).
    await ui.serve.api('discardFailed', { params: { id: ids[STOCK]! } });
    await card(STOCK).getByRole('button', { name: 'Resume' }).click();
    await card(STOCK).getByText('Latest try failed', { exact: true }).waitFor();
    await card(STOCK).getByTestId('last-error').filter({ hasText: 'None of its events waits now' }).waitFor();
    await banner(STOCK).waitFor({ state: 'detached' });

    // Its receiver mended, a test goes through: with nothing to try, that is the news, and "failing" is no more.
    stock.script(() => ({ status: 200 }));
    await setLanguage(ui.serve, ui.page, 'vi');
    await card(STOCK)
      .getByTestId('last-error')
      .filter({ hasText: 'Hiện không có sự kiện nào chờ gửi đến nơi này' })
      .waitFor();
    await card(STOCK).getByRole('button', { name: 'Gửi sự kiện thử' }).click();
    await card(STOCK).getByTestId('last-test').filter({ hasText: 'thành công' }).waitFor();
    await card(STOCK).getByText('Hoạt động tốt', { exact: true }).waitFor();
    // The card says it was a test, not orders, that went through after the error.
    await card(STOCK).getByTestId('last-error').filter({ hasText: 'một sự kiện thử sau đó đã thành công' }).waitFor();
    await banner(STOCK).waitFor({ state: 'detached' });
    await expect.poll(async () => (await figures(STOCK))?.health).toBe('healthy');
    // Sổ sách still fails: its banner stays.
    await expect(banner(BOOKS).count()).resolves.toBe(1);
    await screenshot(ui.page, 'failing-banner-mended-vi');
    expect(ui.problems).toEqual([]);
  });
});
