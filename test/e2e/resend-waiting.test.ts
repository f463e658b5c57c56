import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { order, orderAdd, post } from '../helpers/fixtures.js';
import { startSink } from '../helpers/sink.js';

/**
 * Resend to all pressed in the drawer for an order that already waits to be sent (its destination paused): it said
 * "Queued again for 1 destination" at every press, while nothing more was queued. Now it says it already waits there
 * and was not queued a second time; and, the destination being paused, that it goes once that destination is resumed
 * (only the delivery's row below said so).
 */
describe.skipIf(!hasChromium)('resending from the drawer an order that already waits (Chromium, real serve)', () => {
  const ui = useDashboard();

  it('says it already waits there and goes once the destination is resumed, in English and Vietnamese', async () => {
    const sink = await startSink();
    const shop = await ui.serve.api('createDestination', {
      body: { name: 'Sổ bán hàng', url: sink.url, events: ['order.add'], paused: true },
    });
    const id = String((await post(await ui.serve.posUrl(), order('WAIT-1'), orderAdd)).json.id);
    await ui.page.goto(`${ui.serve.runtime.adminUrl}/#/log?event=${id}`);
    const drawer = ui.page.getByTestId('drawer');
    await drawer.getByTestId('delivery').waitFor();

    await drawer.getByRole('button', { name: 'Resend to all', exact: true }).click();
    await ui.page
      .getByTestId('resent')
      .getByText(
        // Said beside the button, not only by the delivery's row below: it goes once the paused destination is resumed.
        'It already waits to be sent to 1 destination, which is paused, so it was not queued there a second time: it goes once, when that destination is resumed (Resume on its card, or Resume deliveries if all deliveries are paused).',
        { exact: true },
      )
      .waitFor();
    await screenshot(ui.page, 'resend-waiting-en');
    // Nothing was done: said plainly, not in a success's green.
    await expect(ui.page.getByTestId('resent').getAttribute('class')).resolves.toBe('banner said');
    await setLanguage(ui.serve, ui.page, 'vi');
    await drawer.getByRole('button', { name: 'Gửi lại tất cả', exact: true }).click();
    await ui.page
      .getByTestId('resent')
      .getByText(
        'Sự kiện đã nằm sẵn trong hàng chờ gửi tới 1 nơi nhận đang tạm dừng, nên không cần xếp thêm: nó được gửi một lần ở đó, khi nơi nhận đó được tiếp tục (bấm Tiếp tục trên thẻ của nơi nhận đó, hoặc Tiếp tục gửi nếu mọi lần gửi đang tạm dừng).',
        { exact: true },
      )
      .waitFor();
    await screenshot(ui.page, 'resend-waiting-vi');
    await ui.serve.api('updateDestination', { params: { id: shop.id }, body: { paused: false } });
    await sink.waitFor(1);
    await drawer.getByTestId('delivery').locator('.badge').getByText('Đã gửi', { exact: true }).waitFor();
    expect(sink.received).toHaveLength(1);
    expect(ui.problems).toEqual([]);
  });
});
