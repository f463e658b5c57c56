import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { post, teamcropOrder } from '../helpers/fixtures.js';
import { type Sink, startSink } from '../helpers/sink.js';
import { waitUntil } from '../helpers/wait.js';

/** A destination is said to be failing after this many failed tries in a row (FAILING_AFTER in the queue). */
const ORDERS = 5;

describe.skipIf(!hasChromium)('the banners of two destinations failing at once', () => {
  let accounts: Sink;
  let loyalty: Sink;

  const health = async (name: string) => {
    const [stats, destinations] = await Promise.all([ui.serve.api('getStats'), ui.serve.api('listDestinations')]);
    const id = destinations.find((destination) => destination.name === name)?.id;
    return stats.destinations.find((entry) => entry.id === id)?.health;
  };

  const ui = useDashboard({
    prepare: async (serve) => {
      [accounts, loyalty] = await Promise.all([startSink(), startSink()]);
      accounts.script(() => ({ status: 500 }));
      loyalty.script(() => ({ status: 500 }));
      for (const [name, sink] of [
        ['Accounts', accounts],
        ['Loyalty', loyalty],
      ] as const)
        await serve.api('createDestination', { body: { name, url: sink.url, retry: { maxAttempts: 1 } } });
    },
  });

  beforeAll(async () => {
    await openPage(ui.page, 'Failed');
  });

  it('shows each failing destination in a banner of its own, and takes down only the one that is back', async () => {
    const pos = await ui.serve.posUrl();
    for (let n = 1; n <= ORDERS; n++) {
      const body = JSON.stringify({ ...teamcropOrder, id: 7_000_000 + n, invoice_id: `TWO-${n}` });
      expect((await post(pos, body, { 'tc-webhook-event': 'order.add' })).status).toBe(200);
    }
    await waitUntil(async () => (await health('Accounts')) === 'failing', 'Accounts failing');
    await waitUntil(async () => (await health('Loyalty')) === 'failing', 'Loyalty failing');

    const banners = ui.page.getByRole('alert');
    const failing = (name: string) => banners.filter({ hasText: `“${name}” is failing` });
    const lastFailed = (name: string) =>
      banners.filter({
        hasText: new RegExp(`^An event \\(New order · TWO-\\d\\) could not be delivered to “${name}”`),
      });
    // The second destination's trouble does not hide the first's: both are current, both are said, each naming its
    // latest failed order, with no second red box under it saying its reason and count again.
    const latest = /The latest to fail: New order · TWO-\d\./;
    await failing('Accounts').getByTestId('failing-latest').filter({ hasText: latest }).waitFor();
    await failing('Loyalty').getByTestId('failing-latest').filter({ hasText: latest }).waitFor();
    await expect(lastFailed('Accounts').count()).resolves.toBe(0);
    await expect(lastFailed('Loyalty').count()).resolves.toBe(0);
    await expect(banners.getByTestId('failed-total').count()).resolves.toBe(0);
    await screenshot(ui.page, 'banners-two-failing-en');

    // Accounts answers again: its banners go, Loyalty's stay, as it still fails.
    accounts.script(() => ({ status: 200 }));
    const accountsId = (await ui.serve.api('listDestinations')).find(
      (destination) => destination.name === 'Accounts',
    )!.id;
    await ui.serve.api('resendFailed', { params: { id: accountsId } });
    await waitUntil(async () => (await health('Accounts')) === 'healthy', 'Accounts healthy');
    await failing('Accounts').waitFor({ state: 'detached' });
    await lastFailed('Accounts').waitFor({ state: 'detached' });
    // The orders still wait in Failed for Loyalty: its banner says so (they are the list under it on this page); no
    // red box says the count again.
    await failing('Loyalty')
      .filter({ hasText: `resend its ${ORDERS} events in the list below` })
      .waitFor();
    await expect(banners.getByTestId('failed-total').count()).resolves.toBe(0);
    await expect(failing('Loyalty').count()).resolves.toBe(1);
    await expect(lastFailed('Loyalty').count()).resolves.toBe(0);

    await setLanguage(ui.serve, ui.page, 'vi');
    await banners.filter({ hasText: '“Loyalty” đang lỗi' }).waitFor();
    await screenshot(ui.page, 'banners-one-failing-vi');
    await setLanguage(ui.serve, ui.page, 'en');

    // Renamed, it is called by its new name, as its card is.
    const loyaltyId = (await ui.serve.api('listDestinations')).find(
      (destination) => destination.name === 'Loyalty',
    )!.id;
    await ui.serve.api('updateDestination', { params: { id: loyaltyId }, body: { name: 'Loyalty club' } });
    await failing('Loyalty club').waitFor();

    // Closed, the banner takes the notice it named with it: nothing comes back to say it again.
    await failing('Loyalty club').getByRole('button', { name: 'Close' }).click();
    await failing('Loyalty club').waitFor({ state: 'detached' });
    await expect(lastFailed('Loyalty club').count()).resolves.toBe(0);
    // On the Failed page, whose list and menu count say what waits, no red box says the count again: Accounts'
    // notice went when its orders went through, and does not come back to count what is left.
    await expect(banners.getByTestId('failed-total').count()).resolves.toBe(0);
    await expect.poll(() => banners.count()).toBe(0);
    await ui.page.getByTestId('failed-row').first().waitFor();

    // Deleted, its problem is gone, and so is what was said of it.
    await ui.serve.api('deleteDestination', { params: { id: loyaltyId } });
    await ui.page.getByTestId('failed-row').first().waitFor({ state: 'detached' });
    await expect.poll(() => banners.count()).toBe(0);
    expect(ui.problems).toEqual([]);
  });
});
