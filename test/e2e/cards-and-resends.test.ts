import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { post, teamcropOrder } from '../helpers/fixtures.js';
import { type Sink, startSink } from '../helpers/sink.js';

const orderAdd = { 'content-type': 'application/json', 'Tc-Webhook-Event': 'order.add' };
const order = (invoice: string) => JSON.stringify({ ...teamcropOrder, invoice_id: invoice });
const once = { maxAttempts: 1, initialDelayMs: 100, multiplier: 1, maxDelayMs: 100 };

/**
 * What a Vietnamese shop owner's fresh-eyes walk found still untrue around Failed: a destination card, the earlier
 * resends, the resend notice behind the drawer, the schedule's sentences, the Overview's chart.
 */
describe.skipIf(!hasChromium)('destination cards and resends say what is true now (Chromium, real serve)', () => {
  let pos: string;
  let books: Sink;

  const shot = (name: string) => screenshot(ui.page, name);
  const language = (lang: 'en' | 'vi') => setLanguage(ui.serve, ui.page, lang);
  const send = async (invoice: string, status: string) => {
    const id = String((await post(pos, order(invoice), orderAdd)).json.id);
    await expect.poll(async () => (await ui.serve.api('getEvent', { params: { id } })).status).toBe(status);
    return id;
  };

  const ui = useDashboard({
    prepare: async (serve) => {
      pos = await serve.posUrl();
      await serve.api('putSettings', { body: { language: 'vi' } });
      books = await startSink();
      await serve.api('createDestination', {
        body: { name: 'Sổ đơn hàng', url: books.url, events: ['order.add'], retry: once },
      });
    },
    overview: 'Tổng quan',
  });

  it('does not call a destination fine while an older order of it waits in Failed, and links there', async () => {
    books.script(() => ({ status: 500 }));
    await send('CARD-1', 'failed');
    books.script(() => ({ status: 200 }));
    await send('CARD-2', 'delivered');

    const card = ui.page.getByTestId('destination-card').filter({ hasText: 'Sổ đơn hàng' });
    const still = card.getByTestId('still-failed');
    await still
      .getByText(
        'Các lần gửi gần nhất đã thành công, nhưng 1 sự kiện từ trước vẫn chờ bạn trong mục Lỗi gửi. Mở Lỗi gửi',
        { exact: true },
      )
      .waitFor();
    await card.locator('.badge').getByText('Đã gửi được lại', { exact: true }).waitFor();
    await expect(card.getByText('Hoạt động tốt').count()).resolves.toBe(0);
    await shot('card-still-failed-vi');
    await language('en');
    await still
      .getByText('The latest tries went through, but 1 event from before still waits for you in Failed. Open Failed', {
        exact: true,
      })
      .waitFor();
    await card.locator('.badge').getByText('Working again', { exact: true }).waitFor();
    await shot('card-still-failed-en');
    await still.getByRole('link', { name: 'Open Failed' }).click();
    await ui.page.getByRole('heading', { level: 2, name: 'Failed' }).waitFor();

    // Resent and delivered: nothing waits, and the card says so plainly.
    await ui.page.getByRole('button', { name: 'Resend all (1)' }).click();
    await ui.page.getByTestId('failed-none').waitFor();
    await openPage(ui.page, 'Destinations', 'Destinations');
    await card.locator('.badge').getByText('Healthy', { exact: true }).waitFor();
    await expect(still.count()).resolves.toBe(0);
    await language('vi');
    expect(ui.problems).toEqual([]);
  });
});
