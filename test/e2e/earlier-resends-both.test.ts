import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { once, orderAdd, post, teamcropOrder } from '../helpers/fixtures.js';
import { type Sink, startSink } from '../helpers/sink.js';
import { waitUntil } from '../helpers/wait.js';

const ORDERS = 3;

/**
 * A row resent on its own that went through is said under Earlier resends ("Resent at …: … was delivered to …"). A
 * bulk resend started after it took that line away: the page then said only what the bulk resend did, as if the
 * order resent alone had never gone.
 */
describe.skipIf(!hasChromium)('Earlier resends keeps a row resent alone beside a bulk resend started after', () => {
  let books: Sink;
  const ui = useDashboard({
    prepare: async (serve) => {
      books = await startSink();
      books.script(() => ({ status: 500 }));
      await serve.api('createDestination', { body: { name: 'Books', url: books.url, retry: once } });
    },
  });

  it('says both, newest first, in English and Vietnamese', async () => {
    const { page, serve } = ui;
    await openPage(page, 'Failed', 'Failed');
    const pos = await serve.posUrl();
    for (let n = 1; n <= ORDERS; n++) {
      const body = JSON.stringify({ ...teamcropOrder, id: 8_200_000 + n, invoice_id: `BOTH-${n}` });
      expect((await post(pos, body, orderAdd)).status).toBe(200);
    }
    await waitUntil(async () => (await serve.api('getStats')).open.failed === ORDERS, 'the orders in Failed');

    books.script(() => ({ status: 200 }));
    const row = page.getByTestId('failed-row').filter({ hasText: 'BOTH-2' });
    await row.getByRole('button', { name: 'Resend', exact: true }).click();
    await row.waitFor({ state: 'detached' });
    const earlier = page.getByTestId('earlier-resends');
    const alone = /^Resent at [^·]+\d: New order · BOTH-2 · .+ was delivered to “Books”\.$/;
    await earlier.getByTestId('resent-delivered').getByText(alone).waitFor();

    // The rest fails again: the bulk resend's entry says so, and the order resent alone stays delivered.
    books.script(() => ({ status: 500 }));
    await page.getByRole('button', { name: `Resend all (${ORDERS - 1})`, exact: true }).click();
    const bulk = earlier.getByTestId('resend-progress');
    await bulk.getByText('Resent 2 events to “Books”:', { exact: false }).waitFor();
    await earlier.getByTestId('resent-delivered').getByText(alone).waitFor();
    // Newest first: the bulk resend ran after the row's.
    const order = async () =>
      Promise.all(
        (await earlier.locator('[data-testid="resent-delivered"], [data-testid="resend-progress"]').all()).map(
          (entry) => entry.getAttribute('data-testid'),
        ),
      );
    await expect.poll(order).toEqual(['resend-progress', 'resent-delivered']);
    await screenshot(page, 'earlier-resends-both-en');

    await setLanguage(serve, page, 'vi');
    await earlier
      .getByTestId('resent-delivered')
      .getByText(/^Đã gửi lại lúc \d{2}:\d{2}:\d{2} [^:]+: Đơn hàng mới · BOTH-2 · .+ đã gửi tới “Books”\.$/)
      .waitFor();
    await expect.poll(order).toEqual(['resend-progress', 'resent-delivered']);
    await screenshot(page, 'earlier-resends-both-vi');
    expect(ui.problems).toEqual([]);
  }, 60_000);
});
