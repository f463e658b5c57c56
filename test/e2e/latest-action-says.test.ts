import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, useDashboard } from '../helpers/dashboard-page.js';
import { translatorFor } from '../../main/i18n/translator.js';

const NGROK_ERROR = 'Hãy dán authtoken ngrok của bạn (dashboard.ngrok.com → Your Authtoken) để dùng ngrok.';

/**
 * A shopkeeper's walk: Settings → ngrok → Save with no authtoken said so in a red banner (rightly); the own tunnel
 * was then chosen and saved, and the ngrok banner stayed at the top of the page over it, and over the exports after.
 * What the page says is what its latest action came to.
 */
describe.skipIf(!hasChromium)('an action’s error, after a later action on the page', () => {
  const ui = useDashboard({
    overview: 'Tổng quan',
    // The refusals this test provokes.
    expected: /status of 400/,
    prepare: async (serve) => {
      await serve.api('putSettings', { body: { language: 'vi' } });
    },
  });

  it('goes when a later save is refused beside its field, and when a later save works', async () => {
    const { page } = ui;
    page.setDefaultTimeout(10_000);
    await openPage(page, 'Cài đặt', 'Cài đặt');
    const part = page.getByTestId('public-address-settings');
    const save = part.getByRole('button', { name: 'Lưu địa chỉ công khai' });
    const ngrokError = page.locator('.banner.error').filter({ hasText: NGROK_ERROR });

    await part.getByLabel('ngrok (có sẵn, tài khoản miễn phí)').check();
    await save.click();
    await ngrokError.waitFor();

    // Refused beside its field: the field says why now, the banner about ngrok's authtoken goes.
    await part.getByLabel('Đường hầm hoặc chuyển tiếp cổng riêng của tôi').check();
    await part.getByLabel('Địa chỉ công khai của đường hầm').fill('http://192.168.1.20:42080');
    await save.click();
    await part.getByTestId('field-error').filter({ hasText: '192.168.1.20:42080' }).waitFor();
    await expect(ngrokError.count()).resolves.toBe(0);
    await screenshot(page, 'latest-action-field-refusal-vi');

    // Back to ngrok's error, then a save that works: "Đã lưu", and no red banner over it.
    await part.getByLabel('ngrok (có sẵn, tài khoản miễn phí)').check();
    await save.click();
    await ngrokError.waitFor();
    await part.getByLabel('Đường hầm hoặc chuyển tiếp cổng riêng của tôi').check();
    // .invalid: never a real name (RFC 6761), so the engine's check of it reaches no one.
    await part.getByLabel('Địa chỉ công khai của đường hầm').fill('https://shop.invalid');
    await save.click();
    await page.getByRole('status').getByText('Đã lưu').waitFor();
    await expect(ngrokError.count()).resolves.toBe(0);
    await expect(page.locator('.banner.error').count()).resolves.toBe(0);
    await screenshot(page, 'latest-action-saved-vi');
    expect((await ui.serve.api('getSettings')).publicAddress).toMatchObject({
      mode: 'own',
      url: 'https://shop.invalid',
    });
    expect(ui.problems).toEqual([]);
  }, 60_000);

  // The import's preview said "bấm Tiếp tục gửi trên thẻ của nó" beside cards whose button is "Tiếp tục".
  it('goes when a later import works, whose preview names the card’s button as the card labels it', async () => {
    const { page } = ui;
    const picker = page.locator('input[type=file]');
    await picker.setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from('name,kind\nPOS,x') });
    const wrongFile = page.locator('.banner.error').filter({ hasText: 'Tệp này không phải cấu hình Hookferry' });
    await wrongFile.waitFor();
    const file = { hookferry: 1, destinations: [{ name: 'Webhook kho', url: 'http://127.0.0.1:9/kho' }] };
    await picker.setInputFiles({
      name: 'config-modified.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    const preview = page.getByTestId('import-preview');
    const resume = translatorFor('vi')('destinationCard.resume');
    await preview.getByText(`bấm ${resume} trên thẻ của nó trong mục Nơi nhận`, { exact: false }).waitFor();
    await expect(wrongFile.count()).resolves.toBe(0);
    await screenshot(page, 'latest-action-import-preview-vi');
    await preview.getByRole('button', { name: 'Nhập', exact: true }).click();
    // By its words: the earlier test's shop.invalid may by now have its own status line, "cannot reach".
    await page.getByRole('status').filter({ hasText: 'Đã nhập cấu hình' }).waitFor();
    await openPage(page, 'Nơi nhận', 'Nơi nhận');
    const card = page.getByTestId('destination-card').filter({ hasText: 'Webhook kho' });
    await card.getByRole('button', { name: resume, exact: true }).waitFor();
    expect(ui.problems).toEqual([]);
  }, 60_000);
});
