import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallError } from '../../main/api/client.js';
import { StreamMessage } from '../../main/api/contract.js';
import { post, teamcropOrderRaw } from '../helpers/fixtures.js';
import { rawGet } from '../helpers/raw-http.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';

const json = { 'content-type': 'application/json' };

describe('admin API (real serve process)', () => {
  let serve: ServeProcess;
  let dataDir: string;
  let admin: string;
  let bearer: Record<string, string>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hookferry-admin-'));
    serve = await startServe(dataDir);
    admin = serve.runtime.adminUrl;
    bearer = { authorization: `Bearer ${serve.runtime.adminToken}` };
  });
  afterAll(async () => {
    await serve.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('who may call', () => {
    it('refuses a missing or wrong token with 401', async () => {
      expect((await fetch(`${admin}/api/sources`)).status).toBe(401);
      expect((await fetch(`${admin}/api/sources`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await fetch(`${admin}/api/sources`, { headers: bearer })).status).toBe(200);
    });

    it('refuses a foreign Host (DNS rebinding) even with the token', async () => {
      const port = new URL(admin).port;
      expect((await rawGet(`${admin}/api/sources`, { ...bearer, host: `attacker.example:${port}` })).status).toBe(403);
      expect((await rawGet(`${admin}/api/sources`, { ...bearer, host: `localhost:${port}` })).status).toBe(200);
      expect((await rawGet(`${admin}/api/sources`, { ...bearer, host: '127.0.0.1:1' })).status).toBe(403);
    });

    it('refuses a foreign Origin even with the token, and accepts our own', async () => {
      const foreign = await fetch(`${admin}/api/sources`, {
        headers: { ...bearer, origin: 'http://attacker.example' },
      });
      expect(foreign.status).toBe(403);
      expect(await foreign.json()).toEqual({ error: 'Requests from other websites are not allowed.' });
      expect((await fetch(`${admin}/api/sources`, { headers: { ...bearer, origin: admin } })).status).toBe(200);
    });

    it('listens on loopback only', () => {
      expect(new URL(admin).hostname).toBe('127.0.0.1');
    });

    it('serves the dashboard page without the token (it holds no data), with a CSP', async () => {
      const page = await fetch(`${admin}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Content-Security-Policy');
    });
  });

  describe('sources', () => {
    it('creates, renames, regenerates the token, and deletes; secrets are write-only', async () => {
      const created = await serve.api('createSource', {
        body: {
          name: 'Shop',
          kind: 'generic',
          verification: { type: 'hmac', header: 'X-Signature', secret: 'topsecret-123' },
        },
      });
      expect(created.verification).toEqual({ type: 'hmac', header: 'X-Signature', encoding: 'hex', secretSet: true });
      const listed = await fetch(`${admin}/api/sources`, { headers: bearer }).then((r) => r.text());
      expect(listed).not.toContain('topsecret-123');

      const renamed = await serve.api('updateSource', { params: { id: created.id }, body: { name: 'Shop 2' } });
      expect(renamed.name).toBe('Shop 2');
      expect(renamed.verification).toEqual(created.verification);
      expect(renamed.ingestUrl).toBe(created.ingestUrl);

      const regenerated = await serve.api('updateSource', {
        params: { id: created.id },
        body: { regenerateToken: true },
      });
      expect(regenerated.ingestUrl).not.toBe(created.ingestUrl);
      expect((await post(created.ingestUrl, '{}', json)).status).toBe(404);

      await serve.api('deleteSource', { params: { id: created.id } });
      expect((await post(regenerated.ingestUrl, '{}', json)).status).toBe(404);
      await expect(serve.api('deleteSource', { params: { id: created.id } })).rejects.toThrow(/no such source/);
    });

    it('explains what is wrong with a bad request', async () => {
      const attempt = serve.api('createSource', { body: { name: '', kind: 'generic' } });
      await expect(attempt).rejects.toBeInstanceOf(ApiCallError);
      await expect(attempt).rejects.toThrow('name: Give the source a name.');
      await expect(
        serve.api('createSource', { body: { name: 'X', verification: { type: 'hmac', secret: 'abcdefg' } } }),
      ).rejects.toThrow('Name the header that carries the signature (for example X-Signature).');
    });
  });

  describe('events', () => {
    it('lists newest first in keyset pages, filters, and shows one event whole', async () => {
      const pos = await serve.posUrl();
      const ids: string[] = [];
      for (let n = 0; n < 7; n++) {
        const answer = await post(pos, JSON.stringify({ n, invoice_id: `PG-${n}` }), {
          ...json,
          'X-Event-Type': 'page.test',
        });
        ids.push(String(answer.json.id));
      }
      const first = await serve.api('listEvents', { query: { type: 'page.test', limit: 3 } });
      const second = await serve.api('listEvents', { query: { type: 'page.test', limit: 3, before: first.next! } });
      const third = await serve.api('listEvents', { query: { type: 'page.test', limit: 3, before: second.next! } });
      expect([...first.items, ...second.items, ...third.items].map((item) => item.id)).toEqual(ids.reverse());
      expect(third.next).toBeNull();
      expect((await serve.api('listEvents', { query: { q: 'PG-3' } })).items.map((item) => item.summary)).toEqual([
        'page.test · PG-3',
      ]);
      await expect(serve.api('getEvent', { params: { id: 'evt_nope' } })).rejects.toThrow(/no such event/);
      await expect(serve.api('listEvents', { query: { limit: 100000 } })).rejects.toThrow(/limit/);
    });

    it('streams new and rejected events live over server-sent events', async () => {
      const controller = new AbortController();
      const response = await fetch(`${admin}/api/stream`, { headers: bearer, signal: controller.signal });
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      const messages: StreamMessage[] = [];
      const pos = await serve.posUrl();
      await post(pos, teamcropOrderRaw, { ...json, 'Tc-Webhook-Event': 'order.add', 'X-Test': 'stream' });
      await post(`${serve.runtime.ingestUrl}/in/unknown-token`, '{}', json);
      let buffer = '';
      while (messages.length < 2) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        for (const line of buffer.split('\n'))
          if (line.startsWith('data: ')) messages.push(StreamMessage.parse(JSON.parse(line.slice(6))));
        buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
      }
      controller.abort();
      const [arrived, refused] = messages;
      expect(arrived).toMatchObject({
        type: 'event',
        event: { status: 'received', summary: 'order.add · SPIRAL-170623-1017-DC92 · 936.200 ₫ · Nguyễn Thúy Linh' },
      });
      expect(refused).toMatchObject({ type: 'event', event: { status: 'rejected', httpStatus: 404 } });
    });

    it('counts by status, today and per hour', async () => {
      const stats = await serve.api('getStats');
      expect(stats.today.received).toBeGreaterThan(0);
      expect(stats.today.rejected).toBeGreaterThan(0);
      expect(stats.open).toEqual({ pending: 0, failed: 0 });
      expect(stats.hourly).toHaveLength(24);
      expect(stats.hourly.reduce((sum, hour) => sum + hour.received, 0)).toBe(stats.today.received);
      expect(stats.hourly.reduce((sum, hour) => sum + hour.rejected, 0)).toBe(stats.today.rejected);
    });

    it('exports NDJSON for a backup and CSV for a spreadsheet', async () => {
      const pos = await serve.posUrl();
      await post(pos, '{"quote":"a \\"b\\", c"}', { ...json, 'X-Event-Type': 'export.test' });
      const ndjson = await fetch(`${admin}/api/export?format=ndjson`, { headers: bearer });
      expect(ndjson.headers.get('content-disposition')).toMatch(
        /attachment; filename="hookferry-events-\d{4}-\d{2}-\d{2}\.ndjson"/,
      );
      const records = (await ndjson.text())
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { type: string; body: string; parsed: unknown });
      const exported = records.find((record) => record.type === 'export.test')!;
      expect(Buffer.from(exported.body, 'base64').toString()).toBe('{"quote":"a \\"b\\", c"}');
      expect(exported.parsed).toEqual({ quote: 'a "b", c' });
      const stats = await serve.api('getStats');
      expect(records).toHaveLength(Object.values(stats.today).reduce((sum, n) => sum + n, 0));

      const csv = await (await fetch(`${admin}/api/export?format=csv`, { headers: bearer })).text();
      expect(csv.split('\n')[0]).toBe(
        'id,received_at,source,type,status,outcome,summary,http_status,reason,content_type,body',
      );
      expect(csv).toContain('"{""quote"":""a \\""b\\"", c""}"');

      const future = await (
        await fetch(`${admin}/api/export?format=ndjson&from=2999-01-01T00:00:00Z`, { headers: bearer })
      ).text();
      expect(future).toBe('');
      expect((await fetch(`${admin}/api/export?format=xls`, { headers: bearer })).status).toBe(400);
    });
  });

  describe('settings', () => {
    it('has defaults, saves a change, and refuses a bad value with a sentence', async () => {
      const defaults = await serve.api('getSettings');
      expect(defaults).toMatchObject({
        retentionDays: 30,
        language: 'en',
        theme: 'system',
        intake: { bodyLimitBytes: 5 * 1024 * 1024 },
      });
      const saved = await serve.api('putSettings', { body: { language: 'vi', retentionDays: 14 } });
      expect(saved).toMatchObject({ language: 'vi', retentionDays: 14, intake: defaults.intake });
      expect(await serve.api('getSettings')).toEqual(saved);
      await expect(serve.api('putSettings', { body: { retentionDays: 0 } })).rejects.toThrow(/retentionDays/);
      await expect(serve.api('putSettings', { body: { unknownField: 1 } as never })).rejects.toThrow(
        /unknownField|Unrecognized/,
      );
    });

    it('changes only what a change names, leaving every other setting as it was', async () => {
      await serve.api('putSettings', {
        body: { theme: 'dark', deliveriesPaused: true, intake: { rateLimitPerMinute: 77 } },
      });
      const after = await serve.api('putSettings', { body: { debugLogging: true, intake: { bodyLimitBytes: 2048 } } });
      expect(after).toMatchObject({
        theme: 'dark',
        deliveriesPaused: true,
        debugLogging: true,
        intake: { rateLimitPerMinute: 77, bodyLimitBytes: 2048 },
      });
      await serve.api('putSettings', { body: { deliveriesPaused: false } });
    });
  });

  describe('destinations', () => {
    it('changes only what a patch names', async () => {
      const created = await serve.api('createDestination', {
        body: {
          name: 'Patched',
          url: 'http://127.0.0.1:9/hook',
          ordered: true,
          settings: { method: 'PUT', bodyMode: 'json', transform: '$' },
          retry: { maxAttempts: 3, initialDelayMs: 500 },
        },
      });
      const paused = await serve.api('updateDestination', {
        params: { id: created.id },
        body: { paused: true, retry: { multiplier: 3 } },
      });
      expect(paused).toMatchObject({
        paused: true,
        ordered: true,
        settings: { method: 'PUT', bodyMode: 'json', transform: '$' },
        retry: { maxAttempts: 3, initialDelayMs: 500, multiplier: 3 },
      });
      await serve.api('deleteDestination', { params: { id: created.id } });
    });
  });
});
