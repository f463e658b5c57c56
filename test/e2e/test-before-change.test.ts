import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { type Sink, startSink } from '../helpers/sink.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * A test that went through, then the destination's address changed to one that fails: the card's red error and, under
 * it, "Last test event … went through" contradicted each other. The test is said to be from before the change.
 */
describe.skipIf(!hasChromium)('a last test made before the settings changed says so', () => {
  let working: Sink;
  let broken: Sink;
  let id: string;
  const ui = useDashboard({
    prepare: async (serve) => {
      [working, broken] = await Promise.all([startSink(), startSink()]);
      broken.script(() => ({ status: 500 }));
      id = (await serve.api('createDestination', { body: { name: 'CRM', url: working.url, retry: once } })).id;
    },
  });
  const card = () => ui.page.getByRole('article', { name: 'CRM' });
  const figures = async () => (await ui.serve.api('getStats')).destinations.find((entry) => entry.id === id)!;

  it('keeps a test current through a pause, and says it is from before a new address', async () => {
    await card().getByRole('button', { name: 'Send test event' }).click();
    const lastTest = card().getByTestId('last-test');
    await lastTest.getByText(/^Last test event, at .+: it went through/).waitFor();
    // A pause changes nothing a test tried.
    await ui.serve.api('updateDestination', { params: { id }, body: { paused: true } });
    await ui.serve.api('updateDestination', { params: { id }, body: { paused: false, name: 'CRM' } });
    expect((await figures()).lastTest).toMatchObject({ ok: true, beforeChange: false });

    await ui.serve.api('updateDestination', { params: { id }, body: { url: broken.url } });
    expect((await post(await ui.serve.posUrl(), order('NEW-SECRET-1'), orderAdd)).status).toBe(200);
    await waitUntil(async () => (await figures()).failed === 1, 'the order failed at the new address');
    await card()
      .getByTestId('last-error')
      .getByText(/The destination answered 500/)
      .waitFor();
    await lastTest.getByText(/made before this destination’s settings were last changed/).waitFor();
    await expect(lastTest.getAttribute('data-before-change')).resolves.toBe('true');
    expect((await figures()).lastTest).toMatchObject({ ok: true, beforeChange: true });
    await screenshot(ui.page, 'test-before-change-en');
    await setLanguage(ui.serve, ui.page, 'vi');
    await lastTest.getByText(/được làm trước khi cài đặt của nơi nhận này được đổi/).waitFor();
    await screenshot(ui.page, 'test-before-change-vi');
    await setLanguage(ui.serve, ui.page, 'en');

    // A new test is of the settings as they are: current again.
    await card().getByRole('button', { name: 'Send test event' }).click();
    await lastTest.getByText(/^Last test event, at .+, did not go through/).waitFor();
    await expect(lastTest.getAttribute('data-before-change')).resolves.toBeNull();
    expect(ui.problems).toEqual([]);
  }, 60_000);
});
