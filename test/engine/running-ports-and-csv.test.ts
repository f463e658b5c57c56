import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, teamcropOrderRaw } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';

describe('what Settings shows of this run, the CSV a spreadsheet opens, a preview on a fitting event (real serve)', () => {
  let serve: ServeProcess;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hookferry-ports-'));
    serve = await startServe(dataDir);
  });
  afterAll(async () => {
    await serve.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('tells the dashboard the ports it really listens on, and that the command line chose them', async () => {
    const stats = await serve.api('getStats');
    expect(stats.listening).toEqual({
      intake: {
        host: '127.0.0.1',
        port: Number(new URL(serve.runtime.ingestUrl).port),
        fromCommandLine: true,
        hostFromCommandLine: false,
        savedPortRefused: null,
      },
      admin: { port: Number(new URL(serve.runtime.adminUrl).port), fromCommandLine: true, savedPortRefused: null },
    });
    const settings = await serve.api('getSettings');
    expect(settings.intake.port).not.toBe(stats.listening.intake.port);
  });

  it('starts the CSV with a UTF-8 byte-order mark and leaves the bodies out when asked', async () => {
    const [source] = await serve.api('listSources');
    expect((await post(source!.ingestUrl, teamcropOrderRaw)).status).toBe(200);
    const get = async (query: string) =>
      Buffer.from(
        await (
          await fetch(`${serve.runtime.adminUrl}/api/export?${query}`, {
            headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
          })
        ).arrayBuffer(),
      );
    const withBodies = await get('format=csv');
    expect([...withBodies.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(withBodies.toString('utf8').slice(1).split('\n')[0]).toMatch(/,body$/);
    const without = (await get('format=csv&bodies=0')).toString('utf8').slice(1);
    expect(without.split('\n')[0]).toBe(
      'id,received_at,source,type,status,outcome,summary,http_status,reason,content_type',
    );
    expect(without.split('\n')[1]).toContain('SPIRAL-170623-1017-DC92');
    expect(without.split('\n')[1]).not.toContain('{');
  });

  it('writes the spreadsheet in the dashboard’s language, on the shop’s clock, with the codes after', async () => {
    const [source] = await serve.api('listSources');
    const { json } = await post(source!.ingestUrl, teamcropOrderRaw, { 'Tc-Webhook-Event': 'order.add' });
    expect((await post(source!.ingestUrl, '{"a":', { 'content-type': 'application/json' })).status).toBe(400);
    const event = await serve.api('getEvent', { params: { id: String(json.id) } });
    const sheet = async (query: string) => {
      const answer = await fetch(`${serve.runtime.adminUrl}/api/export?format=csv&bodies=0&${query}`, {
        headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
      });
      // text() has read the byte-order mark as such already.
      return { status: answer.status, lines: (await answer.text()).trim().split('\n') };
    };
    const { lines } = await sheet('lang=vi&tz=Asia/Ho_Chi_Minh');
    expect(lines[0]).toBe(
      'Thời gian,Nguồn,Loại sự kiện,Tóm tắt,Trạng thái,Lý do bị từ chối,Mã trả lời bên gửi,Sự kiện thử,' +
        'id,received_at,type,status',
    );
    // Hanoi is 7 hours ahead of UTC, all year; Excel reads "2026-12-01 12:48:22" as a date and time.
    const local = new Date(Date.parse(event.receivedAt) + 7 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
    const order = lines.find((line) => line.includes(String(json.id)))!;
    expect(order).toBe(
      `${local},POS,Đơn hàng mới,Đơn hàng mới · SPIRAL-170623-1017-DC92 · 936.200 ₫ · Nguyễn Thúy Linh,` +
        `"Đã lưu, không gửi",,200,,${String(json.id)},${event.receivedAt},order.add,received`,
    );
    const refused = lines.at(-1)!;
    expect(refused).toContain('Bị từ chối');
    // Said once, in its own column: the summary cell does not repeat it.
    expect(refused.split('Nội dung không phải JSON hợp lệ tại dòng 1, cột 6: cần một giá trị.')).toHaveLength(2);
    expect(refused).toMatch(/,400,,evt_[^,]+,[^,]+,unknown,rejected$/);

    const english = await sheet('lang=en&tz=UTC');
    expect(english.lines[0]).toBe(
      'Time,Source,Event,Summary,Status,Why refused,Answer to the sender (HTTP),Test,id,received_at,type,status',
    );
    expect((await sheet('lang=vi&tz=Mars/Olympus')).status).toBe(400);
  });

  it('says a failed test event as a failed test in the spreadsheet, its code kept as stored', async () => {
    // Nothing listens on port 9 of this machine: the test is refused at once.
    const destination = await serve.api('createDestination', {
      body: { name: 'Nowhere', url: 'http://127.0.0.1:9/hook', events: ['order.add'] },
    });
    expect(await serve.api('testDestination', { params: { id: destination.id } })).toMatchObject({ ok: false });
    const answer = await fetch(`${serve.runtime.adminUrl}/api/export?format=csv&bodies=0&lang=vi&tz=UTC`, {
      headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
    });
    const row = (await answer.text()).split('\n').find((line) => line.includes('Sự kiện thử · Nowhere'))!;
    expect(row).toMatch(/,Sự kiện thử · Nowhere,Thử: lỗi,,200,Có,evt_test_\w+,[^,]+,hookferry\.test,discarded$/);
    await serve.api('deleteDestination', { params: { id: destination.id } });

    // One that went through is said as a test too, not as an order delivered.
    const sink = await startSink();
    const answering = await serve.api('createDestination', {
      body: { name: 'Answering', url: sink.url, events: ['order.add'] },
    });
    expect(await serve.api('testDestination', { params: { id: answering.id } })).toMatchObject({ ok: true });
    const again = await fetch(`${serve.runtime.adminUrl}/api/export?format=csv&bodies=0&lang=vi&tz=UTC`, {
      headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
    });
    const ok = (await again.text()).split('\n').find((line) => line.includes('Sự kiện thử · Answering'))!;
    expect(ok).toMatch(/,Sự kiện thử · Answering,Thử: đã gửi,,200,Có,evt_test_\w+,[^,]+,hookferry\.test,delivered$/);
    await serve.api('deleteDestination', { params: { id: answering.id } });
  });

  it('says in its cell that a body is too long for a spreadsheet, rather than let Excel cut it silently', async () => {
    const [source] = await serve.api('listSources');
    const lines = Array.from({ length: 800 }, (_, i) => ({ sku: `SKU-${i}`, name: `Áo dài lụa số ${i}`, qty: 1 }));
    const long = JSON.stringify({ invoice_id: 'SPIRAL-LONG-800', lines });
    const { json } = await post(source!.ingestUrl, long, {
      'content-type': 'application/json',
      'Tc-Webhook-Event': 'order.add',
    });
    const answer = await fetch(`${serve.runtime.adminUrl}/api/export?format=csv&lang=vi&tz=UTC`, {
      headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
    });
    const row = (await answer.text()).split('\n').find((line) => line.includes(String(json.id)))!;
    expect(row.length).toBeLessThan(2_000);
    expect(row).toContain(
      `Nội dung này có ${long.length.toLocaleString('vi')} ký tự, nhiều hơn một ô bảng tính chứa được (32.767).`,
    );
    const api = await fetch(`${serve.runtime.adminUrl}/api/export?format=csv`, {
      headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
    });
    // The API's CSV, for scripts, keeps the body whole.
    expect(await api.text()).toContain('SPIRAL-LONG-800');
  });

  it('previews a Zithara destination on the newest event it takes, not on a newer one it ignores', async () => {
    const pos = await serve.api('createSource', { body: { name: 'Teamcrop POS', kind: 'teamcrop' } });
    const destination = await serve.api('createDestination', {
      body: {
        name: 'Zithara preview',
        kind: 'zithara',
        url: 'http://127.0.0.1:9/v1',
        events: ['order.add'],
        paused: true,
        settings: { clientId: 'client', clientSecret: 'secret', phoneCountryCode: '84', currency: 'VND' },
      },
    });
    const order = await post(pos.ingestUrl, teamcropOrderRaw, { 'Tc-Webhook-Event': 'order.add' });
    await post(pos.ingestUrl, '{"id": 1}', { 'Tc-Webhook-Event': 'product.edit' });
    const preview = await serve.api('previewDestination', { params: { id: destination.id }, body: {} });
    expect(preview).toMatchObject({ ok: true, eventId: order.json.id });
  });
});
