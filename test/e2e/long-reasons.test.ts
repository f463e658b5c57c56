import { describe, expect, it } from 'vitest';
import { once } from '../helpers/fixtures.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { waitUntil } from '../helpers/wait.js';

describe('a reason longer than a page is wide (real dashboard)', () => {
  const ui = useDashboard({
    prepare: async (serve) => {
      const destination = await serve.api('createDestination', {
        body: {
          name: 'Totals',
          url: 'http://127.0.0.1:9/',
          retry: once,
          // An expression's own words without a space in them, longer than the selection of a reason once took.
          settings: { transform: `$error("${'x'.repeat(2500)}" & id)` },
        },
      });
      await fetch(await serve.posUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ event: 'order.add', id: 'p1' }),
      });
      await waitUntil(async () => {
        const view = await serve.api('failedView', { query: {} });
        return view.destinations.some((entry) => entry.destinationId === destination.id);
      }, 'the order failing with the long reason');
    },
    // The transformation's process starts for the first try: on a loaded machine that alone can take seconds.
    timeout: 90_000,
  });

  it('wraps in its card, says it was cut, and its Resend these works', async () => {
    const { page, serve } = ui;
    await openPage(page, 'Failed');
    const reason = page.getByTestId('failed-reason');
    await expect.poll(() => reason.locator('.error-text').textContent()).toMatch(/characters cut\]/);
    const card = page.getByTestId('failed-group');
    // How far the card's content runs past its box: nothing when the reason wraps.
    const overflow = () =>
      card.evaluate((element) => {
        const box = element as unknown as { scrollWidth: number; clientWidth: number };
        return box.scrollWidth - box.clientWidth;
      });
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'long-reason-failed-en');
    await setLanguage(serve, page, 'vi');
    await expect.poll(() => reason.locator('.error-text').textContent()).toMatch(/… \[đã cắt bớt \d+ ký tự\]/);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'long-reason-failed-vi');
    await setLanguage(serve, page, 'en');

    await reason.getByRole('button', { name: 'Resend these (1)' }).click();
    await page.getByTestId('resend-progress').waitFor();
    expect((await page.getByRole('alert').allTextContents()).join('\n')).not.toMatch(/lastError|too big/i);
    expect(ui.problems).toEqual([]);
  });
});
