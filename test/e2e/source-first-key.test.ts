import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';

/**
 * A source's card switched from no check to a key or a signature, nothing saved for it yet: its help says what Save
 * will do, not that it replaces an old value there is none of; a saved one's help still says it does.
 */
describe.skipIf(!hasChromium)('a source’s first key, said as a first one (Chromium, real serve)', () => {
  const ui = useDashboard({
    prepare: async (serve) => {
      await serve.api('createSource', {
        body: {
          name: 'Quầy có khóa',
          kind: 'teamcrop',
          verification: { type: 'header', header: 'X-Shop-Key', value: 'the-saved-key' },
        },
      });
    },
  });

  beforeAll(() => {
    ui.page.setDefaultTimeout(10_000);
  });

  it('says a first value will be checked once saved, in Vietnamese and English, and names WooCommerce’s secret too', async () => {
    await setLanguage(ui.serve, ui.page, 'vi');
    await openPage(ui.page, 'Nguồn', 'Nguồn');
    const card = ui.page.getByRole('form', { name: 'POS', exact: true });
    const help = card.getByTestId('value-made-here');
    await card.getByLabel('Xác thực').selectOption({ label: 'Khóa bí mật gửi kèm' });
    await expect(help.textContent()).resolves.toMatch(
      /Hãy chép lại trước khi bấm Lưu: Hookferry không hiện lại giá trị đã lưu\. Sau khi lưu, nơi gửi sẽ bị từ chối cho đến khi gửi kèm đúng giá trị này\./,
    );
    await expect(help.textContent()).resolves.not.toContain('thay giá trị cũ');
    await screenshot(ui.page, 'source-first-key-vi');
    await card.getByLabel('Xác thực').selectOption({ label: 'Chữ ký (HMAC)' });
    await expect(help.textContent()).resolves.toMatch(/^Nếu nơi gửi cấp sẵn khóa bí mật \(Shopify và WooCommerce có\)/);
    await expect(help.textContent()).resolves.not.toContain('thay khóa cũ');
    // A card whose value is saved: Save does put the new one in place of it.
    const keyed = ui.page.getByRole('form', { name: 'Quầy có khóa' });
    await expect(keyed.getByTestId('value-made-here').textContent()).resolves.toContain('Bấm Lưu sẽ thay giá trị cũ');

    await setLanguage(ui.serve, ui.page, 'en');
    await expect(help.textContent()).resolves.toMatch(
      /^If the sender gives you a secret \(Shopify and WooCommerce do\)/,
    );
    await expect(help.textContent()).resolves.toMatch(
      /Once saved, the sender is refused until it signs with this secret\./,
    );
    await card.getByLabel('Verification').selectOption({ label: 'Required header' });
    await expect(help.textContent()).resolves.not.toContain('in place of the old one');
    await screenshot(ui.page, 'source-first-key-en');
    expect(ui.problems).toEqual([]);
  });
});
