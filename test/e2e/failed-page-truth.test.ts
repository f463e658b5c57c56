import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { barParts, openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { type Sink, startSink } from '../helpers/sink.js';

/**
 * A Vietnamese shopkeeper's walk on Failed: a green "resend started" that stayed over a resend already done, a full
 * blue bar beside "0 delivered · 2 failed again", and counts that did not add up with nothing to say why.
 */
describe.skipIf(!hasChromium)('the Failed page says what its resends did and what its counts count (Chromium)', () => {
  let pos: string;
  let crm: Sink;
  let stock: Sink;

  const ui = useDashboard({
    prepare: async (serve) => {
      pos = await serve.posUrl();
      await serve.api('putSettings', { body: { language: 'vi' } });
      crm = await startSink();
      stock = await startSink();
      for (const [name, sink] of [
        ['CRM cửa hàng', crm],
        ['Kho hàng', stock],
      ] as const) {
        await serve.api('createDestination', { body: { name, url: sink.url, events: ['order.add'], retry: once } });
      }
    },
    overview: 'Tổng quan',
  });

  const shot = (name: string) => screenshot(ui.page, name);
  const language = (lang: 'en' | 'vi') => setLanguage(ui.serve, ui.page, lang);
  const group = (name: string) => ui.page.getByTestId('failed-group').filter({ hasText: name });

  it('says the menu counts events and the groups deliveries, when one order failed at two destinations', async () => {
    crm.script(() => ({ status: 500 }));
    stock.script((_, index) => ({ status: index === 0 ? 500 : 200 }));
    await post(pos, order('TWO-PLACES'), orderAdd);
    await stock.waitFor(1);
    await post(pos, order('ONE-PLACE'), orderAdd);
    await stock.waitFor(2);

    // The Overview's sentence: not "to one destination", when one of them failed at two.
    await ui.page
      .getByText(/^2 sự kiện chưa gửi được tới ít nhất một nơi nhận và đang chờ bạn trong mục Lỗi gửi/)
      .waitFor();

    await openPage(ui.page, 'Lỗi gửi', 'Lỗi gửi');
    await group('CRM cửa hàng').getByText('· 2 sự kiện').waitFor();
    await group('Kho hàng').getByText('· 1 sự kiện').waitFor();
    await ui.page
      .getByTestId('failed-counts')
      .getByText('2 sự kiện, 3 lần gửi lỗi: một sự kiện có thể lỗi ở nhiều nơi nhận, và hiện dưới từng nơi đó.', {
        exact: true,
      })
      .waitFor();
    await shot('failedpage-counts-vi');
    await language('en');
    await ui.page
      .getByTestId('failed-counts')
      .getByText(
        '2 events, 3 failed deliveries: one event can fail at more than one destination, and shows under each of them.',
        { exact: true },
      )
      .waitFor();
    await shot('failedpage-counts-en');
    await openPage(ui.page, 'Overview', 'Overview');
    await ui.page
      .getByText(/^2 events could not be delivered to at least one destination and wait for you in Failed/)
      .waitFor();
    await shot('failedpage-overview-en');
    await language('vi');
    await openPage(ui.page, 'Lỗi gửi', 'Lỗi gửi');

    // Once what waits at "Kho hàng" is discarded, each event is one row: nothing to explain.
    await group('Kho hàng').getByRole('button', { name: 'Bỏ tất cả' }).click();
    await ui.page.getByRole('button', { name: 'Bỏ hẳn' }).click();
    await group('Kho hàng').waitFor({ state: 'detached' });
    await expect(ui.page.getByTestId('failed-counts').count()).resolves.toBe(0);
  });

  it('shows a resend that delivered nothing as failed again in its bar, not as a full bar', async () => {
    await group('CRM cửa hàng').getByRole('button', { name: 'Gửi lại tất cả (2)' }).click();
    const earlier = ui.page
      .getByTestId('earlier-resends')
      .getByTestId('resend-progress')
      .filter({ hasText: 'Đã gửi lại 2 sự kiện đến “CRM cửa hàng”: 0 thành công · 2 lại bị lỗi' });
    await earlier.waitFor();
    const bar = earlier.getByRole('progressbar');
    await expect(bar.getAttribute('aria-valuetext')).resolves.toBe('0 thành công · 2 lại bị lỗi');
    await expect(barParts(bar)).resolves.toEqual(['failed']);
    await shot('failedpage-bar-failed-vi');
  });

  it('takes the green "resend started" down once the resend it announced has finished', async () => {
    crm.script(() => ({ status: 200 }));
    await group('CRM cửa hàng').getByRole('button', { name: 'Gửi lại tất cả (2)' }).click();
    const done = ui.page
      .getByTestId('earlier-resends')
      .getByTestId('resend-progress')
      .filter({ hasText: 'Đã gửi lại 2 sự kiện đến “CRM cửa hàng”: 2 thành công' });
    await done.waitFor();
    // Its entry under Earlier resends says how it went; the sentence that it started (which would stay 4 seconds)
    // goes with the resend.
    const started = ui.page.getByRole('status').filter({ hasText: 'Đã bắt đầu gửi lại 2 sự kiện' });
    await expect.poll(() => started.count(), { timeout: 1500 }).toBe(0);
    await expect(barParts(done.getByRole('progressbar'))).resolves.toEqual(['delivered']);
    await shot('failedpage-after-resend-vi');
    await language('en');
    await ui.page
      .getByTestId('earlier-resends')
      .getByText('Resent 2 events to “CRM cửa hàng”: 0 delivered · 2 failed again')
      .waitFor();
    await shot('failedpage-after-resend-en');

    // Deleted since, its entries say so: with its deliveries gone, "Now, at …" had nothing to count ("…”: .").
    const crmId = (await ui.serve.api('listDestinations')).find((d) => d.name === 'CRM cửa hàng')!.id;
    await ui.serve.api('deleteDestination', { params: { id: crmId } });
    await ui.page
      .getByTestId('earlier-resends')
      .getByTestId('resend-now')
      .first()
      .getByText('“CRM cửa hàng” has been deleted since: nothing of it waits any more.', { exact: true })
      .waitFor();
    await expect(ui.page.getByTestId('resend-now').filter({ hasText: /: \.$/ }).count()).resolves.toBe(0);
    expect(ui.problems).toEqual([]);
  });
});
