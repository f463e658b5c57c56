import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { startFakeZithara } from '../helpers/fake-zithara.js';
import { startSink } from '../helpers/sink.js';

const secretHeaders = [
  { name: 'Authorization', value: 'Bearer tool-a-token-7f3e', secret: true },
  { name: 'X-Api-Key', value: 'tool-a-key-91c2', secret: true },
];

/**
 * A destination card reused for another service (tool A → tool B): saving the new address asks, in place, whether
 * the secret headers entered for A go to B too, instead of handing them over without a word.
 */
describe.skipIf(!hasChromium)('the editor asks before secret headers go to a new site (Chromium, real serve)', () => {
  const ui = useDashboard({ expected: /status of 409 \(Conflict\)/ });

  it(
    'asks “Send the secrets entered for the old address (…) to the new one, … too?”, and Remove them sends B no such header',
    { timeout: 90_000 },
    async () => {
      const [a, b] = await Promise.all([startSink(), startSink()]);
      const { id } = await ui.serve.api('createDestination', {
        body: { name: 'Accounting', url: `${a.url}/orders`, settings: { headers: secretHeaders } },
      });
      await openPage(ui.page, 'Destinations');
      await ui.page.getByRole('article', { name: 'Accounting' }).getByRole('button', { name: 'Edit' }).click();
      const editor = ui.page.getByRole('form', { name: 'Accounting' });
      await editor.getByLabel('Address (URL)').fill(`${b.url}/orders`);
      await editor.getByRole('button', { name: 'Save' }).click();

      const question = editor.getByRole('group', { name: 'Secrets and the new address' });
      await expect
        .poll(() => question.locator('p').textContent())
        .toBe(
          `Send the secrets entered for the old address (Authorization, X-Api-Key) to the new one, ${new URL(b.url).host}, too? They were entered for the old address, another site. You can also type new values for them above, then save.`,
        );
      await screenshot(ui.page, 'secrets-other-site-en');
      const saved = async () => (await ui.serve.api('listDestinations')).find((destination) => destination.id === id)!;
      await expect(saved()).resolves.toMatchObject({ url: `${a.url}/orders` });

      await question.getByRole('button', { name: 'Remove them' }).click();
      await ui.page.getByRole('status').getByText('Saved').waitFor();
      const after = await saved();
      expect(after.url).toBe(`${b.url}/orders`);
      expect(after.settings.headers).toEqual([]);
      await ui.serve.api('testDestination', { params: { id } });
      expect(b.received[0]!.headers.authorization).toBeUndefined();
      expect(b.received[0]!.headers['x-api-key']).toBeUndefined();
    },
  );

  it('asks it in Vietnamese too, and Giữ lại keeps them for the new address', { timeout: 90_000 }, async () => {
    const { id } = await ui.serve.api('createDestination', {
      body: { name: 'Kế toán', url: 'https://shop-a.example/orders', settings: { headers: secretHeaders } },
    });
    await setLanguage(ui.serve, ui.page, 'vi');
    await ui.page.getByRole('article', { name: 'Kế toán' }).getByRole('button', { name: 'Sửa' }).click();
    const editor = ui.page.getByRole('form', { name: 'Kế toán' });
    await editor.locator('input[name="url"]').fill('https://shop-b.example/orders');
    await editor.getByRole('button', { name: 'Lưu', exact: true }).click();

    const question = editor.getByRole('group', { name: 'Thông tin bí mật và địa chỉ mới' });
    await expect
      .poll(() => question.locator('p').textContent())
      .toBe(
        'Gửi cả các thông tin bí mật đã nhập cho địa chỉ cũ (Authorization, X-Api-Key) tới địa chỉ mới, shop-b.example? Chúng được nhập cho địa chỉ cũ, thuộc một trang khác. Bạn cũng có thể nhập giá trị mới cho chúng ở trên rồi lưu.',
      );
    await question.scrollIntoViewIfNeeded();
    await screenshot(ui.page, 'secrets-other-site-vi');

    await question.getByRole('button', { name: 'Giữ lại' }).click();
    await ui.page.getByRole('status').getByText('Đã lưu').waitFor();
    const after = (await ui.serve.api('listDestinations')).find((destination) => destination.id === id)!;
    expect(after.url).toBe('https://shop-b.example/orders');
    expect(after.settings.headers).toEqual([
      { name: 'Authorization', value: null, secret: true, valueSet: true },
      { name: 'X-Api-Key', value: null, secret: true, valueSet: true },
    ]);
    expect(ui.problems).toEqual([]);
  });

  it(
    'asks it of a Zithara destination moved to another Zithara server, naming its Client Secret',
    { timeout: 90_000 },
    async () => {
      const zithara = await startFakeZithara();
      const { id } = await ui.serve.api('createDestination', {
        body: {
          name: 'Zithara CRM',
          kind: 'zithara',
          url: zithara.baseUrl,
          events: ['*'],
          settings: { clientId: zithara.clientId, clientSecret: zithara.clientSecret },
        },
      });
      await ui.page.getByRole('article', { name: 'Zithara CRM' }).getByRole('button', { name: 'Sửa' }).click();
      const editor = ui.page.getByRole('form', { name: 'Zithara CRM' });
      await editor.locator('input[name="url"]').fill('https://zithara-b.example/v1');
      await editor.getByRole('button', { name: 'Lưu', exact: true }).click();

      const question = editor.getByRole('group', { name: 'Thông tin bí mật và địa chỉ mới' });
      await expect
        .poll(() => question.locator('p').textContent())
        .toMatch(
          /^Gửi cả các thông tin bí mật đã nhập cho địa chỉ cũ \(Client Secret\) tới địa chỉ mới, zithara-b\.example\?/,
        );
      await question.scrollIntoViewIfNeeded();
      await screenshot(ui.page, 'secrets-other-site-zithara-vi');
      const saved = (await ui.serve.api('listDestinations')).find((destination) => destination.id === id)!;
      expect(saved.url).toBe(zithara.baseUrl);
      expect(zithara.tokenFetches).toHaveLength(0);
    },
  );
});
