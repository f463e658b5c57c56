import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../helpers/browser.js';
import { ARTIFACTS, openPage, setLanguage, useDashboard } from '../helpers/dashboard-page.js';
import { order, orderAdd, post, wooOrderRaw } from '../helpers/fixtures.js';
import { readWorkbook } from '../helpers/workbook.js';

/** Clicks a download button; the file the browser saved, its name, and the export's query. */
async function downloadBy(page: Page, button: string) {
  const asked = page.waitForRequest((request) => new URL(request.url()).pathname === '/api/export');
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  const download = await saved;
  return {
    name: download.suggestedFilename(),
    file: readFileSync(await download.path()),
    query: new URL((await asked).url()).searchParams,
  };
}

describe.skipIf(!hasChromium)('Settings downloads an Excel workbook a shopkeeper opens (Chromium, real serve)', () => {
  const ui = useDashboard({
    prepare: async (serve) => {
      expect((await post(await serve.posUrl(), order('SPIRAL-EXCEL-1'), orderAdd)).status).toBe(200);
      const woo = await serve.api('createSource', { body: { name: 'Cửa hàng Woo', kind: 'woocommerce' } });
      const created = { 'content-type': 'application/json', 'X-WC-Webhook-Topic': 'order.created' };
      expect((await post(woo.ingestUrl, wooOrderRaw, created)).status).toBe(200);
    },
  });

  it('saves an .xlsx with a row for each event, in English and in Vietnamese, the CSV still there beside it', async () => {
    await openPage(ui.page, 'Settings');
    const part = ui.page.getByRole('group', { name: 'Configuration' });
    await part.scrollIntoViewIfNeeded();
    await part.screenshot({ path: join(ARTIFACTS, 'settings-export-en.png') });

    const english = await downloadBy(ui.page, 'Download Excel spreadsheet (.xlsx)');
    expect(english.name).toMatch(/^hookferry-events-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(english.file.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(english.query.get('format')).toBe('xlsx');
    expect(english.query.get('bodies')).toBe('0');
    const [sheet] = await readWorkbook(english.file);
    expect(sheet!.rows[0]!.slice(0, 5)).toEqual(['Time', 'Source', 'Event', 'Summary', 'Status']);
    const { items } = await ui.serve.api('listEvents', { query: { limit: 500 } });
    expect(sheet!.rows).toHaveLength(items.length + 1);
    expect(sheet!.rows.map((row) => row[3])).toContain('New order · SPIRAL-EXCEL-1 · 936.200 ₫ · Nguyễn Thúy Linh');
    expect(sheet!.rows.map((row) => row[1])).toContain('Cửa hàng Woo');

    await setLanguage(ui.serve, ui.page, 'vi');
    await ui.page
      .getByRole('group', { name: 'Cấu hình' })
      .screenshot({ path: join(ARTIFACTS, 'settings-export-vi.png') });
    const vietnamese = await downloadBy(ui.page, 'Tải bảng tính Excel (.xlsx)');
    expect(vietnamese.query.get('lang')).toBe('vi');
    const [trang] = await readWorkbook(vietnamese.file);
    expect(trang!.name).toBe('Sự kiện');
    expect(trang!.rows[0]!.slice(0, 5)).toEqual(['Thời gian', 'Nguồn', 'Loại sự kiện', 'Tóm tắt', 'Trạng thái']);
    expect(trang!.rows.map((row) => row[3])).toContain('Đơn hàng mới · SPIRAL-EXCEL-1 · 936.200 ₫ · Nguyễn Thúy Linh');

    const csv = await downloadBy(ui.page, 'CSV cho chương trình khác');
    expect(csv.name).toMatch(/^hookferry-events-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.query.get('format')).toBe('csv');
    expect(csv.file.toString('utf8')).toContain('Nguyễn Thúy Linh');
    expect(ui.problems).toEqual([]);
  });
});
