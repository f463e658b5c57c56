import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiCallError } from '../../main/api/client.js';
import { post } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { type Sink, startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * Values an outsider crafts (a sender's event type, a request racing a deletion) or a merchant pastes
 * (an address with a password in it, a file that only looks like a configuration), each against a real
 * `serve` child on 127.0.0.1.
 */

const once = { maxAttempts: 1, initialDelayMs: 200, multiplier: 2, maxDelayMs: 1000 };

const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('the call was accepted');
    },
    (error: ApiCallError) => [error.status, error.message] as const,
  );

describe('values crafted from outside (real serve process)', () => {
  let serve: ServeProcess;
  let sink: Sink;

  beforeAll(async () => {
    serve = await startServe(tempDir());
    sink = await startSink();
  });
  afterAll(() => serve.stop());

  it('delivers an event whose sender-written type is in Vietnamese or carries a line break, the header encoded', async () => {
    await serve.api('createDestination', {
      body: { name: 'Receiver', url: sink.url, events: ['*'], retry: once },
    });
    const pos = await serve.posUrl();
    const types = ['đơn hàng mới', 'order\r\nX-Injected: 1'];
    const ids: string[] = [];
    for (const type of types) {
      const answer = await post(pos, JSON.stringify({ event: type, n: ids.length }), {
        'content-type': 'application/json',
      });
      expect(answer.status).toBe(200);
      ids.push(answer.json.id as string);
    }
    for (const id of ids) {
      const settled = await waitUntil(async () => {
        const event = await serve.api('getEvent', { params: { id } });
        return event.status === 'delivered' || event.status === 'failed' ? event : null;
      }, `event ${id} settling`);
      expect([settled.status, settled.deliveries[0]?.lastError ?? null]).toEqual(['delivered', null]);
    }
    const sent = sink.received.map((entry) => entry.headers['x-hookferry-event']);
    expect(sent).toEqual(types.map((type) => encodeURIComponent(type)));
    expect(sink.received.every((entry) => !('x-injected' in entry.headers))).toBe(true);
  });

  it('does not take an event whose type has a line break for a retry of a shorter type with a longer body', async () => {
    const pos = await serve.posUrl();
    const json = `{"event":"a\\nb","order":"B-2-${Date.now()}"}`;
    const first = await post(pos, `b\n${json}`, { 'content-type': 'text/plain', 'X-Event-Type': 'a' });
    const second = await post(pos, json, { 'content-type': 'application/json' });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.json.duplicate).toBeUndefined();
    expect(second.json.id).not.toBe(first.json.id);
  });

  it('refuses a body of more parts than its size allows, which would hold every other request up', async () => {
    const pos = await serve.posUrl();
    // 120,001 parts in 600 KB: parsed, it kept the engine from answering anyone for about a second.
    const xml = `<r>${'<a x="1"/>'.repeat(60_000)}</r>`;
    const refused = await post(pos, xml, { 'content-type': 'application/xml', 'X-Event-Type': 'many.parts' });
    expect([refused.status, refused.json.error]).toEqual([
      400,
      'The body holds more than 100000 values, elements or fields. Reading that many would hold up every other event, so Hookferry refuses it; a larger body limit in Settings allows more.',
    ]);
    const listed = await waitUntil(async () => {
      const page = await serve.api('listEvents', { query: { status: 'rejected', type: 'many.parts' } });
      return page.items[0];
    }, 'the refusal listed');
    expect(listed.rejection?.code).toBe('intake.tooManyParts');
    await serve.api('putSettings', { body: { intake: { bodyLimitBytes: 10 * 1024 * 1024 } } });
    expect((await post(pos, xml, { 'content-type': 'application/xml', 'X-Event-Type': 'many.parts' })).status).toBe(
      200,
    );
  });

  it('takes a post to the intake address with a slash added at its end', async () => {
    const answer = await post(`${await serve.posUrl()}/`, '{"event":"order.add","id":"SLASH-1"}', {
      'content-type': 'application/json',
    });
    expect(answer.status).toBe(200);
  });

  it('answers 404, not "disk full", to a request whose source is deleted while its body arrives', async () => {
    const source = await serve.api('createSource', { body: { name: 'Soon gone', kind: 'generic' } });
    const body = '{"event":"order.add","id":"A-1"}';
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        source.ingestUrl,
        {
          method: 'POST',
          // Node answers "100 Continue" as it hands the request on, so once it comes the source is looked up.
          headers: { 'content-type': 'application/json', 'content-length': body.length, expect: '100-continue' },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.once('continue', () => {
        req.write(body.slice(0, 10));
        void serve.api('deleteSource', { params: { id: source.id } }).then(() => req.end(body.slice(10)), reject);
      });
    });
    const { status, body: text } = await answer;
    expect([status, JSON.parse(text)]).toEqual([
      404,
      { error: 'No source has this address. Copy the intake URL again from Hookferry → Sources.' },
    ]);
    // The refusal is in the live log like any other, and nothing claimed the disk failed.
    const rejected = await waitUntil(async () => {
      const page = await serve.api('listEvents', { query: { status: 'rejected' } });
      return page.items.find((event) => event.rejection?.code === 'intake.unknownToken');
    }, 'the refusal listed');
    expect(rejected.sourceId).toBeNull();
    expect(serve.output()).not.toMatch(/could not store an event|could not record a rejected request|FOREIGN KEY/);
  });

  it('writes a type or body a sender made to look like a formula as text in the CSV export', async () => {
    const pos = await serve.posUrl();
    const formula = '=HYPERLINK("http://evil.example","Open")';
    expect((await post(pos, '@SUM(1+1)', { 'content-type': 'text/plain', 'X-Event-Type': formula })).status).toBe(200);
    const response = await fetch(`${serve.runtime.adminUrl}/api/export?format=csv&bodies=1`, {
      headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
    });
    const csv = await response.text();
    const row = csv.split('\n').find((line) => line.includes('evil.example'));
    expect(row).toBeDefined();
    expect(row).toContain(`,"'=HYPERLINK(""http://evil.example"",""Open"")",`);
    expect(row).toMatch(/,'@SUM\(1\+1\)$/);
    expect(csv).not.toMatch(/(^|,)"?[=@]/m);
  });
});

describe('values a merchant pastes (real serve process)', () => {
  let serve: ServeProcess;

  beforeAll(async () => {
    serve = await startServe(tempDir());
  });
  afterAll(() => serve.stop());

  it('refuses a destination address with a space inside it, which would be sent as %20 without a word', async () => {
    const refusal = await refusalOf(
      serve.api('createDestination', {
        body: { name: 'Sổ đơn hàng', url: 'https://hooks.example.com/x?token=abc 123', events: ['*'] },
      }),
    );
    expect(refusal[0]).toBe(400);
    expect(refusal[1]).toMatch(/A web address has no spaces/);
    const trimmed = await serve.api('createDestination', {
      body: { name: 'Sổ đơn hàng', url: '  https://hooks.example.com/x?token=abc123  ', events: ['*'] },
    });
    expect(trimmed.id).toBeTruthy();
    await serve.api('deleteDestination', { params: { id: trimmed.id } });
  });

  it('refuses a destination address with a user name or password in it, which the API would show back', async () => {
    const withPassword = 'https://shop:hunter2@crm.example.com/hook';
    const refusal = await refusalOf(
      serve.api('createDestination', { body: { name: 'CRM', url: withPassword, events: ['*'] } }),
    );
    expect(refusal[0]).toBe(400);
    expect(refusal[1]).toMatch(/Leave the user name and password out of the address/);
    const plain = await serve.api('createDestination', {
      body: { name: 'CRM', url: 'https://crm.example.com/hook', events: ['*'] },
    });
    const [patched] = await refusalOf(
      serve.api('updateDestination', { params: { id: plain.id }, body: { url: 'http://user@127.0.0.1:9/x' } }),
    );
    expect(patched).toBe(400);
    const exported = await serve.api('exportConfig');
    const file = { ...exported, destinations: [{ ...exported.destinations[0]!, url: withPassword }] };
    const [imported] = await refusalOf(
      serve.api('importConfig', { query: { dryRun: '1' }, body: { text: JSON.stringify(file) } }),
    );
    expect(imported).toBe(400);
    expect((await serve.api('listDestinations')).map((destination) => destination.url)).toEqual([
      'https://crm.example.com/hook',
    ]);
    expect(JSON.stringify(await serve.api('exportConfig'))).not.toContain('hunter2');
    await serve.api('deleteDestination', { params: { id: plain.id } });
  });

  it('refuses the same port for intake and dashboard, which would stop the next start, in a save or a file', async () => {
    const before = await serve.api('getSettings');
    const port = Number(new URL(serve.runtime.adminUrl).port);
    const sentence = `The intake port and the dashboard port are both ${port}, so Hookferry would not start. Choose another port for one of them.`;
    expect(await refusalOf(serve.api('putSettings', { body: { intake: { port }, adminPort: port } }))).toEqual([
      400,
      sentence,
    ]);
    await serve.api('putSettings', { body: { adminPort: port } });
    expect(await refusalOf(serve.api('putSettings', { body: { intake: { port } } }))).toEqual([400, sentence]);
    const file = { ...(await serve.api('exportConfig')), settings: { intake: { port } } };
    expect(
      await refusalOf(serve.api('importConfig', { query: { dryRun: '0' }, body: { text: JSON.stringify(file) } })),
    ).toEqual([400, sentence]);
    expect(await serve.api('getSettings')).toEqual({ ...before, adminPort: port });
  });

  it('fails at once, with the why, a destination that sends events back to this Hookferry’s own intake', async () => {
    const pos = await serve.posUrl();
    // Each copy made new by the transformation: duplicates cannot stop it, so it went around without end.
    const loop = await serve.api('createDestination', {
      body: {
        name: 'Back to myself',
        url: pos,
        events: ['order.*'],
        retry: once,
        settings: { transform: '$merge([$, {"forwardedAt": $millis()}])' },
      },
    });
    const { json } = await post(pos, '{"event":"order.add","id":"LOOP-1"}', { 'content-type': 'application/json' });
    const original = await waitUntil(async () => {
      const event = await serve.api('getEvent', { params: { id: json.id as string } });
      const toLoop = event.deliveries.find((each) => each.destinationId === loop.id);
      return toLoop?.status === 'failed' || toLoop?.status === 'delivered' ? event : null;
    }, 'the first delivery settling');
    const delivery = original.deliveries.find((each) => each.destinationId === loop.id);
    expect([delivery?.status, delivery?.attempts[0]?.httpStatus]).toEqual(['failed', 410]);
    expect(delivery?.attempts[0]?.responseSnippet).toContain(
      `This is Hookferry’s own delivery of event ${original.id}`,
    );
    const rejected = await serve.api('listEvents', { query: { status: 'rejected' } });
    expect(rejected.items.map((event) => event.rejection?.code)).toContain('intake.ownEvent');
    expect((await serve.api('listEvents', { query: { type: 'order.add' } })).items.map((event) => event.id)).toEqual([
      original.id,
    ]);
    await serve.api('deleteDestination', { params: { id: loop.id } });
  });

  it('takes a destination deleted while a delivery to it is out as such, not as a failure to record', async () => {
    const slow = await startSink();
    slow.script(() => ({ delayMs: 500, status: 200 }));
    const doomed = await serve.api('createDestination', {
      body: { name: 'Soon deleted', url: slow.url, events: ['order.add'] },
    });
    const { json } = await post(await serve.posUrl(), '{"event":"order.add","id":"GONE-1"}', {
      'content-type': 'application/json',
    });
    await slow.waitFor(1);
    await serve.api('deleteDestination', { params: { id: doomed.id } });
    // Before, the result's commit failed on the deleted rows: an error "as for a full disk", every delivery held 5 s.
    // Its delivery is kept now, and the answer that came is written on it.
    await waitUntil(async () => {
      const [delivery] = (await serve.api('getEvent', { params: { id: String(json.id) } })).deliveries;
      return delivery?.destinationDeleted && delivery.status === 'delivered';
    }, 'the answer handled');
    expect(serve.output()).not.toContain('a delivery result could not be recorded');
  });

  it('refuses to discard a delivery while a try of it is out, and lets the merchant discard it once that try failed', async () => {
    const slow = await startSink();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    slow.script(() => ({ until: held, status: 500 }));
    await serve.api('createDestination', {
      body: { name: 'Failing slowly', url: slow.url, events: ['discard.*'], retry: once },
    });
    const { json } = await post(await serve.posUrl(), '{"event":"discard.me","id":"D-1"}', {
      'content-type': 'application/json',
    });
    const id = json.id as string;
    await slow.waitFor(1);
    const out = await waitUntil(async () => {
      const [delivery] = (await serve.api('getEvent', { params: { id } })).deliveries;
      return delivery?.status === 'delivering' ? delivery : null;
    }, 'the try on the wire');
    // The try may still go through: discarded now, an order that arrived would be said dropped.
    expect((await refusalOf(serve.api('discardDelivery', { params: { id: out.id } })))[0]).toBe(409);
    release();
    await waitUntil(async () => {
      const [delivery] = (await serve.api('getEvent', { params: { id } })).deliveries;
      return delivery?.status === 'failed';
    }, 'the try recorded');
    const discarded = await serve.api('discardDelivery', { params: { id: out.id } });
    expect([discarded.status, discarded.nextAttemptAt, discarded.attempts[0]?.httpStatus]).toEqual([
      'discarded',
      null,
      500,
    ]);
  });

  it('sends a delivery resent while a try of it was out again at once, not after that try’s retry delay', async () => {
    const slow = await startSink();
    // Two quick failures, then a third try that is out for 1.5 s; after it the schedule would wait 30 s.
    slow.script((_, index) =>
      index < 2 ? { status: 500 } : index === 2 ? { delayMs: 1500, status: 500 } : { status: 200 },
    );
    await serve.api('createDestination', {
      body: {
        name: 'Resent meanwhile',
        url: slow.url,
        events: ['resend.*'],
        retry: { maxAttempts: 10, initialDelayMs: 300, multiplier: 10, maxDelayMs: 600_000 },
      },
    });
    const { json } = await post(await serve.posUrl(), '{"event":"resend.me","id":"R-1"}', {
      'content-type': 'application/json',
    });
    const id = json.id as string;
    await slow.waitFor(3);
    const [out] = (await serve.api('getEvent', { params: { id } })).deliveries;
    await serve.api('resendDelivery', { params: { id: out!.id } });
    // Before, the third try's failure put it back to retrying for 30 s, as if the merchant had not resent it.
    await slow.waitFor(4, 10_000);
    await waitUntil(
      async () => (await serve.api('getEvent', { params: { id } })).status === 'delivered',
      'the resent event delivered',
    );
  });

  it('answers a file whose version mark is not a number, nested 100,000 deep, with a sentence', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(
      await refusalOf(serve.api('importConfig', { query: { dryRun: '1' }, body: { text: `{"hookferry":${deep}}` } })),
    ).toEqual([
      400,
      'This file is not a Hookferry configuration: its parts are nested more than 200 levels deep, which no exported configuration is. Choose the file that “Export configuration” saved.',
    ]);
    for (const text of ['{"hookferry":"1"}', '{"hookferry":null}']) {
      expect(await refusalOf(serve.api('importConfig', { query: { dryRun: '1' }, body: { text } }))).toEqual([
        400,
        'This file is not a Hookferry configuration: it has no “hookferry” version mark. Choose the file that “Export configuration” saved.',
      ]);
    }
    expect(serve.output()).not.toMatch(/admin call failed/);
  });
});
