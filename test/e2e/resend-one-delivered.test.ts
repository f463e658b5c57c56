import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { once, orderAdd, post, teamcropOrder } from '../helpers/fixtures.js';
import { type Sink, startSink } from '../helpers/sink.js';
import { waitUntil } from '../helpers/wait.js';

/** A destination is said to be failing after this many failed tries in a row (FAILING_AFTER in the queue). */
const ORDERS = 5;
const RESENT =
  'Đã bắt đầu gửi lại 1 sự kiện: Hookferry thử gửi một lần ngay bây giờ. Nếu lần đó lỗi, sự kiện quay lại đây ngay, kèm lý do.';

/**
 * A row resent on its own to a receiver fixed meanwhile: it went through and left the list, and the page said nothing
 * of it but "if that try fails it comes back here", while a resend that failed again said so. Its failing line gone
 * with that success, the notice it had folded in came up as a new red box counting what was left, on this very page.
 */
describe.skipIf(!hasChromium)('a row resent on its own that goes through', () => {
  let books: Sink;
  const ui = useDashboard({
    overview: 'Tổng quan',
    prepare: async (serve) => {
      await serve.api('putSettings', { body: { language: 'vi' } });
      books = await startSink();
      books.script(() => ({ status: 500 }));
      await serve.api('createDestination', { body: { name: 'Sổ đơn hàng', url: books.url, retry: once } });
    },
  });

  it('says it was delivered and where, in both languages, and raises no count of what is left', async () => {
    const { page, serve } = ui;
    await openPage(page, 'Lỗi gửi', 'Lỗi gửi');
    const pos = await serve.posUrl();
    for (let n = 1; n <= ORDERS; n++) {
      const body = JSON.stringify({ ...teamcropOrder, id: 8_100_000 + n, invoice_id: `FIXED-${n}` });
      expect((await post(pos, body, orderAdd)).status).toBe(200);
    }
    await waitUntil(async () => (await serve.api('getStats')).open.failed === ORDERS, 'the orders in Failed');
    const failing = page.getByTestId('failing-banner').filter({ hasText: '“Sổ đơn hàng” đang lỗi' });
    await failing.waitFor();

    books.script(() => ({ status: 200 }));
    const row = page.getByTestId('failed-row').filter({ hasText: 'FIXED-3' });
    await row.getByRole('button', { name: 'Gửi lại', exact: true }).click();
    await row.waitFor({ state: 'detached' });
    const delivered = page.getByTestId('earlier-resends').getByTestId('resent-delivered');
    await delivered
      .getByText(/^Đã gửi lại lúc \d{2}:\d{2}:\d{2} [^:]+: Đơn hàng mới · FIXED-3 · .+ đã gửi tới “Sổ đơn hàng”\.$/)
      .waitFor();
    // The green "if it fails it comes back here" no longer stands over an order that went through.
    await expect(page.getByRole('status').getByText(RESENT, { exact: true }).count()).resolves.toBe(0);
    // The success took the failing line down; the notice it had folded in does not come up to count what is left.
    await failing.waitFor({ state: 'detached' });
    await page
      .getByTestId('failed-row')
      .nth(ORDERS - 2)
      .waitFor();
    await expect(page.getByTestId('failed-total').count()).resolves.toBe(0);
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    await screenshot(page, 'resend-one-delivered-vi');

    await setLanguage(serve, page, 'en');
    await delivered
      .getByText(/^Resent at [^·]+\d: New order · FIXED-3 · .+ was delivered to “Sổ đơn hàng”\.$/)
      .waitFor();
    await screenshot(page, 'resend-one-delivered-en');

    await delivered.getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('earlier-resends').waitFor({ state: 'detached' });
    expect(books.received.length).toBeGreaterThan(ORDERS);
    expect(ui.problems).toEqual([]);
  }, 60_000);
});
