import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { type Sink, startSink } from '../helpers/sink.js';
import { waitUntil } from '../helpers/wait.js';

/** A schedule whose next try is a minute away: a resend that fell back on it would still be waiting. */
const long = { maxAttempts: 10, initialDelayMs: 60_000, multiplier: 2, maxDelayMs: 3_600_000 };

/**
 * A shopkeeper resends from Failed to a destination still broken: the order is tried once and is back on the page
 * within seconds, under its new reason and with the time of that try, without a reload. Before, it left Failed for
 * the whole schedule again (about 20 hours on the default one), the page never saying when it would come back.
 */
describe.skipIf(!hasChromium)('a resend from Failed is one try (Chromium, real serve)', () => {
  let pos: string;
  let books: Sink;

  const shot = (name: string) => screenshot(ui.page, name);
  const language = (lang: 'en' | 'vi') => setLanguage(ui.serve, ui.page, lang);

  const ui = useDashboard({
    prepare: async (serve) => {
      pos = await serve.posUrl();
      await serve.api('putSettings', { body: { language: 'vi' } });
      books = await startSink();
      books.script(() => ({ status: 500 }));
      const destination = await serve.api('createDestination', {
        body: { name: 'Sổ kế toán', url: books.url, events: ['order.add'], retry: once },
      });
      for (const invoice of ['AGAIN-1', 'AGAIN-2']) {
        const id = String((await post(pos, order(invoice), orderAdd)).json.id);
        await waitUntil(async () => (await serve.api('getEvent', { params: { id } })).status === 'failed', 'failed');
      }
      // Failed on a one-try schedule, now on a long one: a resend that ran the schedule would wait a minute and more.
      await serve.api('updateDestination', { params: { id: destination.id }, body: { retry: long } });
    },
    overview: 'Tổng quan',
  });

  it('brings a row resent to a still-broken destination back with its new reason and time, and leads earlier resends with now', async () => {
    await openPage(ui.page, 'Lỗi gửi', 'Lỗi gửi');
    const row = ui.page.getByTestId('failed-row').filter({ hasText: 'AGAIN-1' });
    const before = await row.getByTestId('last-try').textContent();
    expect(before).toMatch(/^lần thử cuối /);

    books.script(() => ({ status: 502 }));
    await row.getByRole('button', { name: 'Gửi lại', exact: true }).click();
    await ui.page
      .getByRole('status')
      .getByText(
        'Đã bắt đầu gửi lại 1 sự kiện: Hookferry thử gửi một lần ngay bây giờ. Nếu lần đó lỗi, sự kiện quay lại đây ngay, kèm lý do.',
        { exact: true },
      )
      .waitFor();
    // Back within seconds, under the new reason, with the time of its one try.
    const newReason = ui.page.getByTestId('failed-reason').filter({ hasText: 'Nơi nhận trả lời mã 502' });
    const back = newReason.getByTestId('failed-row').filter({ hasText: 'AGAIN-1' });
    await back.waitFor({ timeout: 10_000 });
    await expect.poll(() => back.getByTestId('last-try').textContent()).not.toBe(before);
    expect(books.received).toHaveLength(3);
    // The green "resend started" goes after a few seconds: the row itself says its resend failed again.
    const again = back.getByTestId('resent-failed-again');
    await again.getByText(/^Đã gửi lại lúc .+\d: vẫn lỗi, với lý do ở trên\.$/).waitFor();
    await expect(ui.page.getByTestId('resent-failed-again').count()).resolves.toBe(1);
    await shot('resend-one-try-row-vi');
    await language('en');
    // Found apart from its reason's words, which change with the language too.
    await ui.page
      .getByTestId('resent-failed-again')
      .getByText(/^Resent at .+\d( [AP]M)?: failed again, for the reason above\.$/)
      .waitFor();
    await shot('resend-one-try-row-en');
    await language('vi');

    await ui.page.getByRole('button', { name: 'Gửi lại tất cả (2)' }).click();
    const earlier = ui.page.getByTestId('earlier-resends').getByTestId('resend-progress');
    await earlier
      .getByText('Đã gửi lại 2 sự kiện đến “Sổ kế toán”: 0 thành công · 2 lại bị lỗi')
      .waitFor({ timeout: 10_000 });
    // Where its orders stand now comes first, then what the resend did.
    expect(await earlier.innerText()).toMatch(
      /^Hiện giờ: 2 sự kiện còn chờ ở danh sách phía trên\.\s+✕?\s*Đã gửi lại 2 sự kiện đến “Sổ kế toán”: 0 thành công · 2 lại bị lỗi/,
    );
    await ui.page.getByTestId('failed-group').getByText('Sổ kế toán · 2 sự kiện').waitFor();
    // Its card says failing; nothing of it is on its way, so its banner does not promise tries.
    const failing = ui.page.getByTestId('failing-banner').filter({ hasText: '“Sổ kế toán” đang lỗi.' });
    await failing
      .filter({
        hasText:
          'Hookferry sẽ không tự thử lại nữa: hãy sửa nguyên nhân, rồi gửi lại 2 sự kiện của nơi này trong danh sách bên dưới',
      })
      .waitFor();
    expect(books.received).toHaveLength(5);
    await shot('resend-one-try-earlier-vi');

    await language('en');
    await ui.page.getByRole('heading', { level: 3, name: 'Earlier resends', exact: true }).waitFor();
    expect(await earlier.innerText()).toMatch(
      /^Now, at “Sổ kế toán”: 2 wait in the list above\.\s+✕?\s*Resent 2 events to “Sổ kế toán”: 0 delivered · 2 failed again/,
    );
    await ui.page
      .getByTestId('failed-help')
      .getByText(/then press Resend: Hookferry tries it once, right away/)
      .waitFor();
    await ui.page
      .getByTestId('failing-banner')
      .filter({ hasText: '“Sổ kế toán” is failing.' })
      .filter({
        hasText: 'Hookferry will not try again by itself: fix the cause, then resend its 2 events in the list below',
      })
      .waitFor();
    await shot('resend-one-try-earlier-en');
    await language('vi');
    expect(ui.problems).toEqual([]);
  }, 60_000);

  it('says a resend to a paused destination waits for Resume, and gives it its one try then', async () => {
    await openPage(ui.page, 'Nơi nhận', 'Nơi nhận');
    const card = ui.page.getByTestId('destination-card').filter({ hasText: 'Sổ kế toán' });
    await card.getByRole('button', { name: 'Tạm dừng', exact: true }).click();
    await card.getByRole('button', { name: 'Tiếp tục', exact: true }).waitFor();
    await openPage(ui.page, 'Lỗi gửi', 'Lỗi gửi');
    const sent = books.received.length;
    books.script(() => ({ status: 503 }));
    await ui.page
      .getByTestId('failed-row')
      .filter({ hasText: 'AGAIN-1' })
      .getByRole('button', { name: 'Gửi lại', exact: true })
      .click();
    await ui.page
      .getByRole('status')
      .getByText(
        'Đã xếp lại để gửi 1 sự kiện: việc gửi đến nơi nhận này đang tạm dừng, nên sự kiện sẽ được gửi khi bạn tiếp tục, và chỉ thử một lần. Nếu lần đó lỗi, sự kiện quay lại đây, kèm lý do.',
        { exact: true },
      )
      .waitFor();
    await ui.page
      .getByTestId('failed-help')
      .getByText(/1 lần gửi chờ nơi nhận đang tạm dừng “Sổ kế toán”/)
      .waitFor();
    await shot('resend-one-try-paused-vi');
    expect(books.received).toHaveLength(sent);

    await openPage(ui.page, 'Nơi nhận', 'Nơi nhận');
    await card.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
    await openPage(ui.page, 'Lỗi gửi', 'Lỗi gửi');
    await ui.page
      .getByTestId('failed-reason')
      .filter({ hasText: 'Nơi nhận trả lời mã 503' })
      .getByTestId('failed-row')
      .filter({ hasText: 'AGAIN-1' })
      .waitFor({ timeout: 10_000 });
    expect(books.received).toHaveLength(sent + 1);
    expect(ui.problems).toEqual([]);
  });
});
