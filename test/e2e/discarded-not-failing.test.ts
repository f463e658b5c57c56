import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { type Sink, startSink } from '../helpers/sink.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * An order delivered to Books and refused by CRM, whose failed part the shopkeeper discards in its drawer: nothing of
 * CRM waits any more, yet its red banner and its red card stayed ("“CRM” is failing", the reason's "…then resend")
 * until a later try or a test went through, an alarm asking to act on nothing. The card says the latest try failed,
 * calmly, and that nothing waits; no banner.
 */
describe.skipIf(!hasChromium)('a destination whose failed part was discarded (Chromium, real serve)', () => {
  let good: Sink;
  let crm: Sink;
  let crmId = '';
  const ui = useDashboard({
    prepare: async (serve) => {
      [good, crm] = await Promise.all([startSink(), startSink()]);
      crm.script(() => ({ status: 422 }));
      await serve.api('createDestination', { body: { name: 'Books', url: good.url, retry: once } });
      crmId = (await serve.api('createDestination', { body: { name: 'CRM', url: crm.url, retry: once } })).id;
    },
  });

  it('says its latest try failed and that nothing waits, with no alarm, in English and Vietnamese', async () => {
    const { page, serve } = ui;
    const id = String((await post(await serve.posUrl(), order('PART-1'), orderAdd)).json.id);
    await waitUntil(
      async () => (await serve.api('getEvent', { params: { id } })).outcome === 'partlyDelivered',
      'delivered to Books, failed at CRM',
    );
    const banner = page.getByTestId('failing-banner').filter({ hasText: '“CRM”' });
    await banner.waitFor();

    await page.evaluate(`window.location.hash = '#/log?event=${id}'`);
    const drawer = page.getByTestId('drawer');
    await drawer.getByTestId('delivery').filter({ hasText: 'CRM' }).getByRole('button', { name: 'Discard' }).click();
    await drawer.getByRole('button', { name: 'Discard for good' }).click();
    await waitUntil(
      async () => (await serve.api('getStats')).destinations.find((entry) => entry.id === crmId)?.failed === 0,
      'nothing of CRM in Failed',
    );
    await drawer.getByRole('button', { name: 'Close' }).click();

    await openPage(page, 'Destinations', 'Destinations');
    const card = page.getByRole('article', { name: 'CRM' });
    await card.getByText('Latest try failed', { exact: true }).waitFor();
    await card
      .getByTestId('last-error')
      .filter({
        hasText: 'None of its events waits now, so there is nothing to resend: the next event tries it again.',
      })
      .waitFor();
    await banner.waitFor({ state: 'detached' });
    expect(await card.getAttribute('class')).not.toContain('health-failing');
    // No sentence sends the shopkeeper to resend what is not there.
    await expect(card.textContent()).resolves.not.toMatch(/Failing|then resend|in Failed/);
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    // Why it failed is there for whoever looks: on the line, on hover.
    expect(await card.getByTestId('last-error').getAttribute('title')).toContain('422');
    await screenshot(page, 'discarded-not-failing-en');

    await setLanguage(serve, page, 'vi');
    await card.getByText('Lần thử gần nhất bị lỗi', { exact: true }).waitFor();
    await card
      .getByTestId('last-error')
      .filter({ hasText: 'Hiện không có sự kiện nào chờ gửi đến nơi này, nên không có gì để gửi lại' })
      .waitFor();
    await expect(card.textContent()).resolves.not.toMatch(/Đang lỗi|rồi gửi lại|Lỗi gửi/);
    await screenshot(page, 'discarded-not-failing-vi');

    // The next order fails again: that is news to act on, said as before.
    await post(await serve.posUrl(), order('PART-2'), orderAdd);
    await page.getByTestId('failing-banner').filter({ hasText: '“CRM”' }).waitFor();
    await card.getByText('Đang lỗi', { exact: true }).waitFor();
    expect(ui.problems).toEqual([]);
  });
});
