import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { startSink } from '../helpers/sink.js';
import { waitUntil } from '../helpers/wait.js';

/** The walk found "Discard" on the Failed page acting at once, beside "Resend", with nothing to take it back. */
describe.skipIf(!hasChromium)('discarding one failed order (Chromium, real serve)', () => {
  const ids: string[] = [];
  const ui = useDashboard({
    prepare: async (serve) => {
      const books = await startSink();
      books.script(() => ({ status: 500 }));
      await serve.api('createDestination', { body: { name: 'Sổ kế toán', url: books.url, retry: once } });
      const pos = await serve.posUrl();
      for (const invoice of ['ASK-1', 'ASK-2']) ids.push(String((await post(pos, order(invoice), orderAdd)).json.id));
      await waitUntil(async () => (await serve.api('getStats')).open.failed === ids.length, 'both orders failed');
    },
  });

  const status = async (id: string) => (await ui.serve.api('getEvent', { params: { id } })).status;

  it('asks first, naming the order and the destination, and discards only once the merchant says so', async () => {
    await openPage(ui.page, 'Failed');
    const row = ui.page.getByTestId('failed-row').filter({ hasText: 'ASK-1' });
    const question = row.getByTestId('discard-confirm');
    await row.getByRole('button', { name: 'Discard', exact: true }).click();
    // Named as its row names it (type, invoice, amount, customer), and the destination that will not get it.
    await question
      .getByText(
        /^Discard New order · ASK-1 · 936\.200 ₫ · Nguyễn Thúy Linh for “Sổ kế toán”\? Hookferry stops trying and it leaves Failed: “Sổ kế toán” will never get it, unless you resend it yourself from its details in the live log\.$/,
      )
      .waitFor();
    // Asked, nothing is discarded yet; Cancel leaves it waiting in Failed.
    await expect(status(ids[0]!)).resolves.toBe('failed');
    await question.getByRole('button', { name: 'Cancel' }).click();
    await question.waitFor({ state: 'detached' });
    await expect(status(ids[0]!)).resolves.toBe('failed');
    await expect(ui.page.getByTestId('failed-row').count()).resolves.toBe(2);

    await setLanguage(ui.serve, ui.page, 'vi');
    await row.getByRole('button', { name: 'Bỏ', exact: true }).click();
    await question
      .getByText(/^Bỏ Đơn hàng mới · ASK-1 · .+ cho “Sổ kế toán”\? .*“Sổ kế toán” sẽ không bao giờ nhận được nó/)
      .waitFor();
    await screenshot(ui.page, 'failed-discard-asks-vi');
    await question.getByRole('button', { name: 'Bỏ hẳn' }).click();
    await row.waitFor({ state: 'detached' });
    await expect.poll(() => status(ids[0]!)).toBe('discarded');
    await expect(status(ids[1]!)).resolves.toBe('failed');

    // In the order's drawer too, Discard asks before it acts.
    await ui.page.getByTestId('failed-row').filter({ hasText: 'ASK-2' }).locator('button.link').click();
    const drawer = ui.page.getByRole('dialog');
    await drawer.getByRole('button', { name: 'Bỏ, không gửi nữa' }).click();
    await drawer
      .getByTestId('discard-confirm')
      .getByText(/^Bỏ .*ASK-2.* cho “Sổ kế toán”\? Hookferry ngừng gửi: “Sổ kế toán” sẽ không bao giờ nhận được nó/)
      .waitFor();
    await screenshot(ui.page, 'drawer-discard-asks-vi');
    await drawer.getByTestId('discard-confirm').getByRole('button', { name: 'Hủy' }).click();
    await drawer.getByTestId('discard-confirm').waitFor({ state: 'detached' });
    await expect(status(ids[1]!)).resolves.toBe('failed');

    // So does a whole destination's Discard all (it asked in a browser dialog that hid the page).
    await ui.page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    const group = ui.page.getByTestId('failed-group').filter({ hasText: 'Sổ kế toán' });
    await group.getByRole('button', { name: 'Bỏ tất cả' }).click();
    await group
      .getByTestId('discard-confirm')
      .getByText(
        'Bỏ 1 lần gửi lỗi đến “Sổ kế toán”? Hookferry ngừng gửi, và mục Lỗi gửi không còn giữ lần gửi bị bỏ: “Sổ kế toán” sẽ không bao giờ nhận được sự kiện đó, trừ khi chính bạn gửi lại từ chi tiết của sự kiện trong Nhật ký trực tiếp.',
        { exact: true },
      )
      .waitFor();
    await screenshot(ui.page, 'failed-discard-all-asks-vi');
    await group.getByTestId('discard-confirm').getByRole('button', { name: 'Bỏ hẳn' }).click();
    await expect.poll(() => status(ids[1]!)).toBe('discarded');
    expect(ui.problems).toEqual([]);
  });
});
