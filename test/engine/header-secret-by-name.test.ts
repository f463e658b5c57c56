import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { filesContaining } from '../helpers/files.js';
import { once, order, orderAdd, post } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * A destination header whose name says it carries a credential (`Authorization`, `X-Api-Key`) is a secret whatever
 * its `secret` flag says: sealed, answered and exported without its value, and scrubbed from what the receiver says
 * back; one stored in the open by an older Hookferry is sealed at the next start.
 */

const TOKEN = 'DefaultFlagTok33';
const OLD_KEY = 'OldOpenKey77x';

let serve: ServeProcess | null = null;
afterEach(async () => {
  await serve?.kill();
  serve = null;
});

async function everythingSaid(running: ServeProcess): Promise<string> {
  const get = (path: string) =>
    fetch(`${running.runtime.adminUrl}${path}`, {
      headers: { authorization: `Bearer ${running.runtime.adminToken}` },
    }).then((answer) => answer.text());
  return [await get('/api/destinations'), await get('/api/config/export')].join('\n');
}

describe('a destination header named like a credential (real serve, receiver on 127.0.0.1)', () => {
  it('is kept secret though not ticked: sealed, never answered or exported, scrubbed from the answer', async () => {
    const echo = await startSink();
    echo.script((request) => ({ status: 401, body: `refused ${String(request.headers.authorization)}` }));
    const dataDir = tempDir();
    serve = await startServe(dataDir);
    const created = await serve.api('createDestination', {
      body: {
        name: 'Echo',
        url: `${echo.url}/in`,
        events: ['order.add'],
        retry: once,
        settings: {
          headers: [
            { name: 'Authorization', value: `Bearer ${TOKEN}` },
            { name: 'X-Shop', value: 'shop-1', secret: false },
          ],
        },
      },
    });
    expect(created.settings.headers).toEqual([
      { name: 'Authorization', value: null, secret: true, valueSet: true },
      { name: 'X-Shop', value: 'shop-1', secret: false, valueSet: true },
    ]);
    const exported = await serve.api('exportConfig');
    expect(exported.destinations[0]!.secrets).toContain('header:authorization');

    const id = String((await post(await serve.posUrl(), order('HD-FLAG-1'), orderAdd)).json.id);
    const attempt = await waitUntil(async () => {
      const delivery = (await serve!.api('getEvent', { params: { id } })).deliveries[0];
      return delivery?.status === 'failed' ? delivery.attempts[0]! : null;
    }, 'the order failed at the receiver');
    expect(echo.received[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(attempt.responseSnippet).toBe('refused [redacted]');

    const said = await everythingSaid(serve);
    await serve.stop();
    serve = null;
    expect(said).not.toContain(TOKEN);
    expect(filesContaining(dataDir, TOKEN)).toEqual([]);
  });

  it('seals such a header stored in the open by an older Hookferry at the next start', async () => {
    const sink = await startSink();
    const dataDir = tempDir();
    serve = await startServe(dataDir);
    const { id } = await serve.api('createDestination', {
      body: { name: 'Old', url: `${sink.url}/in`, settings: { headers: [{ name: 'X-Shop', value: 'shop-1' }] } },
    });
    await serve.stop();
    const db = new Database(join(dataDir, 'hookferry.db'));
    db.prepare("UPDATE destinations SET config = json_set(config, '$.settings.headers', json(?)) WHERE id = ?").run(
      JSON.stringify([
        { name: 'X-Shop', value: 'shop-1', secret: false },
        { name: 'X-Api-Key', value: OLD_KEY, secret: false },
      ]),
      id,
    );
    db.close();

    serve = await startServe(dataDir);
    expect((await serve.api('listDestinations'))[0]!.settings.headers).toEqual([
      { name: 'X-Shop', value: 'shop-1', secret: false, valueSet: true },
      { name: 'X-Api-Key', value: null, secret: true, valueSet: true },
    ]);
    expect(await everythingSaid(serve)).not.toContain(OLD_KEY);
    await serve.api('testDestination', { params: { id } });
    await waitUntil(() => sink.received.length === 1, 'the test event');
    expect(sink.received[0]!.headers['x-api-key']).toBe(OLD_KEY);
    await serve.stop();
    serve = null;
    // The row no longer holds it (SQLite's free pages may, until they are reused: it was written in the open).
    const reopened = new Database(join(dataDir, 'hookferry.db'), { readonly: true });
    const row = reopened.prepare('SELECT config, secrets FROM destinations WHERE id = ?').get(id) as object;
    reopened.close();
    expect(JSON.stringify(row)).not.toContain(OLD_KEY);
  });
});
