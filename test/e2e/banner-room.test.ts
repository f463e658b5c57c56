import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { ARTIFACTS, openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { order, orderAdd, post } from '../helpers/fixtures.js';
import { startSink } from '../helpers/sink.js';
import { waitUntil } from '../helpers/wait.js';

/** A destination is said to be failing after this many failed tries in a row (FAILING_AFTER in the queue). */
const ORDERS = 5;
/** Retried, but not within the test. */
const hourly = { maxAttempts: 10, initialDelayMs: 3_600_000, multiplier: 1, maxDelayMs: 3_600_000 };
const NAMES = ['Sổ sách', 'Zithara', 'Kho hàng'];
/** The small window of a shop's PC: the banners leave the page under them in view. */
const VIEWPORT = { width: 1024, height: 700 };

describe.skipIf(!hasChromium)('the banners of three failing destinations in a 1024×700 window', () => {
  const ui = useDashboard({
    viewport: VIEWPORT,
    prepare: async (serve) => {
      for (const name of NAMES) {
        const sink = await startSink();
        sink.script(() => ({ status: 500 }));
        await serve.api('createDestination', { body: { name, url: sink.url, retry: hourly } });
      }
    },
  });

  /** The banners' boxes, top to bottom. */
  const boxes = async () => {
    const found = [];
    for (const banner of await ui.page.getByTestId('failing-banners').locator('.banner').all())
      found.push((await banner.boundingBox())!);
    return found;
  };

  it('takes one line each, the third said in one line more, the details a click away', async () => {
    const pos = await ui.serve.posUrl();
    for (let n = 1; n <= ORDERS; n++) expect((await post(pos, order(`ROOM-${n}`), orderAdd)).status).toBe(200);
    await waitUntil(
      async () => (await ui.serve.api('getStats')).destinations.every((entry) => entry.health === 'failing'),
      'all three failing',
    );
    const banners = ui.page.getByTestId('failing-banner');
    await ui.page
      .getByTestId('failing-more')
      .filter({ hasText: '1 more destination is failing: “Kho hàng”' })
      .waitFor();
    await expect(banners.count()).resolves.toBe(2);

    const collapsed = await boxes();
    expect(collapsed).toHaveLength(3);
    // One line each: no banner is taller than the line that names the third destination (one line of text, no button
    // but a link) by more than a few pixels.
    const oneLine = collapsed.at(-1)!.height;
    for (const { height } of collapsed) expect(height).toBeLessThan(oneLine + 8);
    // All of them together take under a fifth of the window; the page's heading stays in its top half.
    expect(collapsed.at(-1)!.y + oneLine - collapsed[0]!.y).toBeLessThan(VIEWPORT.height / 5);
    const heading = await ui.page.getByRole('heading', { level: 2, name: 'Overview' }).boundingBox();
    expect(heading!.y).toBeLessThan(VIEWPORT.height / 2);
    await ui.page.screenshot({ path: join(ARTIFACTS, 'banner-room-en.png') });

    // Where no card says why, the banner does: its details open in place, and close again.
    await openPage(ui.page, 'Failed');
    const first = banners.first();
    await first.getByRole('button', { name: 'Details' }).click();
    await first.getByRole('button', { name: 'Less' }).waitFor();
    expect((await boxes())[0]!.height).toBeGreaterThan(collapsed[0]!.height + 8);
    await ui.page.screenshot({ path: join(ARTIFACTS, 'banner-room-details-en.png') });
    await first.getByRole('button', { name: 'Less' }).click();
    await openPage(ui.page, 'Overview');

    // All three on request.
    await ui.page.getByRole('button', { name: 'Show all' }).click();
    await expect.poll(() => banners.count()).toBe(3);
    await ui.page.getByRole('button', { name: 'Show fewer' }).click();
    await expect.poll(() => banners.count()).toBe(2);

    await setLanguage(ui.serve, ui.page, 'vi');
    await ui.page.getByTestId('failing-more').filter({ hasText: 'Thêm 1 nơi nhận đang lỗi: “Kho hàng”' }).waitFor();
    for (const { height } of await boxes()) expect(height).toBeLessThan(oneLine + 8);
    await ui.page.screenshot({ path: join(ARTIFACTS, 'banner-room-vi.png') });

    // Where no card is on screen (the editor takes its place), no banner points at "the card below".
    await openPage(ui.page, 'Nơi nhận');
    await ui.page.getByRole('article', { name: 'Zithara' }).getByRole('button', { name: 'Sửa' }).click();
    await ui.page.getByRole('article', { name: 'Zithara' }).waitFor({ state: 'detached' });
    await banners.filter({ hasText: '“Zithara”' }).waitFor();
    await expect(ui.page.getByText('bên dưới').count()).resolves.toBe(0);
    await screenshot(ui.page, 'banner-room-editor-vi');
    expect(ui.problems).toEqual([]);
  });
});
