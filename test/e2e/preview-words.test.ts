import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { order, orderAdd, post, wooOrderRaw } from '../helpers/fixtures.js';
import { startSink } from '../helpers/sink.js';

/**
 * A shopkeeper pressing Preview before the shop had sent anything read, in English in the page's banner far above
 * the button, "No event has arrived yet to preview with; send one, or give a body" (the form has no body to give),
 * and the banner stayed after a later preview worked.
 */
describe.skipIf(!hasChromium)('a preview with no event to preview with', () => {
  const ui = useDashboard({
    expected: /status of 404 \(Not Found\)/,
    prepare: async (serve) => {
      const sink = await startSink();
      await serve.api('createDestination', {
        body: { name: 'Sổ kế toán', url: sink.url, settings: { bodyMode: 'json', transform: '{"don": invoice_id}' } },
      });
    },
  });

  // It was said in red, as an error: nothing failed, there is only nothing yet to preview with.
  it('says it as a hint, not an error, in English', async () => {
    await setLanguage(ui.serve, ui.page, 'en');
    await openPage(ui.page, 'Destinations');
    await ui.page.getByRole('button', { name: 'Edit' }).click();
    await ui.page.getByRole('button', { name: 'Preview' }).click();
    const none = ui.page.getByTestId('preview-none');
    await none.getByText(/^No event has arrived yet to preview with: a preview shows/).waitFor();
    await expect(none.getAttribute('class')).resolves.toBe('hint');
    await expect(ui.page.getByRole('alert').count()).resolves.toBe(0);
    await screenshot(ui.page, 'preview-no-event-en');
    await ui.page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('says why under the button, in the chosen language, until a preview works', async () => {
    await setLanguage(ui.serve, ui.page, 'vi');
    await openPage(ui.page, 'Nơi nhận');
    await ui.page.getByRole('button', { name: 'Sửa' }).click();
    await ui.page.getByRole('button', { name: 'Xem trước' }).click();
    await ui.page
      .getByTestId('preview-none')
      .getByText(/^Chưa có sự kiện nào đến để xem trước: bản xem trước cho thấy phép chuyển đổi/)
      .waitFor();
    await expect(ui.page.getByTestId('preview-none').getAttribute('class')).resolves.toBe('hint');
    // Said once, where it was asked: no banner at the top of the page says it again.
    await expect(ui.page.locator('.banner').filter({ hasText: 'xem trước' }).count()).resolves.toBe(0);
    await screenshot(ui.page, 'preview-no-event-vi');

    await post(await ui.serve.posUrl(), order('PREVIEW-1'), orderAdd);
    await ui.page.getByRole('button', { name: 'Xem trước' }).click();
    await ui.page.getByTestId('preview').getByText('"don": "PREVIEW-1"').waitFor();
    await expect(ui.page.getByTestId('preview-none').count()).resolves.toBe(0);

    // An order of another system, with none of the fields the expression names: said as a preview's finding, not
    // as a delivery's "nothing was sent … then resend".
    await post(await ui.serve.posUrl(), wooOrderRaw, { 'content-type': 'application/json' });
    await ui.page.getByRole('button', { name: 'Xem trước' }).click();
    await ui.page
      .getByTestId('preview')
      .getByText(/^Với sự kiện này, phép chuyển đổi không tìm thấy trường nào nó dùng/)
      .waitFor();
    await expect(ui.page.getByTestId('preview').textContent()).resolves.not.toMatch(/gửi lại|chưa gửi gì/);
    expect(ui.problems).toEqual([]);
  });
});
