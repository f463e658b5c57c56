import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { screenshot, useDashboard } from '../helpers/dashboard-page.js';
import { order, orderAdd, post } from '../helpers/fixtures.js';
import { startSink } from '../helpers/sink.js';
import { waitUntil } from '../helpers/wait.js';

const words = {
  en: {
    overview: 'Overview',
    offline: 'Hookferry’s engine is not answering.',
    lastRead: 'Shown as last read, at',
    healthy: 'Healthy',
    unread: 'Cannot be read now',
  },
  vi: {
    overview: 'Tổng quan',
    offline: 'Chương trình Hookferry không phản hồi.',
    lastRead: 'Đây là những gì đọc được lần cuối, lúc',
    healthy: 'Hoạt động tốt',
    unread: 'Hiện không đọc được',
  },
} as const;

/**
 * The engine killed under an open Overview: the red top line came, but its counts and a "healthy" badge stayed as if
 * read now, with no "last read at" as the live log and Failed have.
 */
for (const language of ['vi', 'en'] as const) {
  const said = words[language];
  describe.skipIf(!hasChromium)(`the Overview while the engine is down (${language})`, () => {
    const ui = useDashboard({
      overview: said.overview,
      expected: /ERR_CONNECTION_REFUSED|Failed to fetch/,
      prepare: async (serve) => {
        await serve.api('putSettings', { body: { language } });
        const books = await startSink();
        await serve.api('createDestination', { body: { name: 'Sổ sách', url: books.url } });
        expect((await post(await serve.posUrl(), order('LIVE-1'), orderAdd)).status).toBe(200);
        await waitUntil(async () => (await serve.api('getStats')).today.delivered === 1, 'the order delivered');
      },
    });

    it('says its figures are as last read, and no badge says healthy', async () => {
      const { page, serve } = ui;
      const card = page.getByTestId('destination-card').filter({ hasText: 'Sổ sách' });
      await card.locator('.badge').getByText(said.healthy, { exact: true }).waitFor();
      await expect(page.getByTestId('last-read').count()).resolves.toBe(0);

      await serve.kill();
      await page.getByText(said.offline).waitFor();
      await page.locator('main').getByTestId('last-read').filter({ hasText: said.lastRead }).waitFor();
      await card.locator('.badge').getByText(said.unread, { exact: true }).waitFor();
      await expect(page.locator('main').getByText(said.healthy, { exact: true }).count()).resolves.toBe(0);
      await screenshot(page, `overview-engine-down-${language}`);
    }, 60_000);
  });
}
