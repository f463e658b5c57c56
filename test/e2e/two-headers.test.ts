import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, useDashboard } from '../helpers/dashboard-page.js';

/**
 * Met in passing by another change: adding a second header emptied the first (the list the editor added to was the
 * one before anything was typed), so a destination with two headers could not be saved ("Give the header a name").
 */
describe.skipIf(!hasChromium)('a destination with two custom headers (Chromium, real serve)', () => {
  const ui = useDashboard();

  it(
    'saves both, added one after the other, and deleting one keeps the other as typed',
    { timeout: 90_000 },
    async () => {
      const { id } = await ui.serve.api('createDestination', {
        body: { name: 'Stock sync', url: 'http://127.0.0.1:9/hook', events: ['*'] },
      });
      await openPage(ui.page, 'Destinations');
      const edit = async () => {
        await ui.page.getByRole('article', { name: 'Stock sync' }).getByRole('button', { name: 'Edit' }).click();
        return ui.page.getByRole('form', { name: 'Stock sync' });
      };
      let editor = await edit();
      const nameAt = (index: number) => editor.locator(`input[name="settings.headers.${index}.name"]`);
      const valueAt = (index: number) => editor.locator(`input[name="settings.headers.${index}.value"]`);
      for (const [index, name, value] of [
        [0, 'X-Webhook', 'one'],
        [1, 'X-Shop', 'two'],
        [2, 'X-Till', 'three'],
      ] as const) {
        await editor.getByRole('button', { name: 'Add header' }).click();
        await nameAt(index).fill(name);
        await valueAt(index).fill(value);
      }
      await expect(nameAt(0).inputValue()).resolves.toBe('X-Webhook');
      // The first deleted: each row left shows its own header.
      await editor.getByRole('button', { name: 'Delete', exact: true }).first().click();
      await expect(nameAt(0).inputValue()).resolves.toBe('X-Shop');
      await expect(valueAt(1).inputValue()).resolves.toBe('three');
      await editor.getByRole('button', { name: 'Save' }).click();
      await ui.page.getByRole('status').getByText('Saved').waitFor();
      const headersOf = async () =>
        (await ui.serve.api('listDestinations')).find((destination) => destination.id === id)!.settings.headers;
      await expect(headersOf()).resolves.toEqual([
        { name: 'X-Shop', valueSet: true, value: 'two', secret: false },
        { name: 'X-Till', valueSet: true, value: 'three', secret: false },
      ]);

      editor = await edit();
      await editor.getByRole('button', { name: 'Add header' }).click();
      await nameAt(2).fill('X-Shop-Key');
      await valueAt(2).fill('four');
      await screenshot(ui.page, 'two-headers-editor-en');
      await editor.getByRole('button', { name: 'Save' }).click();
      await expect.poll(async () => ((await headersOf()) as unknown[]).length).toBe(3);
      expect(ui.problems).toEqual([]);
    },
  );
});
