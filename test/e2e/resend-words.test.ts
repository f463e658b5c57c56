import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { startSink } from '../helpers/sink.js';

/**
 * What the last walk (a Vietnamese shop owner, README in hand) read on the Failed page around a resend: while the
 * list was being resent, and so empty, the page said nothing had failed; and finished resends stayed stacked on top
 * of a newer failure, as if they had dealt with it.
 */
describe.skipIf(!hasChromium)('the Failed page around a resend (Chromium, real serve)', () => {
  let pos: string;

  const shot = (name: string) => screenshot(ui.page, name);
  const language = (lang: 'en' | 'vi') => setLanguage(ui.serve, ui.page, lang);
  const eventWhen = (id: string, status: string) =>
    expect.poll(async () => (await ui.serve.api('getEvent', { params: { id } })).status).toBe(status);

  const ui = useDashboard({
    prepare: async (serve) => {
      pos = await serve.posUrl();
      await serve.api('putSettings', { body: { language: 'vi' } });
    },
    overview: 'Tổng quan',
  });

  it('says a resend is running while the list is empty, then keeps its result under its own heading below what waits now', async () => {
    const crm = await startSink();
    crm.script(() => ({ status: 500 }));
    // A long timeout: the resent order hangs at the destination until the test drops it.
    await ui.serve.api('createDestination', {
      body: { name: 'CRM khách hàng', url: crm.url, events: ['order.add'], retry: once, timeoutMs: 120_000 },
    });
    for (const invoice of ['RS-1', 'RS-2']) {
      await eventWhen(String((await post(pos, order(invoice), orderAdd)).json.id), 'failed');
    }

    await ui.page.getByRole('link', { name: 'Lỗi gửi', exact: true }).click();
    await ui.page.getByTestId('failed-group').waitFor();
    crm.script(() => ({ hang: true }));
    await ui.page.getByRole('button', { name: 'Gửi lại tất cả (2)' }).click();
    await crm.waitFor(3);
    await ui.page.getByTestId('resend-progress').getByText('Đang gửi lại 2 sự kiện đến “CRM khách hàng”:').waitFor();
    const none = ui.page.getByTestId('failed-none');
    await none
      .getByText(
        'Đang gửi lại (tiến trình ở trên): mỗi sự kiện được thử gửi một lần; sự kiện nào lỗi sẽ quay lại đây ngay, kèm lý do.',
        { exact: true },
      )
      .waitFor();
    // Nothing waits in Failed while it runs: the notice of the last failure is taken down, not left empty. (The
    // destination's card still says failing, and so does its banner: it says a try is under way, not that any waits.)
    await expect.poll(() => ui.page.locator('.banner:not(.failing-banner)[role="alert"]').count()).toBe(0);
    await ui.page.getByTestId('failing-banner').filter({ hasText: 'Hookferry đang thử gửi đến nơi này.' }).waitFor();
    await expect(ui.page.getByTestId('failing-banner').textContent()).resolves.not.toContain('Lỗi gửi');
    await shot('resend-running-vi');
    await language('en');
    await none
      .getByText(
        'Resending (its progress is above): each event is tried once, and one whose try fails comes back here at once, with the reason.',
        { exact: true },
      )
      .waitFor();
    await shot('resend-running-en');
    await language('vi');

    // The hanging order's connection is dropped and the destination is gone: both fail again, and a new order too.
    await crm.close();
    const result = ui.page
      .getByTestId('earlier-resends')
      .getByTestId('resend-progress')
      .filter({ hasText: 'Đã gửi lại 2 sự kiện đến “CRM khách hàng”: 0 thành công · 2 lại bị lỗi' });
    await result.waitFor();
    await eventWhen(String((await post(pos, order('RS-3'), orderAdd)).json.id), 'failed');
    await ui.page.getByTestId('failed-group').getByText('CRM khách hàng · 3 sự kiện').waitFor();
    await ui.page.getByRole('heading', { level: 3, name: 'Lần gửi lại trước', exact: true }).waitFor();
    // What waits now comes first; the finished resend after it, with when it ran.
    const group = await ui.page.getByTestId('failed-group').boundingBox();
    const earlier = await ui.page.getByTestId('earlier-resends').boundingBox();
    expect(earlier!.y).toBeGreaterThan(group!.y + group!.height);
    await result.getByText(/^Bắt đầu lúc .+, xong lúc .+\.$/).waitFor();
    await shot('resend-earlier-vi');
    await language('en');
    await ui.page.getByRole('heading', { level: 3, name: 'Earlier resends', exact: true }).waitFor();
    await ui.page
      .getByTestId('earlier-resends')
      .getByText('Resent 2 events to “CRM khách hàng”: 0 delivered · 2 failed again')
      .waitFor();
    await shot('resend-earlier-en');

    // Still closable: closed, the heading goes with it.
    await ui.page.getByTestId('earlier-resends').getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => ui.page.getByTestId('earlier-resends').count()).toBe(0);
    await language('vi');
    expect(ui.problems).toEqual([]);
  });
});
