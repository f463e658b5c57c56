import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { waitUntil } from '../helpers/wait.js';

/** A destination is said to be failing after this many failed tries in a row (FAILING_AFTER in the queue). */
const ORDERS = 5;
const CRM = 'CRM cửa hàng';
const STOCK = 'Kho hàng';
/** The shop's own words, raised by its transformation on purpose: a page of them. */
const OWN_WORDS = 'Không thể gửi đơn vì máy chủ kế toán đang bảo trì, vui lòng thử lại sau. ';
const SHOTS = process.env.WORDS_SHOTS ?? join(import.meta.dirname, '..', '..', 'test-artifacts');

/** What of a page's element these tests measure (the tests are compiled without the DOM's types). */
interface Box {
  textContent: string | null;
  parentElement: { append: (child: Box) => void };
  cloneNode: (deep: boolean) => Box;
  getBoundingClientRect: () => { height: number };
  getClientRects: () => ArrayLike<{ left: number }>;
  remove: () => void;
  scrollHeight: number;
  clientHeight: number;
}

/** How many lines of text an element shows: its height over the height of one line of the same element. */
const linesOf = (locator: Locator) =>
  locator.evaluate((element) => {
    const box = element as unknown as Box;
    const probe = box.cloneNode(false);
    probe.textContent = 'x';
    box.parentElement.append(probe);
    const line = probe.getBoundingClientRect().height;
    probe.remove();
    return box.getBoundingClientRect().height / line;
  });

describe.skipIf(!hasChromium)(
  'a failing destination’s words at 1024 wide: its own, its reason first, said once',
  () => {
    const ids: Record<string, string> = {};
    const ui = useDashboard({
      viewport: { width: 1024, height: 700 },
      prepare: async (serve) => {
        // Nothing listens at port 9 here: every try is refused.
        ids[CRM] = (
          await serve.api('createDestination', { body: { name: CRM, url: 'http://127.0.0.1:9/hook', retry: once } })
        ).id;
        ids[STOCK] = (
          await serve.api('createDestination', {
            body: {
              name: STOCK,
              url: 'http://127.0.0.1:9/kho',
              retry: once,
              settings: { transform: `$error("${OWN_WORDS.repeat(40)}")` },
            },
          })
        ).id;
        const pos = await serve.posUrl();
        for (let n = 1; n <= ORDERS; n++) expect((await post(pos, order(`CRM-${n}`), orderAdd)).status).toBe(200);
        await waitUntil(
          async () => (await serve.api('getStats')).destinations.every((entry) => entry.health === 'failing'),
          'both failing',
        );
      },
      // The transformation's process starts for the first try: on a loaded machine that alone can take seconds.
      timeout: 90_000,
    });
    const banner = (name: string) => ui.page.getByTestId('failing-banner').filter({ hasText: `“${name}”` });

    it('says a transformation’s own error as the shop’s words, in a few lines on the card and the group, all on hover', async () => {
      const { page, serve } = ui;
      await setLanguage(serve, page, 'vi');
      await openPage(page, 'Nơi nhận');
      const lastError = page.getByRole('article', { name: STOCK }).getByTestId('last-error');
      await lastError.filter({ hasText: 'Biểu thức chuyển đổi báo lỗi: Không thể gửi đơn' }).waitFor();
      expect(await lastError.textContent()).not.toMatch(/tiếng Anh|tại ký tự/);
      expect(await linesOf(lastError)).toBeLessThanOrEqual(5.2);
      // A reason of the usual length is said whole.
      const refused = page.getByRole('article', { name: CRM }).getByTestId('last-error');
      await refused.filter({ hasText: 'Chương trình nhận có đang chạy không?' }).waitFor();
      expect(
        await refused.evaluate((element) => {
          const box = element as unknown as Box;
          return box.scrollHeight - box.clientHeight;
        }),
      ).toBeLessThanOrEqual(1);
      expect(await lastError.getAttribute('title')).toMatch(
        /^Biểu thức chuyển đổi báo lỗi: .*\[đã cắt bớt \d+ ký tự\]$/,
      );
      await page.screenshot({ path: join(SHOTS, 'words-destinations-1024-vi.png') });

      await openPage(page, 'Lỗi gửi');
      const group = page.getByTestId('failed-reason').filter({ hasText: OWN_WORDS.trim() });
      const text = group.getByTestId('failed-reason-text');
      await text.filter({ hasText: 'Biểu thức chuyển đổi báo lỗi: Không thể gửi đơn' }).waitFor();
      expect(await linesOf(text)).toBeLessThanOrEqual(3.2);
      expect(await text.getAttribute('title')).toMatch(/\[đã cắt bớt \d+ ký tự\]$/);
      await group.getByText(`(${ORDERS} sự kiện)`).waitFor();
      await page.screenshot({ path: join(SHOTS, 'words-failed-1024-vi.png') });

      await setLanguage(serve, page, 'en');
      await text.filter({ hasText: 'The transformation reported: Không thể gửi đơn' }).waitFor();
      expect(await linesOf(text)).toBeLessThanOrEqual(3.2);
      await page.screenshot({ path: join(SHOTS, 'words-failed-1024-en.png') });
      expect(ui.problems).toEqual([]);
    });

    it('puts the reason right after the name, where one line at 1024 and 1280 wide shows it', async () => {
      const { page, serve } = ui;
      await setLanguage(serve, page, 'en');
      await openPage(page, 'Live log');
      for (const [language, width, refused] of [
        ['en', 1024, 'Connection refused'],
        ['vi', 1024, 'Kết nối bị từ chối'],
        ['en', 1280, 'Connection refused'],
        ['vi', 1280, 'Kết nối bị từ chối'],
      ] as const) {
        await page.setViewportSize({ width, height: 700 });
        await setLanguage(serve, page, language);
        const reason = banner(CRM).getByTestId('failing-reason');
        await reason.filter({ hasText: refused }).waitFor();
        // The reason starts inside the one line's visible box, not past its "…".
        const line = (await banner(CRM).locator('.banner-text').boundingBox())!;
        const start = await reason.evaluate((element) => (element as unknown as Box).getClientRects()[0]!.left);
        expect(start).toBeLessThan(line.x + line.width / 2);
        const said = (await banner(CRM).locator('.banner-text').textContent())!;
        expect(said.indexOf(refused)).toBeLessThan(said.indexOf('Hookferry'));
        await page.screenshot({ path: join(SHOTS, `words-banner-${width}-${language}.png`) });
      }
      await page.setViewportSize({ width: 1024, height: 700 });
      expect(ui.problems).toEqual([]);
    });

    it('names a newly failed order in its destination’s banner, not in a second red box saying the same', async () => {
      const { page, serve } = ui;
      await setLanguage(serve, page, 'vi');
      await openPage(page, 'Nhật ký trực tiếp');
      expect((await post(await serve.posUrl(), order('CRM-6'), orderAdd)).status).toBe(200);
      await banner(CRM)
        .getByTestId('failing-latest')
        .filter({ hasText: 'Sự kiện lỗi gần nhất: Đơn hàng mới · CRM-6.' })
        .waitFor();
      // The notice of the same event does not come up beside it (it is drawn with the banner, in the same render).
      await expect(page.getByRole('alert').filter({ hasText: 'không gửi được đến' }).count()).resolves.toBe(0);
      const heading = await page.getByRole('heading', { level: 2, name: 'Nhật ký trực tiếp' }).boundingBox();
      expect(heading!.y).toBeLessThan(700 * 0.3);
      await page.screenshot({ path: join(SHOTS, 'words-log-latest-1024-vi.png') });
      await setLanguage(serve, page, 'en');
      await banner(CRM)
        .getByTestId('failing-latest')
        .filter({ hasText: 'The latest to fail: New order · CRM-6.' })
        .waitFor();
      await page.screenshot({ path: join(SHOTS, 'words-log-latest-1024-en.png') });

      // Closed, the banner takes its notice with it: nothing comes back to say it again.
      await banner(CRM).getByRole('button', { name: 'Close' }).click();
      await banner(CRM).waitFor({ state: 'detached' });
      await expect(page.getByRole('alert').filter({ hasText: 'could not be delivered' }).count()).resolves.toBe(0);
      expect(ui.problems).toEqual([]);
    });
  },
);
