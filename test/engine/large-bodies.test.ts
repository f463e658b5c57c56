import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersUntil, nestedGroups } from '../helpers/answers.js';
import { post, teamcropOrder } from '../helpers/fixtures.js';
import { rawGet } from '../helpers/raw-http.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * Bodies that take the parsers seconds, under the size limit, against a real `serve` child on 127.0.0.1: they are
 * read in the body process, so the engine answers everyone else meanwhile, and the process's limits of time and
 * memory refuse the worst with a sentence. Before, each held every request and delivery up for as long as it took.
 */

const XML = { 'content-type': 'application/xml' };

/** A Magento-like order of `items` lines (four parts each), about 100 bytes a line. */
function magentoOrder(items: number, customer = 'Trần Bảo Châu'): string {
  const lines = Array.from(
    { length: items },
    (_, i) => `<item><sku>SKU-${i}</sku><name>Áo dài lụa ${i}</name><qty>1</qty></item>`,
  ).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?><order><event>sales_order_place_after</event>` +
    `<order_id>100000123</order_id><total>936200</total><currency>VND</currency>` +
    `<customer_name>${customer}</customer_name><items>${lines}</items></order>`
  );
}

/** 5 MB of processing instructions: not parts the scan counts, and the dearest body found to parse (seconds). */
const instructions = `<r>${'<?a?>'.repeat(1_000_000)}</r>`;

/** A POST whose upload end is seen apart from its answer. */
function send(url: string, body: string, headers: Record<string, string>) {
  let sent!: () => void;
  const uploaded = new Promise<void>((resolve) => (sent = resolve));
  const answer = new Promise<{ status: number; retryAfter: string | undefined; json: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request(url, { method: 'POST', headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'],
            json: JSON.parse(text) as Record<string, unknown>,
          }),
        );
      });
      req.on('error', reject);
      req.end(body, () => sent());
    },
  );
  return { uploaded, answer };
}

const healthz = async (serve: ServeProcess) => (await rawGet(`${serve.runtime.ingestUrl}/healthz`, {})).status;

/**
 * 2.6 MB of JSON arrays nested 200 deep (with the object around them) in 6,500 groups: half the worst body under the
 * 5 MB limit, so intake reads it in time on a loaded machine, and still seconds of the engine's thread to parse.
 */
function nestedOrder(): string {
  // Spaces, a byte-order mark and a repeated key: the JSON body mode writes what the parse made of them.
  return `\uFEFF{ "order": "N-1", "order": "N-2",\n  "lines": [${nestedGroups(6_500, 198)}] }`;
}

describe('large bodies (real serve process)', () => {
  let serve: ServeProcess;

  beforeAll(async () => {
    serve = await startServe(tempDir());
  });
  afterAll(() => serve.stop());

  it('answers small orders and /healthz while a large body is read, then stores the large one as read', async () => {
    const pos = await serve.posUrl();
    // 100,000 parts, 2.2 MB: about a second of parsing, which the engine's thread spent before.
    const large = send(pos, magentoOrder(24_000), XML);
    const answered: string[] = [];
    void large.answer.then(() => answered.push('large'));
    await large.uploaded;
    for (let i = 0; i < 10; i++) {
      const order = { ...teamcropOrder, invoice_id: `LARGE-TEST-${i}` };
      const small = await post(pos, JSON.stringify(order), { 'content-type': 'application/json' });
      expect(small.status).toBe(200);
      answered.push('small');
    }
    expect(await healthz(serve)).toBe(200);
    answered.push('healthz');
    const { status, json } = await large.answer;
    expect(status).toBe(200);
    expect(answered).toEqual([...Array<string>(10).fill('small'), 'healthz', 'large']);

    const id = json.id as string;
    const stored = await serve.api('getEvent', { params: { id } });
    expect([stored.type, stored.summary]).toEqual([
      'sales_order_place_after',
      'sales_order_place_after · 100000123 · 936.200 ₫ · Trần Bảo Châu',
    ]);
    const parsed = stored.parsed as { order: { items: { item: { sku: string }[] } } };
    expect(parsed.order.items.item).toHaveLength(24_000);
    expect(parsed.order.items.item[23_999]?.sku).toBe('SKU-23999');
    const found = await serve.api('listEvents', { query: { q: 'tran bao chau' } });
    expect(found.items.map((item) => item.id)).toEqual([id]);
    // A sender's retry of the same body is recognised, as for a small one.
    expect((await post(pos, magentoOrder(24_000), XML)).json).toEqual({ id, duplicate: true });
  });

  it('reads large JSON and form bodies in the process too, and stores them whole', async () => {
    const pos = await serve.posUrl();
    const lines = Array.from({ length: 2_000 }, (_, i) => ({ sku: `SKU-${i}`, name: `Áo ${i}` }));
    const json = await post(pos, JSON.stringify({ ...teamcropOrder, invoice_id: 'LARGE-JSON', lines }), {
      'content-type': 'application/json',
      'tc-webhook-event': 'order.add',
    });
    const form = await post(
      pos,
      `type=order.paid&order_number=FORM-1042&customer_name=Nguy%E1%BB%85n+Linh&note=${'x'.repeat(20_000)}`,
      { 'content-type': 'application/x-www-form-urlencoded' },
    );
    const jsonEvent = await serve.api('getEvent', { params: { id: json.json.id as string } });
    expect(jsonEvent.summary).toMatch(/^order\.add · LARGE-JSON · /);
    expect((jsonEvent.parsed as { lines: unknown[] }).lines).toHaveLength(2_000);
    const formEvent = await serve.api('getEvent', { params: { id: form.json.id as string } });
    expect(formEvent.summary).toBe('order.paid · FORM-1042 · Nguyễn Linh');
    expect((formEvent.parsed as { note: string }).note).toHaveLength(20_000);
  });
  it('takes a burst of web-shop orders of tens of KB arriving together, none answered busy', async () => {
    // A busy shop's orders of 300 lines (about 23 KB each) all at once: the waiting line is counted in bodies as
    // large as the limit, so only bodies that large fill it (before, a fifth order waiting was answered 503).
    const pos = await serve.posUrl();
    const answers = await Promise.all(
      Array.from({ length: 24 }, (_, i) => post(pos, magentoOrder(300, `Khách ${i}`), XML).then((one) => one.status)),
    );
    expect(answers).toEqual(Array.from({ length: 24 }, () => 200));
  });

  it('delivers a large body as it came, and as the JSON the body process made of it', async () => {
    const [raw, json] = [await startSink(), await startSink()];
    await serve.api('createDestination', { body: { name: 'Raw', url: raw.url, events: ['order.large'] } });
    await serve.api('createDestination', {
      body: { name: 'JSON', url: json.url, events: ['order.large'], settings: { bodyMode: 'json' } },
    });
    const body = magentoOrder(3_000, 'Lê Văn Tám').replace('sales_order_place_after', 'order.large');
    expect((await post(await serve.posUrl(), body, XML)).status).toBe(200);
    const [asSent] = await raw.waitFor(1);
    const [asJson] = await json.waitFor(1);
    expect(asSent!.body.toString('utf8')).toBe(body);
    const parsed = JSON.parse(asJson!.body.toString('utf8')) as { order: { customer_name: string; items: unknown } };
    expect(parsed.order.customer_name).toBe('Lê Văn Tám');
    expect((parsed.order.items as { item: unknown[] }).item).toHaveLength(3_000);
  });

  it('sends a large JSON body in the JSON body mode as it came, and transforms it off the engine, which answers meanwhile', async () => {
    const [json, reshaped] = [await startSink(), await startSink()];
    // A loaded machine may not prepare the body in its time: that try is busy and made again, soon here.
    const retry = { maxAttempts: 5, initialDelayMs: 500, multiplier: 1, maxDelayMs: 500 };
    await serve.api('createDestination', {
      body: { name: 'Nested JSON', url: json.url, events: ['order.nested'], settings: { bodyMode: 'json' }, retry },
    });
    await serve.api('createDestination', {
      body: {
        name: 'Nested reshaped',
        url: reshaped.url,
        events: ['order.nested'],
        settings: { transform: '{"order": order, "kind": $type($)}' },
        retry,
      },
    });
    const body = nestedOrder();
    const pos = await serve.posUrl();
    const accepted = await post(pos, body, { 'content-type': 'application/json', 'tc-webhook-event': 'order.nested' });
    expect(accepted.status).toBe(200);
    const answers = await answersUntil(serve, Promise.all([json.waitFor(1, 60_000), reshaped.waitFor(1, 60_000)]));
    // Before, the engine parsed the body for each destination and answered next to nothing until both were sent.
    expect(answers).toBeGreaterThan(20);
    // JSON already: sent as it came, without its byte-order mark (parsed and written again, a long id changed type).
    expect(json.received[0]!.body.toString('utf8')).toBe(body.slice(1));
    expect(json.received[0]!.headers['content-type']).toBe('application/json');
    expect(reshaped.received[0]!.body.toString('utf8')).toBe('{"order":"N-2","kind":"object"}');
  }, 90_000);

  it('opens, previews and exports a large event with its body parsed off the engine, which answers meanwhile', async () => {
    const body = nestedOrder().replace('N-2', 'N-3');
    const pos = await serve.posUrl();
    const accepted = await post(pos, body, { 'content-type': 'application/json', 'tc-webhook-event': 'order.opened' });
    const id = accepted.json.id as string;
    const reshape = await serve.api('createDestination', {
      body: {
        name: 'Preview only',
        url: 'http://127.0.0.1:9/',
        events: ['nothing.*'],
        settings: { transform: 'order' },
      },
    });

    let opened: Record<string, unknown> = {};
    const whileOpened = await answersUntil(
      serve,
      serve.api('getEvent', { params: { id } }).then((event) => (opened = event as Record<string, unknown>)),
    );
    let preview: unknown;
    const whilePreviewed = await answersUntil(
      serve,
      serve
        .api('previewDestination', { params: { id: reshape.id }, body: { eventId: id } })
        .then((answer) => (preview = answer)),
    );
    // Only this event: from its arrival to the next millisecond.
    const from = new Date(String(opened.receivedAt));
    const window = `from=${from.toISOString()}&to=${new Date(from.getTime() + 1).toISOString()}`;
    const exported = (format: string) =>
      fetch(`${serve.runtime.adminUrl}/api/export?format=${format}&${window}`, {
        headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
      }).then((answer) => answer.text());
    let ndjson = '';
    const whileExported = await answersUntil(
      serve,
      exported('ndjson').then((text) => (ndjson = text)),
    );
    // A CSV has no parsed column: the body is no longer parsed for it at all (before, 1 s an event).
    const csv = await exported('csv');

    // Before, the engine parsed the body for each of them and answered next to nothing meanwhile.
    expect([whileOpened, whilePreviewed, whileExported].every((answers) => answers > 20)).toBe(true);
    const parsed = opened.parsed as { order: string; lines: unknown[] };
    expect([parsed.order, parsed.lines.length]).toEqual(['N-3', 6_500]);
    expect(preview).toEqual({ ok: true, output: 'N-3', eventId: id });
    const [line, ...rest] = ndjson.trim().split('\n');
    expect(rest).toEqual([]);
    expect(line).toBe(
      `${line!.slice(0, line!.indexOf(',"parsed":'))},"parsed":${JSON.stringify(JSON.parse(body.slice(1)))}}`,
    );
    expect(JSON.parse(line!)).toMatchObject({ id, parsed: { order: 'N-3' } });
    expect(csv).toContain(id);
  }, 120_000);
});

describe('the body process at its limits (real serve process)', () => {
  it('refuses a body that takes longer than its time, replaces the process, and answers 503 past four waiting', async () => {
    const serve = await startServe(tempDir(), [], undefined, { HOOKFERRY_TEST_BODY_READ_MS: '800' });
    try {
      const pos = await serve.posUrl();
      const sent = Array.from({ length: 7 }, () => send(pos, instructions, XML));
      const answers = await Promise.all(sent.map((one) => one.answer));
      const busy = answers.filter((answer) => answer.status === 503);
      const tooLong = answers.filter((answer) => answer.status === 400);
      expect(busy.length).toBeGreaterThan(0);
      // More than one refused for its time: each after the first was read by a fresh process.
      expect(tooLong.length).toBeGreaterThan(1);
      expect(busy.length + tooLong.length).toBe(7);
      expect(busy[0]!.json.error).toMatch(
        /^Hookferry is reading \d other large bodies\. Send this one again in 5 seconds\.$/,
      );
      expect(busy[0]!.retryAfter).toBe('5');
      expect(tooLong[0]!.json.error).toBe(
        'Reading this body took more than 0.8 seconds, so Hookferry stopped and refused it: no shop’s event takes that long. A larger body limit in Settings allows more time.',
      );
      expect(await healthz(serve)).toBe(200);
      const rejected = await waitUntil(async () => {
        const page = await serve.api('listEvents', { query: { status: 'rejected' } });
        return page.items.length === 7 ? page.items : null;
      }, 'the seven refusals listed');
      expect(new Set(rejected.map((item) => item.rejection?.code))).toEqual(
        new Set(['intake.readerBusy', 'intake.tooLongToRead']),
      );
    } finally {
      await serve.stop();
    }
  });

  it('refuses a body that needs more memory than the process has; the engine is untouched', async () => {
    const serve = await startServe(tempDir(), [], undefined, { HOOKFERRY_TEST_BODY_MEMORY_MB: '64' });
    try {
      const pos = await serve.posUrl();
      const refused = await post(pos, instructions, XML);
      expect([refused.status, refused.json.error]).toEqual([
        413,
        'Reading this body needed more than 64 MB of memory, so Hookferry stopped and refused it. Ask the sender to send smaller events.',
      ]);
      expect(await healthz(serve)).toBe(200);
      expect((await post(pos, magentoOrder(300), XML)).status).toBe(200);
      expect(serve.child.exitCode).toBeNull();
    } finally {
      await serve.stop();
    }
  });

  it('stops at once on SIGTERM while a body is read, and the sender is told to send it again', async () => {
    const serve = await startServe(tempDir());
    const large = send(await serve.posUrl(), instructions, XML);
    await large.uploaded;
    const code = serve.stop();
    const { status, retryAfter } = await large.answer;
    expect([status, retryAfter]).toEqual([503, '5']);
    // 0, not the 1 of a stop that waited past its 10 s deadline.
    expect(await code).toBe(0);
  });
});
