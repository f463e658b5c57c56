import { afterEach, describe, expect, it } from 'vitest';
import { filesContaining } from '../helpers/files.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { listen } from '../helpers/live-stream.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * A receiver that says back what it was sent (a redirect to an address carrying the key, an error page listing the
 * request's headers, a CRM quoting its token) does not get a destination's secrets stored, answered or streamed:
 * they are `[redacted]` in every try's sentence and answer, before anything keeps them.
 */

const URL_KEY = 'URLKEY-5150-SECRET';
const AUTHORIZATION = 'Bearer HDR-AUTH-7a7a7a';
const API_KEY = 'HDR-KEY-8b8b8b';
/** A header the merchant marked secret though its name says nothing. */
const SHOP = 'HDR-SHOP-9c9c9c';
const CLIENT_SECRET = 'ZSECRET-6e6e6e';
const TOKEN = 'ZTOKEN-5d5d5d';
const SECRETS = [URL_KEY, AUTHORIZATION, 'HDR-AUTH-7a7a7a', API_KEY, SHOP, CLIENT_SECRET, TOKEN];

let serve: ServeProcess | null = null;
afterEach(async () => {
  await serve?.kill();
  serve = null;
});

/** Everything the admin API answers about events, deliveries and destinations, as text. */
async function everythingAnswered(engine: ServeProcess, eventId: string): Promise<string> {
  const get = (path: string) =>
    fetch(`${engine.runtime.adminUrl}${path}`, {
      headers: { authorization: `Bearer ${engine.runtime.adminToken}` },
    }).then((answer) => answer.text());
  return [
    await get(`/api/events/${eventId}`),
    await get('/api/events'),
    await get('/api/deliveries'),
    await get('/api/deliveries/counts?status=failed'),
    await get('/api/stats'),
    await get('/api/destinations'),
    await get('/api/export?format=ndjson'),
    await get('/api/export?format=csv'),
  ].join('\n');
}

describe('secrets a receiver says back (real serve, receivers on 127.0.0.1)', () => {
  it('are [redacted] in the tries stored, answered and streamed, and in no file of the data folder', async () => {
    const moved = await startSink();
    moved.script((request) => {
      const elsewhere = `https://shop.example${request.path}`;
      return { status: 301, headers: { location: elsewhere }, body: `<p>Moved to <a href="${elsewhere}">here</a></p>` };
    });
    const echo = await startSink();
    echo.script((request, index) =>
      index === 0
        ? { status: 500, body: JSON.stringify({ error: 'no', youSent: request.headers }) }
        : // The test event: the answer's first 2 KB end inside the secret.
          { status: 500, body: `${'.'.repeat(2040)}${String(request.headers.authorization)}` },
    );
    const crm = await startSink();
    let clientSecret = '';
    crm.script((request) => {
      if (request.path.endsWith('/generate-access-token')) {
        clientSecret = String(request.headers.client_secret);
        return { status: 200, body: JSON.stringify({ access_token: TOKEN, expires_in: 3600 }) };
      }
      const said = `token ${String(request.headers.authorization)} of client secret ${clientSecret} not taken`;
      return { status: 500, body: JSON.stringify({ error: said, message: said }) };
    });

    const dataDir = tempDir();
    serve = await startServe(dataDir);
    const live = await listen(serve);
    const common = { events: ['order.add'], retry: once };
    const redirected = await serve.api('createDestination', {
      body: { ...common, name: 'Moved', url: `${moved.url}?api_key=${URL_KEY}&x=1` },
    });
    const echoed = await serve.api('createDestination', {
      body: {
        ...common,
        name: 'Echo',
        url: echo.url,
        settings: {
          headers: [
            { name: 'Authorization', value: AUTHORIZATION, secret: true },
            { name: 'X-Api-Key', value: API_KEY, secret: true },
            { name: 'X-Shop', value: SHOP, secret: true },
          ],
        },
      },
    });
    const zithara = await serve.api('createDestination', {
      body: {
        ...common,
        name: 'CRM',
        kind: 'zithara',
        url: `${crm.url}/v1`,
        settings: { clientId: 'shop-1', clientSecret: CLIENT_SECRET, phoneCountryCode: '84', currency: 'VND' },
      },
    });

    const id = String((await post(await serve.posUrl(), order('HD-1'), orderAdd)).json.id);
    const event = await waitUntil(async () => {
      const found = await serve!.api('getEvent', { params: { id } });
      return found.deliveries.length === 3 && found.deliveries.every((d) => d.status === 'failed') ? found : null;
    }, 'the order failed at the three destinations');
    // Each receiver was sent the secrets (the delivery itself is as before) and said them back.
    expect(moved.received[0]!.path).toBe(`/hook?api_key=${URL_KEY}&x=1`);
    expect(echo.received[0]!.headers).toMatchObject({
      authorization: AUTHORIZATION,
      'x-api-key': API_KEY,
      'x-shop': SHOP,
    });
    expect(crm.received.at(-1)!.headers.authorization).toBe(TOKEN);

    const attemptOf = (destinationId: string) =>
      event.deliveries.find((d) => d.destinationId === destinationId)!.attempts[0]!;
    // Before: "… sending Hookferry on to https://shop.example/hook?api_key=URLKEY-5150-SECRET&x=1 …".
    expect(attemptOf(redirected.id).error).toContain('https://shop.example/hook?api_key=[redacted]&x=1');
    expect(attemptOf(redirected.id).reason?.params.location).toBe('https://shop.example/hook?api_key=[redacted]&x=1');
    expect(attemptOf(redirected.id).responseSnippet).toContain('api_key=[redacted]&x=1');
    // Before: the page's copy of the headers, every secret value in it.
    expect(JSON.parse(attemptOf(echoed.id).responseSnippet!)).toMatchObject({
      youSent: { authorization: '[redacted]', 'x-api-key': '[redacted]', 'x-shop': '[redacted]' },
    });
    expect(attemptOf(zithara.id).error).toContain('token [redacted] of client secret [redacted] not taken');

    const tests = [];
    for (const destination of [redirected, echoed, zithara])
      tests.push(await serve.api('testDestination', { params: { id: destination.id } }));
    expect(tests[1]!.responseSnippet).toMatch(/\.\.\.\[redacted\]$/);

    await waitUntil(
      () => live.messages.filter((m) => m.type === 'delivery' && m.eventId === id && m.attempt).length >= 3,
      'the three tries on the stream',
    );
    const said = [await everythingAnswered(serve, id), JSON.stringify(tests), live.text()].join('\n');
    live.stop();
    await serve.stop();
    serve = null;
    for (const secret of SECRETS) {
      expect(said, `${secret} said`).not.toContain(secret);
      expect(filesContaining(dataDir, secret), `${secret} in the data folder`).toEqual([]);
    }
  });
});
