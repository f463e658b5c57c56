import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, useDashboard } from '../helpers/dashboard-page.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { startSink } from '../helpers/sink.js';

/**
 * The walk found an order counted "Failed everywhere" while a second destination still retried it: it had failed for
 * good at the first. Until every destination is done with it, it is on its way.
 */
describe.skipIf(!hasChromium)(
  'an order failed at one destination and retrying at another (Chromium, real serve)',
  () => {
    const ui = useDashboard({
      prepare: async (serve) => {
        await serve.api('putSettings', { body: { language: 'vi' } });
      },
      overview: 'Tổng quan',
    });

    it('is counted on its way, not failed everywhere, until the other destination is done with it', async () => {
      const books = await startSink();
      const crm = await startSink();
      books.script(() => ({ status: 500 }));
      crm.script(() => ({ status: 503 }));
      const { id: booksId } = await ui.serve.api('createDestination', {
        body: { name: 'Sổ kế toán', url: books.url, retry: once },
      });
      // Its next try an hour away: it stays retrying for the whole test.
      const { id: crmId } = await ui.serve.api('createDestination', {
        body: {
          name: 'CRM',
          url: crm.url,
          retry: { maxAttempts: 3, initialDelayMs: 3_600_000, multiplier: 1, maxDelayMs: 3_600_000 },
        },
      });
      const today = (status: string) => ui.page.getByTestId(`today-${status}`);

      const id = String((await post(await ui.serve.posUrl(), order('WAY-1'), orderAdd)).json.id);
      const deliveryOf = async (destinationId: string) =>
        (await ui.serve.api('getEvent', { params: { id } })).deliveries.find(
          (delivery) => delivery.destinationId === destinationId,
        )?.status;
      await expect.poll(() => deliveryOf(booksId)).toBe('failed');
      await expect.poll(() => deliveryOf(crmId)).toBe('retrying');
      // It waits in Failed for the first destination (the menu counts it), and is on its way to the second.
      await ui.page.getByTestId('nav-failed-count').getByText('1', { exact: true }).waitFor();
      await today('pending').getByText('1', { exact: true }).waitFor();
      await expect(today('failed').textContent()).resolves.toBe('0');
      await expect(ui.page.locator('.count-pending').getAttribute('title')).resolves.toBe(
        'Đang trên đường: đang gửi, hoặc chờ thử lại hay chờ nơi nhận đang tạm dừng. Có thể một số nơi nhận đã có nó, hoặc đã gửi lỗi (phần lỗi đang chờ bạn trong mục Lỗi gửi).',
      );
      await screenshot(ui.page, 'today-on-its-way-vi');
      // The live log names it as the Overview counts it.
      await openPage(ui.page, 'Nhật ký trực tiếp');
      const badge = ui.page.getByTestId('log-row').filter({ hasText: 'WAY-1' }).locator('.badge').first();
      await badge.getByText('Đang gửi', { exact: true }).waitFor();

      // Its schedule cut to one try, the second destination gives up too: now it failed everywhere, said on the open
      // live log without a reload.
      await ui.serve.api('updateDestination', { params: { id: crmId }, body: { retry: once } });
      await expect.poll(() => deliveryOf(crmId)).toBe('failed');
      await badge.getByText('Lỗi', { exact: true }).waitFor();
      await openPage(ui.page, 'Tổng quan');
      await today('failed').getByText('1', { exact: true }).waitFor();
      await expect(today('pending').textContent()).resolves.toBe('0');
      expect(ui.problems).toEqual([]);
    });

    /**
     * The walk: an order the books had and Zithara refused was "Delivered in part" on the Overview and "Failed" in the
     * live log, its drawer and the spreadsheet, where the shopkeeper counted 9 orders failed the books all had.
     */
    it('names an order delivered to one destination and failed at another "delivered in part" on every page', async () => {
      const books = await startSink();
      const crm = await startSink();
      books.script(() => ({ status: 200 }));
      crm.script(() => ({ status: 500 }));
      for (const { id } of await ui.serve.api('listDestinations'))
        await ui.serve.api('deleteDestination', { params: { id } });
      await ui.serve.api('createDestination', { body: { name: 'Sổ sách', url: books.url, retry: once } });
      await ui.serve.api('createDestination', { body: { name: 'Zithara giả', url: crm.url, retry: once } });
      await openPage(ui.page, 'Nhật ký trực tiếp');
      const id = String((await post(await ui.serve.posUrl(), order('PART-1'), orderAdd)).json.id);
      const row = ui.page.getByTestId('log-row').filter({ hasText: 'PART-1' });
      await row.locator('.badge').first().getByText('Gửi được một phần', { exact: true }).waitFor();

      await row.click();
      await ui.page.locator('.summary-line .badge').getByText('Gửi được một phần', { exact: true }).waitFor();
      await screenshot(ui.page, 'log-delivered-in-part-vi');

      const csv = async (query: string) =>
        (
          await fetch(`${ui.serve.runtime.adminUrl}/api/export?format=csv${query}`, {
            headers: { authorization: `Bearer ${ui.serve.runtime.adminToken}` },
          })
        ).text();
      const line = (text: string) => text.split('\n').find((entry) => entry.includes(id)) ?? '';
      expect(line(await csv('&lang=vi&tz=Asia/Ho_Chi_Minh'))).toContain(',Gửi được một phần,');
      expect(line(await csv('&bodies=0'))).toContain(',failed,partlyDelivered,');
      expect(ui.problems).toEqual([]);
    });
  },
);
