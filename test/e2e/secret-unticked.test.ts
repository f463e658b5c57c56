import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';

/**
 * A saved secret header renamed to a harmless name and unticked. Before, Save said only "Saved": the secret value
 * was dropped without a word and the header went out empty. A secret is never shown, so it cannot become a plain
 * value: the editor says to type it, and the engine refuses the header without it.
 */
describe.skipIf(!hasChromium)('a saved secret header unticked in the editor (Chromium, real serve)', () => {
  // The save refused on purpose answers 400, which the browser logs.
  const ui = useDashboard({ timeout: 90_000, expected: /status of 400/ });

  it('asks for its value to be typed, refuses to save it empty, and saves it typed', { timeout: 90_000 }, async () => {
    const { id } = await ui.serve.api('createDestination', {
      body: {
        name: 'Kế toán',
        url: 'http://127.0.0.1:9/hook',
        events: ['*'],
        settings: { headers: [{ name: 'Authorization', value: 'Bearer KeToan77', secret: true }] },
      },
    });
    await openPage(ui.page, 'Destinations');
    await ui.page.getByRole('article', { name: 'Kế toán' }).getByRole('button', { name: 'Edit' }).click();
    const editor = ui.page.getByRole('form', { name: 'Kế toán' });
    await editor.locator('input[name="settings.headers.0.name"]').fill('X-Trace');
    const secretBox = editor.getByRole('checkbox', { name: 'Secret' });
    await expect(secretBox.isChecked()).resolves.toBe(true);
    await expect(editor.getByTestId('header-secret-unticked').count()).resolves.toBe(0);
    await secretBox.uncheck();
    await editor
      .getByTestId('header-secret-unticked')
      .getByText(
        'Its saved value was secret, and a secret is never shown, so it cannot become a plain value: type the value this header should send.',
        { exact: true },
      )
      .waitFor();
    const value = editor.locator('input[name="settings.headers.0.value"]');
    await expect(value.inputValue()).resolves.toBe('');
    await expect(value.getAttribute('aria-required')).resolves.toBe('true');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.getByText('Enter a value for the X-Trace header.', { exact: true }).waitFor();
    await screenshot(ui.page, 'secret-unticked-en');
    const [kept] = await ui.serve.api('listDestinations');
    expect(kept!.settings.headers).toEqual([{ name: 'Authorization', value: null, secret: true, valueSet: true }]);

    await setLanguage(ui.serve, ui.page, 'vi');
    await editor
      .getByTestId('header-secret-unticked')
      .getByText(
        'Giá trị đã lưu của nó là bí mật, mà giá trị bí mật không bao giờ được hiển thị, nên không thể thành giá trị thường: hãy gõ giá trị mà trường tiêu đề này cần gửi.',
        { exact: true },
      )
      .waitFor();
    await screenshot(ui.page, 'secret-unticked-vi');
    await setLanguage(ui.serve, ui.page, 'en');

    await value.fill('shop-1');
    await editor.getByRole('button', { name: 'Save' }).click();
    await ui.page.getByRole('status').getByText('Saved').waitFor();
    const saved = (await ui.serve.api('listDestinations')).find((destination) => destination.id === id)!;
    expect(saved.settings.headers).toEqual([{ name: 'X-Trace', value: 'shop-1', secret: false, valueSet: true }]);
    expect(ui.problems).toEqual([]);
  });
});
