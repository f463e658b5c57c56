import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { order, orderAdd, post } from '../helpers/fixtures.js';
import { type Sink, startSink } from '../helpers/sink.js';

const invoicesOf = (sink: Sink) =>
  sink.received.map((request) => (JSON.parse(request.body.toString('utf8')) as { invoice_id: string }).invoice_id);

/**
 * A destination added on the first day gets the orders that came before it from its card: the card says how many,
 * asks once naming the count and that only it gets them, and then says they are on their way; the receiver gets
 * each once, the other destination nothing again, and the Live log's rows follow without a reload. Before, each
 * order had to be opened in the Live log and sent with Resend to all, which sent it to every other destination too.
 */
describe.skipIf(!hasChromium)('sending earlier orders to a new destination from its card', () => {
  let shop: Sink;
  let books: Sink;
  const ui = useDashboard({
    viewport: { width: 1366, height: 900 },
    prepare: async (serve) => {
      shop = await startSink();
      const first = await serve.api('createDestination', {
        body: { name: 'Sổ bán hàng', url: shop.url, events: ['order.add'] },
      });
      const posUrl = await serve.posUrl();
      for (const invoice of ['HD-1', 'HD-2']) await post(posUrl, order(invoice), orderAdd);
      // Taken by no destination when it came: kept, not sent.
      await post(posUrl, order('HD-U'), { ...orderAdd, 'Tc-Webhook-Event': 'order.update' });
      await serve.api('testDestination', { params: { id: first.id } });
      await shop.waitFor(3);
      books = await startSink();
      await serve.api('createDestination', {
        body: { name: 'Kế toán', url: books.url, events: ['order.add', 'order.update'] },
      });
    },
  });

  const cardOf = (page: Page, name: string) => page.getByTestId('destination-card').filter({ hasText: name });

  it('says how many, asks naming the count, sends them there alone; the rows follow (English, 1366 px)', async () => {
    const { page } = ui;
    // The Live log open in a window of its own, as a second window of the dashboard would be.
    const logContext = await ui.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const log = await logContext.newPage();
    await log.goto(ui.serve.runtime.dashboardUrl);
    await openPage(log, 'Live log', 'Live log');
    const kept = log.getByTestId('log-row').filter({ hasText: 'HD-U' });
    await kept.filter({ hasText: 'Kept, not sent' }).waitFor();

    await openPage(page, 'Destinations', 'Destinations');
    const card = cardOf(page, 'Kế toán');
    await card
      .getByTestId('earlier-line')
      .getByText(
        '3 events from the last 7 days arrived before this destination was created or set to take them, so they were not sent here. Send them here too?',
        {
          exact: true,
        },
      )
      .waitFor();
    // The first destination had each of its kind as it came: nothing earlier for it.
    await expect(cardOf(page, 'Sổ bán hàng').getByTestId('send-earlier').count()).resolves.toBe(0);
    await screenshot(page, 'send-earlier-line-en-1366');

    await card.getByRole('button', { name: 'Send them here…' }).click();
    const confirm = card.getByTestId('earlier-confirm');
    await confirm
      .getByText(
        'Send 3 events to “Kế toán”? Only this destination gets them: the other destinations get nothing again. Each is sent once, as a new event is.',
      )
      .waitFor();
    await screenshot(page, 'send-earlier-confirm-en-1366');
    await confirm.getByRole('button', { name: 'Send 3 events' }).click();
    await card
      .getByTestId('earlier-result')
      .getByText(/^At .+, 3 earlier events were queued for this destination alone; the Live log shows how each went\.$/)
      .waitFor();
    await books.waitFor(3);
    await kept.filter({ hasText: 'Delivered' }).waitFor();
    // The card's own figures follow too: no longer "nothing sent yet".
    await card.getByTestId('never-sent').waitFor({ state: 'detached' });
    await expect(card.getByTestId('earlier-line').count()).resolves.toBe(0);
    await screenshot(page, 'send-earlier-sent-en-1366');
    await screenshot(log, 'send-earlier-log-en-1366');
    expect(invoicesOf(books).sort()).toEqual(['HD-1', 'HD-2', 'HD-U']);
    expect(shop.received).toHaveLength(3);
    await logContext.close();
    expect(ui.problems).toEqual([]);
  }, 60_000);

  it('says it in Vietnamese on a narrow window, for the window chosen (Vietnamese, 800 px)', async () => {
    const { page, serve } = ui;
    await page.setViewportSize({ width: 800, height: 900 });
    await setLanguage(serve, page, 'vi');
    const store = await startSink();
    await serve.api('createDestination', { body: { name: 'Kho hàng', url: store.url, events: ['order.*'] } });
    const card = cardOf(page, 'Kho hàng');
    await card
      .getByTestId('earlier-line')
      .getByText(
        'Có 3 sự kiện trong 7 ngày qua đến trước khi nơi nhận này được tạo hoặc được chọn nhận chúng, nên chưa được gửi tới đây. Gửi luôn tới đây?',
      )
      .waitFor();
    await card.getByRole('combobox').selectOption('all');
    await card.getByTestId('earlier-line').getByText('Có 3 sự kiện đang lưu đến trước', { exact: false }).waitFor();
    await screenshot(page, 'send-earlier-line-vi-800');
    await card.getByRole('button', { name: 'Gửi tới đây…' }).click();
    await card
      .getByTestId('earlier-confirm')
      .getByText('Gửi 3 sự kiện tới “Kho hàng”? Chỉ nơi nhận này nhận', { exact: false })
      .waitFor();
    await screenshot(page, 'send-earlier-confirm-vi-800');
    await card.getByTestId('earlier-confirm').getByRole('button', { name: 'Gửi 3 sự kiện' }).click();
    await card
      .getByTestId('earlier-result')
      .getByText('đã xếp 3 sự kiện trước đó vào hàng chờ, chỉ gửi tới nơi nhận này', { exact: false })
      .waitFor();
    await store.waitFor(3);
    await screenshot(page, 'send-earlier-sent-vi-800');
    expect(invoicesOf(store).sort()).toEqual(['HD-1', 'HD-2', 'HD-U']);
    expect(books.received).toHaveLength(3);
    expect(shop.received).toHaveLength(3);
    expect(ui.problems).toEqual([]);
  }, 60_000);

  it('queues them to a paused destination and says they go once it is resumed (Vietnamese, 800 px)', async () => {
    const { page, serve } = ui;
    const archive = await startSink();
    await serve.api('createDestination', {
      body: { name: 'Lưu trữ', url: archive.url, events: ['order.add'], paused: true },
    });
    const card = cardOf(page, 'Lưu trữ');
    await card.getByTestId('earlier-line').getByText('Có 2 sự kiện trong 7 ngày qua', { exact: false }).waitFor();
    await card.getByRole('button', { name: 'Gửi tới đây…' }).click();
    await card
      .getByTestId('earlier-confirm')
      .getByText('Nơi nhận đang tạm dừng: các sự kiện sẽ chờ đến khi bạn bấm Tiếp tục.', { exact: false })
      .waitFor();
    await screenshot(page, 'send-earlier-confirm-paused-vi-800');
    await card.getByTestId('earlier-confirm').getByRole('button', { name: 'Gửi 2 sự kiện' }).click();
    await card
      .getByTestId('earlier-result')
      .getByText(
        /^Lúc .+, đã xếp 2 sự kiện trước đó vào hàng chờ, chỉ gửi tới nơi nhận này: sẽ gửi khi bạn bấm Tiếp tục\.$/,
      )
      .waitFor();
    expect(archive.received).toHaveLength(0);
    await card.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
    await archive.waitFor(2);
    // Resumed, the same line no longer says they wait.
    await card
      .getByTestId('earlier-result')
      .getByText(/^Lúc .+, đã xếp 2 sự kiện trước đó vào hàng chờ, chỉ gửi tới nơi nhận này; Nhật ký trực tiếp/)
      .waitFor();
    expect(invoicesOf(archive).sort()).toEqual(['HD-1', 'HD-2']);
    expect(shop.received).toHaveLength(3);
    expect(ui.problems).toEqual([]);
  }, 60_000);
});
