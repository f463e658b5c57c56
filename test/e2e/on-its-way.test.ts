import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { screenshot, useDashboard } from '../helpers/dashboard-page.js';
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

      // Its schedule cut to one try, the second destination gives up too: now it failed everywhere.
      await ui.serve.api('updateDestination', { params: { id: crmId }, body: { retry: once } });
      await expect.poll(() => deliveryOf(crmId)).toBe('failed');
      await today('failed').getByText('1', { exact: true }).waitFor();
      await expect(today('pending').textContent()).resolves.toBe('0');
      expect(ui.problems).toEqual([]);
    });
  },
);
