import { afterEach, describe, expect, it } from 'vitest';
import { filesContaining } from '../helpers/files.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * A receiver that says a secret back in an encoding of its own: the header form-encoded and in unpadded base64url,
 * the address's hidden `?token=` percent-encoded twice and in base64 of the value as it read it (`+` a space).
 */

const HEADER = 'zsecret value+/= 42';
const TOKEN = 'tok+en%2Fq99Z';
const TOKEN_READ = 'tok en/q99Z';

let serve: ServeProcess | null = null;
afterEach(async () => {
  await serve?.kill();
  serve = null;
});

describe('a secret said back in another encoding (real serve, receiver on 127.0.0.1)', () => {
  it('is [redacted] in the answer stored with the try, and in no file of the data folder', async () => {
    const echo = await startSink();
    echo.script((request) => {
      const key = String(request.headers['x-api-key']);
      const token = new URL(request.path, 'http://x').searchParams.get('token')!;
      return {
        status: 401,
        body: [
          `form: key=${encodeURIComponent(key).replaceAll('%20', '+')}`,
          `b64url: ${Buffer.from(key).toString('base64url')}`,
          `twice: ${encodeURIComponent(encodeURIComponent(token))}`,
          `read: ${Buffer.from(token).toString('base64')}`,
        ].join('\n'),
      };
    });
    const dataDir = tempDir();
    serve = await startServe(dataDir);
    const destination = await serve.api('createDestination', {
      body: {
        name: 'Encoded echo',
        url: `${echo.url}/in?token=${TOKEN}`,
        events: ['order.add'],
        retry: once,
        settings: { headers: [{ name: 'X-Api-Key', value: HEADER, secret: true }] },
      },
    });
    const id = String((await post(await serve.posUrl(), order('HD-ENCODED-1'), orderAdd)).json.id);
    const attempt = await waitUntil(async () => {
      const found = await serve!.api('getEvent', { params: { id } });
      const delivery = found.deliveries.find((d) => d.destinationId === destination.id);
      return delivery?.status === 'failed' ? delivery.attempts[0]! : null;
    }, 'the order failed at the receiver');
    expect(echo.received[0]!.headers['x-api-key']).toBe(HEADER);
    expect(attempt.responseSnippet).toBe(
      ['form: key=[redacted]', 'b64url: [redacted]', 'twice: [redacted]', 'read: [redacted]'].join('\n'),
    );
    await serve.stop();
    serve = null;
    const written = [
      encodeURIComponent(HEADER).replaceAll('%20', '+'),
      Buffer.from(HEADER).toString('base64url'),
      encodeURIComponent(encodeURIComponent(TOKEN)),
      Buffer.from(TOKEN_READ).toString('base64'),
    ];
    for (const secret of written) expect(filesContaining(dataDir, secret), `${secret} in the data folder`).toEqual([]);
  });
});
