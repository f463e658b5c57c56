import { describe, expect, it } from 'vitest';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { startSink } from '../helpers/sink.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * An order failed at one destination whose only delivery left waits behind a failed order of an ordered line, or for
 * a paused destination, was "On its way" in the live log and the drawer while the Overview said it waited.
 */
describe.skipIf(!hasChromium)(
  'the badge of an order failed elsewhere says what it still waits for (real serve)',
  () => {
    const ids: Record<string, string> = {};
    let ordered = '';
    const ui = useDashboard({
      prepare: async (serve) => {
        const good = await startSink();
        const broken = await startSink();
        broken.script(() => ({ status: 500 }));
        const toggle = await startSink();
        toggle.script(() => ({ status: 500 }));
        const pos = await serve.posUrl();
        const create = async (name: string, url: string, extra: Record<string, unknown> = {}) =>
          (await serve.api('createDestination', { body: { name, url, events: ['order.add'], retry: once, ...extra } }))
            .id;
        await create('Good CRM', good.url);
        await create('Broken Sheet', broken.url);
        ordered = await create('Ordered Toggle', toggle.url, { ordered: true });
        const event = (id: string) => serve.api('getEvent', { params: { id } });
        ids.first = String((await post(pos, order('INV-001'), orderAdd)).json.id);
        await waitUntil(
          async () =>
            (await event(ids.first!)).deliveries.every((d) => d.status === 'delivered' || d.status === 'failed'),
          'INV-001 done with at every destination',
        );
        ids.second = String((await post(pos, order('INV-002'), orderAdd)).json.id);
        await waitUntil(async () => (await event(ids.second!)).status === 'failed', 'INV-002 failing at Broken Sheet');
        await serve.api('updateDestination', { params: { id: ordered }, body: { paused: true } });
      },
      timeout: 120_000,
    });

    const row = (invoice: string) => ui.page.getByTestId('log-row').filter({ hasText: invoice });
    const badgeOf = (invoice: string) => row(invoice).locator('.badge').first();
    const drawer = () => ui.page.getByTestId('drawer');
    const drawerBadges = async (invoice: string) => {
      await row(invoice).click();
      await drawer().getByTestId('delivery').first().waitFor();
      const event = await drawer().locator('.summary-line .badge').textContent();
      const toggle = await drawer()
        .getByTestId('delivery')
        .filter({ hasText: 'Ordered Toggle' })
        .locator('.badge')
        .textContent();
      return { event, toggle };
    };
    const closeDrawer = async () => {
      await ui.page.keyboard.press('Escape');
      await drawer().waitFor({ state: 'detached' });
    };

    it('en: "Waiting" behind the failed order, paused or not; "Waits: paused" for both once the head is resent', async () => {
      await setLanguage(ui.serve, ui.page, 'en');
      await openPage(ui.page, 'Live log');
      await expect.poll(() => badgeOf('INV-002').textContent()).toBe('Waiting');
      expect(await drawerBadges('INV-002')).toEqual({ event: 'Waiting', toggle: 'Waiting' });
      await screenshot(ui.page, 'badge-waits-behind-failed-en');
      await closeDrawer();

      await ui.serve.api('resendEvent', { params: { id: ids.first! }, body: { destinationIds: [ordered] } });
      await expect.poll(() => badgeOf('INV-001').textContent()).toBe('Waits: paused');
      await expect.poll(() => badgeOf('INV-002').textContent()).toBe('Waits: paused');
      await screenshot(ui.page, 'badge-waits-paused-log-en');
      expect(await drawerBadges('INV-002')).toEqual({ event: 'Waits: paused', toggle: 'Waits: paused' });
      // The event it waits behind waits for the resume too: not "on its way".
      await drawer()
        .getByTestId('held-by')
        .getByText('Waiting behind INV-001 (waits: paused)', { exact: false })
        .waitFor();
      await screenshot(ui.page, 'badge-waits-paused-drawer-en');
      await closeDrawer();
    });

    it('vi: the same badges in Vietnamese', async () => {
      await setLanguage(ui.serve, ui.page, 'vi');
      await openPage(ui.page, 'Nhật ký trực tiếp');
      await expect.poll(() => badgeOf('INV-002').textContent()).toBe('Chờ: đang tạm dừng');
      expect(await drawerBadges('INV-001')).toEqual({ event: 'Chờ: đang tạm dừng', toggle: 'Chờ: đang tạm dừng' });
      await screenshot(ui.page, 'badge-waits-paused-drawer-vi');
      await closeDrawer();
    });

    it('the Status filter finds each badge by its word, and with a destination chosen, the delivery there', async () => {
      await setLanguage(ui.serve, ui.page, 'en');
      await openPage(ui.page, 'Live log');
      const filters = ui.page.getByRole('search');
      const choose = async (destination: string, status: string) => {
        // Status, source, destination: in this order, whatever the language.
        await filters.locator('select').nth(2).selectOption({ label: destination });
        await filters.locator('select').nth(0).selectOption({ label: status });
      };
      const shown = async (invoices: string[]) => {
        for (const invoice of ['INV-001', 'INV-002'])
          await row(invoice).waitFor({ state: invoices.includes(invoice) ? 'visible' : 'detached' });
      };
      await choose('All', 'Waits: paused');
      await shown(['INV-001', 'INV-002']);
      await screenshot(ui.page, 'status-filter-waits-paused-en');
      // Delivered at Good CRM, both: not under "Failed" there, though both failed at Broken Sheet.
      await choose('Good CRM', 'Delivered');
      await shown(['INV-001', 'INV-002']);
      await choose('Good CRM', 'Failed');
      await ui.page.getByText('No event matches these filters.').waitFor();
      await choose('Broken Sheet', 'Failed');
      await shown(['INV-001', 'INV-002']);
      await choose('All', 'Failed (at any destination)');
      await shown(['INV-001', 'INV-002']);
      await choose('All', 'Delivered in part');
      await shown([]);
      await setLanguage(ui.serve, ui.page, 'vi');
      await choose('Tất cả', 'Chờ: đang tạm dừng');
      await shown(['INV-001', 'INV-002']);
      await choose('Ordered Toggle', 'Lỗi');
      await shown([]);
      await screenshot(ui.page, 'status-filter-destination-vi');
      await choose('Tất cả', 'Đang chờ');
      await shown([]);
    });

    it('logged no console errors', () => {
      expect(ui.problems).toEqual([]);
    });
  },
);
