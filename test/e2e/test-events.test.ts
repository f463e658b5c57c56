import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { startFakeZithara } from '../helpers/fake-zithara.js';
import { once, order, orderAdd, post, wooOrderRaw } from '../helpers/fixtures.js';
import { startSink } from '../helpers/sink.js';

/**
 * What a Vietnamese shop owner, with the README alone, found wrong about test events, the event drawer and the
 * Zithara form: a failed test read as an order dropped, an English sample, an empty heading, a resend offered for
 * a test, a drawer titled by its id, Zithara's test server filled in, a key sentence said twice, names backwards.
 */
describe.skipIf(!hasChromium)(
  'test events, the drawer and the Zithara form, in Vietnamese (Chromium, real serve)',
  () => {
    const shot = (name: string) => screenshot(ui.page, name);
    const open = (link: string) => openPage(ui.page, link);
    const language = (chosen: 'vi' | 'en') => setLanguage(ui.serve, ui.page, chosen);

    const ui = useDashboard({
      prepare: async (serve) => {
        await serve.api('putSettings', { body: { language: 'vi' } });
      },
      // The Zithara form is saved once without its address on purpose; a test event's resend is refused on purpose.
      expected: /status of 400 \(Bad Request\)/,
      overview: 'Tổng quan',
    });

    it('calls a failed test a failed test, in Vietnamese, and offers a new test rather than a resend', async () => {
      const crm = await startSink();
      crm.script(() => ({ status: 500 }));
      await ui.serve.api('createDestination', { body: { name: 'Sổ khách', url: crm.url, events: ['order.add'] } });
      await open('Nơi nhận');
      const card = ui.page.getByTestId('destination-card').filter({ hasText: 'Sổ khách' });
      await card.getByRole('button', { name: 'Gửi sự kiện thử', exact: true }).click();
      await card
        .getByTestId('last-test')
        .getByText(/không thành công/)
        .waitFor();
      // What the destination read is in the dashboard's language; its field names stay, for a program to read.
      expect(JSON.parse(crm.received[0]!.body.toString('utf8'))).toMatchObject({
        event: 'hookferry.test',
        message: 'Đây là sự kiện thử từ Hookferry. Nếu bạn đọc được dòng này, nơi nhận đang hoạt động.',
      });

      await open('Nhật ký trực tiếp');
      const tests = ui.page.getByTestId('log-row').filter({ hasText: 'Sự kiện thử · Sổ khách' });
      await tests.getByText('Thử: lỗi', { exact: true }).waitFor();
      await expect(tests.getByText('Đã bỏ', { exact: true }).count()).resolves.toBe(0);
      await tests.click();
      const drawer = ui.page.getByTestId('drawer');
      // Titled by what it is, as the live log names it; its id below, for support.
      await drawer.getByRole('heading', { name: 'Sự kiện thử · Sổ khách', exact: true }).waitFor();
      const [test] = (await ui.serve.api('listEvents', { query: {} })).items;
      await drawer.getByTestId('event-id').getByText(test!.id, { exact: true }).waitFor();
      await drawer.locator('.summary-line').getByText('Thử: lỗi', { exact: true }).waitFor();
      await drawer.getByTestId('delivery').getByText('Thử: lỗi', { exact: true }).waitFor();
      await expect(drawer.getByText('Đã bỏ', { exact: true }).count()).resolves.toBe(0);
      await drawer.getByTestId('body').getByText('Đây là sự kiện thử từ Hookferry', { exact: false }).waitFor();
      // Nobody sent it, so it has no headers: no heading over nothing. And no resend: a new test instead.
      await expect(drawer.getByRole('heading', { name: 'Trường tiêu đề (header)' }).count()).resolves.toBe(0);
      await expect(drawer.getByRole('button', { name: /Gửi lại/ }).count()).resolves.toBe(0);
      await drawer.getByText('Muốn thử lại, hãy gửi một sự kiện thử mới.', { exact: false }).waitFor();
      await shot('testev-drawer-test-failed-vi');
      // Resent, the old sample would go through the queue with retries, as an order: the engine refuses it too.
      await expect(ui.serve.api('resendEvent', { params: { id: test!.id }, body: {} })).rejects.toThrow(
        'A test event is not resent',
      );
      const [delivery] = (await ui.serve.api('getEvent', { params: { id: test!.id } })).deliveries;
      await expect(ui.serve.api('resendDelivery', { params: { id: delivery!.id } })).rejects.toThrow(
        'A test event is not resent',
      );

      crm.script(() => ({ status: 200 }));
      await drawer.getByRole('button', { name: 'Gửi sự kiện thử mới', exact: true }).click();
      await drawer
        .getByTestId('test-again')
        .getByText('Sự kiện thử mới đã gửi thành công; nó nằm ở đầu nhật ký trực tiếp.', { exact: true })
        .waitFor();
      await expect.poll(() => tests.count()).toBe(2);
      // One that went through says test too, as the failed one does, not an order's "Đã gửi".
      await tests.first().getByText('Thử: đã gửi', { exact: true }).waitFor();
      await expect(tests.first().getByText('Đã gửi', { exact: true }).count()).resolves.toBe(0);
      await expect.poll(() => crm.received.length).toBe(2);
      await shot('testev-drawer-test-again-vi');

      await language('en');
      await drawer.getByRole('heading', { name: 'Test event · Sổ khách', exact: true }).waitFor();
      await drawer.locator('.summary-line').getByText('Test failed', { exact: true }).waitFor();
      await drawer.getByRole('button', { name: 'Send a new test event', exact: true }).waitFor();
      await drawer
        .getByTestId('test-again')
        .getByText('A new test event went through; it is at the top of the live log.', { exact: true })
        .waitFor();
      await expect(drawer.getByRole('button', { name: /Resend/ }).count()).resolves.toBe(0);
      await ui.page
        .getByTestId('log-row')
        .filter({ hasText: 'Test event · Sổ khách' })
        .last()
        .getByText('Test failed', { exact: true })
        .waitFor();
      await ui.page
        .getByTestId('log-row')
        .filter({ hasText: 'Test event · Sổ khách' })
        .first()
        .getByText('Test delivered', { exact: true })
        .waitFor();
      await shot('testev-drawer-test-failed-en');
      // The new test's drawer: its badge and its delivery's say test, in both languages.
      await ui.page.keyboard.press('Escape');
      await ui.page.getByTestId('log-row').filter({ hasText: 'Test event · Sổ khách' }).first().click();
      await drawer.locator('.summary-line').getByText('Test delivered', { exact: true }).waitFor();
      await drawer.getByTestId('delivery').getByText('Test delivered', { exact: true }).waitFor();
      await shot('testev-drawer-test-ok-en');
      await language('vi');
      await drawer.locator('.summary-line').getByText('Thử: đã gửi', { exact: true }).waitFor();
      await drawer.getByTestId('delivery').getByText('Thử: đã gửi', { exact: true }).waitFor();
      await shot('testev-drawer-test-ok-vi');
      await ui.page.keyboard.press('Escape');
    });

    it('titles an order’s drawer by what it is, keeps its id, and names headers in plain Vietnamese', async () => {
      const till = await ui.serve.api('createSource', {
        body: {
          name: 'Quầy',
          kind: 'teamcrop',
          verification: { type: 'header', header: 'X-Shop-Key', value: 'right' },
        },
      });
      expect((await post(till.ingestUrl, order('TITLE-1'), { ...orderAdd, 'X-Shop-Key': 'right' })).status).toBe(200);
      expect((await post(till.ingestUrl, order('TITLE-2'), { ...orderAdd, 'X-Shop-Key': 'wrong' })).status).toBe(401);
      await open('Nhật ký trực tiếp');
      await ui.page.getByTestId('log-row').filter({ hasText: 'TITLE-1' }).click();
      const drawer = ui.page.getByTestId('drawer');
      await drawer.getByRole('heading', { name: /^Đơn hàng mới · TITLE-1 · / }).waitFor();
      const stored = (await ui.serve.api('listEvents', { query: { q: 'TITLE-1' } })).items[0]!;
      await drawer.getByTestId('event-id').getByText(stored.id, { exact: true }).waitFor();
      await drawer.getByRole('heading', { name: 'Trường tiêu đề (header)', exact: true }).waitFor();
      await drawer
        .getByRole('row', { name: /x-shop-key/i })
        .getByText('[đã ẩn]')
        .waitFor();
      await expect(drawer.getByText('Thông tin kèm theo', { exact: false }).count()).resolves.toBe(0);
      await shot('testev-drawer-order-vi');
      await ui.page.keyboard.press('Escape');

      await ui.page.getByTestId('log-row').filter({ hasText: 'Yêu cầu “Đơn hàng mới” bị từ chối' }).first().click();
      await drawer
        .getByText(/^Lý do bị từ chối: Trường tiêu đề \(header\) X-Shop-Key không mang giá trị mong đợi\./)
        .waitFor();
      await shot('testev-drawer-refused-key-vi');
      await language('en');
      await drawer.getByText(/^Why it was refused: The X-Shop-Key header /).waitFor();
      await shot('testev-drawer-refused-key-en');
      await ui.page.keyboard.press('Escape');
      await language('vi');
    });

    it('asks for Zithara’s address rather than fill in its test server, and names its credentials in Vietnamese', async () => {
      const zithara = await startFakeZithara();
      await open('Nơi nhận');
      await ui.page.getByRole('button', { name: 'Thêm nơi nhận' }).click();
      const form = ui.page.getByRole('form', { name: 'Thêm nơi nhận' });
      await form.getByLabel('Loại').selectOption('zithara');
      await form.getByLabel('Tên', { exact: true }).fill('Zithara');
      const address = form.getByLabel('Địa chỉ máy chủ Zithara');
      await expect(address.inputValue()).resolves.toBe('');
      await form
        .getByTestId('url-help')
        .getByText(/“https:\/\/dev-pos-api\.zithara\.com\/v1”, là máy chủ thử nghiệm/)
        .waitFor();
      await form.getByLabel('Mã “Client ID” của Zithara').fill(zithara.clientId);
      await form.getByLabel('Khóa “Client Secret” của Zithara').fill(zithara.clientSecret);
      await expect(form.getByText(/Client id|Client secret/).count()).resolves.toBe(0);
      await form.getByRole('button', { name: 'Lưu' }).click();
      // No address: refused at the field, nothing saved.
      await form.getByText('Nhập địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https://.').waitFor();
      expect((await ui.serve.api('listDestinations')).some((entry) => entry.kind === 'zithara')).toBe(false);
      await shot('testev-zithara-form-vi');
      await address.fill(zithara.baseUrl);
      await form.getByRole('button', { name: 'Lưu' }).click();

      const card = ui.page.getByRole('article', { name: 'Zithara' });
      await card.getByRole('button', { name: 'Gửi sự kiện thử', exact: true }).click();
      await card
        .getByTestId('last-test')
        .getByText(/Zithara đã chấp nhận mã “Client ID” và khóa “Client Secret”\./)
        .waitFor();
      // Its test sends no sample: the stored body says what the test did, in Vietnamese.
      await open('Nhật ký trực tiếp');
      await ui.page.getByTestId('log-row').filter({ hasText: 'Sự kiện thử · Zithara' }).click();
      const drawer = ui.page.getByTestId('drawer');
      await drawer.getByTestId('body').getByText('không có gì được gửi vào Zithara CRM', { exact: false }).waitFor();
      await ui.page.keyboard.press('Escape');

      await language('en');
      await open('Destinations');
      await ui.page.getByRole('button', { name: 'Add destination' }).click();
      const english = ui.page.getByRole('form', { name: 'Add destination' });
      await english.getByLabel('Kind').selectOption('zithara');
      await english
        .getByTestId('url-help')
        .getByText(/is its test server/)
        .waitFor();
      await shot('testev-zithara-form-en');
      await english.getByRole('button', { name: 'Cancel' }).click();
      await language('vi');
    });

    it('says once, on the card, why Zithara refuses a key: the notice points at the card', async () => {
      const zithara = await startFakeZithara();
      await ui.serve.api('createDestination', {
        body: {
          name: 'Zithara sai khóa',
          kind: 'zithara',
          url: zithara.baseUrl,
          events: ['order.add'],
          retry: once,
          settings: { clientId: zithara.clientId, clientSecret: 'not-the-secret', phoneCountryCode: '84' },
        },
      });
      await open('Nơi nhận');
      await post(await ui.serve.posUrl(), order('KEY-1'), orderAdd);
      // The destination's banner (which the failed order's notice gives way to) points at the card for the reason.
      const notice = ui.page.getByTestId('failing-banner').filter({ hasText: 'Zithara sai khóa' });
      await notice.getByText('xem trên thẻ của nơi nhận này bên dưới', { exact: false }).waitFor();
      const card = ui.page.getByTestId('destination-card').filter({ hasText: 'Zithara sai khóa' });
      await card.getByText(/Zithara từ chối mã “Client ID” và khóa “Client Secret” \(mã 401\)/).waitFor();
      await expect(ui.page.getByText(/Zithara từ chối mã “Client ID”/).count()).resolves.toBe(1);
      await shot('testev-zithara-refused-once-vi');
      // Where no card says it, the banner says it whole.
      await open('Nhật ký trực tiếp');
      await notice.getByText(/Zithara từ chối mã “Client ID” và khóa “Client Secret” \(mã 401\)/).waitFor();
      await language('en');
      await open('Destinations');
      await notice.getByText('on its card below', { exact: false }).waitFor();
      await expect(ui.page.getByText(/Zithara refused the client id and secret/).count()).resolves.toBe(1);
      await shot('testev-zithara-refused-once-en');
      await language('vi');
    });

    it('shows a WooCommerce customer’s name family name first', async () => {
      const shop = await ui.serve.api('createSource', { body: { name: 'Web shop', kind: 'woocommerce' } });
      expect(
        (
          await post(shop.ingestUrl, wooOrderRaw, {
            'content-type': 'application/json',
            'X-WC-Webhook-Topic': 'order.created',
          })
        ).status,
      ).toBe(200);
      await open('Nhật ký trực tiếp');
      const row = ui.page.getByTestId('log-row').filter({ hasText: '1042' });
      await row.getByText(/· Trần Thị Hoa$/).waitFor();
      await shot('testev-woo-name-vi');
    });

    it('saw no page errors', () => {
      expect(ui.problems).toEqual([]);
    });
  },
);
