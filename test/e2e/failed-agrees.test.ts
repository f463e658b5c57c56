import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { screenshot, useDashboard } from '../helpers/dashboard-page.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { startSink } from '../helpers/sink.js';

/** What the Failed page shows at one moment: what its resends did, its groups' headings, its rows, its sentence. */
interface Shown {
  resends: string[];
  groups: string[];
  rows: number;
  none: string;
}

/**
 * Records every state the Failed page goes through (a MutationObserver sees each change React makes, before it is
 * painted), into `window.failedStates`.
 */
const RECORD = `(() => {
  const section = document.querySelector('section[aria-labelledby="failed-title"]');
  const texts = (selector) => [...section.querySelectorAll(selector)].map((element) => element.textContent);
  window.failedStates = [];
  const record = () =>
    window.failedStates.push({
      resends: texts('[data-testid=resend-outcome]'),
      groups: texts('[data-testid=failed-group] h3'),
      rows: section.querySelectorAll('[data-testid=failed-row]').length,
      none: texts('[data-testid=failed-none]').join(''),
    });
  record();
  new MutationObserver(record).observe(section, { subtree: true, childList: true, characterData: true });
})()`;

/**
 * The last walk: as a resend ended, the Failed page said "3 failed again" beside an empty list and a count of 1 for
 * under a second, until the list was read again. Its resends, counts and rows now come in one answer.
 */
describe.skipIf(!hasChromium)(
  'the Failed page agrees with itself while a resend runs and ends (Chromium, real serve)',
  () => {
    const ui = useDashboard({
      prepare: async (serve) => {
        await serve.api('putSettings', { body: { language: 'vi' } });
      },
      overview: 'Tổng quan',
    });

    it('never shows a resend’s figures beside a count or rows that say otherwise', async () => {
      const pos = await ui.serve.posUrl();
      const crm = await startSink();
      crm.script(() => ({ status: 500 }));
      await ui.serve.api('createDestination', {
        body: { name: 'CRM khách hàng', url: crm.url, events: ['order.add'], retry: once },
      });
      for (const invoice of ['AG-1', 'AG-2', 'AG-3']) {
        const id = String((await post(pos, order(invoice), orderAdd)).json.id);
        await expect.poll(async () => (await ui.serve.api('getEvent', { params: { id } })).status).toBe('failed');
      }
      await ui.page.getByRole('link', { name: 'Lỗi gửi', exact: true }).click();
      await ui.page.getByTestId('failed-row').nth(2).waitFor();
      await ui.page.evaluate(RECORD);

      await ui.page.getByRole('button', { name: 'Gửi lại tất cả (3)' }).click();
      await crm.waitFor(6);
      await ui.page
        .getByTestId('earlier-resends')
        .getByText('Đã gửi lại 3 sự kiện đến “CRM khách hàng”: 0 thành công · 3 lại bị lỗi', { exact: true })
        .waitFor();
      await ui.page.getByTestId('failed-group').getByText('CRM khách hàng · 3 sự kiện', { exact: true }).waitFor();
      await expect.poll(() => ui.page.getByTestId('failed-row').count()).toBe(3);
      await screenshot(ui.page, 'failed-resend-agrees-vi');

      const states = await ui.page.evaluate<Shown[]>('window.failedStates');
      // Every failure of this destination is one the resend took: what a resend says failed again is what is listed.
      const disagreements = states.filter(({ resends, groups, rows, none }) => {
        // A resend goes to a destination: "no destination yet" beside it is never true.
        if (none.includes('chưa có nơi nhận nào')) return true;
        if (resends.length === 0) return false;
        const failedAgain = Number(/(\d+) lại bị lỗi/.exec(resends[0]!)?.[1] ?? 0);
        const counted = Number(/· (\d+) sự kiện/.exec(groups[0] ?? '')?.[1] ?? 0);
        return counted !== failedAgain || rows !== failedAgain;
      });
      expect(states.some(({ resends }) => resends.some((text) => text.startsWith('Đã gửi lại')))).toBe(true);
      expect(disagreements).toEqual([]);
      expect(ui.problems).toEqual([]);
    });

    it('shows ten rows of a reason at first, and the rest on request', async () => {
      const pos = await ui.serve.posUrl();
      for (let n = 4; n <= 12; n++) {
        const id = String((await post(pos, order(`AG-${n}`), orderAdd)).json.id);
        await expect.poll(async () => (await ui.serve.api('getEvent', { params: { id } })).status).toBe('failed');
      }
      await ui.page.getByTestId('failed-group').getByText('CRM khách hàng · 12 sự kiện', { exact: true }).waitFor();
      await expect.poll(() => ui.page.getByTestId('failed-row').count()).toBe(10);
      // Newest first: the oldest is among those still to show.
      await expect(
        ui.page
          .getByTestId('failed-row')
          .filter({ hasText: /AG-1(?!\d)/ })
          .count(),
      ).resolves.toBe(0);
      await ui.page.getByRole('button', { name: 'Xem thêm', exact: true }).click();
      await expect.poll(() => ui.page.getByTestId('failed-row').count()).toBe(12);
      await ui.page
        .getByTestId('failed-row')
        .filter({ hasText: /AG-1(?!\d)/ })
        .waitFor();
      await expect(ui.page.getByRole('button', { name: 'Xem thêm', exact: true }).count()).resolves.toBe(0);
      expect(ui.problems).toEqual([]);
    });
  },
);
