import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { order, orderAdd, post, teamcropOrder, wooOrderRaw } from '../helpers/fixtures.js';
import { SERVE_ENTRY, type ServeProcess, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { withUnreadableEvent } from '../helpers/unreadable-event.js';
import { type ReadCell, type ReadSheet, readWorkbook } from '../helpers/workbook.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MB = 1024 * 1024;

function exportOf(serve: ServeProcess, query: string): Promise<Response> {
  return fetch(`${serve.runtime.adminUrl}/api/export?format=xlsx&${query}`, {
    headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
  });
}

/** Every sheet's rows after its header, in order, each sheet's header checked to be the first one's. */
function dataRows(sheets: ReadSheet[]): ReadCell[][] {
  const header = sheets[0]!.rows[0];
  for (const sheet of sheets) expect(sheet.rows[0]).toEqual(header);
  return sheets.flatMap((sheet) => sheet.rows.slice(1));
}

/** What a clock in this zone shows at `iso`, as the spreadsheet writes it ("2026-12-02 10:58:40"). */
const clockAt = (iso: string, offsetHours: number) =>
  new Date(Date.parse(iso) + offsetHours * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);

describe('the Excel workbook a shopkeeper downloads (real serve, real HTTP)', () => {
  let serve: ServeProcess;
  let dataDir: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    dataDir = tempDir();
    // Two events a sheet (and the header), so a handful of events shows the next sheets.
    serve = await startServe(dataDir, [], SERVE_ENTRY, { HOOKFERRY_TEST_SHEET_ROWS: '3' });
    const pos = await serve.posUrl();
    ids.teamcrop = String((await post(pos, order('SPIRAL-XLSX-1'), orderAdd)).json.id);
    const woo = await serve.api('createSource', { body: { name: 'Cửa hàng Woo', kind: 'woocommerce' } });
    ids.woo = String(
      (
        await post(woo.ingestUrl, wooOrderRaw, {
          'content-type': 'application/json',
          'X-WC-Webhook-Topic': 'order.created',
        })
      ).json.id,
    );
    const formula = '=HYPERLINK("http://evil.example","Open")';
    ids.formula = String(
      (await post(pos, '@SUM(1+1)', { 'content-type': 'text/plain', 'X-Event-Type': formula })).json.id,
    );
    expect((await post(pos, '{"a":', { 'content-type': 'application/json' })).status).toBe(400);
  });
  afterAll(() => serve.stop());

  it('is an Excel workbook in Vietnamese: header bold and frozen, names intact, times on the shop’s clock, one row an event', async () => {
    const answer = await exportOf(serve, 'lang=vi&tz=Asia/Ho_Chi_Minh&bodies=0');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe(XLSX);
    expect(answer.headers.get('content-disposition')).toMatch(
      /^attachment; filename="hookferry-events-\d{4}-\d{2}-\d{2}\.xlsx"$/,
    );
    const file = Buffer.from(await answer.arrayBuffer());
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    const sheets = await readWorkbook(file);
    expect(sheets[0]!.rows[0]).toEqual([
      'Thời gian',
      'Nguồn',
      'Loại sự kiện',
      'Tóm tắt',
      'Trạng thái',
      'Lý do bị từ chối',
      'Mã trả lời bên gửi',
      'Sự kiện thử',
      'id',
      'received_at',
      'type',
      'status',
    ]);
    for (const sheet of sheets) {
      expect(sheet.headerFrozen, sheet.name).toBe(true);
      expect(sheet.headerBold, sheet.name).toBe(true);
      expect(sheet.widths[3], 'the summary has room').toBeGreaterThanOrEqual(40);
    }
    const rows = dataRows(sheets);
    const listed = await serve.api('listEvents', { query: { limit: 500 } });
    expect(rows).toHaveLength(listed.items.length);

    const event = await serve.api('getEvent', { params: { id: ids.teamcrop! } });
    const teamcrop = rows.find((row) => row[8] === ids.teamcrop)!;
    // Hanoi is 7 hours ahead of UTC, all year; the HTTP answer a number a spreadsheet adds up.
    expect(teamcrop).toEqual([
      clockAt(event.receivedAt, 7),
      'POS',
      'Đơn hàng mới',
      'Đơn hàng mới · SPIRAL-XLSX-1 · 936.200 ₫ · Nguyễn Thúy Linh',
      'Đã lưu, không gửi',
      null,
      200,
      null,
      ids.teamcrop,
      event.receivedAt,
      'order.add',
      'received',
    ]);
    const woo = rows.find((row) => row[8] === ids.woo)!;
    expect(woo[1]).toBe('Cửa hàng Woo');
    expect(String(woo[3])).toContain('Hoa');
    const refused = rows.at(-1)!;
    expect(refused[4]).toBe('Bị từ chối');
    expect(refused[5]).toBe('Nội dung không phải JSON hợp lệ tại dòng 1, cột 6: cần một giá trị.');
    expect(refused[6]).toBe(400);
  });

  it('writes the same columns in English, on the clock asked for', async () => {
    const sheets = await readWorkbook(Buffer.from(await (await exportOf(serve, 'lang=en&tz=UTC')).arrayBuffer()));
    expect(sheets[0]!.rows[0]).toEqual([
      'Time',
      'Source',
      'Event',
      'Summary',
      'Status',
      'Why refused',
      'Answer to the sender (HTTP)',
      'Test',
      'id',
      'received_at',
      'type',
      'status',
      'content_type',
      'body',
    ]);
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Events', 'Events 2']);
    const event = await serve.api('getEvent', { params: { id: ids.teamcrop! } });
    const teamcrop = dataRows(sheets).find((row) => row[8] === ids.teamcrop)!;
    expect(teamcrop.slice(0, 5)).toEqual([
      clockAt(event.receivedAt, 0),
      'POS',
      'New order',
      'New order · SPIRAL-XLSX-1 · 936.200 ₫ · Nguyễn Thúy Linh',
      'Kept, not sent',
    ]);
    expect(JSON.parse(String(teamcrop[13]))).toMatchObject({ invoice_id: 'SPIRAL-XLSX-1' });
    expect((await exportOf(serve, 'lang=vi&tz=Mars/Olympus')).status).toBe(400);
  });

  it('goes on in a second sheet when one is full, each with its header, no event left out or written twice', async () => {
    const sheets = await readWorkbook(Buffer.from(await (await exportOf(serve, 'lang=vi&tz=UTC')).arrayBuffer()));
    expect(sheets.map((sheet) => sheet.name)).toEqual(['Sự kiện', 'Sự kiện 2']);
    expect(sheets.map((sheet) => sheet.rows.length)).toEqual([3, 3]);
    const listed = (await serve.api('listEvents', { query: { limit: 500 } })).items.map((item) => item.id).reverse();
    expect(dataRows(sheets).map((row) => row[8])).toEqual(listed);
  });

  it('writes a type or body made to look like a formula as text, never as a formula', async () => {
    const sheets = await readWorkbook(Buffer.from(await (await exportOf(serve, 'lang=en&tz=UTC')).arrayBuffer()));
    const rows = sheets.flatMap((sheet) => sheet.rows);
    const types = sheets.flatMap((sheet) => sheet.types);
    const at = rows.findIndex((row) => row[8] === ids.formula);
    expect(rows[at]![10]).toBe('=HYPERLINK("http://evil.example","Open")');
    expect(rows[at]![13]).toBe('@SUM(1+1)');
    expect(types.flat()).not.toContain(ExcelJS.ValueType.Formula);
    expect(types[at]![10]).toBe(ExcelJS.ValueType.RichText);
  });

  it('cuts a body longer than a cell holds, and says so at its end in the sheet’s language', async () => {
    const lines = Array.from({ length: 800 }, (_, i) => ({ sku: `SKU-${i}`, name: `Áo dài lụa số ${i}`, qty: 1 }));
    const long = JSON.stringify({ invoice_id: 'SPIRAL-LONG-XLSX', lines });
    const id = String((await post(await serve.posUrl(), long, orderAdd)).json.id);
    const cellOf = async (lang: string) => {
      const sheets = await readWorkbook(Buffer.from(await (await exportOf(serve, `lang=${lang}`)).arrayBuffer()));
      return String(dataRows(sheets).find((row) => row[8] === id)![13]);
    };
    const vi = await cellOf('vi');
    const viMark = ` … [Đã cắt tại đây: nội dung này có ${long.length.toLocaleString('vi')} ký tự, nhiều hơn một ô bảng tính chứa được (32.767). Bản sao lưu đầy đủ (NDJSON) trong Cài đặt có toàn bộ nội dung.]`;
    expect(vi).toHaveLength(32_767);
    expect(vi.endsWith(viMark)).toBe(true);
    expect(long.startsWith(vi.slice(0, -viMark.length))).toBe(true);
    const en = await cellOf('en');
    expect(en).toHaveLength(32_767);
    expect(en).toMatch(
      /^\{"invoice_id":"SPIRAL-LONG-XLSX".* … \[Cut here: this text has [\d,]+ characters, more than a spreadsheet cell holds \(32,767\)\. The full backup \(NDJSON\) in Settings has the whole body\.\]$/s,
    );
  });

  it('fails the download, rather than end a short file that looks whole, when an event cannot be read', async () => {
    await withUnreadableEvent(dataDir, async () => {
      const answer = await exportOf(serve, 'lang=vi');
      expect(answer.status).toBe(200);
      await expect(answer.arrayBuffer()).rejects.toThrow();
    });
    // The engine goes on serving exports.
    expect((await exportOf(serve, 'lang=vi')).status).toBe(200);
  });
});

/** VmRSS of a process, from /proc. */
const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

describe('a workbook of a large store (real serve)', () => {
  const EVENTS = 20_000;
  // Orders with a delivery note, about 8,000 characters each: 160 MB of text in all, far more than the engine may grow.
  const body = (n: number) =>
    JSON.stringify({
      ...teamcropOrder,
      invoice_id: `SPIRAL-BIG-${n}`,
      note: 'Giao hàng giờ hành chính, gọi trước khi tới. '.repeat(120),
    });
  let serve: ServeProcess;

  beforeAll(async () => {
    const dataDir = tempDir();
    // The store made by serve, then filled as twenty thousand orders would have filled it, faster than posting them.
    await (await startServe(dataDir)).stop();
    const db = new Database(join(dataDir, 'hookferry.db'));
    const insert = db.prepare(
      `INSERT INTO events (id, type, status, received_at, http_status, headers, content_type, body, body_size, summary)
       VALUES (?, 'order.add', 'received', ?, 200, '{}', 'application/json', ?, ?, ?)`,
    );
    const start = Date.now() - EVENTS;
    db.transaction(() => {
      for (let n = 0; n < EVENTS; n++) {
        const bytes = Buffer.from(body(n));
        insert.run(`evt_big_${n}`, start + n, bytes, bytes.length, `Đơn hàng mới · SPIRAL-BIG-${n}`);
      }
    })();
    db.close();
    serve = await startServe(dataDir);
  }, 120_000);
  afterAll(() => serve.stop());

  it('is written with flat memory: the engine grows far less than the text it sends', async () => {
    const pid = serve.runtime.pid;
    // A first small export, so what is measured is the rows, not exceljs's first load.
    await (await exportOf(serve, 'lang=vi&to=1970-01-02T00:00:00Z')).arrayBuffer();
    const before = rssOf(pid);
    let peak = before;
    const answer = await exportOf(serve, 'lang=vi&tz=Asia/Ho_Chi_Minh&bodies=1');
    expect(answer.status).toBe(200);
    // The workbook read as it arrives (exceljs's streaming reader), the engine's memory looked at between pieces.
    const arriving = Readable.fromWeb(answer.body!).on('data', () => {
      peak = Math.max(peak, rssOf(pid));
    });
    let rows = 0;
    let sheets = 0;
    for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(arriving, {})) {
      sheets += 1;
      for await (const row of sheet) if (row.number > 1) rows += 1;
    }
    expect(sheets).toBe(1);
    expect(rows).toBe(EVENTS);
    const text = EVENTS * body(0).length;
    console.log(
      `RSS before ${(before / MB).toFixed(0)} MB, peak ${(peak / MB).toFixed(0)} MB, over ${EVENTS} rows and ${(text / MB).toFixed(0)} MB of bodies`,
    );
    // Its young objects, collected as they go, take some 50-70 MB whatever the rows; held rows would take 160 MB more.
    expect(peak - before).toBeLessThan(100 * MB);
  }, 180_000);
});
