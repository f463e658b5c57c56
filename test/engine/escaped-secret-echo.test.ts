import { afterEach, describe, expect, it } from 'vitest';
import { filesContaining } from '../helpers/files.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { listen } from '../helpers/live-stream.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * A receiver that answers its request's headers as JSON the way PHP's json_encode writes it (`/` as `\/`, a quote as
 * `\"`, a backslash as `\\`), and a CRM quoting its client secret that way: the destination's secrets are hidden in
 * that form too, in the try stored, answered and streamed, and in no file of the data folder.
 */

const API_KEY = 'Xk9+/aB==longvalue';
const TOKEN = 'tok"en\\slash-9999';
const CLIENT_SECRET = 'zsecret/with+slash==';

/** PHP's json_encode with its default flags: JSON.stringify's escaping, and `/` written `\/`. */
const phpJson = (value: unknown) => JSON.stringify(value).replaceAll('/', '\\/');
const asPhp = (secret: string) => phpJson(secret).slice(1, -1);

let serve: ServeProcess | null = null;
afterEach(async () => {
  await serve?.kill();
  serve = null;
});

describe('secrets a receiver says back escaped as JSON (real serve, receivers on 127.0.0.1)', () => {
  it('are [redacted] in the snippet, the sentence, the stream and the data folder', async () => {
    const echo = await startSink();
    echo.script((request) => ({ status: 500, body: phpJson({ error: 'no', headers: request.headers }) }));
    const crm = await startSink();
    crm.script((request) => {
      if (request.path.endsWith('/generate-access-token'))
        return { status: 200, body: JSON.stringify({ access_token: 'ZTOKEN-5d5d5d', expires_in: 3600 }) };
      const secret = String(request.headers.client_secret ?? CLIENT_SECRET);
      return { status: 400, body: phpJson({ message: `Order not taken for secret ${secret}` }) };
    });

    const dataDir = tempDir();
    serve = await startServe(dataDir);
    const live = await listen(serve);
    const common = { events: ['order.add'], retry: once };
    const echoed = await serve.api('createDestination', {
      body: {
        ...common,
        name: 'PHP echo',
        url: echo.url,
        settings: {
          headers: [
            { name: 'X-Api-Key', value: API_KEY, secret: true },
            { name: 'Authorization', value: `Bearer ${TOKEN}`, secret: true },
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

    const id = String((await post(await serve.posUrl(), order('HD-ESC-1'), orderAdd)).json.id);
    const event = await waitUntil(async () => {
      const found = await serve!.api('getEvent', { params: { id } });
      return found.deliveries.length === 2 && found.deliveries.every((d) => d.status === 'failed') ? found : null;
    }, 'the order failed at both destinations');
    // The receivers were sent the secrets and said them back escaped.
    expect(echo.received[0]!.headers).toMatchObject({ 'x-api-key': API_KEY, authorization: `Bearer ${TOKEN}` });
    const attemptOf = (destinationId: string) =>
      event.deliveries.find((d) => d.destinationId === destinationId)!.attempts[0]!;
    // Before: `"x-api-key":"Xk9+\/aB==longvalue"` and `Bearer tok\"en\\slash-9999` in the kept answer.
    expect(JSON.parse(attemptOf(echoed.id).responseSnippet!)).toMatchObject({
      headers: { 'x-api-key': '[redacted]', authorization: '[redacted]' },
    });
    // Before: the sentence said `[redacted]`, the kept answer `zsecret\/with+slash==`.
    expect(attemptOf(zithara.id).error).toContain('Order not taken for secret [redacted]');
    expect(JSON.parse(attemptOf(zithara.id).responseSnippet!)).toEqual({
      message: 'Order not taken for secret [redacted]',
    });

    await waitUntil(
      () => live.messages.filter((m) => m.type === 'delivery' && m.eventId === id && m.attempt).length >= 2,
      'both tries on the stream',
    );
    const answered = await fetch(`${serve.runtime.adminUrl}/api/events/${id}`, {
      headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
    }).then((answer) => answer.text());
    const said = `${answered}\n${live.text()}`;
    live.stop();
    await serve.stop();
    serve = null;
    for (const secret of [API_KEY, TOKEN, CLIENT_SECRET]) {
      for (const written of [secret, asPhp(secret), JSON.stringify(asPhp(secret)).slice(1, -1)])
        expect(said, `${written} said`).not.toContain(written);
      expect(filesContaining(dataDir, asPhp(secret)), `${secret} in the data folder`).toEqual([]);
    }
  });
});
