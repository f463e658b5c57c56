import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, useDashboard } from '../helpers/dashboard-page.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { type Sink, startSink } from '../helpers/sink.js';
import { waitUntil } from '../helpers/wait.js';

const RESENT =
  'Đã bắt đầu gửi lại 1 sự kiện: Hookferry thử gửi một lần ngay bây giờ. Nếu lần đó lỗi, sự kiện quay lại đây ngay, kèm lý do.';
const RESENDING = 'Đang gửi lại 1 sự kiện: Hookferry thử gửi một lần.';

/**
 * One row resent to a receiver that is slow to answer: while its one try is out, the page says it is being resent,
 * never "nothing has failed"; once it is back having failed again, the green "resend started" gives way to the row's
 * own "failed again".
 */
describe.skipIf(!hasChromium)('a row resent on its own says it is being resent while its try is out', () => {
  let books: Sink;
  const ui = useDashboard({
    overview: 'Tổng quan',
    prepare: async (serve) => {
      await serve.api('putSettings', { body: { language: 'vi' } });
      books = await startSink();
      books.script(() => ({ status: 500 }));
      await serve.api('createDestination', { body: { name: 'Sổ kế toán', url: books.url, retry: once } });
      expect((await post(await serve.posUrl(), order('SLOW-1'), orderAdd)).status).toBe(200);
      await waitUntil(async () => (await serve.api('getStats')).open.failed === 1, 'the order in Failed');
    },
  });

  it('reads "resending", not "no failures", until the try ends; then the row says it failed again, alone', async () => {
    const { page } = ui;
    await openPage(page, 'Lỗi gửi', 'Lỗi gửi');
    const row = page.getByTestId('failed-row').filter({ hasText: 'SLOW-1' });
    await row.waitFor();
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    books.script(() => ({ until: held, status: 500 }));

    await row.getByRole('button', { name: 'Gửi lại', exact: true }).click();
    await books.waitFor(2);
    // The try is on the wire: the list is empty, and the page says why.
    await page.getByTestId('failed-none').filter({ hasText: RESENDING }).waitFor();
    await expect(page.getByTestId('failed-none').textContent()).resolves.not.toContain('Không có lỗi');
    await screenshot(page, 'resend-one-pending-vi');

    answer();
    const again = page.getByTestId('failed-row').filter({ hasText: 'SLOW-1' }).getByTestId('resent-failed-again');
    await again.waitFor();
    // The green "resend started" made way for the row's own word on how it went.
    await page.getByRole('status').getByText(RESENT, { exact: true }).waitFor({ state: 'detached' });
    await expect(page.getByTestId('failed-none').count()).resolves.toBe(0);
    await screenshot(page, 'resend-one-failed-again-vi');
    expect(ui.problems).toEqual([]);
  }, 60_000);
});
