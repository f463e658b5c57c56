import { describe, expect, it } from 'vitest';
import { hasChromium, watchProblems } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { startFakeZithara } from '../helpers/fake-zithara.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { closedPort } from '../helpers/tunnel.js';

/**
 * What a Vietnamese shopkeeper found walking the dashboard with the README alone: what waits in Failed said on the
 * first screen, a moved intake said with the senders to tell, a test said once and without resend advice, a
 * refused request read as refused, a WooCommerce address check seen.
 */
describe.skipIf(!hasChromium)('a shopkeeper’s walk through the dashboard (Chromium, real serve)', () => {
  let pos: string;

  const shot = (name: string) => screenshot(ui.page, name);
  const open = (link: string) => openPage(ui.page, link);
  const language = (chosen: 'vi' | 'en') => setLanguage(ui.serve, ui.page, chosen);

  const ui = useDashboard({
    prepare: async (serve) => {
      pos = await serve.posUrl();
      await serve.api('putSettings', { body: { language: 'vi' } });
    },
    // Refusals the tests provoke on purpose (a port out of range).
    expected: /status of 400 \(Bad Request\)/,
    overview: null,
  });

  it('says on the first screen, on load, that an event waits in Failed, and a finished resend can be closed', async () => {
    const books = await startSink();
    books.script(() => ({ status: 500 }));
    await ui.serve.api('createDestination', {
      body: { name: 'Sổ đơn hàng', url: books.url, events: ['order.add'], retry: once },
    });
    await post(pos, order('WAITS-1'), orderAdd);
    await expect.poll(async () => (await ui.serve.api('getStats')).open.failed).toBe(1);

    // Opened after the failure (as after a restart): no notice was seen, the page says it all the same.
    await ui.page.goto(ui.serve.runtime.dashboardUrl);
    await ui.page.getByRole('heading', { level: 2, name: 'Tổng quan' }).waitFor();
    await ui.page.getByTestId('nav-failed-count').getByText('1', { exact: true }).waitFor();
    await ui.page
      .getByTestId('overview-failed')
      .getByText(
        /^1 sự kiện chưa gửi được tới ít nhất một nơi nhận và đang chờ bạn trong mục Lỗi gửi: Hookferry không tự gửi lại; hãy bấm Gửi lại, hoặc Bỏ nếu không cần gửi nữa\. Mở Lỗi gửi$/,
      )
      .waitFor();
    await shot('walk-overview-failed-vi');

    await open('Lỗi gửi');
    await ui.page.getByRole('button', { name: 'Gửi lại tất cả (1)' }).click();
    const batch = ui.page.getByTestId('resend-progress');
    await batch.getByText(/^Bắt đầu lúc .+, xong lúc .+\.$/).waitFor();
    await shot('walk-failed-batch-vi');
    await batch.getByRole('button', { name: 'Đóng' }).click();
    await expect.poll(() => batch.count()).toBe(0);

    await language('en');
    await open('Overview');
    await ui.page
      .getByTestId('overview-failed')
      .getByText(
        /^1 event could not be delivered to at least one destination and waits for you in Failed: Hookferry does not try it again by itself; resend it, or discard it if it is not needed\. Open Failed$/,
      )
      .waitFor();
    await shot('walk-overview-failed-en');
    // Closed stays closed on the next visit.
    await open('Failed');
    await ui.page.getByTestId('failed-group').waitFor();
    await expect(batch.count()).resolves.toBe(0);

    books.script(() => ({ status: 200 }));
    await ui.page.getByRole('button', { name: 'Resend all (1)' }).click();
    await expect.poll(async () => (await ui.serve.api('getStats')).open.failed).toBe(0);
    await expect.poll(() => ui.page.getByTestId('nav-failed-count').count()).toBe(0);
    await open('Overview');
    await expect(ui.page.getByTestId('overview-failed').count()).resolves.toBe(0);
    // The tries since went through: the old error is history, without its "will try again".
    const card = ui.page.getByTestId('destination-card').filter({ hasText: 'Sổ đơn hàng' });
    await card
      .getByTestId('last-error')
      .getByText(/^Earlier error, .+; the latest try since then went through\.$/)
      .waitFor();
    await language('vi');
    await card
      .getByTestId('last-error')
      .getByText(/^Lỗi trước đó, lúc .+; lần gửi gần nhất sau lỗi đó đã thành công\.$/)
      .waitFor();
    await shot('walk-overview-earlier-error-vi');
  });

  it('says a Zithara test that was refused once, on the card, as a test, without resend advice', async () => {
    const zithara = await startFakeZithara();
    await ui.serve.api('createDestination', {
      body: {
        name: 'Zithara',
        kind: 'zithara',
        url: zithara.baseUrl,
        events: ['order.add'],
        settings: { clientId: zithara.clientId, clientSecret: 'not-the-secret', phoneCountryCode: '84' },
      },
    });
    await open('Nơi nhận');
    const card = ui.page.getByTestId('destination-card').filter({ hasText: 'Zithara' });
    await card.getByRole('button', { name: 'Gửi sự kiện thử', exact: true }).click();
    const line = card.getByTestId('last-test');
    await line
      .getByText(
        /^Lần gửi sự kiện thử gần nhất, lúc .+, không thành công: Zithara từ chối mã “Client ID” và khóa “Client Secret” \(mã 401\)\. Hãy kiểm tra hai mục này trong cài đặt của nơi nhận này \(bấm Sửa bên dưới\), rồi gửi thử lại\. Đơn hàng cũng sẽ không gửi được cho đến khi mã “Client ID” và khóa “Client Secret” được sửa đúng\. Thẻ này ghi “Lần thử lỗi” cho đến khi một đơn hàng hoặc một lần thử sau gửi được\. Sự kiện thử không được tính vào tỉ lệ và số đơn\.$/,
      )
      .waitFor();
    // Said once: no second, unlabelled box; nothing of Failed, where a test never waits.
    await expect(card.getByText(/Zithara từ chối/).count()).resolves.toBe(1);
    await expect(card.textContent()).resolves.not.toContain('Lỗi gửi');
    // Nothing was sent to it yet, but it was tested: not asked to send a test.
    await expect(card.getByTestId('never-sent').textContent()).resolves.not.toContain('Gửi sự kiện thử');
    await shot('walk-zithara-test-vi');

    await language('en');
    await card
      .getByTestId('last-test')
      .getByText(
        /^Last test event, at .+, did not go through: Zithara refused the client id and secret \(401[^)]*\)\. Check them in this destination's settings \(Edit below\), then send a test again\. Orders will not go through either until the client id and secret are corrected/,
      )
      .waitFor();
    await expect(card.textContent()).resolves.not.toContain('resend');
    await shot('walk-zithara-test-en');
    await language('vi');
  });

  it('reads a refused request as refused first, its reason said once in the drawer', async () => {
    const till = await ui.serve.api('createSource', {
      body: {
        name: 'Teamcrop cửa hàng Quận 1',
        kind: 'teamcrop',
        verification: { type: 'header', header: 'X-Shop-Key', value: 'right' },
      },
    });
    expect((await post(till.ingestUrl, order('WRONG-KEY'), { ...orderAdd, 'X-Shop-Key': 'wrong' })).status).toBe(401);
    const why = /không mang giá trị mong đợi/;
    await open('Nhật ký trực tiếp');
    await ui.page.getByLabel('Tìm').fill('');
    const row = ui.page.getByTestId('log-row').filter({ hasText: 'Yêu cầu “Đơn hàng mới” bị từ chối · ' });
    await row.waitFor();
    // The source's whole name on hover, where its column cuts it short.
    await expect(row.locator('.source').getAttribute('title')).resolves.toBe('Teamcrop cửa hàng Quận 1');
    await shot('walk-log-refused-vi');
    await row.click();
    const drawer = ui.page.getByTestId('drawer');
    await drawer.getByRole('heading', { name: 'Yêu cầu “Đơn hàng mới” bị từ chối', exact: true }).waitFor();
    await drawer.getByText(why).first().waitFor();
    await expect(drawer.getByText(why).count()).resolves.toBe(1);
    await shot('walk-drawer-refused-vi');
    await ui.page.keyboard.press('Escape');
    await language('en');
    await ui.page.getByTestId('log-row').filter({ hasText: 'A “New order” request, refused · ' }).waitFor();
    await shot('walk-log-refused-en');
    await language('vi');
  });

  it('shows WooCommerce’s address check, which has no row in the live log', async () => {
    const shop = await ui.serve.api('createSource', { body: { name: 'Web shop', kind: 'woocommerce' } });
    expect(
      (await post(shop.ingestUrl, 'webhook_id=7', { 'content-type': 'application/x-www-form-urlencoded' })).status,
    ).toBe(200);
    const notice = ui.page
      .getByRole('status')
      .filter({ hasText: 'WooCommerce đã kiểm tra địa chỉ của nguồn “Web shop”' });
    await notice.waitFor();
    await shot('walk-address-checked-vi');
    // A notice of the engine: it stays until closed.
    await notice.getByRole('button', { name: 'Đóng' }).click();
    await expect.poll(() => notice.count()).toBe(0);
  });

  it('keeps fields beside one with an error in line, and the guides speak of what is on screen', async () => {
    await open('Cài đặt');
    const intake = ui.page.getByLabel('Cổng nhận');
    const admin = ui.page.getByLabel('Cổng bảng điều khiển');
    await intake.fill('70000');
    await ui.page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await ui.page.getByTestId('field-error').first().waitFor();
    const [a, b] = [(await intake.boundingBox())!, (await admin.boundingBox())!];
    expect(a.y).toBe(b.y);
    await shot('walk-settings-port-error-vi');
    await open('Tổng quan');

    await open('Nguồn');
    await ui.page.getByRole('button', { name: 'Thêm nguồn' }).click();
    const form = ui.page.getByRole('form', { name: 'Thêm nguồn' });
    await form.getByLabel('Loại').selectOption('woocommerce');
    await form.locator('summary', { hasText: 'Hướng dẫn cài đặt' }).click();
    const guide = await form.locator('details').textContent();
    expect(guide).toContain('ô “Khóa bí mật” ở đây');
    expect(guide).not.toContain('đường hầm');
    expect(guide).not.toContain('Chữ ký');
    await form.getByLabel('Định dạng chữ ký').waitFor();
    // The chosen option whole: its text fits the select.
    // Runs in the page (the tests are typed without the DOM): the selected text's width against the select's.
    const fits = await ui.page.evaluate(`(() => {
      const select = document.querySelector('form select[name="verification.encoding"]');
      const probe = document.createElement('span');
      probe.style.font = getComputedStyle(select).font;
      probe.textContent = select.selectedOptions[0].text;
      document.body.append(probe);
      const width = probe.getBoundingClientRect().width;
      probe.remove();
      return width + 30 <= select.clientWidth;
    })()`);
    expect(fits).toBe(true);
    await form.getByRole('button', { name: 'Tạo nguồn' }).click();
    await form
      .getByText(
        'Nhập một giá trị (tự đặt, hoặc bấm Tạo ngẫu nhiên) rồi nhập đúng giá trị đó ở nơi gửi, hoặc chọn Xác thực: Không.',
      )
      .waitFor();
    // The name, left empty, has its error under it: the kind beside it stays in line.
    const [name, kind] = [
      (await form.getByPlaceholder('Quầy POS, web bán hàng…').boundingBox())!,
      (await form.getByLabel('Loại').boundingBox())!,
    ];
    expect(Math.abs(name.y + name.height - (kind.y + kind.height))).toBeLessThan(1);
    await shot('walk-sources-form-vi');
  });

  it('says a moved intake plainly, naming the senders, and the Overview shows the new addresses at once', async () => {
    const dir = tempDir();
    const first = await startServe(dir);
    await first.api('putSettings', { body: { language: 'vi', intake: { port: await closedPort() } } });
    await first.api('createSource', { body: { name: 'Web shop', kind: 'woocommerce' } });
    await first.stop();
    const moving = await startServe(dir, [], undefined, {}, 'settings');
    try {
      const tab = await ui.browser.newPage({ viewport: { width: 1280, height: 900 } });
      watchProblems(tab, ui.problems);
      await tab.goto(moving.runtime.dashboardUrl);
      await tab.getByRole('heading', { level: 2, name: 'Tổng quan' }).waitFor();
      // Read once on the Overview (cached), then moved from Settings.
      await tab.getByTestId('intake-url').first().waitFor();
      const port = await closedPort();
      await tab.getByRole('link', { name: 'Cài đặt', exact: true }).click();
      await tab.getByLabel('Cổng nhận').fill(String(port));
      await tab.getByRole('button', { name: 'Lưu', exact: true }).click();
      await tab
        .getByTestId('intake-moved')
        .getByText(
          new RegExp(
            `^Đã lưu\\. Cổng nhận giờ là ${port}, nên địa chỉ nhận đã đổi: hãy đưa địa chỉ mới cho từng nơi gửi \\((“POS”|“Web shop”), (“POS”|“Web shop”)\\); mục Nguồn có các địa chỉ này\\. Cho đến lúc đó, những gì họ gửi sẽ không đến được\\. Nguồn$`,
          ),
        )
        .waitFor();
      const said = await tab.getByTestId('intake-moved').textContent();
      expect(said).toContain('“POS”');
      expect(said).toContain('“Web shop”');
      await screenshot(tab, 'walk-intake-moved-vi');
      // Said in the language shown, also one picked after the save.
      await moving.api('putSettings', { body: { language: 'en' } });
      await tab
        .getByTestId('intake-moved')
        .getByText(
          new RegExp(`^Saved\\. The intake port is now ${port}, so the intake addresses changed: give each sender`),
        )
        .waitFor();
      await screenshot(tab, 'walk-intake-moved-en');
      await moving.api('putSettings', { body: { language: 'vi' } });
      await tab.locator('html[lang="vi"]').waitFor({ state: 'attached' });
      await tab.getByRole('link', { name: 'Tổng quan', exact: true }).click();
      await tab.getByRole('heading', { level: 2, name: 'Tổng quan' }).waitFor();
      const addresses = await tab.getByTestId('intake-url').allTextContents();
      expect(addresses).toHaveLength(2);
      for (const address of addresses) expect(new URL(address).port).toBe(String(port));
      await tab.close();
    } finally {
      await moving.stop();
    }
  });

  it('logged no console errors', () => {
    expect(ui.problems).toEqual([]);
  });
});
