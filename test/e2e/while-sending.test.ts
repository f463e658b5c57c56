import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { order, orderAdd, post } from '../helpers/fixtures.js';
import { startSink } from '../helpers/sink.js';

/**
 * A resend pressed in the drawer while the order is on the wire to that destination: it said "queued again" and
 * nothing more was sent. Now it says the order is being sent right now, and that this try is the send.
 */
describe.skipIf(!hasChromium)('resending from the drawer an order on the wire (Chromium, real serve)', () => {
  const ui = useDashboard();

  it('says it is being sent right now and was not queued again, in English and Vietnamese', async () => {
    const sink = await startSink();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    sink.script(() => ({ until: held, status: 200 }));
    await ui.serve.api('createDestination', { body: { name: 'Sổ bán hàng', url: sink.url, events: ['order.add'] } });
    const id = String((await post(await ui.serve.posUrl(), order('WIRE-1'), orderAdd)).json.id);
    await sink.waitFor(1);
    await ui.page.goto(`${ui.serve.runtime.adminUrl}/#/log?event=${id}`);
    const delivery = ui.page.getByTestId('drawer').getByTestId('delivery');
    await delivery.locator('.badge').getByText('Sending now', { exact: true }).waitFor();
    // Nothing on the wire is offered a Discard.
    await expect(delivery.getByRole('button', { name: 'Discard' }).count()).resolves.toBe(0);

    await delivery.getByRole('button', { name: 'Resend', exact: true }).click();
    await ui.page
      .getByTestId('resent')
      .getByText(
        'It is being sent to 1 destination right now, so it was not queued again there: that try is the send, and its result shows here in a moment. If it fails, resend it then.',
        { exact: true },
      )
      .waitFor();
    await setLanguage(ui.serve, ui.page, 'vi');
    await delivery.getByRole('button', { name: 'Gửi lại', exact: true }).click();
    await ui.page
      .getByTestId('resent')
      .getByText(
        'Sự kiện đang được gửi tới 1 nơi nhận ngay lúc này, nên không được xếp gửi lại ở đó: lần gửi đang diễn ra chính là lần gửi bạn cần, kết quả sẽ hiện ở đây trong giây lát. Nếu lỗi, hãy gửi lại sau đó.',
        { exact: true },
      )
      .waitFor();
    await screenshot(ui.page, 'resend-while-sending-vi');
    release();
    await delivery.locator('.badge').getByText('Đã gửi', { exact: true }).waitFor();
    expect(sink.received).toHaveLength(1);
    expect(ui.problems).toEqual([]);
  });
});
