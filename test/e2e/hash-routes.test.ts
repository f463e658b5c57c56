import { describe, expect, it } from 'vitest';
import { useDashboard } from '../helpers/dashboard-page.js';
import { hasChromium } from '../helpers/browser.js';

describe.skipIf(!hasChromium)('unknown dashboard routes, in Chromium against a real serve', () => {
  const ui = useDashboard({ timeout: 90_000 });

  it('shows the Overview for a route named after something every object has, or nothing at all', async () => {
    for (const hash of ['#/constructor', '#/__proto__', '#/toString', '#/hasOwnProperty', '#/no-such-page']) {
      await ui.page.getByRole('link', { name: 'Live log' }).click();
      await ui.page.getByRole('heading', { level: 2, name: 'Live log' }).waitFor();
      await ui.page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
      await ui.page.getByRole('heading', { level: 2, name: 'Overview' }).waitFor();
      await expect(ui.page.getByRole('navigation').isVisible()).resolves.toBe(true);
    }
    expect(ui.problems).toEqual([]);
  });
});
