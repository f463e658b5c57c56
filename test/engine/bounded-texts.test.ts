import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reason } from '../../main/api/contract.js';
import { MAX_MESSAGE_CHARS, MAX_QUOTED_CHARS } from '../../main/lib/bounded-text.js';
import { once } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { waitUntil } from '../helpers/wait.js';

const KB = 1024;

/** Texts a sender, a destination or an expression controls stay small wherever they end up (real serve process). */
describe('bounded texts from senders, destinations and expressions', () => {
  let serve: ServeProcess;
  let dataDir: string;
  let pos: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hookferry-bounded-'));
    serve = await startServe(dataDir);
    pos = await serve.posUrl();
  });
  afterAll(async () => {
    await serve.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The admin API's answer as bytes on the wire, with how long it took. */
  const adminGet = async (path: string) => {
    const started = Date.now();
    const response = await fetch(`${serve.runtime.adminUrl}${path}`, {
      headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
    });
    const text = await response.text();
    return { status: response.status, text, ms: Date.now() - started };
  };

  const postRaw = async (body: string, contentType: string) => {
    const response = await fetch(pos, { method: 'POST', headers: { 'content-type': contentType }, body });
    return { status: response.status, text: await response.text() };
  };

  const expectBoundedReason = (reason: Reason | null) => {
    for (const value of Object.values(reason?.params ?? {}))
      expect(String(value).length).toBeLessThanOrEqual(MAX_QUOTED_CHARS);
  };

  it('answers an XML body of megabyte-long unclosed tags with a short sentence, and keeps its reason and summary short', async () => {
    // The attack's 5 MB body, made smaller so a loaded machine reads it within the reading time limit.
    const xml = `<r><${'a'.repeat(500_000)}><${'b'.repeat(500_000)}>x`;
    for (let n = 0; n < 3; n++) {
      const answer = await postRaw(xml, 'application/xml');
      expect(answer.status).toBe(400);
      expect(answer.text.length).toBeLessThan(4 * KB);
      expect((JSON.parse(answer.text) as { error: string }).error).toMatch(
        /^The body is not valid XML at line 1, column \d+: .*characters cut\]/,
      );
    }
    const page = await adminGet('/api/events?limit=100&status=rejected');
    expect(page.status).toBe(200);
    expect(page.text.length).toBeLessThan(40 * KB);
    const { items } = JSON.parse(page.text) as {
      items: { reason: string; summary: string; rejection: Reason | null }[];
    };
    expect(items).toHaveLength(3);
    for (const item of items) {
      expect(item.reason.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
      expect(item.summary.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
      expectBoundedReason(item.rejection);
    }
    const page100 = await adminGet('/api/events?limit=100');
    expect(page100.text.length).toBeLessThan(40 * KB);
    // Without bodies, the export holds what the live log shows: each rejected entry's words, in both forms.
    for (const language of ['', '&lang=vi']) {
      const csv = await adminGet(`/api/export?format=csv&bodies=0${language}`);
      expect(csv.status).toBe(200);
      expect(csv.text.length).toBeLessThan(40 * KB);
    }
  });

  it('keeps a failed transformation’s error short when the value it quotes is megabytes long', async () => {
    const destination = await serve.api('createDestination', {
      body: {
        name: 'Totals',
        url: 'http://127.0.0.1:9/',
        retry: once,
        settings: { transform: '{"total": $number(price)}' },
      },
    });
    const price = '7'.repeat(1024 * 1024);
    const sent = await fetch(pos, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ event: 'order.add', id: 'p1', price: `${price}x` }),
    });
    const { id } = (await sent.json()) as { id: string };
    const failed = await waitUntil(async () => {
      const event = await serve.api('getEvent', { params: { id } });
      return event.status === 'failed' ? event : null;
    }, 'the order the transformation breaks on failing');
    const [attempt] = failed.deliveries[0]!.attempts;
    expect(attempt!.error!.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
    expect(attempt!.error).toMatch(/^The transformation failed.*characters cut\]/);
    expectBoundedReason(attempt!.reason);
    const failedPage = await adminGet('/api/deliveries/failed');
    expect(failedPage.status).toBe(200);
    expect(failedPage.text.length).toBeLessThan(40 * KB);
    const stats = await adminGet('/api/stats');
    expect(stats.text.length).toBeLessThan(100 * KB);
    // An expression that says megabytes through $error: its preview answers a sentence of bounded length.
    const preview = await serve.api('previewDestination', {
      params: { id: destination.id },
      body: { body: { a: 1 }, expression: '$error($pad("", 3000000, "a"))' },
    });
    expect(preview.ok).toBe(false);
    expect(JSON.stringify(preview).length).toBeLessThan(4 * KB);
    await serve.api('deleteDestination', { params: { id: destination.id } });
  });

  it('answers crafted invalid JSON with a sentence and a live-log entry, and keeps it as text when sent as text', async () => {
    for (const brackets of [10_000, 20_000]) {
      const crafted = `["a\n${'['.repeat(brackets)}`;
      const asJson = await postRaw(crafted, 'application/json');
      expect(asJson.status).toBe(400);
      expect((JSON.parse(asJson.text) as { error: string }).error).toBe(
        'The body is not valid JSON at line 1, column 2: a text value is not closed.',
      );
      const asText = await postRaw(crafted, 'text/plain');
      expect(asText.status).toBe(200);
      const kept = await serve.api('getEvent', { params: { id: (JSON.parse(asText.text) as { id: string }).id } });
      expect(kept.bodySize).toBe(Buffer.byteLength(crafted));
    }
    const rejected = await serve.api('listEvents', { query: { status: 'rejected', limit: 100 } });
    const refusedJson = rejected.items.filter((item) => item.rejection?.code === 'intake.invalidJson');
    expect(refusedJson).toHaveLength(2);
  });

  it('resends and discards the failures of a reason whose sentence was longer than the selection takes', async () => {
    const destination = await serve.api('createDestination', {
      body: {
        name: 'Long reason',
        url: 'http://127.0.0.1:9/',
        retry: once,
        settings: { transform: `$error("${'x'.repeat(2500)}" & id)` },
      },
    });
    const sent = await fetch(pos, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ event: 'order.add', id: 'p2' }),
    });
    const { id } = (await sent.json()) as { id: string };
    const reasonOf = () =>
      waitUntil(async () => {
        const view = await serve.api('failedView', { query: {} });
        const group = view.destinations.find((entry) => entry.destinationId === destination.id);
        return group?.reasons[0] ?? null;
      }, 'the order failed with the long reason');
    const reason = await reasonOf();
    expect(reason.lastError!.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);

    const resent = await serve.api('resendFailed', {
      params: { id: destination.id },
      body: { lastError: reason.lastError! },
    });
    expect(resent.queued).toBe(1);
    await waitUntil(async () => {
      const event = await serve.api('getEvent', { params: { id } });
      return event.deliveries[0]!.attempts.length === 2 && event.status === 'failed';
    }, 'the resent order failing again');
    const again = await reasonOf();
    const discarded = await serve.api('discardFailed', {
      params: { id: destination.id },
      body: { lastError: again.lastError! },
    });
    expect(discarded.discarded).toBe(1);
  });
});
