import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { startSink } from '../helpers/sink.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * A paused destination sends nothing, a resent order included: the line under Failed said "Hookferry tries it once. If
 * that try fails, it comes back here at once" of a resend that is not tried until the resume, and the Overview's line
 * of what waits behind a failed order said it goes once that order is resent, not that the resume is needed too.
 */
describe.skipIf(!hasChromium)('what a resend to a paused destination waits for (Chromium, real serve)', () => {
  let head = '';
  let ordered = '';
  const ui = useDashboard({
    prepare: async (serve) => {
      const toggle = await startSink();
      toggle.script(() => ({ status: 500 }));
      const pos = await serve.posUrl();
      ({ id: ordered } = await serve.api('createDestination', {
        body: { name: 'Ordered Toggle', url: toggle.url, events: ['order.add'], retry: once, ordered: true },
      }));
      head = String((await post(pos, order('INV-001'), orderAdd)).json.id);
      await waitUntil(
        async () => (await serve.api('getEvent', { params: { id: head } })).status === 'failed',
        'failed',
      );
      await post(pos, order('INV-002'), orderAdd);
      await serve.api('updateDestination', { params: { id: ordered }, body: { paused: true } });
    },
    timeout: 120_000,
  });

  const words = {
    en: {
      overview: 'Overview',
      failed: 'Failed',
      held: '1 delivery waits behind a failed event at “Ordered Toggle”, which takes events in order and is paused: it is not sent by itself, only once you resume “Ordered Toggle” and that event, resent from Failed, goes through, or once it is discarded there.',
      resending:
        'Resending 1 event: its destination is paused, so nothing is tried until you resume it. Then Hookferry tries it once; if that try fails, it comes back here, with the reason.',
    },
    vi: {
      overview: 'Tổng quan',
      failed: 'Lỗi gửi',
      held: '1 lần gửi đang chờ sau một sự kiện lỗi ở “Ordered Toggle”, nơi nhận sự kiện đúng theo thứ tự và đang tạm dừng: các lần gửi này không tự được gửi, chỉ được gửi khi bạn tiếp tục “Ordered Toggle” và sự kiện lỗi đó, được gửi lại từ mục Lỗi gửi, gửi được, hoặc khi nó bị bỏ ở đó.',
      resending:
        'Đang gửi lại 1 sự kiện: nơi nhận đang tạm dừng, nên chưa thử gửi gì cho đến khi bạn tiếp tục. Khi đó Hookferry thử gửi mỗi sự kiện một lần; sự kiện nào lỗi sẽ quay lại đây, kèm lý do.',
    },
  } as const;

  it("the Overview's line of what waits behind the failed order says the resume is needed too", async () => {
    for (const language of ['en', 'vi'] as const) {
      await setLanguage(ui.serve, ui.page, language);
      await openPage(ui.page, words[language].overview);
      await ui.page.getByTestId('held-behind-failed').getByText(words[language].held).waitFor();
      await screenshot(ui.page, `resend-paused-overview-${language}`);
    }
  });

  it('the Discard question for the head of the line says what waits behind it then goes', async () => {
    const pause = (paused: boolean) => ui.serve.api('updateDestination', { params: { id: ordered }, body: { paused } });
    const ask = async (language: 'en' | 'vi') => {
      await setLanguage(ui.serve, ui.page, language);
      await openPage(ui.page, words[language].failed);
      const row = ui.page.getByTestId('failed-row').filter({ hasText: 'INV-001' });
      await row.getByRole('button', { name: language === 'en' ? 'Discard' : 'Bỏ', exact: true }).click();
      return ui.page.getByTestId('discard-confirm');
    };
    const cancel = (language: 'en' | 'vi') =>
      ui.page
        .getByTestId('discard-confirm')
        .getByRole('button', { name: language === 'en' ? 'Cancel' : 'Hủy' })
        .click();
    await (
      await ask('en')
    )
      .getByText(
        'It is first in “Ordered Toggle”’s line: the 1 event waiting behind it there then goes once you resume “Ordered Toggle”.',
      )
      .waitFor();
    await cancel('en');
    await pause(false);
    await (
      await ask('en')
    )
      .getByText('It is first in “Ordered Toggle”’s line: the 1 event waiting behind it there then goes out at once.')
      .waitFor();
    await screenshot(ui.page, 'discard-head-en');
    await cancel('en');
    await (
      await ask('vi')
    )
      .getByText('Nó đang đứng đầu hàng chờ của “Ordered Toggle”: 1 sự kiện đang chờ sau nó ở đó sẽ được gửi đi ngay.')
      .waitFor();
    await screenshot(ui.page, 'discard-head-vi');
    await cancel('vi');
    await pause(true);
  });

  it('the line under Failed says nothing is tried until the resume', async () => {
    await setLanguage(ui.serve, ui.page, 'en');
    await openPage(ui.page, 'Failed');
    await ui.page
      .getByTestId('failed-row')
      .filter({ hasText: 'INV-001' })
      .getByRole('button', { name: 'Resend' })
      .click();
    for (const language of ['en', 'vi'] as const) {
      await setLanguage(ui.serve, ui.page, language);
      await openPage(ui.page, words[language].failed);
      await ui.page.getByTestId('failed-none').getByText(words[language].resending).waitFor();
      await screenshot(ui.page, `resend-paused-failed-${language}`);
    }
  });

  it('with only "Pause all deliveries" on, the banner does not say the destination itself is paused', async () => {
    await ui.serve.api('putSettings', { body: { deliveriesPaused: true } });
    await ui.serve.api('updateDestination', { params: { id: ordered }, body: { paused: false } });
    await setLanguage(ui.serve, ui.page, 'en');
    await openPage(ui.page, 'Overview');
    const banner = ui.page.getByTestId('failing-banner');
    await banner
      .filter({ hasText: 'The latest try to “Ordered Toggle” failed, and all deliveries are paused.' })
      .waitFor();
    await expect(banner.textContent()).resolves.not.toContain('is paused');
    await screenshot(ui.page, 'banner-all-paused-en');
    await setLanguage(ui.serve, ui.page, 'vi');
    await banner
      .filter({ hasText: 'Lần thử gần nhất tới “Ordered Toggle” bị lỗi, và mọi lần gửi đang tạm dừng.' })
      .waitFor();
    await screenshot(ui.page, 'banner-all-paused-vi');
  });

  it('logged no console errors', () => {
    expect(ui.problems).toEqual([]);
  });
});
