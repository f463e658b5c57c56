import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, useDashboard } from '../helpers/dashboard-page.js';

/**
 * A header named like a credential (`Authorization`) is ticked secret by the editor as its name is typed, with a
 * note saying why, its value typed hidden; saved, the engine keeps it sealed.
 */
describe.skipIf(!hasChromium)('a destination header named like a credential (Chromium, real serve)', () => {
  const ui = useDashboard();

  it('is ticked secret as its name is typed, says why, and is saved secret', { timeout: 90_000 }, async () => {
    const { id } = await ui.serve.api('createDestination', {
      body: { name: 'CRM hook', url: 'http://127.0.0.1:9/hook', events: ['*'] },
    });
    await openPage(ui.page, 'Destinations');
    await ui.page.getByRole('article', { name: 'CRM hook' }).getByRole('button', { name: 'Edit' }).click();
    const editor = ui.page.getByRole('form', { name: 'CRM hook' });
    await editor.getByRole('button', { name: 'Add header' }).click();
    const secretBox = editor.getByRole('checkbox', { name: 'Secret' });
    await expect(secretBox.isChecked()).resolves.toBe(false);
    await editor.locator('input[name="settings.headers.0.name"]').fill('Authorization');
    await editor.getByTestId('header-secret-by-name').waitFor();
    await expect(editor.getByTestId('header-secret-by-name').textContent()).resolves.toContain(
      'this name is for a password, key or token',
    );
    await expect(secretBox.isChecked()).resolves.toBe(true);
    await expect(secretBox.isDisabled()).resolves.toBe(true);
    const value = editor.locator('input[name="settings.headers.0.value"]');
    await expect(value.getAttribute('type')).resolves.toBe('password');
    await value.fill('Bearer EditorTok55');
    await screenshot(ui.page, 'header-secret-by-name-en');
    await editor.getByRole('button', { name: 'Save' }).click();
    await ui.page.getByRole('status').getByText('Saved').waitFor();
    const saved = (await ui.serve.api('listDestinations')).find((destination) => destination.id === id)!;
    expect(saved.settings.headers).toEqual([{ name: 'Authorization', value: null, secret: true, valueSet: true }]);
    expect(ui.problems).toEqual([]);
  });
});
