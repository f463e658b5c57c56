import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { screenshot, useDashboard } from '../helpers/dashboard-page.js';

/**
 * The Sources page, where a shopkeeper creates a Teamcrop source, says its address (127.0.0.1 here, no public
 * address) cannot be reached by a cloud POS, and that the header's value is theirs to make up.
 */
describe.skipIf(!hasChromium)('a source’s address, and who can reach it (Chromium, real serve)', () => {
  const ui = useDashboard({ overview: null });

  beforeAll(async () => {
    ui.page.setDefaultTimeout(10_000);
    await ui.page.goto(ui.serve.runtime.dashboardUrl);
    await ui.page.getByRole('link', { name: 'Sources', exact: true }).click();
    await ui.page.getByRole('heading', { level: 2, name: 'Sources' }).waitFor();
  });

  it('says in English that Teamcrop cannot reach a this-PC address, and generates the header value', async () => {
    await ui.page.getByRole('button', { name: 'Add source' }).click();
    const form = ui.page.getByRole('form', { name: 'Add source' });
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Teamcrop shop');
    await expect(form.getByLabel('Value').getAttribute('placeholder')).resolves.toBe('Made up by you');
    await form
      .getByText(
        'You make up this value: type any long word, or press Generate; then enter the same header name and value in the sender. Copy it before you save: Hookferry does not show it again. On a saved source, Save puts the new value in place of the old one, and the sender is refused until it has the new one.',
      )
      .waitFor();
    await form.getByRole('button', { name: 'Generate' }).click();
    // Shown in clear, so it can be copied into the POS.
    await expect(form.getByLabel('Value').getAttribute('type')).resolves.toBe('text');
    const value = await form.getByLabel('Value').inputValue();
    expect(value).toMatch(/^[\w-]{32}$/);
    await expect(form.getByTestId('generated-value').textContent()).resolves.toBe(value);
    await form.getByRole('button', { name: 'Copy' }).waitFor();
    await screenshot(ui.page, 'source-reach-form-en');
    await form.getByRole('button', { name: 'Create source' }).click();
    await ui.page
      .getByRole('status')
      .getByText(
        'Source “Teamcrop shop” created. Its intake address works only on this PC, so Teamcrop and web shops cannot reach it: set up a public address in Settings first, then paste the address its card shows into the sender.',
      )
      .waitFor();
    const card = ui.page.getByRole('form', { name: 'Teamcrop shop' });
    await expect(card.getByTestId('source-local-only').textContent()).resolves.toBe(
      'This address works only on this PC: Teamcrop and web shops send from the internet and cannot reach it. Set up a public address first; this card then shows the address to paste. Set up a public address',
    );
    await expect(card.getByTestId('source-local-only').getByRole('link').getAttribute('href')).resolves.toBe(
      '#/settings',
    );
    expect((await ui.serve.api('listSources')).find((source) => source.name === 'Teamcrop shop')).toMatchObject({
      verification: { type: 'header', valueSet: true },
    });
    await screenshot(ui.page, 'source-reach-created-en');
    expect(ui.problems).toEqual([]);
  });

  it('says the same in Vietnamese', async () => {
    await ui.serve.api('putSettings', { body: { language: 'vi' } });
    await ui.page.reload();
    await ui.page.getByRole('heading', { level: 2, name: 'Nguồn' }).waitFor();
    await ui.page.getByRole('button', { name: 'Thêm nguồn' }).click();
    const form = ui.page.getByRole('form', { name: 'Thêm nguồn' });
    await form.getByRole('textbox', { name: 'Tên', exact: true }).fill('Teamcrop cửa hàng');
    await expect(form.getByLabel('Giá trị').getAttribute('placeholder')).resolves.toBe('Do bạn tự đặt');
    await form.getByRole('button', { name: 'Tạo ngẫu nhiên' }).click();
    await expect(form.getByLabel('Giá trị').inputValue()).resolves.toMatch(/^[\w-]{32}$/);
    await form.getByRole('button', { name: 'Tạo nguồn' }).click();
    await ui.page
      .getByRole('status')
      .getByText(
        'Đã tạo nguồn “Teamcrop cửa hàng”. Địa chỉ nhận của nó chỉ dùng được trên chính máy này, nên Teamcrop và web bán hàng không gửi tới được: hãy thiết lập địa chỉ công khai trong Cài đặt trước, rồi dán địa chỉ hiện trên thẻ của nguồn vào hệ thống gửi.',
      )
      .waitFor();
    const card = ui.page.getByRole('form', { name: 'Teamcrop cửa hàng' });
    await card
      .getByTestId('source-local-only')
      .getByText(
        'Địa chỉ này chỉ dùng được trên chính máy này: Teamcrop và web bán hàng gửi từ internet nên không tới được.',
        { exact: false },
      )
      .waitFor();
    await card.getByRole('link', { name: 'Thiết lập địa chỉ công khai' }).waitFor();
    await screenshot(ui.page, 'source-reach-created-vi');
    expect(ui.problems).toEqual([]);
  });

  it('starts a source opened before the engine named the senders with the sender’s check, not with none', async () => {
    let answerCatalog!: () => void;
    const catalogHeld = new Promise<void>((resolve) => (answerCatalog = resolve));
    await ui.page.route('**/api/catalog/senders', async (route) => {
      await catalogHeld;
      await route.continue();
    });
    await ui.page.reload();
    await ui.page.getByRole('heading', { level: 2, name: 'Nguồn' }).waitFor();
    await ui.page.getByRole('button', { name: 'Thêm nguồn' }).click();
    await ui.page.getByText('Đang tải…').waitFor();
    answerCatalog();
    const form = ui.page.getByRole('form', { name: 'Thêm nguồn' });
    await expect(form.getByLabel('Giá trị').getAttribute('placeholder')).resolves.toBe('Do bạn tự đặt');
    await ui.page.unroute('**/api/catalog/senders');
    expect(ui.problems).toEqual([]);
  });
});
