import { describe, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';

/**
 * A Zithara client secret no HTTP header can carry (a Vietnamese accent) is refused under its field, in the
 * dashboard's language, not saved to fail every try as "could not reach Zithara".
 */
describe.skipIf(!hasChromium)(
  'a Zithara client secret with letters a header cannot carry (Chromium, real serve)',
  () => {
    const ui = useDashboard();

    it('says under the Client secret field what to type instead, in English and Vietnamese', async () => {
      await openPage(ui.page, 'Destinations', 'Destinations');
      await ui.page.getByRole('button', { name: 'Add destination' }).click();
      const form = ui.page.getByRole('form', { name: 'Add destination' });
      await form.getByLabel('Kind').selectOption('zithara');
      await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Zithara CRM');
      await form.getByLabel('Zithara API address').fill('https://crm.example.com/v1');
      await form.getByLabel('Client id').fill('shop-1');
      await form.getByLabel('Client secret').fill('mậtkhẩu-zithara-2026');
      await form.getByRole('button', { name: 'Save' }).click();
      const errorUnder = (label: string) => form.locator('label').filter({ hasText: label }).locator('.field-error');
      await errorUnder('Client secret')
        .getByText('The client secret cannot hold line breaks, tabs or other control characters', { exact: false })
        .waitFor();
      await screenshot(ui.page, 'zithara-secret-chars-en');
      await setLanguage(ui.serve, ui.page, 'vi');
      await ui.page.getByRole('button', { name: 'Lưu', exact: true }).click();
      await ui.page
        .locator('form.editor .field-error')
        .getByText('Khóa “Client Secret” không được chứa xuống dòng', { exact: false })
        .waitFor();
      await screenshot(ui.page, 'zithara-secret-chars-vi');
      await setLanguage(ui.serve, ui.page, 'en');
    });
  },
);
