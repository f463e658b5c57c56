import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';

/**
 * What the destination and source forms show before and at the first Save: the events a new Zithara destination
 * starts with are those the shop's own systems send, and every problem the form can know is said at once.
 */
describe.skipIf(!hasChromium)('the forms’ first ticks and first Save (Chromium, real serve)', () => {
  const ui = useDashboard();

  const form = () => ui.page.getByRole('form', { name: 'Add destination' });
  // Also in the folded list of systems the shop has no source for.
  const box = (event: string) =>
    form().getByRole('checkbox', { name: new RegExp(`\\b${event.replace('.', '\\.')}$`), includeHidden: true });

  it('ticks only Teamcrop’s events for a shop with a Teamcrop till, keeps what the owner ticks, and says why all are ticked without one', async () => {
    await ui.serve.api('createSource', { body: { name: 'Till', kind: 'teamcrop' } });
    await openPage(ui.page, 'Sources', 'Sources');
    await ui.page.getByRole('heading', { level: 3, name: 'Till' }).waitFor();
    await openPage(ui.page, 'Destinations', 'Destinations');
    await ui.page.getByRole('button', { name: 'Add destination' }).click();
    await form().getByLabel('Kind').selectOption('zithara');
    await expect.poll(() => box('order.add').isChecked()).toBe(true);
    // The shop has no Magento: none of its events is ticked, and its list stays folded away.
    for (const event of ['sales_order_place_after', 'customer_save_after', 'checkout_cart_save_after'])
      await expect(box(event).isChecked()).resolves.toBe(false);
    await expect(form().getByTestId('no-shop-senders').count()).resolves.toBe(0);
    await screenshot(ui.page, 'zithara-events-teamcrop-en');

    // What the owner ticks stays through a change of kind and back.
    await form().getByText('1 more system with no source of its own here').click();
    await box('sales_order_place_after').check();
    await box('order.edit').uncheck();
    await form().getByLabel('Kind').selectOption('webhook');
    await form().getByLabel('Kind').selectOption('zithara');
    await expect.poll(() => box('sales_order_place_after').isChecked()).toBe(true);
    await expect(box('order.edit').isChecked()).resolves.toBe(false);
    await expect(box('order.add').isChecked()).resolves.toBe(true);
    await form().getByRole('button', { name: 'Cancel' }).click();

    // With no source that says its system, every event Zithara takes is ticked, and the form says why.
    const till = (await ui.serve.api('listSources')).find((source) => source.name === 'Till')!;
    await ui.serve.api('deleteSource', { params: { id: till.id } });
    // The page has heard of it (Sources no longer lists it) before the form is opened.
    await openPage(ui.page, 'Sources', 'Sources');
    await ui.page.getByRole('heading', { level: 3, name: 'Till' }).waitFor({ state: 'detached' });
    await openPage(ui.page, 'Destinations', 'Destinations');
    await ui.page.getByRole('button', { name: 'Add destination' }).click();
    await form().getByLabel('Kind').selectOption('zithara');
    await form()
      .getByTestId('no-shop-senders')
      .getByText('None of your sources is set as Teamcrop POS, Magento, the systems Zithara CRM takes events from', {
        exact: false,
      })
      .waitFor();
    await expect.poll(() => box('sales_order_place_after').isChecked()).toBe(true);
    await expect(box('order.add').isChecked()).resolves.toBe(true);
    await setLanguage(ui.serve, ui.page, 'vi');
    await ui.page.getByTestId('no-shop-senders').getByText('Chưa có nguồn nào được đặt là', { exact: false }).waitFor();
    await screenshot(ui.page, 'zithara-events-none-vi');
    await setLanguage(ui.serve, ui.page, 'en');
  });

  it('shows every problem the form can know at the first Save: the name, the address, the client id and secret', async () => {
    await form().getByRole('button', { name: 'Cancel' }).click();
    await ui.page.getByRole('button', { name: 'Add destination' }).click();
    await form().getByLabel('Kind').selectOption('zithara');
    const sent: string[] = [];
    const watch = (request: { method: () => string; url: () => string }) => {
      if (request.method() === 'POST') sent.push(new URL(request.url()).pathname);
    };
    ui.page.on('request', watch);
    await form().getByRole('button', { name: 'Save' }).click();
    const errorUnder = (label: string | RegExp) =>
      form().locator('label').filter({ hasText: label }).locator('.field-error');
    await errorUnder('Client secret').getByText('Fill in this field.').waitFor();
    await errorUnder('Client id').getByText('Fill in this field.').waitFor();
    await expect(errorUnder(/^Name/).count()).resolves.toBe(1);
    await expect(errorUnder('Zithara API address').count()).resolves.toBe(1);
    // All of it from the form: nothing was sent for the engine to refuse a field at a time.
    expect(sent.filter((path) => path === '/api/destinations')).toEqual([]);
    await screenshot(ui.page, 'zithara-all-errors-en');
    await setLanguage(ui.serve, ui.page, 'vi');
    await ui.page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => ui.page.locator('form.editor .field-error').getByText('Hãy điền mục này.').count()).toBe(2);
    await screenshot(ui.page, 'zithara-all-errors-vi');
    await setLanguage(ui.serve, ui.page, 'en');
    ui.page.off('request', watch);
    await form().getByRole('button', { name: 'Cancel' }).click();
  });

  it('names a new source’s empty name and its missing key value at the same Save', async () => {
    await openPage(ui.page, 'Sources', 'Sources');
    await ui.page.getByRole('button', { name: 'Add source' }).click();
    const source = ui.page.getByRole('form', { name: 'Add source' });
    await source.getByRole('button', { name: 'Create source' }).click();
    await source
      .locator('.field-error')
      .getByText('Enter a value (make one up, or press Generate)', { exact: false })
      .waitFor();
    await expect(source.locator('.field-error').count()).resolves.toBe(2);
    await screenshot(ui.page, 'source-first-save-en');
    await source.getByRole('button', { name: 'Cancel' }).click();
    expect(ui.problems).toEqual([]);
  });
});
