import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { order, orderAdd, post } from '../helpers/fixtures.js';
import { type Sink, startSink } from '../helpers/sink.js';

/**
 * A destination's card said "Nothing has been sent here yet: the first event it takes goes out as soon as it arrives"
 * while its first order was at the receiver, the try out (a receiver that answers after 20 s).
 */
describe.skipIf(!hasChromium)('a destination card while its first try is out (Chromium, real serve)', () => {
  let receiver: Sink;
  let answer: () => void = () => undefined;
  const ui = useDashboard({
    prepare: async (serve) => {
      receiver = await startSink();
      receiver.script(() => ({ until: new Promise<void>((resolve) => (answer = resolve)), status: 200 }));
      await serve.api('createDestination', {
        body: { name: 'Slow CRM', url: receiver.url, events: ['order.add'], timeoutMs: 120_000 },
      });
      await post(await serve.posUrl(), order('FIRST-1'), orderAdd);
      await receiver.waitFor(1);
    },
    timeout: 120_000,
  });

  const card = () => ui.page.getByTestId('destination-card').filter({ hasText: 'Slow CRM' });

  it('says it is sending its first event, in English and Vietnamese, and the API counts the try', async () => {
    const stats = await ui.serve.api('getStats');
    expect(stats.destinations[0]).toMatchObject({ tried: false, sending: 1 });
    await setLanguage(ui.serve, ui.page, 'en');
    await openPage(ui.page, 'Overview');
    await card().getByTestId('never-sent').getByText('Sending its first event now…', { exact: true }).waitFor();
    await expect(card().locator('header .badge').textContent()).resolves.toBe('Sending now');
    await screenshot(ui.page, 'first-try-out-en');
    await setLanguage(ui.serve, ui.page, 'vi');
    await card().getByTestId('never-sent').getByText('Đang gửi sự kiện đầu tiên…', { exact: true }).waitFor();
    await screenshot(ui.page, 'first-try-out-vi');
    answer();
    await card().getByTestId('never-sent').waitFor({ state: 'detached' });
  });

  it('logged no console errors', () => {
    expect(ui.problems).toEqual([]);
  });
});
