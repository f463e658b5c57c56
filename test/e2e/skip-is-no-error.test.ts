import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { startFakeZithara } from '../helpers/fake-zithara.js';
import { orderAdd, post, teamcropOrder } from '../helpers/fixtures.js';
import { startSink } from '../helpers/sink.js';

/**
 * A walk-in sale (Teamcrop customer_id 0) goes to the shop's webhook and is passed by on purpose by Zithara: the
 * event is Delivered, the Overview's tooltip says a destination that passes an event by is not counted, and the
 * drawer says Zithara's reason as a fact, not in an error's red.
 */
describe.skipIf(!hasChromium)('a walk-in sale Zithara passes by (Chromium, real serve)', () => {
  const ui = useDashboard({
    prepare: async (serve) => {
      const zithara = await startFakeZithara();
      const sink = await startSink();
      await serve.api('createDestination', {
        body: { name: 'Kho hàng', kind: 'webhook', url: sink.url, events: ['*'] },
      });
      await serve.api('createDestination', {
        body: {
          name: 'Zithara',
          kind: 'zithara',
          url: zithara.baseUrl,
          events: ['*'],
          settings: { clientId: zithara.clientId, clientSecret: zithara.clientSecret, currency: 'VND' },
        },
      });
      const walkIn = { ...teamcropOrder, customer_id: 0, contact_email: '', invoice_id: 'WALK-IN-1' };
      expect((await post(await serve.posUrl(), JSON.stringify(walkIn), orderAdd)).status).toBe(200);
      await sink.waitFor(1);
    },
  });

  beforeAll(() => {
    ui.page.setDefaultTimeout(10_000);
  });

  it('counts it delivered, the tooltip saying a destination that passes it by is not counted', async () => {
    const delivered = ui.page.locator('.count-delivered');
    await ui.page.getByTestId('today-delivered').getByText('1', { exact: true }).waitFor();
    expect(await delivered.getAttribute('title')).toBe(
      'Delivered to every destination that needs it (a destination that passes an event by on purpose, as Zithara does a walk-in sale, is not counted).',
    );
    await setLanguage(ui.serve, ui.page, 'vi');
    await expect
      .poll(() => delivered.getAttribute('title'))
      .toBe(
        'Đã gửi đến mọi nơi nhận cần nó (nơi nhận cố ý bỏ qua một sự kiện, như Zithara bỏ qua đơn khách vãng lai, thì không tính).',
      );
  });

  it('says in the drawer why Zithara passed it by, in a neutral colour', async () => {
    await setLanguage(ui.serve, ui.page, 'vi');
    await openPage(ui.page, 'Nhật ký trực tiếp');
    await ui.page.getByTestId('log-row').first().click();
    const reason = ui.page.getByTestId('drawer').getByText(/^Đơn hàng WALK-IN-1 không gắn với khách hàng nào/);
    await reason.waitFor();
    // The reason's colour, and the error colour as the page draws it: a probe coloured with the stylesheet's --error.
    const [shown, errorColour] = await ui.page.evaluate<string[]>(`(() => {
      const reason = [...document.querySelectorAll('[data-testid=attempt] div')].find((element) =>
        element.textContent.startsWith('Đơn hàng WALK-IN-1'));
      const probe = document.createElement('span');
      probe.style.color = 'var(--error)';
      document.body.append(probe);
      const colours = [getComputedStyle(reason).color, getComputedStyle(probe).color];
      probe.remove();
      return colours;
    })()`);
    expect(shown).not.toBe(errorColour);
    await screenshot(ui.page, 'walk-in-drawer-vi');
    await setLanguage(ui.serve, ui.page, 'en');
    await screenshot(ui.page, 'walk-in-drawer-en');
    expect(ui.problems).toEqual([]);
  });
});
