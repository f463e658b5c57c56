import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { ARTIFACTS, openPage, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { heldExport, largeStore, readAll } from '../helpers/held-export.js';
import { startServe } from '../helpers/serve-process.js';
import { withUnreadableEvent } from '../helpers/unreadable-event.js';
import { waitUntil } from '../helpers/wait.js';

/** What this file's types (no DOM) need of an element's box. */
interface DOMRectLike {
  top: number;
  bottom: number;
}

const BUSY_EN =
  '2 exports are already running, the most Hookferry makes at once (so that orders keep arriving quickly), so this one was not started. Export again once one of them has finished (a large one can take a few minutes). One you started on a Settings page can be stopped there with Cancel export (or by closing the window downloading it); one started by a program ends by itself.';
const BUSY_VI =
  'Đang có 2 lượt xuất dữ liệu chạy, là mức nhiều nhất Hookferry làm cùng lúc (để đơn hàng vẫn tới nhanh), nên lượt này chưa được bắt đầu. Hãy xuất lại khi một trong các lượt đó xong (lượt lớn có thể mất vài phút). Lượt bạn bắt đầu ở trang Cài đặt có thể dừng ngay ở đó bằng nút Hủy xuất (hoặc đóng cửa sổ đang tải nó); lượt do một chương trình bắt đầu sẽ tự kết thúc.';

const CUT_EN =
  'The export stopped before its end, so nothing was saved. Export again; if it keeps stopping, the reason is in Hookferry’s log file.';

describe.skipIf(!hasChromium)('Exports from Settings beside others (Chromium, real serve, large orders)', () => {
  let dataDir = '';
  const ui = useDashboard({
    // A store whose export (24 MB) the sockets cannot hold unread: two exports the test does not read keep running.
    start: async () => startServe((dataDir = await largeStore(24))),
    timeout: 60_000,
    // The refusals and the cut download the tests provoke.
    expected: /status of 429|ERR_INCOMPLETE_CHUNKED_ENCODING/,
  });

  it('says, in the page’s language, that two exports run and what to do; exports once they have ended', async () => {
    await openPage(ui.page, 'Settings');
    const running = [await heldExport(ui.serve), await heldExport(ui.serve)];
    const excel = ui.page.getByRole('button', { name: 'Download Excel spreadsheet (.xlsx)', exact: true });
    await excel.click();
    await ui.page.getByTestId('export-refused').filter({ hasText: BUSY_EN }).waitFor();
    expect(await excel.isEnabled()).toBe(true);
    // Said beside the button pressed, on screen: at the page's top it was out of sight, the click seemingly lost.
    const onScreen = await ui.page.getByTestId('export-refused').evaluate((element) => {
      const { top, bottom } = (element as unknown as { getBoundingClientRect(): DOMRectLike }).getBoundingClientRect();
      return top >= 0 && bottom <= (globalThis as unknown as { innerHeight: number }).innerHeight;
    });
    expect(onScreen).toBe(true);
    await ui.page.screenshot({ path: join(ARTIFACTS, 'settings-export-busy-en.png') });

    await setLanguage(ui.serve, ui.page, 'vi');
    await ui.page.getByRole('button', { name: 'Tải bảng tính Excel (.xlsx)', exact: true }).click();
    await ui.page.getByTestId('export-refused').filter({ hasText: BUSY_VI }).waitFor();
    await ui.page.screenshot({ path: join(ARTIFACTS, 'settings-export-busy-vi.png') });

    // Both read to their ends: the page's export is taken and saved.
    for (const one of running) await readAll(one);
    const saved = ui.page.waitForEvent('download');
    await ui.page.getByRole('button', { name: 'Tải bảng tính Excel (.xlsx)', exact: true }).click();
    expect((await saved).suggestedFilename()).toMatch(/^hookferry-events-\d{4}-\d{2}-\d{2}\.xlsx$/);
    // The refusal of the try before is not left beside it.
    expect(await ui.page.getByRole('alert').count()).toBe(0);
    await setLanguage(ui.serve, ui.page, 'en');
  });

  it('says the export stopped before its end and saved nothing, when the engine cuts it', async () => {
    let downloads = 0;
    ui.page.on('download', () => (downloads += 1));
    await withUnreadableEvent(dataDir, async () => {
      await ui.page.getByRole('button', { name: 'Download Excel spreadsheet (.xlsx)', exact: true }).click();
      await ui.page.getByTestId('export-refused').filter({ hasText: CUT_EN }).waitFor();
    });
    expect(downloads).toBe(0);
  });

  it('shows an export running with Cancel export; cancelled, nothing is saved or said, and its slot is free', async () => {
    let downloads = 0;
    ui.page.on('download', () => (downloads += 1));
    // The browser's own network throttling (DevTools'): the backup (32 MB) arrives at 256 KB/s, so it runs a while.
    const devtools = await ui.page.context().newCDPSession(ui.page);
    await devtools.send('Network.enable');
    await devtools.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: 256 * 1024,
      uploadThroughput: -1,
    });
    await ui.page.getByRole('button', { name: 'Full backup (NDJSON)', exact: true }).click();
    const exporting = ui.page.getByTestId('exporting');
    expect(await exporting.textContent()).toContain('Exporting…');
    await ui.page
      .getByRole('group', { name: 'Configuration' })
      .screenshot({ path: join(ARTIFACTS, 'settings-exporting.png') });
    expect(
      await ui.page.getByRole('button', { name: 'Download Excel spreadsheet (.xlsx)', exact: true }).isDisabled(),
    ).toBe(true);
    await exporting.getByRole('button', { name: 'Cancel export', exact: true }).click();
    await exporting.waitFor({ state: 'detached' });
    await devtools.detach();
    expect(await ui.page.getByRole('button', { name: 'Full backup (NDJSON)', exact: true }).isEnabled()).toBe(true);
    expect(await ui.page.getByRole('alert').count()).toBe(0);
    // Two more are taken (once the engine has seen the cancelled one go) and read whole: it holds no slot.
    const two = [];
    for (const which of ['first', 'second'])
      two.push(
        await waitUntil(async () => {
          const one = await heldExport(ui.serve);
          if (one.response.statusCode === 200) return one;
          one.request.destroy();
          return null;
        }, `the ${which} export taken after the cancel`),
      );
    for (const one of two) await readAll(one);
    expect(downloads).toBe(0);
    expect(ui.problems).toEqual([]);
  });
});
