import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { startSink } from '../helpers/sink.js';
import { waitUntil } from '../helpers/wait.js';

const SOURCE = 'Teamcrop cửa hàng chính';

/**
 * Each cell of the live log's rows that is cut off (its text wider or taller than its box) or wider than its column
 * (into the gap before the next: the badge "Gửi được một phần" touched the source's name), by class.
 */
const clipped = (page: Page) =>
  page.evaluate<string[]>(`[...document.querySelectorAll('[data-testid="log-row"]')].flatMap((row) => {
    const style = getComputedStyle(row);
    const tracks = style.gridTemplateColumns.split(' ').map(parseFloat);
    const ends = [];
    let start = row.getBoundingClientRect().left + parseFloat(style.paddingLeft);
    for (const width of tracks) {
      ends.push(start + width);
      start += width + parseFloat(style.columnGap);
    }
    return [...row.children]
      .filter((cell, n) => cell.scrollWidth > cell.clientWidth + 1 || cell.scrollHeight > cell.clientHeight + 1 ||
        cell.getBoundingClientRect().right > ends[n] + 0.5)
      .map((cell) => cell.className + ': ' + cell.textContent);
  })`);

/**
 * The live log cut the source's name at 1366 px ("Teamcrop cửa…") and, at 800 px, the summary before the amount and
 * the customer's name: the two things a shopkeeper looks for in a row.
 */
describe.skipIf(!hasChromium)('the live log’s columns', () => {
  const ui = useDashboard({
    overview: 'Tổng quan',
    viewport: { width: 1366, height: 800 },
    prepare: async (serve) => {
      await serve.api('putSettings', { body: { language: 'vi' } });
      const pos = await serve.posUrl();
      const id = (await serve.api('listSources')).find((source) => source.name === 'POS')!.id;
      await serve.api('updateSource', { params: { id }, body: { name: SOURCE } });
      expect((await post(pos, order('SPIRAL-FAIL-003'), orderAdd)).status).toBe(200);
      // Delivered to one, failed at the other: the widest status, "Gửi được một phần".
      const [books, crm] = await Promise.all([startSink(), startSink()]);
      crm.script(() => ({ status: 500 }));
      await serve.api('createDestination', { body: { name: 'Sổ sách', url: books.url } });
      await serve.api('createDestination', { body: { name: 'CRM', url: crm.url, retry: once } });
      expect((await post(pos, order('HN-00004'), orderAdd)).status).toBe(200);
      await waitUntil(async () => (await serve.api('getStats')).open.failed === 1, 'the order failed at the CRM');
    },
  });

  it('shows the source whole at 1366 px, and the amount and customer at 800 px, in both languages', async () => {
    const { page, serve } = ui;
    await openPage(page, 'Nhật ký trực tiếp', 'Nhật ký trực tiếp');
    const row = page.getByTestId('log-row').filter({ hasText: 'SPIRAL-FAIL-003' });
    await row.getByText(SOURCE, { exact: true }).waitFor();
    await page.getByTestId('log-row').filter({ hasText: 'HN-00004' }).getByText('Gửi được một phần').waitFor();
    for (const language of ['vi', 'en'] as const) {
      await setLanguage(serve, page, language);
      await page.setViewportSize({ width: 1366, height: 800 });
      await expect(clipped(page)).resolves.toEqual([]);
      await screenshot(page, `log-columns-1366-${language}`);
      await page.setViewportSize({ width: 800, height: 900 });
      await expect(clipped(page)).resolves.toEqual([]);
      await screenshot(page, `log-columns-800-${language}`);
    }
    expect(ui.problems).toEqual([]);
  }, 60_000);
});
