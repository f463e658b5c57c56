import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { type Sink, startSink } from '../helpers/sink.js';
import { waitUntil } from '../helpers/wait.js';

/** A destination is said to be failing after this many failed tries in a row (FAILING_AFTER in the queue). */
const ORDERS = 5;
const NAME = 'Sổ kế toán';

describe.skipIf(!hasChromium)('the failing banner says what is true now', () => {
  let books: Sink;
  let id: string;

  const stats = async () => (await ui.serve.api('getStats')).destinations.find((entry) => entry.id === id);

  const ui = useDashboard({
    prepare: async (serve) => {
      books = await startSink();
      books.script(() => ({ status: 500 }));
      ({ id } = await serve.api('createDestination', { body: { name: NAME, url: books.url, retry: once } }));
    },
  });

  it('says paused while paused, says nothing waits once nothing does, and goes after a test went through', async () => {
    const pos = await ui.serve.posUrl();
    for (let n = 1; n <= ORDERS; n++) expect((await post(pos, order(`BOOKS-${n}`), orderAdd)).status).toBe(200);
    await waitUntil(async () => (await stats())?.failed === ORDERS, 'every order failed');

    const card = ui.page.getByRole('article', { name: NAME });
    const banner = ui.page.getByRole('alert').filter({ hasText: `“${NAME}”` });
    await banner.filter({ hasText: 'is failing' }).filter({ hasText: 'tries one at a time' }).waitFor();

    // Paused, Hookferry tries nothing: the banner says so, as the card does.
    await card.getByRole('button', { name: 'Pause' }).click();
    await card.getByText('Paused', { exact: true }).waitFor();
    await banner.filter({ hasText: `“${NAME}” is paused, and its latest tries failed` }).waitFor();
    await expect(banner.filter({ hasText: 'tries one at a time' }).count()).resolves.toBe(0);
    await setLanguage(ui.serve, ui.page, 'vi');
    await banner.filter({ hasText: `“${NAME}” đang tạm dừng, và các lần thử gần nhất bị lỗi` }).waitFor();
    await screenshot(ui.page, 'failing-banner-paused-vi');
    await setLanguage(ui.serve, ui.page, 'en');

    // Its orders discarded and it resumed, nothing waits: still failing (its latest try failed), but nothing is kept.
    await ui.serve.api('discardFailed', { params: { id } });
    await card.getByRole('button', { name: 'Resume' }).click();
    await card.getByText('Failing', { exact: true }).waitFor();
    await banner
      .filter({ hasText: `“${NAME}” is failing` })
      .filter({ hasText: 'Nothing waits for it now' })
      .waitFor();
    await expect(banner.filter({ hasText: 'keeps the events' }).count()).resolves.toBe(0);

    // Its receiver mended, a test goes through: with nothing to try, that is the news, and "failing" is no more.
    books.script(() => ({ status: 200 }));
    await setLanguage(ui.serve, ui.page, 'vi');
    await banner.filter({ hasText: 'Hiện không có sự kiện nào chờ gửi đến nơi này' }).waitFor();
    await card.getByRole('button', { name: 'Gửi sự kiện thử' }).click();
    await card.getByTestId('last-test').filter({ hasText: 'thành công' }).waitFor();
    await card.getByText('Hoạt động tốt', { exact: true }).waitFor();
    // The card says it was a test, not orders, that went through after the error.
    await card.getByTestId('last-error').filter({ hasText: 'một sự kiện thử sau đó đã thành công' }).waitFor();
    await card
      .getByTestId('last-test')
      .filter({ hasText: 'lần thử này cho thấy nơi nhận đã trả lời trở lại' })
      .waitFor();
    await banner.waitFor({ state: 'detached' });
    await expect.poll(async () => (await stats())?.health).toBe('healthy');
    // The day's orders were discarded, not absent: the chart shows them, as the day's figures do.
    await ui.page.locator('.chart .legend').filter({ hasText: 'Đã bỏ' }).waitFor();
    await expect(ui.page.locator('.chart-empty').count()).resolves.toBe(0);
    await screenshot(ui.page, 'failing-banner-mended-vi');
    expect(ui.problems).toEqual([]);
  });
});
