import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { ARTIFACTS, openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';

/**
 * A form open on the dashboard while the same thing is changed elsewhere (another window, the tray, the API): what the
 * merchant changed here and was also changed there is said above Save, which would otherwise put theirs in its place
 * without a word; what they left alone follows the change; an editor whose destination is deleted says so.
 */
describe.skipIf(!hasChromium)('a form open while the same thing changes elsewhere (Chromium, real serve)', () => {
  const ui = useDashboard({ viewport: { width: 1280, height: 900 } });
  beforeAll(() => ui.page.setDefaultTimeout(10_000));

  it('says which field of an open destination editor was changed elsewhere, and takes the saved value on request', async () => {
    const created = await ui.serve.api('createDestination', {
      body: { name: 'Order CRM', url: 'http://127.0.0.1:9/hook', paused: true },
    });
    await openPage(ui.page, 'Destinations');
    await ui.page.getByRole('article', { name: 'Order CRM' }).getByRole('button', { name: 'Edit' }).click();
    // Named by the destination's name, which changes below.
    const editor = ui.page.locator('form.editor');
    await editor.getByLabel('Name').fill('Till CRM');
    const warning = editor.getByTestId('changed-elsewhere');
    await ui.serve.api('updateDestination', {
      params: { id: created.id },
      body: { name: 'CRM from the tray', url: 'http://127.0.0.1:9/hook?from=tray' },
    });
    // The address, left alone here, follows the change; the name, changed on both sides, is said.
    await expect.poll(() => editor.getByLabel('Address (URL)').inputValue()).toBe('http://127.0.0.1:9/hook?from=tray');
    await warning
      .getByText(
        'While you were editing, “Name” was changed elsewhere (in another window, from the tray or by another program). Save puts what you entered here in its place.',
      )
      .waitFor();
    await expect(editor.getByLabel('Name').inputValue()).resolves.toBe('Till CRM');
    await warning.scrollIntoViewIfNeeded();
    await ui.page.screenshot({ path: join(ARTIFACTS, 'changed-elsewhere-destination.png') });
    await warning.getByRole('button', { name: 'Use the saved values' }).click();
    await warning.waitFor({ state: 'detached' });
    await expect(editor.getByLabel('Name').inputValue()).resolves.toBe('CRM from the tray');

    // A change elsewhere to the very value typed here is no conflict.
    await editor.getByLabel('Name').fill('Shop CRM');
    await ui.serve.api('updateDestination', { params: { id: created.id }, body: { name: 'Shop CRM' } });
    await editor.getByRole('heading', { name: 'Shop CRM' }).waitFor();
    await expect(warning.count()).resolves.toBe(0);
    await ui.page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('says so when the destination open in the editor is deleted elsewhere', async () => {
    const created = await ui.serve.api('createDestination', {
      body: { name: 'Old sheet', url: 'http://127.0.0.1:9/sheet', paused: true },
    });
    await ui.page.getByRole('article', { name: 'Old sheet' }).getByRole('button', { name: 'Edit' }).click();
    const editor = ui.page.getByRole('form', { name: 'Old sheet' });
    await editor.getByLabel('Name').fill('Old sheet (2025)');
    await ui.serve.api('deleteDestination', { params: { id: created.id } });
    await ui.page
      .getByRole('alert')
      .getByText(
        '“Old sheet” was deleted elsewhere (in another window, from the tray or by another program) while it was open here: any change you made to it here was not saved.',
      )
      .waitFor();
    await editor.waitFor({ state: 'detached' });
    await ui.page.getByRole('alert').getByRole('button', { name: 'Close' }).click();
  });

  it('does not say a destination deleted from its own editor was deleted elsewhere', async () => {
    await ui.serve.api('createDestination', {
      body: { name: 'Spare hook', url: 'http://127.0.0.1:9/x', paused: true },
    });
    await ui.page.getByRole('article', { name: 'Spare hook' }).getByRole('button', { name: 'Edit' }).click();
    await ui.page.getByRole('form', { name: 'Spare hook' }).getByRole('button', { name: 'Delete' }).click();
    await ui.page.getByTestId('delete-confirm').getByRole('button', { name: 'Delete for good' }).click();
    await ui.page.getByRole('article', { name: 'Spare hook' }).waitFor({ state: 'detached' });
    await expect(ui.page.getByText('was deleted elsewhere').count()).resolves.toBe(0);
  });

  it('says which setting typed on Settings was changed elsewhere, and Save then keeps the saved one if asked', async () => {
    await openPage(ui.page, 'Settings');
    const retention = ui.page.getByLabel('Keep events for (days)');
    await retention.fill('20');
    await ui.serve.api('putSettings', { body: { retentionDays: 40 } });
    const warning = ui.page.getByTestId('changed-elsewhere');
    await warning.getByText('“Keep events for (days)”', { exact: false }).waitFor();
    await screenshot(ui.page, 'changed-elsewhere-settings');
    await warning.getByRole('button', { name: 'Use the saved values' }).click();
    await expect.poll(() => retention.inputValue()).toBe('40');
    await ui.page.getByLabel('Detailed logging (for support)').check();
    await ui.page.getByRole('button', { name: 'Save' }).first().click();
    await ui.page.getByRole('status').getByText('Saved').waitFor();
    await expect(ui.serve.api('getSettings')).resolves.toMatchObject({ retentionDays: 40, debugLogging: true });
  });

  it('says which field of a source card was changed elsewhere', async () => {
    const [pos] = await ui.serve.api('listSources');
    await openPage(ui.page, 'Sources');
    const card = ui.page.getByRole('form', { name: 'POS' });
    await card.getByLabel('Name').fill('Counter till');
    await ui.serve.api('updateSource', { params: { id: pos!.id }, body: { name: 'Till 1' } });
    const renamed = ui.page.getByRole('form', { name: 'Till 1' });
    await renamed.getByTestId('changed-elsewhere').getByText('“Name”', { exact: false }).waitFor();
    await renamed.getByRole('button', { name: 'Use the saved values' }).click();
    await expect.poll(() => renamed.getByLabel('Name').inputValue()).toBe('Till 1');
    await expect(renamed.getByTestId('changed-elsewhere').count()).resolves.toBe(0);
  });

  // The card vanished without a word, and the changes typed in it with it; a destination's editor said so.
  for (const [language, page, name, close, sentence] of [
    [
      'en',
      'Sources',
      'Name',
      'Close',
      '“Old shop” was deleted elsewhere (in another window or by another program) while you were changing it here: the changes you made to it here were not saved.',
    ],
    [
      'vi',
      'Nguồn',
      'Tên',
      'Đóng',
      '“Old shop” đã bị xoá ở nơi khác (ở cửa sổ khác hoặc bởi chương trình khác) trong lúc bạn đang sửa nó ở đây: những gì bạn sửa ở đây chưa được lưu.',
    ],
  ] as const) {
    it(`${language}: says so when a source with unsaved changes on its card is deleted elsewhere`, async () => {
      await setLanguage(ui.serve, ui.page, language);
      const created = await ui.serve.api('createSource', { body: { name: 'Old shop', kind: 'generic' } });
      await openPage(ui.page, page);
      const card = ui.page.getByRole('form', { name: 'Old shop' });
      await card.getByLabel(name, { exact: true }).fill('Old shop (2025)');
      await ui.serve.api('deleteSource', { params: { id: created.id } });
      await card.waitFor({ state: 'detached' });
      await ui.page.getByRole('alert').getByText(sentence, { exact: true }).waitFor();
      await screenshot(ui.page, `source-deleted-elsewhere-${language}`);
      await ui.page.getByRole('alert').getByRole('button', { name: close }).click();
      await ui.page.getByRole('alert').getByText(sentence).waitFor({ state: 'detached' });
    });
  }

  it('does not say a source deleted from its own card, or one deleted elsewhere with nothing changed, was deleted elsewhere', async () => {
    await setLanguage(ui.serve, ui.page, 'en');
    const spare = await ui.serve.api('createSource', { body: { name: 'Spare till', kind: 'generic' } });
    const card = ui.page.getByRole('form', { name: 'Spare till' });
    await card.getByLabel('Name', { exact: true }).fill('Spare till 2');
    await card.getByRole('button', { name: 'Delete' }).click();
    await ui.page.getByTestId('delete-confirm').getByRole('button', { name: 'Delete for good' }).click();
    await card.waitFor({ state: 'detached' });
    const untouched = await ui.serve.api('createSource', { body: { name: 'Untouched', kind: 'generic' } });
    await ui.page.getByRole('form', { name: 'Untouched' }).waitFor();
    await ui.serve.api('deleteSource', { params: { id: untouched.id } });
    await ui.page.getByRole('form', { name: 'Untouched' }).waitFor({ state: 'detached' });
    await expect(ui.page.getByText('was deleted elsewhere').count()).resolves.toBe(0);
    expect(spare.id).toBeTruthy();
  });

  it('logged no console errors', () => {
    expect(ui.problems).toEqual([]);
  });
});
