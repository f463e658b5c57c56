import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { startFakeZithara } from '../helpers/fake-zithara.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { startSink } from '../helpers/sink.js';

/** Whether an element's text is on one line: less high than two lines of its font. */
const oneLine = (element: Locator) =>
  element.evaluate((on) => {
    const box = on as unknown as { getBoundingClientRect(): { height: number } };
    const style = (globalThis as unknown as { getComputedStyle(of: unknown): { fontSize: string } }).getComputedStyle(
      on,
    );
    return box.getBoundingClientRect().height < parseFloat(style.fontSize) * 2;
  });

/**
 * A shopkeeper's walk: an order delivered to Zithara and given up at a webhook destination (Failed → Bỏ → Bỏ hẳn)
 * read "Đã bỏ" in the live log's row, its drawer and the Overview, beside a Zithara delivery that read "Đã gửi":
 * read as "this order went nowhere". It reads "delivered in part, the rest given up", and is counted so.
 */
describe.skipIf(!hasChromium)(
  'an order delivered to one destination and discarded at another (Chromium, real serve)',
  () => {
    let pos: string;
    const ui = useDashboard({
      prepare: async (serve) => {
        pos = await serve.posUrl();
        await serve.api('putSettings', { body: { language: 'vi' } });
      },
      overview: 'Tổng quan',
    });

    it('says so in the live log row, the drawer and the Overview, in Vietnamese and English, live', async () => {
      const zithara = await startFakeZithara();
      const stock = await startSink();
      stock.script(() => ({ status: 500 }));
      await ui.serve.api('createDestination', {
        body: {
          name: 'Zithara CRM',
          kind: 'zithara',
          url: zithara.baseUrl,
          events: ['order.add'],
          settings: { clientId: zithara.clientId, clientSecret: zithara.clientSecret, currency: 'VND' },
        },
      });
      const webhook = await ui.serve.api('createDestination', {
        body: { name: 'Kho hàng', url: stock.url, events: ['order.add'], retry: once },
      });

      // The live log is open while it fails at one, and then while the merchant gives that part up.
      await openPage(ui.page, 'Nhật ký trực tiếp');
      const id = String((await post(pos, order('SPIRAL-021226-0009-AA09'), orderAdd)).json.id);
      await expect.poll(async () => (await ui.serve.api('getEvent', { params: { id } })).status).toBe('failed');
      const row = ui.page.getByTestId('log-row').filter({ hasText: 'SPIRAL-021226-0009-AA09' });
      await row.locator('.badge').getByText('Gửi được một phần', { exact: true }).waitFor();
      expect(await ui.serve.api('discardFailed', { params: { id: webhook.id } })).toEqual({ discarded: 1 });
      await expect.poll(async () => (await ui.serve.api('getEvent', { params: { id } })).status).toBe('discarded');

      // Short, so it stays on one line at 1366 and 800 px (it took two and three); the long form on hover.
      const partly = 'Đã bỏ một phần';
      await row.locator('.badge').getByText(partly, { exact: true }).waitFor();
      await expect(row.locator('.badge').getAttribute('title')).resolves.toBe('Gửi được một phần (phần còn lại đã bỏ)');
      for (const width of [1366, 800]) {
        await ui.page.setViewportSize({ width, height: 800 });
        // Inside its column, clear of the source's name, and on one line.
        const badge = (await row.locator('.badge').boundingBox())!;
        const source = (await row.locator('.source').boundingBox())!;
        expect(badge.x + badge.width).toBeLessThan(source.x);
        await expect(oneLine(row.locator('.badge'))).resolves.toBe(true);
        await screenshot(ui.page, `partly-discarded-log-vi-${width}`);
      }
      await ui.page.setViewportSize({ width: 1280, height: 900 });
      await row.click();
      const drawer = ui.page.getByTestId('drawer');
      await drawer.locator('.summary-line .badge').getByText(partly, { exact: true }).waitFor();
      const deliveries = drawer.getByTestId('delivery');
      await deliveries.filter({ hasText: 'Zithara CRM' }).getByText('Đã gửi', { exact: true }).waitFor();
      await deliveries.filter({ hasText: 'Kho hàng' }).getByText('Đã bỏ', { exact: true }).waitFor();
      expect(await drawer.locator('.summary-line .badge').textContent()).not.toBe('Đã bỏ');
      await screenshot(ui.page, 'partly-discarded-drawer-vi');

      await setLanguage(ui.serve, ui.page, 'en');
      await drawer.locator('.summary-line .badge').getByText('Part given up', { exact: true }).waitFor();
      await row.locator('.badge').getByText('Part given up', { exact: true }).waitFor();
      await expect(row.locator('.badge').getAttribute('title')).resolves.toBe('Partly delivered (rest given up)');
      await screenshot(ui.page, 'partly-discarded-drawer-en');
      await ui.page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'detached' });

      // The Overview counts it apart from "Discarded" (which went nowhere), with what it means on hover.
      await openPage(ui.page, 'Overview');
      const figure = ui.page.locator('.count-partlyDiscarded');
      await figure.locator('dd').getByText('1', { exact: true }).waitFor();
      await expect(figure.locator('dt').textContent()).resolves.toBe('Part given up');
      await expect(figure.getAttribute('title')).resolves.toBe(
        'Delivered to some destinations; you gave up sending it to the others (discarded there): nothing of it waits.',
      );
      await expect(ui.page.locator('.count-discarded').count()).resolves.toBe(0);
      await screenshot(ui.page, 'partly-discarded-overview-en');
      await setLanguage(ui.serve, ui.page, 'vi');
      await figure.locator('dt').getByText(partly, { exact: true }).waitFor();
      await screenshot(ui.page, 'partly-discarded-overview-vi');

      // The filters still go by its status: it is listed under Discarded.
      const discarded = await ui.serve.api('listEvents', { query: { status: 'discarded' } });
      expect(discarded.items.map((item) => [item.id, item.outcome])).toEqual([[id, 'partlyDiscarded']]);
      expect((await ui.serve.api('getStats')).today).toMatchObject({ partlyDiscarded: 1, discarded: 0 });
      expect(ui.problems).toEqual([]);
    }, 120_000);
  },
);
