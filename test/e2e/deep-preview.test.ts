import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { order, orderAdd, post } from '../helpers/fixtures.js';
import { startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

const DEEP = '$reduce([1..2000], function($a, $v){ {"a": $a} }, {})';

/**
 * A preview whose output nests 2,000 levels deep ended the engine (its reading of the JSONata process's answer
 * overflowed its stack): the page lost its engine for good. Now the preview says why under the button.
 */
describe.skipIf(!hasChromium)('a preview of an output nested 2,000 levels deep', () => {
  const ui = useDashboard({
    start: () =>
      startServe(tempDir(), ['--port', '28111', '--admin-port', '28112'], undefined, {}, 'settings', 'settings'),
    prepare: async (serve) => {
      await serve.api('createDestination', {
        body: { name: 'Sổ sâu', url: 'http://127.0.0.1:28113/nowhere', paused: true, settings: { transform: DEEP } },
      });
      await post(await serve.posUrl(), order('DEEP-1'), orderAdd);
    },
  });

  it('says it is too deep to show, in the chosen language, and the engine goes on', { timeout: 90_000 }, async () => {
    await setLanguage(ui.serve, ui.page, 'vi');
    await openPage(ui.page, 'Nơi nhận');
    await ui.page.getByRole('button', { name: 'Sửa' }).click();
    const said = ui.page.getByTestId('preview').getByText(/^Với sự kiện này, phép chuyển đổi tạo ra dữ liệu lồng nhau/);
    // A fresh JSONata process on a loaded machine can run the expression out of its second: press again then.
    const deadline = Date.now() + 60_000;
    for (;;) {
      await ui.page.getByRole('button', { name: 'Xem trước' }).click();
      await ui.page.getByTestId('preview').waitFor();
      if (await said.isVisible()) break;
      await ui.page
        .getByTestId('preview')
        .getByText(/1 giây/)
        .waitFor();
      if (Date.now() > deadline) throw new Error('the preview ran out of its second for a minute');
    }
    await expect(said.textContent()).resolves.toMatch(/sâu hơn 1000 tầng, quá sâu để hiển thị ở đây/);
    await screenshot(ui.page, 'preview-too-deep-vi');
    expect((await post(await ui.serve.posUrl(), order('DEEP-2'), orderAdd)).status).toBe(200);
    expect(ui.serve.child.exitCode).toBeNull();
    expect(ui.problems).toEqual([]);
  });
});
