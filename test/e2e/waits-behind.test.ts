import { describe, expect, it } from 'vitest';
import { order, orderAdd, post, teamcropOrderRaw } from '../helpers/fixtures.js';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { type Sink, startSink } from '../helpers/sink.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * An event held in an ordered destination's line behind a failed one is not being sent: it waits. Its badge said
 * "On its way" ("Đang gửi" in Vietnamese) in the live log and the drawer while its sentence said it waited; and the
 * destination card's sentence had no subject ("Waiting behind …").
 */
describe.skipIf(!hasChromium)('an event held behind a failed one in an ordered line (real serve)', () => {
  let books: Sink;
  let slow: Sink;
  let pos: string;
  const ids: Record<string, string> = {};
  const send = async (name: string, body: string | Buffer) => {
    ids[name] = String((await post(pos, body, orderAdd)).json.id);
  };
  const statusOf = async (name: string) => (await ui.serve.api('getEvent', { params: { id: ids[name]! } })).status;

  const ui = useDashboard({
    prepare: async (serve) => {
      books = await startSink();
      books.script((request) => (request.body.toString().includes('SPIRAL-') ? { status: 422 } : { status: 200 }));
      slow = await startSink();
      slow.script(() => ({ status: 500 }));
      pos = await serve.posUrl();
      await serve.api('createDestination', {
        body: {
          name: 'Accounting',
          url: books.url,
          events: ['order.add'],
          ordered: true,
          retry: { maxAttempts: 1, initialDelayMs: 100, multiplier: 1, maxDelayMs: 100 },
        },
      });
      await send('head', teamcropOrderRaw);
      await waitUntil(async () => (await statusOf('head')) === 'failed', 'the head failing');
      await send('held', order('HELD-1'));
      // One held at Accounting but on its way (retrying) to another destination: not only waiting.
      await serve.api('createDestination', {
        body: {
          name: 'Slow CRM',
          url: slow.url,
          events: ['order.add'],
          retry: { maxAttempts: 5, initialDelayMs: 600_000, multiplier: 1, maxDelayMs: 600_000 },
        },
      });
      await send('both', order('BOTH-1'));
      await waitUntil(() => slow.received.length > 0, 'the slow CRM tried');
    },
    timeout: 120_000,
  });

  const row = (invoice: string) => ui.page.getByTestId('log-row').filter({ hasText: invoice });
  const badgeOf = (invoice: string) => row(invoice).locator('.badge').first();

  for (const [language, log, waiting, onItsWay, card] of [
    [
      'en',
      'Live log',
      'Waiting',
      'On its way',
      'Events for this destination wait behind SPIRAL-170623-1017-DC92, which failed: it takes events in order, so the ones after it are sent once SPIRAL-170623-1017-DC92 is resent from Failed and goes through, or is discarded there.',
    ],
    [
      'vi',
      'Nhật ký trực tiếp',
      'Đang chờ',
      'Đang gửi',
      'Các sự kiện gửi tới nơi nhận này đang chờ sau SPIRAL-170623-1017-DC92 (lỗi): nơi nhận này nhận sự kiện đúng theo thứ tự, nên các sự kiện sau nó chỉ được gửi khi SPIRAL-170623-1017-DC92 được gửi lại từ mục Lỗi gửi và gửi được, hoặc bị bỏ ở đó.',
    ],
  ] as const) {
    it(`${language}: the held event's badge says it waits, in the live log and the drawer; one also on its way elsewhere keeps its badge`, async () => {
      await setLanguage(ui.serve, ui.page, language);
      await openPage(ui.page, log);
      await row('HELD-1').waitFor();
      await expect.poll(() => badgeOf('HELD-1').textContent()).toBe(waiting);
      await expect.poll(() => badgeOf('BOTH-1').textContent()).toBe(onItsWay);
      await screenshot(ui.page, `waits-behind-log-${language}`);

      await row('HELD-1').click();
      const drawer = ui.page.getByTestId('drawer');
      await drawer.getByTestId('held-by').waitFor();
      await expect(drawer.locator('.summary-line .badge').textContent()).resolves.toBe(waiting);
      await expect(drawer.getByTestId('delivery').locator('.badge').textContent()).resolves.toBe(waiting);
      await screenshot(ui.page, `waits-behind-drawer-${language}`);
      await ui.page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'detached' });

      await row('BOTH-1').click();
      await drawer.getByTestId('held-by').waitFor();
      await expect(drawer.locator('.summary-line .badge').textContent()).resolves.toBe(onItsWay);
      await expect(
        drawer.getByTestId('delivery').filter({ hasText: 'Accounting' }).locator('.badge').textContent(),
      ).resolves.toBe(waiting);
      await ui.page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'detached' });
    });

    it(`${language}: the destination card's sentence has a subject`, async () => {
      await openPage(ui.page, language === 'en' ? 'Overview' : 'Tổng quan');
      const accounting = ui.page.getByTestId('destination-card').filter({ hasText: 'Accounting' });
      await accounting.getByTestId('held-by-card').getByText(card, { exact: true }).waitFor();
      await screenshot(ui.page, `waits-behind-card-${language}`);
    });
  }

  it('a new event held behind the failed one says it waits as it arrives, without a reload', async () => {
    await setLanguage(ui.serve, ui.page, 'en');
    await openPage(ui.page, 'Live log');
    const crm = (await ui.serve.api('listDestinations')).find((destination) => destination.name === 'Slow CRM');
    await ui.serve.api('deleteDestination', { params: { id: crm!.id } });
    await send('late', order('LATE-1'));
    await row('LATE-1').waitFor();
    await expect.poll(() => badgeOf('LATE-1').textContent()).toBe('Waiting');
    // The head discarded, the line goes: the badge follows without a reload.
    const [head] = (await ui.serve.api('getEvent', { params: { id: ids.head! } })).deliveries;
    await ui.serve.api('discardDelivery', { params: { id: head!.id } });
    await waitUntil(async () => (await statusOf('held')) === 'delivered', 'the held one delivered');
    await expect.poll(() => badgeOf('LATE-1').textContent()).toBe('Delivered');
    await expect.poll(() => badgeOf('HELD-1').textContent()).toBe('Delivered');
  });

  it('logged no console errors', () => {
    expect(ui.problems).toEqual([]);
  });
});
