import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { startFakeZithara } from '../helpers/fake-zithara.js';
import { order, orderAdd, post } from '../helpers/fixtures.js';

/**
 * Zithara refusing the client id and secret: its banner, read in full where it gives the reason itself, says once
 * that Hookferry does not try again (the reason says it), then how many wait.
 */
describe.skipIf(!hasChromium)('a Zithara 401 banner said once (Chromium, real serve)', () => {
  const ui = useDashboard({
    prepare: async (serve) => {
      const zithara = await startFakeZithara();
      await serve.api('createDestination', {
        body: {
          name: 'Zithara',
          kind: 'zithara',
          url: zithara.baseUrl,
          events: ['*'],
          settings: { clientId: zithara.clientId, clientSecret: 'not-the-secret', currency: 'VND' },
        },
      });
      expect((await post(await serve.posUrl(), order('Z-401'), orderAdd)).status).toBe(200);
    },
  });

  beforeAll(() => {
    ui.page.setDefaultTimeout(10_000);
  });

  it('says "does not try again" once, in Vietnamese and English', async () => {
    await setLanguage(ui.serve, ui.page, 'vi');
    await openPage(ui.page, 'Nhật ký trực tiếp');
    const banner = ui.page.getByTestId('failing-banner');
    await banner.getByTestId('failing-reason').waitFor();
    await expect
      .poll(async () => (await banner.textContent()) ?? '')
      .toContain('1 sự kiện đang chờ trong mục Lỗi gửi.');
    const vi = (await banner.locator('.banner-text').textContent()) ?? '';
    expect(vi.match(/không (tự )?thử lại/g)).toHaveLength(1);
    await screenshot(ui.page, 'said-once-banner-vi');
    await setLanguage(ui.serve, ui.page, 'en');
    await expect.poll(async () => (await banner.textContent()) ?? '').toContain('1 event waits in Failed.');
    const en = (await banner.locator('.banner-text').textContent()) ?? '';
    expect(en.match(/not try again/g)).toHaveLength(1);
    expect(ui.problems).toEqual([]);
  });
});
