import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { partInView, screenshot, useDashboard } from '../helpers/dashboard-page.js';

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
        'You make up this value: type any long word, or press Generate; then enter the same header name and value in the sender. Copy it before you press Create source: Hookferry does not show it again.',
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
      '#/settings?part=public-address',
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
    // Saved, its card's help names the card's button (Lưu): it said "before you press Tạo nguồn", not on this card.
    await expect(card.getByTestId('value-made-here').textContent()).resolves.toContain(
      'Hãy chép lại trước khi bấm Lưu: Hookferry không hiện lại giá trị đã lưu.',
    );
    await expect(card.getByTestId('value-made-here').textContent()).resolves.not.toContain('Tạo nguồn');
    await card.getByRole('button', { name: 'Lưu', exact: true }).waitFor();
    await screenshot(ui.page, 'source-reach-created-vi');
    // The link lands on the Public address part of Settings, below its fold: scrolled to and focused.
    await card.getByRole('link', { name: 'Thiết lập địa chỉ công khai' }).click();
    await ui.page.getByRole('heading', { level: 2, name: 'Cài đặt' }).waitFor();
    await expect
      .poll(() => ui.page.evaluate<string | null>("document.activeElement?.getAttribute('data-testid') ?? null"))
      .toBe('public-address-settings');
    await expect.poll(() => partInView(ui.page)).toBe(true);
    await screenshot(ui.page, 'source-reach-setup-link-vi');
    await ui.page.getByRole('link', { name: 'Nguồn', exact: true }).click();
    await ui.page.getByRole('heading', { level: 2, name: 'Nguồn' }).waitFor();
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

  it('says on the card of a source imported without its secret that every request is refused, and what to do', async () => {
    const { id, ingestUrl } = await ui.serve.api('createSource', {
      body: {
        name: 'Shopify web',
        kind: 'shopify',
        verification: { type: 'hmac', header: 'X-Shopify-Hmac-Sha256', encoding: 'base64', secret: 'shpss_1234' },
      },
    });
    const exported = await ui.serve.api('exportConfig');
    await ui.serve.api('deleteSource', { params: { id } });
    const onlyShop = { ...exported, sources: exported.sources.filter((entry) => entry.name === 'Shopify web') };
    await ui.serve.api('importConfig', { query: { dryRun: '0' }, body: { text: JSON.stringify(onlyShop) } });
    const imported = (await ui.serve.api('listSources')).find((source) => source.name === 'Shopify web')!;
    expect(imported.verification).toMatchObject({ type: 'hmac', secretSet: false });
    expect(imported.ingestUrl).not.toBe(ingestUrl);

    await ui.serve.api('putSettings', { body: { language: 'vi' } });
    await ui.page.reload();
    await ui.page.getByRole('heading', { level: 2, name: 'Nguồn' }).waitFor();
    const card = ui.page.getByRole('form', { name: 'Shopify web' });
    await card
      .getByTestId('source-secret-missing')
      .getByText(
        'Nguồn này chưa có khóa bí mật (được nhập từ tệp cấu hình, mà tệp đó không chứa khóa bí mật), nên Hookferry từ chối mọi yêu cầu gửi tới nó. Hãy nhập lại khóa bí mật bên dưới, giống hệt ở nơi gửi, rồi bấm Lưu.',
        { exact: true },
      )
      .waitFor();
    await screenshot(ui.page, 'source-reach-imported-no-secret-vi');
    await ui.serve.api('putSettings', { body: { language: 'en' } });
    await card
      .getByTestId('source-secret-missing')
      .getByText(
        /^No secret is saved for this source .+ so Hookferry refuses every request sent to it\. Enter the secret again below/,
      )
      .waitFor();
    await screenshot(ui.page, 'source-reach-imported-no-secret-en');

    // Once entered again, the card says nothing of it.
    await card.getByLabel('Secret').fill('shpss_1234');
    await card.getByRole('button', { name: 'Save', exact: true }).click();
    await card.getByTestId('source-secret-missing').waitFor({ state: 'detached' });
    expect(ui.problems).toEqual([]);
  });
});
