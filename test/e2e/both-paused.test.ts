import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { startSink } from '../helpers/sink.js';

/**
 * One destination paused on its card, then every delivery paused in Settings: its card says both, and what its
 * Resume does. Before, it showed a lone Resume that changed nothing visible; only then did it tell of the other pause.
 */
describe.skipIf(!hasChromium)('a destination paused while all deliveries are paused says both', () => {
  const ui = useDashboard({
    overview: 'Tổng quan',
    prepare: async (serve) => {
      await serve.api('putSettings', { body: { language: 'vi' } });
      const books = await startSink();
      const stock = await startSink();
      await serve.api('createDestination', { body: { name: 'Sổ sách', url: books.url } });
      await serve.api('createDestination', { body: { name: 'Kho', url: stock.url } });
    },
  });
  const card = (name: string) => ui.page.getByRole('article', { name });

  it('says its own pause and everyone’s, and that its Resume lifts only its own', async () => {
    const { page } = ui;
    await card('Sổ sách').getByRole('button', { name: 'Tạm dừng', exact: true }).click();
    await card('Sổ sách').getByRole('button', { name: 'Tiếp tục', exact: true }).waitFor();

    await openPage(page, 'Cài đặt', 'Cài đặt');
    await page.getByRole('checkbox', { name: 'Tạm dừng mọi lần gửi' }).check();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(async () => (await ui.serve.api('getSettings')).deliveriesPaused).toBe(true);
    await openPage(page, 'Tổng quan', 'Tổng quan');

    const both = card('Sổ sách').getByTestId('both-paused');
    await both.getByText(/^Nơi nhận này đang tạm dừng, và mọi lần gửi cũng đang tạm dừng \(Cài đặt\)\./).waitFor();
    await both.getByText(/Bấm Tiếp tục chỉ bỏ tạm dừng của riêng nơi nhận này/).waitFor();
    await expect(card('Sổ sách').getByTestId('all-paused').count()).resolves.toBe(0);
    await card('Kho').getByTestId('all-paused').waitFor();
    await expect(card('Kho').getByTestId('both-paused').count()).resolves.toBe(0);
    await screenshot(page, 'both-paused-vi');
    await setLanguage(ui.serve, page, 'en');
    await card('Sổ sách')
      .getByTestId('both-paused')
      .getByText(/Resume lifts only this destination’s own pause/)
      .waitFor();
    await screenshot(page, 'both-paused-en');
    await setLanguage(ui.serve, page, 'vi');

    // Its own pause lifted, everyone's still holds it: the card says that one, and offers to lift it.
    await card('Sổ sách').getByRole('button', { name: 'Tiếp tục', exact: true }).click();
    await card('Sổ sách').getByTestId('all-paused').waitFor();
    await card('Sổ sách').getByRole('button', { name: 'Tiếp tục gửi', exact: true }).waitFor();
    await expect(card('Sổ sách').getByTestId('both-paused').count()).resolves.toBe(0);
    // Never sent to yet: not "the first event goes out as soon as it arrives" while everything is paused.
    await card('Sổ sách')
      .getByTestId('never-sent')
      .getByText(/^Chưa gửi gì tới nơi nhận này: các sự kiện nó nhận sẽ chờ trong lúc mọi lần gửi đang tạm dừng\./)
      .waitFor();
    await screenshot(page, 'both-paused-resumed-vi');
    expect(ui.problems).toEqual([]);
  }, 60_000);
});
