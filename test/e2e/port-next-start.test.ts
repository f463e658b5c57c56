import { createServer } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { openPage, screenshot, setLanguage, useDashboard } from '../helpers/dashboard-page.js';

/** A port no program holds now, for Save to accept. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Started with its ports chosen (as `serve --port … --admin-port …`), Hookferry keeps them for this run: saving a new
 * intake port says, in the save's own sentence, that it is used from the next start, not only "Saved".
 */
describe.skipIf(!hasChromium)('a port saved while this run’s ports were chosen at its start (Chromium)', () => {
  const ui = useDashboard();

  beforeAll(() => {
    ui.page.setDefaultTimeout(10_000);
  });

  it('says the new port is used from the next start, in Vietnamese and English', async () => {
    const running = (await ui.serve.api('getStats')).listening.intake.port;
    await setLanguage(ui.serve, ui.page, 'vi');
    await openPage(ui.page, 'Cài đặt', 'Cài đặt');
    const port = await freePort();
    await ui.page.getByLabel('Cổng nhận', { exact: true }).fill(String(port));
    await ui.page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await ui.page
      .getByRole('status')
      .getByText(
        `Đã lưu. Cổng nhận ${port} sẽ được dùng từ lần mở Hookferry tới: cổng của lần chạy này đã được chọn lúc mở Hookferry, nên tới lúc đó Hookferry vẫn nhận đơn ở cổng ${running}.`,
        { exact: true },
      )
      .waitFor();
    await screenshot(ui.page, 'port-next-start-vi');
    await setLanguage(ui.serve, ui.page, 'en');
    const next = await freePort();
    await ui.page.getByLabel('Intake port', { exact: true }).fill(String(next));
    await ui.page.getByRole('button', { name: 'Save', exact: true }).click();
    await ui.page
      .getByRole('status')
      .getByText(
        `Saved. Intake port ${next} is used from the next time Hookferry starts: this run's ports were chosen when it was started, so until then it keeps taking orders on port ${running}.`,
        { exact: true },
      )
      .waitFor();
    await screenshot(ui.page, 'port-next-start-en');
    expect((await ui.serve.api('getStats')).listening.intake.port).toBe(running);
    expect(ui.problems).toEqual([]);
  });
});
