import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, useDashboard } from '../helpers/dashboard-page.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { startSink } from '../helpers/sink.js';
import { waitUntil } from '../helpers/wait.js';

const NOT_RUNNING_VI = 'Hookferry không chạy.';
const OFFLINE_VI = 'Chương trình Hookferry không phản hồi.';

describe.skipIf(!hasChromium)('while the engine is down, every page says so in the dashboard’s language', () => {
  const ui = useDashboard({
    overview: 'Tổng quan',
    // The engine is killed on purpose: the page's reads are refused from then on.
    expected: /ERR_CONNECTION_REFUSED|Failed to fetch/,
    prepare: async (serve) => {
      await serve.api('putSettings', { body: { language: 'vi' } });
      const books = await startSink();
      books.script(() => ({ status: 500 }));
      await serve.api('createDestination', { body: { name: 'Sổ sách', url: books.url, retry: once } });
      const pos = await serve.posUrl();
      for (const invoice of ['DOWN-1', 'DOWN-2']) expect((await post(pos, order(invoice), orderAdd)).status).toBe(200);
      await waitUntil(async () => (await serve.api('getStats')).open.failed === 2, 'both orders in Failed');
    },
  });

  it('keeps Failed’s list marked as last read, says "not running" in Vietnamese, and Settings says not running', async () => {
    const { page } = ui;
    await openPage(page, 'Lỗi gửi', 'Lỗi gửi');
    await page.getByTestId('failed-row').nth(1).waitFor();
    await openPage(page, 'Cài đặt', 'Cài đặt');
    await page.getByTestId('running-ports').filter({ hasText: 'Đang chạy trên cổng nhận' }).waitFor();
    await openPage(page, 'Tổng quan', 'Tổng quan');

    await ui.serve.kill();
    await page.getByText(OFFLINE_VI).waitFor();

    // A page read for the first time now: why it shows nothing, in Vietnamese, and no "no events yet".
    await openPage(page, 'Nhật ký trực tiếp', 'Nhật ký trực tiếp');
    await page.locator('.log').getByRole('alert').filter({ hasText: NOT_RUNNING_VI }).waitFor();
    await expect(page.locator('main').textContent()).resolves.not.toMatch(/Hookferry is not running|Chưa có sự kiện/);
    await screenshot(page, 'engine-down-log-vi');

    // Failed, opened again: what it last read, said to be that, under the same sentence; the menu's 2 is its list's.
    await openPage(page, 'Lỗi gửi', 'Lỗi gửi');
    await page.locator('main').getByRole('alert').filter({ hasText: NOT_RUNNING_VI }).waitFor();
    await page.getByTestId('last-read').filter({ hasText: 'Đây là những gì đọc được lần cuối, lúc' }).waitFor();
    await expect(page.getByTestId('failed-row').count()).resolves.toBe(2);
    await expect(page.getByTestId('failed-row').allTextContents()).resolves.toEqual([
      expect.stringContaining('DOWN-2'),
      expect.stringContaining('DOWN-1'),
    ]);
    // An order opened from it: the drawer cannot read it, and says why in Vietnamese.
    await page
      .getByTestId('failed-row')
      .first()
      .getByRole('button', { name: /DOWN-2/ })
      .click();
    await page.getByTestId('drawer').getByRole('alert').filter({ hasText: NOT_RUNNING_VI }).waitFor();
    await expect(page.locator('body').textContent()).resolves.not.toContain('Hookferry is not running');
    await screenshot(page, 'engine-down-failed-vi');
    await page.getByTestId('drawer').getByRole('button', { name: 'Đóng' }).click();

    await openPage(page, 'Cài đặt', 'Cài đặt');
    await page.getByTestId('running-ports').filter({ hasText: 'Hookferry hiện không chạy' }).waitFor();
    await expect(page.getByTestId('running-ports').textContent()).resolves.not.toContain('Đang chạy');
    // A download with no engine to answer: the sentence, not the browser's "Failed to fetch".
    await page.getByRole('button', { name: 'Tải bảng tính Excel (.xlsx)' }).click();
    await page.getByRole('alert').filter({ hasText: NOT_RUNNING_VI }).first().waitFor();
    await expect(page.locator('body').textContent()).resolves.not.toContain('Failed to fetch');
    await screenshot(page, 'engine-down-settings-vi');
  }, 90_000);
});
