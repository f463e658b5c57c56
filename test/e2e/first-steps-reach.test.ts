import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';

/**
 * A first start: the Overview named where to add a destination in plain text, and a source created at the bottom of
 * a page of sources was added out of sight, its address to paste with it.
 */
describe.skipIf(!hasChromium)('the first steps lead where they say', () => {
  const ui = useDashboard({
    overview: 'Tổng quan',
    viewport: { width: 1366, height: 700 },
    prepare: async (serve) => {
      await serve.api('putSettings', { body: { language: 'vi' } });
      for (const name of ['Quầy 1', 'Quầy 2', 'Quầy 3'])
        await serve.api('createSource', { body: { name, kind: 'generic' } });
    },
  });

  it('links the empty Overview to Destinations, and shows a new source where it was added', async () => {
    const { page, serve } = ui;
    await screenshot(page, 'first-steps-overview-vi');
    await page.getByTestId('no-destinations').getByRole('link', { name: 'Thêm nơi nhận' }).click();
    await page.getByRole('heading', { level: 2, name: 'Nơi nhận' }).waitFor();
    await setLanguage(serve, page, 'en');
    await openPage(page, 'Overview', 'Overview');
    await page.getByTestId('no-destinations').getByRole('link', { name: 'Add a destination' }).waitFor();
    await screenshot(page, 'first-steps-overview-en');
    await setLanguage(serve, page, 'vi');

    await openPage(page, 'Nguồn', 'Nguồn');
    await page.getByRole('button', { name: 'Thêm nguồn' }).click();
    const form = page.getByRole('form', { name: 'Thêm nguồn' });
    await form.getByLabel('Tên', { exact: true }).fill('Web Shopify mới');
    await form.getByLabel('Loại').selectOption({ label: 'Hệ thống bất kỳ (chung)' });
    await form.getByLabel('Xác thực').selectOption({ label: 'Không' });
    await form.getByRole('button', { name: 'Tạo nguồn' }).click();
    const card = page.getByRole('form', { name: 'Web Shopify mới' });
    await card.waitFor();
    // Its card is in view: its top between the window's top and bottom.
    const inView = () =>
      page.evaluate<boolean>(`(() => {
        const card = [...document.querySelectorAll('form.card')].find(
          (form) => form.querySelector('h3')?.textContent === 'Web Shopify mới',
        );
        const { top } = card.getBoundingClientRect();
        return top >= 0 && top < window.innerHeight;
      })()`);
    await expect.poll(inView).toBe(true);
    await screenshot(page, 'first-steps-source-created-vi');
    expect(ui.problems).toEqual([]);
  }, 60_000);
});
