import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { orderAdd, post, teamcropOrderRaw } from '../helpers/fixtures.js';

/**
 * A shopkeeper who mistyped the key in Teamcrop: every sale is refused (401), and the Overview and the source's card
 * say so in red, with the reason and where to look, until a sale with the right key is taken; no reload needed.
 */
describe.skipIf(!hasChromium)('a source refusing every order, said on the Overview and its card (Chromium)', () => {
  let ingestUrl = '';
  const ui = useDashboard({
    expected: /401/,
    prepare: async (serve) => {
      const source = await serve.api('createSource', {
        body: {
          name: 'Quầy Teamcrop',
          kind: 'teamcrop',
          verification: { type: 'header', header: 'X-Shop-Key', value: 'the-right-key' },
        },
      });
      ingestUrl = source.ingestUrl;
    },
  });

  beforeAll(() => {
    ui.page.setDefaultTimeout(10_000);
  });

  it('shows nothing while the source works, then a red line once its orders are refused, without a reload', async () => {
    await ui.page.getByTestId('today-card').waitFor();
    expect(await ui.page.getByTestId('refusing-source').count()).toBe(0);
    for (const key of ['a-typo', 'another-typo'])
      expect((await post(ingestUrl, teamcropOrderRaw, { ...orderAdd, 'X-Shop-Key': key })).status).toBe(401);
    const line = ui.page.getByTestId('refusing-source');
    await line.getByText('2 requests refused in the last 24 hours, and none taken since.').waitFor();
    expect(await line.locator('strong').textContent()).toBe('Hookferry is refusing what “Quầy Teamcrop” sends:');
    expect(await line.getByTestId('refusing-reason').textContent()).toMatch(
      /^The latest, at .+: The X-Shop-Key header does not carry the expected value\./,
    );
    expect(await line.getByRole('link', { name: 'See what was refused' }).getAttribute('href')).toMatch(
      /^#\/log\?status=rejected&sourceId=src_/,
    );
    await screenshot(ui.page, 'refusing-source-overview-en-1280');
  });

  it('says it in Vietnamese, at 1366 and 800 px', async () => {
    await setLanguage(ui.serve, ui.page, 'vi');
    const line = ui.page.getByTestId('refusing-source');
    await line.getByText('2 yêu cầu bị từ chối trong 24 giờ qua, và từ đó chưa nhận được yêu cầu nào.').waitFor();
    await line.getByText(/Lần gần nhất, lúc .+: Trường tiêu đề \(header\) X-Shop-Key/).waitFor();
    for (const width of [1366, 800]) {
      await ui.page.setViewportSize({ width, height: 800 });
      await screenshot(ui.page, `refusing-source-overview-vi-${width}`);
    }
    await setLanguage(ui.serve, ui.page, 'en');
    await ui.page.setViewportSize({ width: 1366, height: 800 });
    await screenshot(ui.page, 'refusing-source-overview-en-1366');
  });

  it('leads to the source’s card, which says the same', async () => {
    await ui.page.getByTestId('refusing-source').getByRole('link', { name: 'Open the source' }).click();
    const card = ui.page.locator('[data-source-id]').filter({ hasText: 'Quầy Teamcrop' });
    await card.getByTestId('refusing-source').getByText('2 requests refused', { exact: false }).waitFor();
    expect(await card.getByTestId('refusing-source').getByRole('link', { name: 'Open the source' }).count()).toBe(0);
    await screenshot(ui.page, 'refusing-source-card-en');
  });

  it('goes once an order with the right key is taken', async () => {
    expect((await post(ingestUrl, teamcropOrderRaw, { ...orderAdd, 'X-Shop-Key': 'the-right-key' })).status).toBe(200);
    await ui.page.getByTestId('refusing-source').waitFor({ state: 'detached' });
    await openPage(ui.page, 'Overview');
    await ui.page.getByTestId('today-card').waitFor();
    expect(await ui.page.getByTestId('refusing-source').count()).toBe(0);
    expect(ui.problems).toEqual([]);
  });
});
