import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { orderAdd, post, teamcropOrder } from '../helpers/fixtures.js';

/** A Teamcrop order of its own (Teamcrop's order id is what a retry is recognised by). */
const order = (id: number, invoice: string) => JSON.stringify({ ...teamcropOrder, id, invoice_id: invoice });

/** What a page left open showed wrong until a reload, found by checking each page against the API. */
describe.skipIf(!hasChromium)('pages left open while things change elsewhere', () => {
  const ui = useDashboard();

  // The drawer said how many times the sender sent an order as it was when opened: a retry meanwhile went uncounted.
  it('counts in an open drawer a copy the sender sends meanwhile', async () => {
    const pos = await ui.serve.posUrl();
    const first = await post(pos, order(8_100_001, 'TWICE-1'), orderAdd);
    await ui.page.evaluate(`window.location.hash = '#/log?event=${String(first.json.id)}'`);
    const drawer = ui.page.getByTestId('drawer');
    await drawer.getByText('TWICE-1', { exact: false }).first().waitFor();
    expect((await post(pos, order(8_100_001, 'TWICE-1'), orderAdd)).json.duplicate).toBe(true);
    await drawer.getByText('The sender sent this once more; Hookferry kept it once.', { exact: true }).waitFor();
    expect((await post(pos, order(8_100_001, 'TWICE-1'), orderAdd)).json.duplicate).toBe(true);
    await drawer.getByText('The sender sent this 2 more times; Hookferry kept it once.', { exact: true }).waitFor();
    await drawer.getByRole('button', { name: 'Close' }).click();
  });

  // Filtered by a source deleted meanwhile, the live log's Source filter read "All" while the list stayed filtered by
  // it: a shopkeeper took the one row left for all there was.
  it('says its filter names a deleted source, and keeps the list it filters', async () => {
    const web = await ui.serve.api('createSource', { body: { name: 'Web3', kind: 'teamcrop' } });
    expect((await post(web.ingestUrl, order(8_100_002, 'WEB3-1'), orderAdd)).status).toBe(200);
    expect((await post(await ui.serve.posUrl(), order(8_100_003, 'POS-1'), orderAdd)).status).toBe(200);
    await ui.page.evaluate(`window.location.hash = '#/log?sourceId=${web.id}'`);
    const rows = ui.page.getByTestId('log-row');
    await rows.filter({ hasText: 'WEB3-1' }).waitFor();
    await expect.poll(() => rows.count()).toBe(1);

    await ui.serve.api('deleteSource', { params: { id: web.id } });
    // Not `exact`: a label around a select is named with the select's options too.
    const filter = ui.page.getByLabel('Source').and(ui.page.getByRole('combobox'));
    await expect
      .poll(() =>
        filter.evaluate(
          (select) => (select as unknown as { selectedOptions: { text: string }[] }).selectedOptions[0]?.text,
        ),
      )
      // Named, as its events keep its name: "A deleted source" alone did not say which.
      .toBe('“Web3” (deleted)');
    await expect.poll(() => rows.count()).toBe(1);
    await screenshot(ui.page, 'log-filter-deleted-source-en');

    // "All" is one choice away, and shows every event again.
    await filter.selectOption({ label: 'All' });
    await rows.filter({ hasText: 'POS-1' }).waitFor();
    expect(ui.problems).toEqual([]);
  });

  it('in Vietnamese: names a deleted destination its filter was set to', async () => {
    await setLanguage(ui.serve, ui.page, 'vi');
    const sheet = await ui.serve.api('createDestination', {
      body: { name: 'Sổ cũ', url: 'http://127.0.0.1:9/sheet', paused: true },
    });
    expect((await post(await ui.serve.posUrl(), order(8_100_004, 'SHEET-1'), orderAdd)).status).toBe(200);
    await ui.page.evaluate(`window.location.hash = '#/log?destinationId=${sheet.id}'`);
    await ui.page.getByTestId('log-row').filter({ hasText: 'SHEET-1' }).waitFor();
    const filter = ui.page.getByLabel('Nơi nhận').and(ui.page.getByRole('combobox'));
    // The page names it by what it listed: its list must have had it (created by the API, it comes by the stream).
    await filter.locator('option', { hasText: 'Sổ cũ' }).waitFor({ state: 'attached' });
    await ui.serve.api('deleteDestination', { params: { id: sheet.id } });
    await expect
      .poll(() =>
        filter.evaluate(
          (select) => (select as unknown as { selectedOptions: { text: string }[] }).selectedOptions[0]?.text,
        ),
      )
      .toBe('“Sổ cũ” (đã xóa)');
    await screenshot(ui.page, 'log-filter-deleted-destination-vi');
    await filter.selectOption({ label: 'Tất cả' });
    expect(ui.problems).toEqual([]);
  });
});
