import { describe, expect, it } from 'vitest';
import { hasChromium, watchProblems } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { closedPort } from '../helpers/tunnel.js';

/**
 * What the last walk (a Vietnamese shop owner, README in hand) found untrue in counts and names: the day's figures
 * said "Delivered 0" while orders had gone out, Settings said the command line chose both ports when it chose one,
 * the Failed page had two names, two "New order" types read alike, and the Failed page's order was not said.
 */
describe.skipIf(!hasChromium)('counts and names a merchant reads (Chromium, real serve)', () => {
  let pos: string;
  const ui = useDashboard({
    prepare: async (serve) => {
      pos = await serve.posUrl();
      await serve.api('putSettings', { body: { language: 'vi' } });
    },
    overview: 'Tổng quan',
  });

  const shot = (name: string, tab = ui.page) => screenshot(tab, name);
  const open = (link: string, tab = ui.page) => openPage(tab, link);
  const language = (lang: 'en' | 'vi') => setLanguage(ui.serve, ui.page, lang);
  const eventWhen = (id: string, status: string) =>
    expect.poll(async () => (await ui.serve.api('getEvent', { params: { id } })).status).toBe(status);

  it('counts an order delivered to one destination and failed at another as delivered in part, live', async () => {
    const books = await startSink();
    const stock = await startSink();
    stock.script(() => ({ status: 500 }));
    await ui.serve.api('createDestination', { body: { name: 'Sổ đơn hàng', url: books.url, events: ['order.add'] } });
    await ui.serve.api('createDestination', {
      body: { name: 'Kho hàng', url: stock.url, events: ['order.add'], retry: once },
    });
    const today = (status: string) => ui.page.getByTestId(`today-${status}`);
    await today('delivered').getByText('0', { exact: true }).waitFor();

    // Sent while the page is open: the figures follow without a reload.
    const id = String((await post(pos, order('HALF-1'), orderAdd)).json.id);
    await eventWhen(id, 'failed');
    await today('partlyDelivered').getByText('1', { exact: true }).waitFor();
    await expect(today('failed').textContent()).resolves.toBe('0');
    await expect(today('delivered').textContent()).resolves.toBe('0');
    await ui.page
      .getByTestId('today-total')
      .getByText(
        /^Hôm nay nhận 1 sự kiện \(theo giờ máy này\), mỗi sự kiện được tính một lần theo những gì đã xảy ra với nó\./,
      )
      .waitFor();
    // The menu's Failed (and the destination's card, the live log's badge) count this order; the day line's figures
    // are named for what they count, so none of them reads "Lỗi" beside them with another number.
    await ui.page.getByTestId('nav-failed-count').getByText('1', { exact: true }).waitFor();
    const half = ui.page.locator('.count-partlyDelivered');
    await expect(half.locator('dt').textContent()).resolves.toBe('Gửi được một phần (lỗi ở nơi khác)');
    await expect(half.getAttribute('title')).resolves.toBe(
      'Đã gửi đến một số nơi nhận nhưng lỗi ở nơi khác: phần lỗi đang chờ bạn trong mục Lỗi gửi, nơi đếm cả những sự kiện này lẫn những sự kiện lỗi ở mọi nơi nhận.',
    );
    await expect(ui.page.locator('.count-failed dt').textContent()).resolves.toBe('Lỗi ở mọi nơi nhận');
    await expect(ui.page.locator('.count-pending dt').textContent()).resolves.toBe('Đang gửi');
    const names = async () => [
      ...(await ui.page.locator('.counts dt').allTextContents()),
      ...(await ui.page.locator('.chart .legend').allTextContents()).map((legend) => legend.trim()),
    ];
    expect(await names()).not.toContain('Lỗi');
    expect(await names()).toContain('Lỗi ở mọi nơi nhận');
    await shot('today-partly-vi');
    await language('en');
    await ui.page
      .locator('.count-partlyDelivered dt')
      .getByText('Delivered in part (failed elsewhere)', { exact: true })
      .waitFor();
    await expect(ui.page.locator('.count-partlyDelivered').getAttribute('title')).resolves.toBe(
      'Delivered to some destinations and failed at another: the failed part waits for you in Failed, which counts these with those that failed everywhere.',
    );
    await expect(ui.page.locator('.count-failed dt').textContent()).resolves.toBe('Failed everywhere');
    await expect(ui.page.locator('.count-pending dt').textContent()).resolves.toBe('On its way');
    expect(await names()).not.toContain('Failed');
    expect(await names()).toContain('Failed everywhere');
    await shot('today-partly-en');

    // Once the failed half is resent and goes through, the order counts as delivered, still without a reload.
    stock.script(() => ({ status: 200 }));
    const failed = (await ui.serve.api('getEvent', { params: { id } })).deliveries.find((d) => d.status === 'failed')!;
    await ui.serve.api('resendDelivery', { params: { id: failed.id } });
    await today('delivered').getByText('1', { exact: true }).waitFor();
    await expect(today('partlyDelivered').textContent()).resolves.toBe('0');
    await shot('today-delivered-en');
    await language('vi');
    expect(ui.problems).toEqual([]);
  });

  it('gives the Failed page the name the menu and every pointer to it use', async () => {
    await open('Lỗi gửi');
    await ui.page.getByRole('heading', { level: 2, name: 'Lỗi gửi', exact: true }).waitFor();
    await shot('failed-name-vi');
    await language('en');
    await ui.page.getByRole('heading', { level: 2, name: 'Failed', exact: true }).waitFor();
    await ui.page.getByRole('link', { name: 'Failed', exact: true }).waitFor();
    await shot('failed-name-en');
    await language('vi');
  });

  it('tells two systems’ "New order" apart in the live log’s type filter, and keeps the type code in the address', async () => {
    await ui.serve.api('createSource', { body: { name: 'Quầy', kind: 'teamcrop' } });
    await ui.serve.api('createSource', { body: { name: 'Web shop', kind: 'woocommerce' } });
    await open('Nhật ký trực tiếp');
    const select = ui.page.getByLabel('Loại sự kiện');
    await select.locator('option', { hasText: 'WooCommerce' }).first().waitFor({ state: 'attached' });
    const labels = await select.locator('option').allTextContents();
    expect(labels).toContain('Teamcrop POS · Đơn hàng mới (order.add)');
    expect(labels).toContain('WooCommerce · Đơn hàng mới (order.created)');
    expect(new Set(labels).size).toBe(labels.length);
    await select.selectOption({ label: 'WooCommerce · Đơn hàng mới (order.created)' });
    await expect.poll(() => ui.page.evaluate<string>('window.location.hash')).toContain('type=order.created');
    await shot('type-filter-vi');

    // An address with a type code still picks that type, said with its system.
    await ui.page.evaluate("window.location.hash = '#/log?type=order.add'");
    await expect
      .poll(() => select.locator('option:checked').textContent())
      .toBe('Teamcrop POS · Đơn hàng mới (order.add)');
    await language('en');
    await expect
      .poll(() => ui.page.getByLabel('Event type').locator('option:checked').textContent())
      .toBe('Teamcrop POS · New order (order.add)');
    await shot('type-filter-en');
    await language('vi');
    await ui.page.evaluate("window.location.hash = '#/log'");
  });

  it('orders Failed by the newest order, reason groups too, and says so', async () => {
    const ledger = await startSink();
    ledger.script((request) => (request.body.toString().includes('NEW-') ? { status: 410 } : { status: 500 }));
    await ui.serve.api('createDestination', {
      body: { name: 'Sổ cái', url: ledger.url, events: ['order.add'], retry: once },
    });
    const older = String((await post(pos, order('OLD-1'), orderAdd)).json.id);
    await eventWhen(older, 'failed');
    const newer = String((await post(pos, order('NEW-1'), orderAdd)).json.id);
    await eventWhen(newer, 'failed');
    // The older order fails again after the newer one: its reason's latest failure is now the newest.
    const retried = (await ui.serve.api('getEvent', { params: { id: older } })).deliveries.find(
      (d) => d.destinationName === 'Sổ cái',
    )!;
    await ui.serve.api('resendDelivery', { params: { id: retried.id } });
    await ledger.waitFor(3);
    await eventWhen(older, 'failed');

    await open('Lỗi gửi');
    const group = ui.page.getByTestId('failed-group').filter({ hasText: 'Sổ cái' });
    await group.getByTestId('failed-row').nth(1).waitFor();
    const rows = await group.getByTestId('failed-row').allTextContents();
    expect(rows.map((row) => /(NEW|OLD)-1/.exec(row)?.[0])).toEqual(['NEW-1', 'OLD-1']);
    // How the list is ordered is a click away, under the one sentence of what to do.
    await ui.page.getByTestId('failed-help').getByText('Thêm về danh sách này').click();
    await ui.page
      .getByTestId('failed-help')
      .getByText(/nhóm có sự kiện nhận gần đây nhất đứng đầu, và trong mỗi nhóm sự kiện mới nhất đứng đầu/)
      .waitFor();
    await shot('failed-order-vi');
    await language('en');
    await ui.page
      .getByTestId('failed-help')
      .getByText(/the group with the most recently received event comes first, and in each group the newest event/)
      .waitFor();
    await shot('failed-order-en');
    await language('vi');
    expect(ui.problems).toEqual([]);
  });

  it('says which port the command line fixed when it gave only the dashboard port', async () => {
    const dir = tempDir();
    const first = await startServe(dir);
    const intake = await closedPort();
    await first.api('putSettings', { body: { language: 'vi', intake: { port: intake } } });
    await first.stop();
    // Only --admin-port: the intake port is the one saved in Settings.
    const adminOnly = await startServe(dir, [], undefined, {}, 'settings');
    try {
      const tab = await ui.browser.newPage({ viewport: { width: 1280, height: 900 } });
      watchProblems(tab, ui.problems);
      await tab.goto(adminOnly.runtime.dashboardUrl);
      await tab.getByRole('heading', { level: 2, name: 'Tổng quan' }).waitFor();
      await open('Cài đặt', tab);
      const admin = new URL(adminOnly.runtime.adminUrl).port;
      const running = tab.getByTestId('running-ports');
      await expect
        .poll(() => running.textContent())
        .toBe(
          `Đang chạy trên cổng nhận ${intake} và cổng bảng điều khiển ${admin}. Dòng lệnh đã chọn cổng bảng điều khiển cho lần chạy này (--admin-port); cổng bảng điều khiển ở trên được dùng khi khởi động Hookferry không kèm nó. Cổng nhận là số đã lưu ở trên.`,
        );
      await running.scrollIntoViewIfNeeded();
      await shot('ports-admin-only-vi', tab);
      await adminOnly.api('putSettings', { body: { language: 'en' } });
      await expect
        .poll(() => running.textContent())
        .toBe(
          `Running now on intake port ${intake} and dashboard port ${admin}. The command line chose the dashboard port for this run (--admin-port); the dashboard port above applies when Hookferry is started without it. The intake port is the one saved above.`,
        );
      await shot('ports-admin-only-en', tab);
      await tab.close();
    } finally {
      await adminOnly.stop();
    }
    expect(ui.problems).toEqual([]);
  });

  it('says the command line chose the address too when --host was given', async () => {
    const withHost = await startServe(tempDir(), ['--host', '127.0.0.1']);
    try {
      await withHost.api('putSettings', { body: { language: 'en' } });
      const tab = await ui.browser.newPage({ viewport: { width: 1280, height: 900 } });
      watchProblems(tab, ui.problems);
      await tab.goto(withHost.runtime.dashboardUrl);
      await tab.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
      await open('Settings', tab);
      await expect
        .poll(() => tab.getByTestId('running-ports').textContent())
        .toMatch(
          /The command line chose these ports for this run; the numbers above apply when Hookferry is started without them\. The command line chose the address the intake listens on for this run \(--host 127\.0\.0\.1\); the network choice below applies when Hookferry is started without it\.$/,
        );
      await tab.close();
    } finally {
      await withHost.stop();
    }
    expect(ui.problems).toEqual([]);
  });
});
