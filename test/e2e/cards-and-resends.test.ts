import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { ARTIFACTS, barParts, openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { type Sink, startSink } from '../helpers/sink.js';

/**
 * What a Vietnamese shop owner's fresh-eyes walk found still untrue around Failed: a destination card, the earlier
 * resends, the resend notice behind the drawer, the schedule's sentences, the Overview's chart.
 */
describe.skipIf(!hasChromium)('destination cards and resends say what is true now (Chromium, real serve)', () => {
  let pos: string;
  let books: Sink;

  const shot = (name: string) => screenshot(ui.page, name);
  const language = (lang: 'en' | 'vi') => setLanguage(ui.serve, ui.page, lang);
  const send = async (invoice: string, status: string) => {
    const id = String((await post(pos, order(invoice), orderAdd)).json.id);
    await expect.poll(async () => (await ui.serve.api('getEvent', { params: { id } })).status).toBe(status);
    return id;
  };

  const ui = useDashboard({
    prepare: async (serve) => {
      pos = await serve.posUrl();
      await serve.api('putSettings', { body: { language: 'vi' } });
      books = await startSink();
      await serve.api('createDestination', {
        body: { name: 'Sổ đơn hàng', url: books.url, events: ['order.add'], retry: once },
      });
    },
    overview: 'Tổng quan',
  });

  it('does not call a destination fine while an older order of it waits in Failed, and links there', async () => {
    books.script(() => ({ status: 500 }));
    await send('CARD-1', 'failed');
    books.script(() => ({ status: 200 }));
    await send('CARD-2', 'delivered');

    const card = ui.page.getByTestId('destination-card').filter({ hasText: 'Sổ đơn hàng' });
    const still = card.getByTestId('still-failed');
    await still
      .getByText(
        'Các lần gửi gần nhất đã thành công, nhưng 1 sự kiện từ trước vẫn chờ bạn trong mục Lỗi gửi. Mở Lỗi gửi',
        { exact: true },
      )
      .waitFor();
    await card.locator('.badge').getByText('Đã gửi được lại', { exact: true }).waitFor();
    await expect(card.getByText('Hoạt động tốt').count()).resolves.toBe(0);
    await shot('card-still-failed-vi');
    await language('en');
    await still
      .getByText('The latest tries went through, but 1 event from before still waits for you in Failed. Open Failed', {
        exact: true,
      })
      .waitFor();
    await card.locator('.badge').getByText('Working again', { exact: true }).waitFor();
    await shot('card-still-failed-en');
    await still.getByRole('link', { name: 'Open Failed' }).click();
    await ui.page.getByRole('heading', { level: 2, name: 'Failed' }).waitFor();

    // Resent and delivered: nothing waits, and the card says so plainly.
    await ui.page.getByRole('button', { name: 'Resend all (1)' }).click();
    await ui.page.getByTestId('failed-none').waitFor();
    await openPage(ui.page, 'Destinations', 'Destinations');
    await card.locator('.badge').getByText('Healthy', { exact: true }).waitFor();
    await expect(still.count()).resolves.toBe(0);
    await language('vi');
    expect(ui.problems).toEqual([]);
  });

  it('says an earlier resend’s orders that went through since are delivered now, and its bar keeps what the resend did', async () => {
    books.script(() => ({ status: 500 }));
    await send('EARLY-1', 'failed');
    await send('EARLY-2', 'failed');
    await openPage(ui.page, 'Lỗi gửi', 'Lỗi gửi');
    await ui.page.getByRole('button', { name: 'Gửi lại tất cả (2)' }).click();
    const earlier = ui.page
      .getByTestId('earlier-resends')
      .getByTestId('resend-progress')
      .filter({ hasText: 'Đã gửi lại 2 sự kiện' });
    await earlier.getByText('Đã gửi lại 2 sự kiện đến “Sổ đơn hàng”: 0 thành công · 2 lại bị lỗi').waitFor();
    // The bar is what the resend did, in parts: all of it failed again, none of it the colour of delivered.
    const bar = earlier.getByTestId('outcome-bar');
    await expect(barParts(bar)).resolves.toEqual(['failed']);
    // Where its orders stand now comes first, before what the resend did.
    await earlier
      .getByTestId('resend-now')
      .getByText('Hiện giờ: 2 sự kiện còn chờ ở danh sách phía trên.', { exact: true })
      .waitFor();

    books.script(() => ({ status: 200 }));
    const row = (invoice: string) => ui.page.getByTestId('failed-row').filter({ hasText: invoice });
    await row('EARLY-1').getByRole('button', { name: 'Gửi lại', exact: true }).click();
    const now = earlier.getByTestId('resend-now');
    await now
      .getByText('Hiện giờ: 1 sự kiện đã tới “Sổ đơn hàng” · 1 sự kiện còn chờ ở danh sách phía trên.', { exact: true })
      .waitFor();
    // What the resend did stays as it was, and so does its bar.
    await earlier.getByText('Đã gửi lại 2 sự kiện đến “Sổ đơn hàng”: 0 thành công · 2 lại bị lỗi').waitFor();

    await row('EARLY-2').getByRole('button', { name: 'Gửi lại', exact: true }).click();
    await now.getByText('Hiện giờ: 2 sự kiện đã tới “Sổ đơn hàng”.', { exact: true }).waitFor();
    await expect(barParts(bar)).resolves.toEqual(['failed']);
    await shot('earlier-resend-delivered-now-vi');
    await language('en');
    await ui.page
      .getByTestId('earlier-resends')
      .getByTestId('resend-progress')
      .filter({ hasText: 'Resent 2 events' })
      .getByTestId('resend-now')
      .getByText('Now, at “Sổ đơn hàng”: 2 delivered.', { exact: true })
      .waitFor();
    await shot('earlier-resend-delivered-now-en');
    await language('vi');
    expect(ui.problems).toEqual([]);
  });

  it('says a resend from the open drawer started where the shopkeeper sees it, not behind the drawer', async () => {
    books.script(() => ({ status: 500 }));
    await send('DRAWER-1', 'failed');
    books.script(() => ({ status: 200 }));
    await openPage(ui.page, 'Nhật ký trực tiếp');
    await ui.page.getByTestId('log-row').filter({ hasText: 'DRAWER-1' }).click();
    const drawer = ui.page.getByTestId('drawer');
    const delivery = drawer.getByTestId('delivery').filter({ hasText: 'Sổ đơn hàng' });
    await delivery.locator('.badge').getByText('Lỗi', { exact: true }).waitFor();
    await delivery.getByRole('button', { name: 'Gửi lại', exact: true }).click();
    const said = ui.page
      .getByRole('status')
      .filter({ hasText: 'Đã bắt đầu gửi lại đến 1 nơi nhận; kết quả hiện ở mục Các lần gửi của sự kiện.' });
    await said.waitFor();
    await delivery.locator('.badge').getByText('Đã gửi', { exact: true }).waitFor();
    // Seen: in the window, and what is drawn at its middle is the sentence itself, not the drawer over it.
    const seen = await ui.page.evaluate<boolean>(`(() => {
      const element = [...document.querySelectorAll('[role=status]')].find((status) =>
        status.textContent.includes('Đã bắt đầu gửi lại đến 1 nơi nhận'),
      );
      const box = element.getBoundingClientRect();
      const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return box.bottom <= window.innerHeight && box.top >= 0 && !!top && element.contains(top);
    })()`);
    expect(seen).toBe(true);
    await shot('drawer-resent-vi');
    await drawer.getByRole('button', { name: 'Đóng' }).click();
    expect(ui.problems).toEqual([]);
  });

  it('says the same of one try and no retries for new events and for those already waiting', async () => {
    const [saved] = await ui.serve.api('listDestinations');
    await ui.serve.api('updateDestination', {
      params: { id: saved!.id },
      body: { retry: { ...once, maxAttempts: 5 } },
    });
    await openPage(ui.page, 'Nơi nhận', 'Nơi nhận');
    const card = ui.page.getByTestId('destination-card').filter({ hasText: 'Sổ đơn hàng' });
    await card.getByRole('button', { name: 'Sửa' }).click();
    await expect.poll(() => ui.page.getByLabel('Tổng số lần thử').inputValue()).toBe('5');
    // 100 ms in minutes, without a binary fraction's tail (0.0016666666666666668).
    await expect(ui.page.getByLabel('Khoảng chờ dài nhất giữa hai lần thử (phút)').inputValue()).resolves.toBe(
      '0.00166667',
    );
    await ui.page.getByLabel('Tổng số lần thử').fill('1');
    // One sentence, true of both: new events get no retry, those waiting here get one last try on save.
    const schedule = ui.page.getByTestId('schedule');
    await schedule
      .getByText(
        'Lịch: mỗi sự kiện mới được thử một lần, không thử lại; những sự kiện đang chờ thử lại ở đây được thử một lần cuối ngay khi bạn lưu, và nếu vẫn lỗi thì chờ bạn trong mục Lỗi gửi.',
        { exact: true },
      )
      .waitFor();
    const applies = ui.page.getByTestId('schedule-applies');
    await expect(applies.count()).resolves.toBe(0);
    await ui.page
      .locator('fieldset')
      .filter({ has: schedule })
      .screenshot({ path: join(ARTIFACTS, 'schedule-once-vi.png') });
    await language('en');
    await schedule
      .getByText(
        'Schedule: each new event is tried once, with no retries; those already waiting for a retry here get one last try at once when you save, and wait for you in Failed if that fails too.',
        { exact: true },
      )
      .waitFor();
    // With retries, the sentence about what waits is the one that follows the schedule.
    await ui.page.getByLabel('Attempts in all').fill('3');
    await applies.getByText(/^Saved, the new schedule also applies to the events already waiting/).waitFor();
    await language('vi');
    expect(ui.problems).toEqual([]);
  });

  it('names the Overview chart’s series in the order of the day’s figures beside it', async () => {
    await openPage(ui.page, 'Tổng quan', 'Tổng quan');
    const legend = ui.page.locator('figure.chart figcaption .legend');
    await legend.first().waitFor();
    const named = (await legend.allTextContents()).map((text) => text.trim());
    const figures = await ui.page.locator('dl.counts dt').allTextContents();
    expect(named.length).toBeGreaterThan(0);
    expect(figures.filter((name) => named.includes(name))).toEqual(named);
    await ui.page.locator('figure.chart').screenshot({ path: join(ARTIFACTS, 'overview-chart-legend-vi.png') });
    expect(ui.problems).toEqual([]);
  });
});
