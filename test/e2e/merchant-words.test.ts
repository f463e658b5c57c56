import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { ARTIFACTS, openPage, screenshot, useDashboard } from '../helpers/dashboard-page.js';
import { order, orderAdd, post } from '../helpers/fixtures.js';
import { startSink } from '../helpers/sink.js';

/**
 * What a Vietnamese shopkeeper reads on the dashboard, held against what is true: no delivery said to be on its
 * way while it waits for a paused destination, no English word on a Vietnamese page.
 */
describe.skipIf(!hasChromium)('the dashboard says what is true, in the merchant’s words (Chromium, real serve)', () => {
  let pos: string;

  const shot = (name: string) => screenshot(ui.page, name);
  const open = (link: string) => openPage(ui.page, link);

  const ui = useDashboard({
    prepare: async (serve) => {
      pos = await serve.posUrl();
      await serve.api('putSettings', { body: { language: 'vi' } });
    },
    // Refusals the tests provoke on purpose (a Resume without the address's value, a save with one port twice).
    expected: /status of 400 \(Bad Request\)/,
    overview: 'Tổng quan',
  });

  it('says an order delivered to one destination waits for the paused one, not that it is on its way', async () => {
    const books = await startSink();
    await ui.serve.api('createDestination', { body: { name: 'Sổ đơn hàng', url: books.url, events: ['order.add'] } });
    await ui.serve.api('createDestination', {
      body: { name: 'Kho hàng', url: 'http://127.0.0.1:9/hook', events: ['order.add'], paused: true },
    });
    await post(pos, order('PAUSED-1'), {
      'content-type': 'application/json',
      'Tc-Webhook-Event': 'order.add',
    });
    await books.waitFor(1);
    await expect
      .poll(async () => (await ui.serve.api('getStats')).deliveries)
      .toMatchObject({ pending: 0, retrying: 0, delivering: 0, waitingForPaused: 1 });

    await open('Lỗi gửi');
    await ui.page
      .getByTestId('failed-none')
      .getByText(
        'Không có lỗi. 1 lần gửi chờ nơi nhận đang tạm dừng “Kho hàng”; sẽ gửi khi bạn bấm Tiếp tục trên nơi nhận đó.',
        { exact: true },
      )
      .waitFor();
    await shot('words-failed-paused-vi');

    // Overview's "Đang gửi" counts it: said which paused destination it waits for.
    await open('Tổng quan');
    await ui.page
      .getByTestId('held-by-pause')
      .getByText('1 lần gửi chờ nơi nhận đang tạm dừng “Kho hàng”; sẽ gửi khi bạn bấm Tiếp tục trên nơi nhận đó.', {
        exact: true,
      })
      .waitFor();
    await shot('words-overview-paused-vi');

    await open('Nhật ký trực tiếp');
    const row = ui.page.getByTestId('log-row').filter({ hasText: 'PAUSED-1' });
    // Nothing else is on its way: the row says it waits for a pause, not only "waiting to send".
    await row.locator('.badge').getByText('Chờ: đang tạm dừng', { exact: true }).waitFor();
    await shot('words-log-paused-vi');
    await row.click();
    const drawer = ui.page.getByTestId('drawer');
    await drawer
      .getByTestId('paused-wait')
      .getByText('Đã gửi tới “Sổ đơn hàng”; còn chờ “Kho hàng” (đang tạm dừng): sẽ gửi khi bạn tiếp tục.', {
        exact: true,
      })
      .waitFor();
    // The drawer's badges say what the row says: the order and its delivery to “Kho hàng” wait for the pause.
    await drawer.locator('.summary-line .badge').getByText('Chờ: đang tạm dừng', { exact: true }).waitFor();
    await drawer
      .getByTestId('delivery')
      .filter({ hasText: 'Kho hàng' })
      .locator('.badge')
      .getByText('Chờ: đang tạm dừng', { exact: true })
      .waitFor();
    await shot('words-drawer-paused-vi');
    await drawer.getByRole('button', { name: 'Đóng' }).click();

    // With a failure beside it, the page still says what waits for the paused destination.
    const broken = await ui.serve.api('createDestination', {
      body: {
        name: 'Hỏng',
        url: 'http://127.0.0.1:9/hook',
        events: ['order.add'],
        retry: { maxAttempts: 1, initialDelayMs: 100, multiplier: 1, maxDelayMs: 100 },
      },
    });
    await post(pos, order('PAUSED-2'), orderAdd);
    await open('Lỗi gửi');
    await ui.page
      .getByTestId('failed-help')
      .getByText(/sự kiện quay lại đây ngay\. 2 lần gửi chờ nơi nhận đang tạm dừng “Kho hàng”/)
      .waitFor();
    await ui.serve.api('deleteDestination', { params: { id: broken.id } });
    expect(ui.problems).toEqual([]);
  });

  it('says a test event apart on the card, by its code alone, out of the rate, its failure as the badge', async () => {
    const notReady = await startSink();
    notReady.script(() => ({ status: 500 }));
    await ui.serve.api('createDestination', { body: { name: 'Sổ thử', url: notReady.url, events: ['order.add'] } });
    await open('Nơi nhận');
    const card = ui.page.getByTestId('destination-card').filter({ hasText: 'Sổ thử' });
    await card.getByRole('button', { name: 'Gửi sự kiện thử', exact: true }).click();
    // Said on the card's last-test line, labelled and with its time, not in a box of its own.
    await card
      .getByTestId('last-test')
      .getByText(/^Lần gửi sự kiện thử gần nhất, lúc .+, không thành công: Nơi nhận trả lời mã 500: /)
      .waitFor();
    // Opened again later: the last test on a line of its own. Nothing was sent to it, but "nothing sent yet" beside a
    // failed test read as all is well: the failed test is the badge, until an order or a test goes through.
    await open('Tổng quan');
    await open('Nơi nhận');
    await card
      .getByTestId('last-test')
      .getByText(/^Lần gửi sự kiện thử gần nhất, lúc .+, không thành công: Nơi nhận trả lời mã 500: lỗi nằm ở phía/)
      .waitFor();
    await card.locator('.badge').getByText('Lần thử lỗi', { exact: true }).waitFor();
    await expect(card.getByTestId('last-error').count()).resolves.toBe(0);
    await expect(card.innerText()).resolves.not.toContain('Internal Server Error');
    await card.screenshot({ path: join(ARTIFACTS, 'words-card-last-test-vi.png') });
    expect(ui.problems).toEqual([]);
  });

  it('says before Resume that an imported address needs its hidden value, and refuses Resume in Vietnamese', async () => {
    const sheet = await startSink();
    const { id } = await ui.serve.api('createDestination', {
      body: { name: 'Bảng tính', url: `${sheet.url}?token=TOKEN-9c9c&shop=spiral`, events: ['order.add'] },
    });
    const exported = await ui.serve.api('exportConfig');
    await ui.serve.api('deleteDestination', { params: { id } });
    const onlySheet = {
      ...exported,
      destinations: exported.destinations.filter((entry) => entry.name === 'Bảng tính'),
    };
    await ui.serve.api('importConfig', { query: { dryRun: '0' }, body: { text: JSON.stringify(onlySheet) } });

    await open('Nơi nhận');
    const card = ui.page.getByTestId('destination-card').filter({ hasText: 'Bảng tính' });
    await card
      .getByTestId('url-secrets-missing')
      .getByText(
        'Trước khi tiếp tục, Hookferry cần giá trị token trong địa chỉ (cấu hình được nhập vào không kèm giá trị này): hãy bấm Sửa trên thẻ này trong mục Nơi nhận và điền giá trị vào chỗ [đã ẩn].',
        { exact: true },
      )
      .waitFor();
    // Never tried, like a new one: not "nothing sent in the last 24 hours", which reads as something before that.
    await card
      .getByTestId('never-sent')
      .getByText(
        'Chưa gửi gì tới nơi nhận này: nơi nhận đang tạm dừng, nên sự kiện sẽ chờ đến khi bạn bấm Tiếp tục. Bấm Gửi sự kiện thử để thử ngay.',
        { exact: true },
      )
      .waitFor();
    await card.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
    await ui.page
      .locator('.banner.error')
      .getByText(
        'Chưa thể tiếp tục “Bảng tính”: Hookferry chưa có giá trị token trong địa chỉ của nơi nhận này (cấu hình được nhập vào không kèm giá trị này). Hãy bấm Sửa trên thẻ của nó trong mục Nơi nhận, điền giá trị vào chỗ [đã ẩn] rồi lưu; sau đó bấm Tiếp tục.',
        { exact: true },
      )
      .waitFor();
    await shot('words-resume-missing-secret-vi');
    expect(ui.problems).toEqual([]);
  });

  it('shows a hidden value as [đã ẩn], keeps the secret when the address is saved as shown, and names what a try came to in Vietnamese', async () => {
    const crm = await startSink();
    await ui.serve.api('createDestination', {
      body: { name: 'CRM', url: `${crm.url}?token=TOKEN-7e7e&shop=spiral`, events: ['order.add'] },
    });
    await open('Nơi nhận');
    const card = ui.page.getByTestId('destination-card').filter({ hasText: 'CRM' });
    await card.getByText(`${crm.url}?token=[đã ẩn]&shop=spiral`, { exact: false }).waitFor();
    await card.getByRole('button', { name: 'Sửa', exact: true }).click();
    const address = ui.page.getByLabel('Địa chỉ web', { exact: true });
    await expect(address.inputValue()).resolves.toBe(`${crm.url}?token=[đã ẩn]&shop=spiral`);
    await shot('words-editor-redacted-vi');
    await address.fill(`${crm.url}?token=[đã ẩn]&shop=spiral-2`);
    await ui.page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await card.getByText(`${crm.url}?token=[đã ẩn]&shop=spiral-2`, { exact: false }).waitFor();
    // Saved as shown, the secret is the stored one: the destination gets the real value.
    const [stored] = (await ui.serve.api('listDestinations')).filter((entry) => entry.name === 'CRM');
    expect(stored!.url).toBe(`${crm.url}?token=[redacted]&shop=spiral-2`);
    await ui.serve.api('testDestination', { params: { id: stored!.id } });
    expect((await crm.waitFor(1))[0]!.path).toBe('/hook?token=TOKEN-7e7e&shop=spiral-2');

    await ui.serve.api('createDestination', {
      body: {
        name: 'Máy tắt',
        url: 'http://127.0.0.1:9/off',
        events: ['order.add'],
        retry: { maxAttempts: 1, initialDelayMs: 100, multiplier: 1, maxDelayMs: 100 },
      },
    });
    await post(pos, order('WORDS-3'), {
      'content-type': 'application/json',
      'Tc-Webhook-Event': 'order.add',
      'X-Shop-Key': 'SHOPKEY-1d1d',
    });
    const intake = new URL(pos);
    await post(`${intake.origin}/in/khong-co-nguon-nay`, '{}', { 'content-type': 'application/json' });

    await open('Nhật ký trực tiếp');
    await ui.page.getByTestId('log-row').filter({ hasText: 'WORDS-3' }).click();
    const drawer = ui.page.getByTestId('drawer');
    const down = drawer.getByTestId('delivery').filter({ hasText: 'Máy tắt' });
    await down.getByTestId('attempt').getByText('không kết nối được', { exact: true }).waitFor();
    await expect(
      drawer.locator('table.headers tr').filter({ hasText: 'x-shop-key' }).locator('td').innerText(),
    ).resolves.toBe('[đã ẩn]');
    await shot('words-drawer-attempt-vi');
    await drawer.getByRole('button', { name: 'Đóng' }).click();

    await ui.page.getByTestId('log-row').filter({ hasText: 'Không rõ loại' }).first().click();
    await drawer.getByText('Không rõ loại', { exact: false }).first().waitFor();
    await expect(drawer.locator('.drawer-body > p.muted').first().innerText()).resolves.not.toContain('unknown');
    await shot('words-drawer-unknown-vi');
    await drawer.getByRole('button', { name: 'Đóng' }).click();
    expect(ui.problems).toEqual([]);
  });

  it('says a same-port refusal once, under the port field changed, and takes it down at the next save', async () => {
    await open('Cài đặt');
    // By the start of its text: the refusal under one field names the other.
    const portField = (label: RegExp) => ui.page.locator('label', { hasText: label }).first();
    const intake = portField(/^Cổng nhận/);
    const admin = portField(/^Cổng bảng điều khiển/);
    const intakePort = await intake.locator('input').inputValue();
    await intake.locator('input').fill(await admin.locator('input').inputValue());
    await ui.page.getByRole('button', { name: 'Lưu', exact: true }).click();
    const samePorts = /^Cổng nhận và cổng bảng điều khiển đều là \d+, nên Hookferry sẽ không khởi động được\./;
    await intake.getByTestId('field-error').getByText(samePorts).waitFor();
    // Once on the page: not again under the dashboard port, nor in a banner.
    await expect(ui.page.getByText(samePorts).count()).resolves.toBe(1);
    await expect(ui.page.locator('.banner').getByText(samePorts).count()).resolves.toBe(0);
    await shot('words-settings-same-port-vi');
    // The dashboard port changed last: the sentence moves under it.
    await intake.locator('input').fill(intakePort);
    await admin.locator('input').fill(intakePort);
    await ui.page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await admin.getByTestId('field-error').getByText(samePorts).waitFor();
    await expect(ui.page.getByText(samePorts).count()).resolves.toBe(1);

    await intake.locator('input').fill('99999');
    await ui.page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await intake.getByTestId('field-error').getByText('Giá trị lớn nhất là 65535.', { exact: true }).waitFor();
    // The same-port sentence is gone everywhere (an engine notice from an earlier test may stay up).
    await expect.poll(() => ui.page.getByText(samePorts).count()).toBe(0);
    await expect(admin.getByTestId('field-error').count()).resolves.toBe(0);
    await shot('words-settings-bad-port-vi');
    expect(ui.problems).toEqual([]);
  });

  it('gives each field on the Sources page its own error id, the add form open beside a source', async () => {
    await open('Nguồn');
    await ui.page.getByRole('button', { name: 'Thêm nguồn' }).click();
    const form = ui.page.getByRole('form', { name: 'Thêm nguồn' });
    await form.locator('button[type=submit]').click();
    const name = form.getByRole('textbox', { name: 'Tên', exact: true });
    const errorId = await name.getAttribute('aria-describedby');
    // The add form's name points at its own error, not at another form's field of the same name.
    await expect
      .poll(async () => (errorId ? await ui.page.locator(`[id="${errorId}"]`).innerText() : null))
      .toBe('Hãy đặt tên cho nguồn.');
    const described = await Promise.all(
      (await ui.page.locator('[aria-describedby]').all()).map((input) => input.getAttribute('aria-describedby')),
    );
    expect(described.filter((id) => id?.endsWith('-name')).length).toBeGreaterThan(1);
    expect(new Set(described).size).toBe(described.length);
    await shot('words-sources-add-vi');
    expect(ui.problems).toEqual([]);
  });
});
