import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { ARTIFACTS, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { type Sink, startSink } from '../helpers/sink.js';

/**
 * A shop owner pressed "Resend" beside a destination that had confirmed an order: it went again at once, and the
 * accounting sheet got the order twice. Resending what was delivered is asked first; what failed stays one click.
 */
describe.skipIf(!hasChromium)('resending from the drawer what was delivered (Chromium, real serve)', () => {
  let books: Sink;
  let crm: Sink;

  const shot = (name: string) => screenshot(ui.page, name);
  const language = (chosen: 'vi' | 'en') => setLanguage(ui.serve, ui.page, chosen);

  const ui = useDashboard({
    prepare: async (serve) => {
      await serve.api('putSettings', { body: { language: 'vi' } });
      books = await startSink();
      crm = await startSink();
      crm.script(() => ({ status: 500, body: '{"ok":false}' }));
      await serve.api('createDestination', { body: { name: 'Sổ kế toán', url: books.url, events: ['order.add'] } });
      await serve.api('createDestination', {
        body: { name: 'CRM khách hàng', url: crm.url, events: ['order.add'], retry: once },
      });
    },
    overview: 'Tổng quan',
  });

  it('asks before sending a delivered order again, names when it was confirmed, and resends what failed in one click', async () => {
    const pos = await ui.serve.posUrl();
    await post(pos, order('TWICE-1'), orderAdd);
    await books.waitFor(1);
    await crm.waitFor(1);
    await ui.page.getByRole('link', { name: 'Nhật ký trực tiếp', exact: true }).click();
    await ui.page.getByTestId('log-row').filter({ hasText: 'TWICE-1' }).click();
    const drawer = ui.page.getByTestId('drawer');
    const delivery = (name: string) => drawer.getByTestId('delivery').filter({ hasText: name });
    await delivery('Sổ kế toán').locator('.badge').getByText('Đã gửi', { exact: true }).waitFor();
    await delivery('CRM khách hàng').locator('.badge').getByText('Lỗi', { exact: true }).waitFor();

    await delivery('Sổ kế toán').getByRole('button', { name: 'Gửi lại', exact: true }).click();
    const question = drawer.getByTestId('resend-confirm');
    await question
      .getByText(
        /^“Sổ kế toán” đã xác nhận nhận được sự kiện này lúc \d{2}:\d{2}:\d{2}[^.]+\. Nếu gửi lại, nơi đó sẽ nhận sự kiện lần thứ hai \(với đơn hàng: thêm một đơn trùng trong sổ\)\. Chỉ gửi lại khi nơi đó bị mất nó\.$/,
      )
      .waitFor();
    await shot('resend-delivered-ask-vi');
    // Asked, not sent: the accounting sheet still has the order once.
    expect(books.received).toHaveLength(1);
    await question.getByRole('button', { name: 'Hủy' }).click();
    await question.waitFor({ state: 'detached' });
    expect(books.received).toHaveLength(1);

    await delivery('Sổ kế toán').getByRole('button', { name: 'Gửi lại', exact: true }).click();
    await question.getByRole('button', { name: 'Vẫn gửi lại' }).click();
    await books.waitFor(2);
    // Said as started, which stays true once the try is over, and what comes after it: one try.
    await ui.page
      .getByRole('status')
      .getByText(
        'Đã bắt đầu gửi lại đến 1 nơi nhận; kết quả hiện ở mục Các lần gửi của sự kiện. Hookferry chỉ thử gửi một lần: nếu lần đó lỗi, sự kiện hiện ngay trong mục Lỗi gửi, kèm lý do.',
        { exact: true },
      )
      .waitFor();
    await expect(question.count()).resolves.toBe(0);

    // What failed goes again at the first press.
    await delivery('CRM khách hàng').getByRole('button', { name: 'Gửi lại', exact: true }).click();
    await crm.waitFor(2);
    await expect(question.count()).resolves.toBe(0);
    await delivery('CRM khách hàng').getByTestId('attempt').nth(1).waitFor();
    await delivery('CRM khách hàng').locator('.badge').getByText('Lỗi', { exact: true }).waitFor();
    await shot('resend-failed-one-click-vi');

    // Back up: no failure notice comes to take the place of what the resend says.
    crm.script(() => ({ status: 200, body: '{"ok":true}' }));
    await language('en');
    await drawer.getByRole('button', { name: 'Resend to all', exact: true }).click();
    await question
      .getByText(
        /^“Sổ kế toán” confirmed it got this event at [^.]*\d{2}:\d{2}:\d{2}[^.]*\. If you resend, it gets the event a second time \(for an order: a second order in its books\)\. Resend only if it lost it\. It is also sent again to “CRM khách hàng”, which did not get it\.$/,
      )
      .waitFor();
    await shot('resend-all-ask-en');
    expect(books.received).toHaveLength(2);
    await question.getByRole('button', { name: 'Resend anyway' }).click();
    await books.waitFor(3);
    await crm.waitFor(3);
    await ui.page
      .getByRole('status')
      .getByText(
        'Resend started for 2 destinations; the event’s Deliveries show how it went. Hookferry tries each once: one whose try fails shows in Failed at once, with the reason.',
        { exact: true },
      )
      .waitFor();
    expect(ui.problems).toEqual([]);
  });

  it('spells the retry schedule as a plain sentence, in Vietnamese and English', async () => {
    await ui.page.keyboard.press('Escape');
    await language('vi');
    await ui.page.getByRole('link', { name: 'Nơi nhận', exact: true }).click();
    const card = ui.page.getByTestId('destination-card').filter({ hasText: 'Sổ kế toán' });
    await card.getByRole('button', { name: 'Sửa' }).click();
    const schedule = ui.page.getByTestId('schedule');
    await ui.page.getByLabel('Tổng số lần thử').fill('2');
    await ui.page.getByLabel('Thử lại lần đầu sau (giây)').fill('5');
    await schedule
      .getByText(
        'Nếu gửi lỗi, Hookferry chờ 5 giây rồi thử thêm một lần; nếu vẫn lỗi, sự kiện chờ bạn trong mục Lỗi gửi.',
        { exact: true },
      )
      .waitFor();
    // Editing a destination, the change is said to move the tries already planned (the engine does).
    await ui.page
      .getByTestId('schedule-applies')
      .getByText(/^Khi lưu, lịch mới cũng áp dụng cho các sự kiện đang chờ thử lại ở đây/)
      .waitFor();
    await ui.page
      .locator('fieldset')
      .filter({ has: schedule })
      .screenshot({ path: join(ARTIFACTS, 'retry-schedule-vi.png') });
    await language('en');
    await ui.page.getByLabel('Attempts in all').fill('10');
    await ui.page.getByLabel('First retry after (seconds)').fill('60');
    await schedule
      .getByText(
        'If a try fails, Hookferry waits 1 min, 2 min, 4 min, … between tries and makes its last try 8.5 h after the first; if that fails too, the event waits for you in Failed.',
        { exact: true },
      )
      .waitFor();
    await ui.page
      .getByTestId('schedule-applies')
      .getByText(/^Saved, the new schedule also applies to the events already waiting for a retry here/)
      .waitFor();
    await ui.page
      .locator('fieldset')
      .filter({ has: schedule })
      .screenshot({ path: join(ARTIFACTS, 'retry-schedule-en.png') });
    expect(ui.problems).toEqual([]);
  });
});
