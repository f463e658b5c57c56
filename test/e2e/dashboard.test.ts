import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { startFakeZithara } from '../helpers/fake-zithara.js';
import { orderAdd, post, teamcropOrder } from '../helpers/fixtures.js';
import { hasChromium } from '../helpers/browser.js';
import { screenshot, useDashboard } from '../helpers/dashboard-page.js';
import { type Sink, startSink } from '../helpers/sink.js';
import { waitUntil } from '../helpers/wait.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const teamcropOrders = ['order.add', 'order.edit', 'order.additem', 'order.edititem', 'order.deleteitem'];

function order(n: number) {
  return JSON.stringify({ ...teamcropOrder, id: 5_000_000 + n, invoice_id: `E2E-${n}` });
}

describe.skipIf(!hasChromium)('the dashboard in Chromium, against a real serve', () => {
  let sink: Sink;
  let pos: string;
  const ui = useDashboard({
    prepare: async (serve) => {
      sink = await startSink();
      sink.script(() => ({ status: 500 }));
      pos = await serve.posUrl();
    },
    overview: null,
  });

  const shot = (name: string) => screenshot(ui.page, name);
  const open = async (name: string) => {
    await ui.page.getByRole('link', { name }).click();
    await ui.page.getByRole('heading', { level: 2, name }).waitFor();
  };
  const axe = async () => {
    await ui.page.evaluate(axeSource);
    const results = await ui.page.evaluate<{
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    }>('axe.run(document, { resultTypes: ["violations"] })');
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  };

  it('opens signed in from dashboardUrl and clears the token from the address bar', async () => {
    await ui.page.goto(ui.serve.runtime.dashboardUrl);
    await ui.page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
    expect(ui.page.url()).not.toContain(ui.serve.runtime.adminToken);
    await expect(ui.page.getByTestId('intake-url').first().textContent()).resolves.toBe(pos);
  });

  it('shows a posted Teamcrop order live, with its summary, without a reload', async () => {
    await open('Live log');
    await post(pos, order(1), orderAdd);
    const row = ui.page.getByTestId('log-row').filter({ hasText: 'New order · E2E-1 · 936.200 ₫ · Nguyễn Thúy Linh' });
    await row.waitFor();
    await shot('live-log');
    // With no destination yet, Failed does not claim the order reached one.
    await open('Failed');
    await ui.page
      .getByTestId('failed-none')
      .getByText('Nothing has failed: there are no destinations yet, so nothing is sent.', { exact: false })
      .waitFor();
  });

  it('creates a destination by ticking Teamcrop’s Orders group, with the schedule spelled out', async () => {
    await open('Destinations');
    await ui.page.getByRole('button', { name: 'Add destination' }).click();
    const form = ui.page.getByRole('form', { name: 'Add destination' });
    await form.getByLabel('Name').fill('Shop CRM');
    await form.getByLabel('Address (URL)').fill(sink.url);
    await form.getByRole('group', { name: 'Teamcrop POS' }).getByLabel('Orders').check();
    await form.getByLabel('Attempts in all').fill('2');
    await form.getByLabel('First retry after (seconds)').fill('0.2');
    await expect(form.getByTestId('schedule').textContent()).resolves.toBe(
      'If a try fails, Hookferry waits 0.2 s and tries once more; if that fails too, the event waits for you in Failed.',
    );
    await form.getByLabel('Attempts in all').fill('12');
    await form.getByLabel('First retry after (seconds)').fill('60');
    await form.getByLabel('Longest wait (minutes)').fill('1440');
    await expect(form.getByTestId('schedule').textContent()).resolves.toBe(
      'If a try fails, Hookferry waits 1 min, 2 min, 4 min, … between tries and makes its last try 34.1 h after the first; if that fails too, the event waits for you in Failed.',
    );
    await shot('destination-editor');
    await form.getByLabel('Attempts in all').fill('2');
    await form.getByLabel('First retry after (seconds)').fill('0.2');
    await form.getByRole('button', { name: 'Save' }).click();
    await ui.page.getByText('Shop CRM').first().waitFor();
    const [created] = await ui.serve.api('listDestinations');
    expect(created).toMatchObject({ name: 'Shop CRM', url: sink.url, retry: { maxAttempts: 2, initialDelayMs: 200 } });
    expect([...created!.events].sort()).toEqual([...teamcropOrders].sort());
  });

  it('shows a failing delivery’s attempts in the drawer, then resends all failed with a progress bar until delivered', async () => {
    const { json } = await post(pos, order(2), orderAdd);
    await waitUntil(
      async () => (await ui.serve.api('getEvent', { params: { id: String(json.id) } })).status === 'failed',
      'the delivery failing',
    );
    await open('Live log');
    await ui.page.getByTestId('log-row').filter({ hasText: 'E2E-2' }).click();
    const drawer = ui.page.getByTestId('drawer');
    await drawer.getByTestId('attempt').nth(1).waitFor();
    await expect.poll(() => drawer.getByTestId('attempt').count()).toBe(2);
    await drawer
      .getByText(
        'The destination answered 500 Internal Server Error: the problem is on its side. If this goes on, tell whoever runs it.',
      )
      .first()
      .waitFor();
    await shot('event-drawer');
    await drawer.getByRole('button', { name: 'Close' }).click();

    sink.script(() => ({ delayMs: 300, status: 200 }));
    await open('Failed');
    // The failed order, with the event type by its name, named by its destination's failing banner.
    const notice = ui.page.getByTestId('failing-latest').filter({ hasText: 'The latest to fail: New order · E2E-2.' });
    await notice.waitFor();
    await shot('failed');
    await ui.page.getByRole('button', { name: 'Resend all (1)' }).click();
    await ui.page.getByTestId('resend-progress').waitFor();
    await waitUntil(
      async () => (await ui.serve.api('getEvent', { params: { id: String(json.id) } })).status === 'delivered',
      'the resent delivery arriving',
    );
    await ui.page.getByText('Nothing waits here: no delivery has failed for good.').waitFor();
    // No longer true once nothing waits in Failed: taken down without a click.
    await expect.poll(() => notice.count()).toBe(0);
  });

  it('creates a Zithara destination, previews what the newest order becomes, and tests the credentials', async () => {
    const zithara = await startFakeZithara();
    await open('Destinations');
    await ui.page.getByRole('button', { name: 'Add destination' }).click();
    const form = ui.page.getByRole('form', { name: 'Add destination' });
    await form.getByLabel('Kind').selectOption('zithara');
    await form.getByLabel('Name').fill('Zithara');
    await form.getByLabel('Zithara API address').fill(zithara.baseUrl);
    await form.getByLabel('Client id').fill(zithara.clientId);
    await form.getByLabel('Client secret').fill(zithara.clientSecret);
    await form.getByLabel('Phone country code').fill('84');
    await expect(form.getByLabel('Method').count()).resolves.toBe(0);
    await form.getByRole('button', { name: 'Save' }).click();
    const card = ui.page.getByRole('article', { name: 'Zithara' });
    await card.getByRole('button', { name: 'Send test event' }).click();
    await card
      .getByTestId('last-test')
      .getByText(/^Last test event, at .+: Zithara accepted the client id and secret\. /)
      .waitFor();
    await card.getByRole('button', { name: 'Edit' }).click();
    const editor = ui.page.getByRole('form', { name: 'Zithara' });
    await editor.getByRole('button', { name: 'Preview' }).click();
    const preview = await editor.getByTestId('preview').textContent();
    expect(preview).toContain('"platform_order_id": "5000002"');
    expect(preview).toContain('"phone_number": "84938474843"');
    await expect(editor.getByRole('group', { name: 'Shopify' }).count()).resolves.toBe(0);
    await shot('destination-zithara');
    const created = (await ui.serve.api('listDestinations')).find((destination) => destination.kind === 'zithara');
    expect(created).toMatchObject({
      url: zithara.baseUrl,
      settings: { clientId: zithara.clientId, phoneCountryCode: '84', currency: 'VND' },
      secretsSet: { clientSecret: true },
    });
    expect(zithara.tokenFetches).toHaveLength(1);
    await editor.getByRole('button', { name: 'Cancel' }).click();
  });

  it('has no serious accessibility violations on any page, and every page renders', async () => {
    for (const name of ['Overview', 'Live log', 'Failed', 'Destinations', 'Sources', 'Settings']) {
      await open(name);
      await ui.page.waitForTimeout(300);
      expect(await axe(), name).toEqual([]);
      await shot(name.toLowerCase().replace(' ', '-'));
    }
  });

  it('in the desktop app, takes the engine from the preload and offers this computer’s settings (the preload is a FAKE here)', async () => {
    const desktop = await ui.browser.newPage({ viewport: { width: 1280, height: 900 } });
    desktop.on('pageerror', (error) => ui.problems.push(error.message));
    const calls: unknown[][] = [];
    await desktop.exposeFunction('fakeDesktopCall', (name: string, args: unknown[]) => {
      calls.push([name, ...args]);
      return (
        { getStartAtLogin: false, setStartAtLogin: args[0], appVersion: '0.1.0', openDataFolder: null }[name] ?? null
      );
    });
    await desktop.addInitScript(
      ({ adminUrl, adminToken }) => {
        const call =
          (name: string) =>
          (...args: unknown[]) =>
            (
              globalThis as unknown as { fakeDesktopCall: (n: string, a: unknown[]) => Promise<unknown> }
            ).fakeDesktopCall(name, args);
        (globalThis as unknown as { hookferry: unknown }).hookferry = {
          engine: () => Promise.resolve({ adminUrl, adminToken }),
          getStartAtLogin: call('getStartAtLogin'),
          setStartAtLogin: call('setStartAtLogin'),
          appVersion: call('appVersion'),
          openDataFolder: call('openDataFolder'),
          openLink: call('openLink'),
          onEngineStatus: () => () => {},
        };
      },
      { adminUrl: ui.serve.runtime.adminUrl, adminToken: ui.serve.runtime.adminToken },
    );
    // No token in the address: the page can only be signed in through the preload.
    await desktop.goto(`${ui.serve.runtime.adminUrl}/#settings`);
    const computer = desktop.getByRole('group', { name: 'This computer' });
    await computer.getByText('Hookferry 0.1.0').waitFor();
    await computer.getByLabel(/Start Hookferry when I log in/).check();
    await computer.getByRole('button', { name: 'Open the data folder' }).click();
    await waitUntil(() => calls.some(([name]) => name === 'openDataFolder'), 'the data folder call');
    expect(calls).toContainEqual(['setStartAtLogin', true]);
    await expect(computer.getByLabel(/Start Hookferry when I log in/).isChecked()).resolves.toBe(true);
    await screenshot(desktop, 'settings-desktop');
    await desktop.close();
  });

  it('switches to Vietnamese when picked and keeps it at once, without Save, and says so', async () => {
    await open('Settings');
    await ui.page
      .getByText('Language and theme are saved as soon as you pick them; the other settings wait for Save.')
      .waitFor();
    // Another setting changed and not saved stays a draft: picking the language saves the language only.
    await ui.page.getByLabel('Keep events for (days)').fill('9');
    await ui.page.getByLabel('Language').selectOption('vi');
    await ui.page.getByRole('link', { name: 'Tổng quan' }).waitFor();
    // The confirmation comes in the chosen language.
    await ui.page.getByRole('status').getByText('Đã lưu').waitFor();
    await expect(ui.serve.api('getSettings')).resolves.toMatchObject({ language: 'vi', retentionDays: 30 });
    await ui.page
      .getByText('Ngôn ngữ và giao diện được lưu ngay khi bạn chọn; các cài đặt khác chờ bạn bấm Lưu.')
      .waitFor();
    await expect(ui.page.getByLabel('Giữ sự kiện trong (ngày)').inputValue()).resolves.toBe('9');
    // The setting says which events go: not only delivered ones, also those kept without a destination.
    await ui.page
      .locator('#retention-note')
      .getByText(/^Sự kiện cũ hơn sẽ bị xóa khi không còn việc gì phải làm với chúng: đã gửi, đã bỏ, chỉ lưu vì/)
      .waitFor();
    await shot('settings-language-saved-vi');
    // The next start of the page (nothing was pressed but the language) comes back in Vietnamese.
    await ui.page.reload();
    await ui.page.getByRole('heading', { level: 2, name: 'Cài đặt' }).waitFor();
    await expect(ui.page.getByLabel('Ngôn ngữ').inputValue()).resolves.toBe('vi');
    await ui.page.getByRole('link', { name: 'Tổng quan' }).click();
    await ui.page.getByRole('heading', { level: 2, name: 'Tổng quan' }).waitFor();
    await expect(ui.page.locator('html').getAttribute('lang')).resolves.toBe('vi');
    await shot('overview-vi');
    // The first order came before any destination: why it was only stored, in Vietnamese, its type by name.
    await ui.page.getByRole('link', { name: 'Nhật ký trực tiếp' }).click();
    await ui.page.getByTestId('log-row').filter({ hasText: 'E2E-1' }).click();
    await ui.page
      .getByTestId('drawer')
      .getByText(
        'Khi sự kiện này đến, không nơi nhận nào nhận Đơn hàng mới (order.add). Giờ loại này được gửi tới “Shop CRM”',
        {
          exact: false,
        },
      )
      .waitFor();
    await ui.page.keyboard.press('Escape');
  });

  it('logged no console errors', () => {
    expect(ui.problems).toEqual([]);
  });
});
