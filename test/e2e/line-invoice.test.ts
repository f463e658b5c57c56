import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { post, teamcropOrder } from '../helpers/fixtures.js';

/**
 * A shopkeeper's walk: an order line's row and drawer read "Thêm sản phẩm vào đơn · 3000003 · …", Teamcrop's
 * internal order id. They read the invoice number the shopkeeper knows.
 */
describe.skipIf(!hasChromium)('an order line in the live log (Chromium, real serve)', () => {
  let pos: string;
  const ui = useDashboard({
    prepare: async (serve) => {
      pos = await serve.posUrl();
      await serve.api('putSettings', { body: { language: 'vi' } });
    },
    overview: 'Tổng quan',
  });
  const as = (type: string) => ({ 'content-type': 'application/json', 'Tc-Webhook-Event': type });

  it('names the line by its order’s invoice number in the row and the drawer’s title, in both languages', async () => {
    await openPage(ui.page, 'Nhật ký trực tiếp');
    const invoice = 'SPIRAL-021226-0003-AA03';
    await post(pos, JSON.stringify({ ...teamcropOrder, id: 3000003, invoice_id: invoice }), as('order.add'));
    const line = { id: 71, order_id: 3000003, sku: 'SKU-71', product_name: 'Áo dài lụa', quantity: 1, price: 509000 };
    await post(pos, JSON.stringify(line), as('order.additem'));

    const vi = `Thêm sản phẩm vào đơn · ${invoice} · 509.000 ₫ · Áo dài lụa`;
    const row = ui.page.getByTestId('log-row').filter({ hasText: 'Áo dài lụa' });
    await row.locator('.summary').getByText(vi, { exact: true }).waitFor();
    expect(await row.textContent()).not.toContain('3000003');
    await row.click();
    await ui.page.locator('#drawer-title').getByText(vi, { exact: true }).waitFor();
    await screenshot(ui.page, 'line-invoice-vi');
    await setLanguage(ui.serve, ui.page, 'en');
    const en = `Item added to an order · ${invoice} · 509.000 ₫ · Áo dài lụa`;
    await ui.page.locator('#drawer-title').getByText(en, { exact: true }).waitFor();
    await row.locator('.summary').getByText(en, { exact: true }).waitFor();
    await screenshot(ui.page, 'line-invoice-en');
    expect(ui.problems).toEqual([]);
  }, 120_000);
});
