import { afterEach, describe, expect, it } from 'vitest';
import { filesContaining } from '../helpers/files.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { listen } from '../helpers/live-stream.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * Receivers that say back part of a secret header, not the whole value: the bare token of `Bearer <token>`, the
 * password a `Basic` credential encodes, a CRM quoting its token lower-cased, and a key's first characters alone. Each is hidden in the try stored,
 * answered and streamed, and is in no file of the data folder.
 */

const TOKEN = 'ECHOAUTHSECRET6';
const PASSWORD = 'Pa55-word-9z';
const CRM_TOKEN = 'ZTOKEN-5D5D5D';
const API_KEY = 'k8Q2x7Lm4Zt9Wv3Rp6Nd';

let serve: ServeProcess | null = null;
afterEach(async () => {
  await serve?.kill();
  serve = null;
});

describe('a secret header said back in part or lower-cased (real serve, receivers on 127.0.0.1)', () => {
  it('is [redacted] in the snippet, the sentence, the stream and the data folder', async () => {
    const echo = await startSink();
    echo.script((request) => {
      if (request.path.endsWith('/key'))
        return {
          status: 401,
          body: `invalid token ${String(request.headers['x-api-key']).slice(0, 10)}… (check the key)`,
        };
      if (request.path.endsWith('/bearer')) {
        const said = String(request.headers.authorization).replace(/^Bearer /, '');
        return { status: 401, body: `bad token ${said}` };
      }
      const pair = Buffer.from(String(request.headers.authorization).slice('Basic '.length), 'base64').toString();
      return { status: 403, body: `wrong password ${pair.split(':')[1]} for ${pair.split(':')[0]}` };
    });
    const crm = await startSink();
    crm.script((request) => {
      if (request.path.endsWith('/generate-access-token'))
        return { status: 200, body: JSON.stringify({ access_token: CRM_TOKEN, expires_in: 3600 }) };
      const said = String(request.headers.authorization).toLowerCase();
      return { status: 400, body: JSON.stringify({ message: `Order not taken for token ${said}` }) };
    });

    const dataDir = tempDir();
    serve = await startServe(dataDir);
    const live = await listen(serve);
    const common = { events: ['order.add'], retry: once };
    const header = (value: string) => ({ settings: { headers: [{ name: 'Authorization', value, secret: true }] } });
    const bearer = await serve.api('createDestination', {
      body: { ...common, name: 'Bearer echo', url: `${echo.url}/bearer`, ...header(`Bearer ${TOKEN}`) },
    });
    const basic = await serve.api('createDestination', {
      body: {
        ...common,
        name: 'Basic echo',
        url: `${echo.url}/basic`,
        ...header(`Basic ${Buffer.from(`shop-api-user:${PASSWORD}`).toString('base64')}`),
      },
    });
    const keyed = await serve.api('createDestination', {
      body: {
        ...common,
        name: 'Key start echo',
        url: `${echo.url}/key`,
        settings: { headers: [{ name: 'X-Api-Key', value: API_KEY, secret: true }] },
      },
    });
    const zithara = await serve.api('createDestination', {
      body: {
        ...common,
        name: 'CRM',
        kind: 'zithara',
        url: `${crm.url}/v1`,
        settings: { clientId: 'shop-1', clientSecret: 'zsecret-long-1', phoneCountryCode: '84', currency: 'VND' },
      },
    });

    const id = String((await post(await serve.posUrl(), order('HD-HEARD-1'), orderAdd)).json.id);
    const event = await waitUntil(async () => {
      const found = await serve!.api('getEvent', { params: { id } });
      return found.deliveries.length === 4 && found.deliveries.every((d) => d.status === 'failed') ? found : null;
    }, 'the order failed at the four destinations');
    const attemptOf = (destinationId: string) =>
      event.deliveries.find((d) => d.destinationId === destinationId)!.attempts[0]!;
    // Before: `bad token ECHOAUTHSECRET6`, `wrong password Pa55-word-9z for shop-api-user`, `… token ztoken-5d5d5d`.
    expect(attemptOf(bearer.id).responseSnippet).toBe('bad token [redacted]');
    expect(attemptOf(basic.id).responseSnippet).toBe('wrong password [redacted] for [redacted]');
    expect(JSON.parse(attemptOf(zithara.id).responseSnippet!)).toEqual({
      message: 'Order not taken for token [redacted]',
    });
    expect(attemptOf(zithara.id).error).toContain('Order not taken for token [redacted]');
    // Before: `invalid token k8Q2x7Lm4Z…`, half the key.
    expect(attemptOf(keyed.id).responseSnippet).toBe('invalid token [redacted]… (check the key)');

    await waitUntil(
      () => live.messages.filter((m) => m.type === 'delivery' && m.eventId === id && m.attempt).length >= 4,
      'the four tries on the stream',
    );
    const answered = await fetch(`${serve.runtime.adminUrl}/api/events/${id}`, {
      headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
    }).then((answer) => answer.text());
    const said = `${answered}\n${live.text()}`.toLowerCase();
    live.stop();
    await serve.stop();
    serve = null;
    for (const secret of [TOKEN, PASSWORD, 'shop-api-user', CRM_TOKEN, API_KEY.slice(0, 10)]) {
      expect(said, `${secret} said`).not.toContain(secret.toLowerCase());
      for (const written of [secret, secret.toLowerCase()])
        expect(filesContaining(dataDir, written), `${written} in the data folder`).toEqual([]);
    }
  });
});
