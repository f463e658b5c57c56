import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { type Sink, startSink } from '../helpers/sink.js';

/**
 * What a Vietnamese shopkeeper's walk found on the cards, the pause and the questions: a failed test under a green
 * badge, a Pause button under a pause of everything, "sending" of what waits for a pause, a resend question that named
 * only the duplicate, browser pop-ups, and pages that did not say what comes next.
 */
describe.skipIf(!hasChromium)('cards, the pause and the questions say what is true (Chromium, real serve)', () => {
  let pos: string;
  let books: Sink;
  let store: Sink;

  const shot = (name: string) => screenshot(ui.page, name);
  const language = (chosen: 'vi' | 'en') => setLanguage(ui.serve, ui.page, chosen);
  const send = async (invoice: string, status: string) => {
    const id = String((await post(pos, order(invoice), orderAdd)).json.id);
    await expect.poll(async () => (await ui.serve.api('getEvent', { params: { id } })).status).toBe(status);
    return id;
  };
  const card = (name: string) => ui.page.getByTestId('destination-card').filter({ hasText: name });
  const badge = (name: string) => card(name).locator('.badge');

  const ui = useDashboard({
    prepare: async (serve) => {
      pos = await serve.posUrl();
      await serve.api('putSettings', { body: { language: 'vi' } });
    },
    overview: 'Tổng quan',
  });

  it('says what a destination is when there is none, and how an order kept before one existed can still go', async () => {
    await send('EARLY-1', 'received');
    await openPage(ui.page, 'Nơi nhận', 'Nơi nhận');
    const none = ui.page.getByTestId('destinations-none');
    await none.getByText(/^Chưa có nơi nhận\. Nơi nhận là nơi Hookferry gửi tiếp các sự kiện/).waitFor();
    await none.getByRole('button', { name: 'Thêm nơi nhận đầu tiên' }).waitFor();
    await shot('cards-dest-empty-vi');
    await language('en');
    await none.getByText(/^No destinations yet\. A destination is where Hookferry sends the events/).waitFor();
    await none.getByRole('button', { name: 'Add your first destination' }).click();
    await ui.page.getByLabel('Name').first().waitFor();
    await ui.page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await shot('cards-dest-empty-en');
    await language('vi');

    await openPage(ui.page, 'Nhật ký trực tiếp', 'Nhật ký trực tiếp');
    await ui.page.getByTestId('log-row').filter({ hasText: 'EARLY-1' }).click();
    const drawer = ui.page.getByTestId('drawer');
    await drawer
      .getByText(
        'Chưa có nơi nhận nào, nên sự kiện này chỉ được lưu lại. Vẫn có thể gửi nó: hãy thêm một nơi nhận trong mục Nơi nhận; thẻ của nơi nhận đó sẽ đề nghị gửi nó, cùng các sự kiện tới trước khác (hoặc bấm Gửi lại tất cả ở đây).',
        { exact: true },
      )
      .waitFor();
    await shot('cards-drawer-stored-vi');
    await ui.page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    expect(ui.problems).toEqual([]);
  });

  it('shows a failed test on the card in red, its badge "Test failed" until an order goes through, counts untouched', async () => {
    books = await startSink();
    await ui.serve.api('createDestination', {
      body: { name: 'Sổ sách', url: books.url, events: ['order.add'], retry: once },
    });
    await send('OK-1', 'delivered');
    await openPage(ui.page, 'Nơi nhận', 'Nơi nhận');
    await badge('Sổ sách').getByText('Hoạt động tốt', { exact: true }).waitFor();

    books.script(() => ({ status: 500 }));
    await card('Sổ sách').getByRole('button', { name: 'Gửi sự kiện thử' }).click();
    await badge('Sổ sách').getByText('Lần thử lỗi', { exact: true }).waitFor();
    const line = card('Sổ sách').getByTestId('last-test');
    await line.getByText(/không thành công: Nơi nhận trả lời mã 500/).waitFor();
    await expect(line.getAttribute('class')).resolves.toBe('error-text');
    await line
      .getByText(/thẻ này ghi “Lần thử lỗi” cho đến khi một đơn hàng hoặc một lần thử sau gửi được\./)
      .waitFor();
    // A test is no order: nothing waits, nothing failed, the day's figures as they were.
    const stats = await ui.serve.api('getStats');
    expect(stats.destinations[0]).toMatchObject({ health: 'healthy', backlog: 0, failed: 0, testFailing: true });
    expect(stats.today).toMatchObject({ delivered: 1, failed: 0, pending: 0 });
    await shot('cards-test-failed-vi');
    await language('en');
    await badge('Sổ sách').getByText('Test failed', { exact: true }).waitFor();
    await shot('cards-test-failed-en');
    await language('vi');

    // An order that goes through is the newer news.
    books.script(() => ({ status: 200 }));
    await send('OK-2', 'delivered');
    await badge('Sổ sách').getByText('Hoạt động tốt', { exact: true }).waitFor();
    await expect(card('Sổ sách').getByTestId('last-test').getAttribute('class')).resolves.toBe('hint');
    expect(ui.problems).toEqual([]);
  });

  it('names, in the Resend to all question, a destination that gets the order for the first time', async () => {
    store = await startSink();
    store.script(() => ({ status: 500 }));
    await ui.serve.api('createDestination', {
      body: { name: 'Kho', url: store.url, events: ['order.add'], retry: once },
    });
    await openPage(ui.page, 'Nhật ký trực tiếp', 'Nhật ký trực tiếp');
    await ui.page.getByTestId('log-row').filter({ hasText: 'OK-1' }).click();
    const drawer = ui.page.getByTestId('drawer');
    await drawer.getByRole('button', { name: 'Gửi lại tất cả', exact: true }).click();
    const question = drawer.getByTestId('resend-confirm');
    await question
      .getByText(
        /^“Sổ sách” đã xác nhận nhận được sự kiện này lúc [^.]+\. Nếu gửi lại, nơi đó sẽ nhận sự kiện lần thứ hai \(với đơn hàng: thêm một đơn trùng trong sổ\)\. Chỉ gửi lại khi nơi đó bị mất nó\. Sự kiện cũng được gửi lần đầu tới “Kho”, nơi từ nay nhận loại sự kiện này\.$/,
      )
      .waitFor();
    await shot('cards-resend-ask-vi');
    await language('en');
    await question.getByText(/And it goes for the first time to “Kho”, which takes this event now\.$/).waitFor();
    await shot('cards-resend-ask-en');
    await question.getByRole('button', { name: 'Cancel' }).click();
    await ui.page.keyboard.press('Escape');
    await language('vi');
    expect(store.received).toHaveLength(0);
  });

  it('calls an untried destination whose test failed "Test failed", not "Nothing sent yet"', async () => {
    await openPage(ui.page, 'Nơi nhận', 'Nơi nhận');
    await badge('Kho').getByText('Chưa gửi gì', { exact: true }).waitFor();
    await card('Kho').getByRole('button', { name: 'Gửi sự kiện thử' }).click();
    await badge('Kho').getByText('Lần thử lỗi', { exact: true }).waitFor();
    // A later test that goes through ends it.
    store.script(() => ({ status: 200 }));
    await card('Kho').getByRole('button', { name: 'Gửi sự kiện thử' }).click();
    await badge('Kho').getByText('Chưa gửi gì', { exact: true }).waitFor();
    expect(ui.problems).toEqual([]);
  });

  it('asks in the page before deleting a destination', async () => {
    await card('Kho').getByRole('button', { name: 'Sửa' }).click();
    await ui.page.getByRole('button', { name: 'Xóa', exact: true }).click();
    const ask = ui.page.getByTestId('delete-confirm');
    await ask
      .getByText(
        // Nothing waits there: the history part only (before, "Các sự kiện đang chờ và thất bại… bỏ qua", no count).
        'Xóa “Kho”? Những gì nó đã nhận vẫn nằm trong lịch sử của từng sự kiện.',
        { exact: true },
      )
      .waitFor();
    await shot('cards-dest-delete-ask-vi');
    await ask.getByRole('button', { name: 'Xóa hẳn' }).click();
    await card('Kho').waitFor({ state: 'detached' });
    expect((await ui.serve.api('listDestinations')).map((destination) => destination.name)).toEqual(['Sổ sách']);
  });

  it('under a pause of everything: each card offers Resume deliveries, Settings says what the pause means, and "on its way" says it waits', async () => {
    await openPage(ui.page, 'Cài đặt', 'Cài đặt');
    await ui.page.getByLabel('Tạm dừng mọi lần gửi').check();
    await expect(ui.page.getByTestId('settings-paused').count()).resolves.toBe(0);
    await ui.page.getByRole('button', { name: 'Lưu', exact: true }).first().click();
    const notice = ui.page.getByTestId('settings-paused');
    await notice.getByText(/^Mọi lần gửi đang tạm dừng: sự kiện vẫn được nhận và lưu/).waitFor();
    await shot('cards-settings-paused-vi');
    await language('en');
    await notice.getByText(/^All deliveries are paused: events are still received and kept/).waitFor();
    await shot('cards-settings-paused-en');
    await language('vi');

    await send('HELD-1', 'pending');
    await openPage(ui.page, 'Tổng quan', 'Tổng quan');
    const onItsWay = ui.page.getByTestId('today-outcomes').locator('.count-pending');
    await onItsWay.locator('dt').getByText('Chờ: đang tạm dừng', { exact: true }).waitFor();
    await expect(onItsWay.getByTestId('today-pending').textContent()).resolves.toBe('1');
    // The chart's legend names the blue bar as the figure does.
    await ui.page.locator('figure.chart .legend').getByText('Chờ: đang tạm dừng', { exact: true }).waitFor();
    await badge('Sổ sách').getByText('Đang tạm dừng', { exact: true }).waitFor();
    await expect(card('Sổ sách').getByRole('button', { name: 'Tạm dừng', exact: true }).count()).resolves.toBe(0);
    await card('Sổ sách')
      .getByTestId('all-paused')
      .getByText(/bấm Tiếp tục gửi bên dưới/)
      .waitFor();
    await shot('cards-overview-paused-vi');
    await language('en');
    await onItsWay.locator('dt').getByText('Waits: paused', { exact: true }).waitFor();
    await card('Sổ sách').getByRole('button', { name: 'Resume deliveries' }).waitFor();
    await shot('cards-overview-paused-en');
    await language('vi');

    await card('Sổ sách').getByRole('button', { name: 'Tiếp tục gửi' }).click();
    await books.waitFor(4);
    await expect.poll(async () => (await ui.serve.api('getSettings')).deliveriesPaused).toBe(false);
    await onItsWay.locator('dt').getByText('Đang gửi', { exact: true }).waitFor();
    await card('Sổ sách').getByRole('button', { name: 'Tạm dừng', exact: true }).waitFor();
    expect(ui.problems).toEqual([]);
  });

  it('asks in the page before deleting a source or giving it a new address', async () => {
    const shop = await ui.serve.api('createSource', { body: { name: 'Web Woo', kind: 'woocommerce' } });
    await openPage(ui.page, 'Nguồn', 'Nguồn');
    const form = ui.page.locator('form').filter({ has: ui.page.getByRole('heading', { name: 'Web Woo' }) });

    await form.getByRole('button', { name: 'Tạo địa chỉ mới', exact: true }).click();
    const renew = form.getByTestId('regenerate-confirm');
    await renew.getByText(/^Tạo địa chỉ mới cho “Web Woo”\?/).waitFor();
    await renew.getByRole('button', { name: 'Tạo địa chỉ mới' }).click();
    await renew.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await ui.serve.api('listSources')).find((source) => source.id === shop.id)?.ingestUrl)
      .not.toBe(shop.ingestUrl);

    await form.getByRole('button', { name: 'Xóa', exact: true }).click();
    const ask = form.getByTestId('delete-confirm');
    await ask.getByText('Xóa nguồn “Web Woo”? Địa chỉ của nó sẽ ngừng hoạt động.', { exact: true }).waitFor();
    await shot('cards-source-delete-ask-vi');
    await ask.getByRole('button', { name: 'Hủy' }).click();
    await ask.waitFor({ state: 'detached' });
    expect((await ui.serve.api('listSources')).some((source) => source.id === shop.id)).toBe(true);
    await language('en');
    await form.getByRole('button', { name: 'Delete', exact: true }).click();
    await ask.getByText('Delete the source “Web Woo”? Its address stops working.', { exact: true }).waitFor();
    await shot('cards-source-delete-ask-en');
    await ask.getByRole('button', { name: 'Delete for good' }).click();
    await form.waitFor({ state: 'detached' });
    expect((await ui.serve.api('listSources')).some((source) => source.id === shop.id)).toBe(false);
    await language('vi');
    expect(ui.problems).toEqual([]);
  });

  it('calls a kept order’s first send a send, and keeps an error mended since as earlier when the card is paused', async () => {
    // Kept before any destination took it: its figure's hover says so, not that no destination takes it now.
    await openPage(ui.page, 'Tổng quan', 'Tổng quan');
    const kept = ui.page.getByTestId('today-outcomes').locator('.count-received');
    await expect(kept.getAttribute('title')).resolves.toBe(
      'Đã lưu, nhưng không gửi: lúc sự kiện đến, chưa có nơi nhận nào nhận loại sự kiện này. Nơi nhận được thêm hoặc sửa sau đó không tự nhận nó: thẻ của nơi nhận đó trong mục Nơi nhận sẽ đề nghị gửi nó tới đó, cùng các sự kiện tới trước khác.',
    );
    await language('en');
    await expect(kept.getAttribute('title')).resolves.toMatch(
      /^Kept, but not sent: when it arrived, no destination took this kind of event\. A destination added or changed since/,
    );
    await language('vi');

    // Its first send is not called a resend.
    const [early] = (await ui.serve.api('listEvents', { query: { q: 'EARLY-1' } })).items;
    await openPage(ui.page, 'Nhật ký trực tiếp', 'Nhật ký trực tiếp');
    await ui.page.getByTestId('log-row').filter({ hasText: 'EARLY-1' }).click();
    const drawer = ui.page.getByTestId('drawer');
    await drawer.getByRole('button', { name: 'Gửi lại tất cả' }).click();
    await drawer
      .getByTestId('resent')
      .getByText(/^Đã bắt đầu gửi đến 1 nơi nhận; /)
      .waitFor();
    await expect
      .poll(async () => (await ui.serve.api('getEvent', { params: { id: early!.id } })).status)
      .toBe('delivered');
    await ui.page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    // An order failed, the next went through: the error is history, and pausing the card does not make it current.
    books.script(() => ({ status: 500 }));
    await send('ERR-1', 'failed');
    books.script(() => ({ status: 200 }));
    await send('OK-9', 'delivered');
    await openPage(ui.page, 'Tổng quan', 'Tổng quan');
    const error = card('Sổ sách').getByTestId('last-error');
    await error.getByText(/^Lỗi trước đó, lúc .+; lần gửi gần nhất sau lỗi đó đã thành công\.$/).waitFor();
    await card('Sổ sách').getByRole('button', { name: 'Tạm dừng', exact: true }).click();
    await badge('Sổ sách').getByText('Đang tạm dừng', { exact: true }).waitFor();
    await expect(error.textContent()).resolves.toMatch(
      /^Lỗi trước đó, lúc .+; lần gửi gần nhất sau lỗi đó đã thành công\.$/,
    );
    await expect(error.getAttribute('class')).resolves.toBe('hint');
    await shot('cards-paused-earlier-error-vi');
    await language('en');
    await error.getByText(/^Earlier error, .+; the latest try since then went through\.$/).waitFor();
    await shot('cards-paused-earlier-error-en');
    await language('vi');
    await card('Sổ sách').getByRole('button', { name: 'Tiếp tục', exact: true }).click();

    // The same under a pause of everything.
    await ui.serve.api('putSettings', { body: { deliveriesPaused: true } });
    await card('Sổ sách').getByTestId('all-paused').waitFor();
    await expect(error.textContent()).resolves.toMatch(/^Lỗi trước đó, lúc /);
    await expect(error.getAttribute('class')).resolves.toBe('hint');
    await ui.serve.api('putSettings', { body: { deliveriesPaused: false } });
    expect(ui.problems).toEqual([]);
  }, 90_000);
});
