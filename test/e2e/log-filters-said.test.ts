import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { order, orderAdd, post } from '../helpers/fixtures.js';

/** The text of the option a select shows. */
const shownOption = (select: Locator) =>
  select.evaluate(
    (element) => (element as unknown as { selectedOptions: { text: string }[] }).selectedOptions[0]?.text,
  );

describe.skipIf(!hasChromium)('the live log says what it filters by (Chromium, real serve)', () => {
  const ui = useDashboard();

  // The search is kept when the page is left (so are the filters): back on the page, the list was short or empty
  // with nothing but the search box's text to say why.
  it('says a kept search is on, with one click to show every event again', async () => {
    const { page, serve } = ui;
    const pos = await serve.posUrl();
    expect((await post(pos, order('FIND-1'), orderAdd)).status).toBe(200);
    expect((await post(pos, order('OTHER-2'), orderAdd)).status).toBe(200);
    await openPage(page, 'Live log', 'Live log');
    const rows = page.getByTestId('log-row');
    await rows.filter({ hasText: 'OTHER-2' }).waitFor();
    await page.getByRole('searchbox').fill('FIND-1');
    await expect.poll(() => rows.count()).toBe(1);

    await openPage(page, 'Overview', 'Overview');
    await openPage(page, 'Live log', 'Live log');
    const said = page.getByTestId('filters-on');
    await said
      .getByText('Only the events that match these filters are shown: Search: “FIND-1”.', { exact: true })
      .waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    await screenshot(page, 'log-filters-on-en');

    await setLanguage(serve, page, 'vi');
    await page
      .getByLabel('Trạng thái')
      .and(page.getByRole('combobox'))
      .selectOption({ label: 'Lỗi (ở ít nhất một nơi nhận)' });
    await said
      .getByText('Chỉ hiện các sự kiện khớp bộ lọc: Trạng thái: Lỗi (ở ít nhất một nơi nhận) · Tìm: “FIND-1”.', {
        exact: true,
      })
      .waitFor();
    await page.getByText('Không có sự kiện nào khớp bộ lọc.', { exact: true }).waitFor();
    await screenshot(page, 'log-filters-on-vi');

    await said.getByRole('button', { name: 'Hiện tất cả sự kiện', exact: true }).click();
    await rows.filter({ hasText: 'OTHER-2' }).waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    await expect(page.getByRole('searchbox').inputValue()).resolves.toBe('');
    await said.waitFor({ state: 'detached' });
    await setLanguage(serve, page, 'en');
    expect(ui.problems).toEqual([]);
  });

  // A bookmark filtered by a source deleted before the page listed it said "A deleted source", as if the name were
  // being kept from the shopkeeper. The engine cannot know it: deleting a source takes its id off its events (they keep
  // the name they came with), so the page says the name is not known.
  it('says a deleted source it never listed has no known name, and that a filter is on', async () => {
    const { page, serve } = ui;
    const web = await serve.api('createSource', { body: { name: 'Web4', kind: 'teamcrop' } });
    expect((await post(web.ingestUrl, order('WEB4-1'), orderAdd)).status).toBe(200);
    await serve.api('deleteSource', { params: { id: web.id } });

    // Opened anew, as a bookmark is: this page never listed the source.
    await page.evaluate(`window.location.hash = '#/log?sourceId=${web.id}&status=delivered'`);
    await page.reload();
    const filter = page.getByLabel('Source').and(page.getByRole('combobox'));
    await expect.poll(() => shownOption(filter)).toBe('A deleted source (name not known)');
    await page.getByText('No event matches these filters.', { exact: true }).waitFor();
    const said = page.getByTestId('filters-on');
    await said
      .getByText(
        'Only the events that match these filters are shown: Status: Delivered · Source: A deleted source (name not known).',
        { exact: true },
      )
      .waitFor();
    await screenshot(page, 'log-filter-deleted-source-bookmark-en');

    await setLanguage(serve, page, 'vi');
    const nguon = page.getByLabel('Nguồn').and(page.getByRole('combobox'));
    await expect.poll(() => shownOption(nguon)).toBe('Nguồn đã xóa (không rõ tên)');
    await screenshot(page, 'log-filter-deleted-source-bookmark-vi');
    // Its events are still in the log, under the name they came with.
    await said.getByRole('button', { name: 'Hiện tất cả sự kiện', exact: true }).click();
    await page.getByTestId('log-row').filter({ hasText: 'WEB4-1' }).filter({ hasText: 'Web4' }).waitFor();
    await setLanguage(serve, page, 'en');
    expect(ui.problems).toEqual([]);
  });
});
