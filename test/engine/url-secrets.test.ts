import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ApiCallError } from '../../main/api/client.js';
import { filesUnder } from '../helpers/files.js';
import { orderAdd, post, teamcropOrderRaw } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

const teamcrop = orderAdd;
const SECRETS = ['QTOKEN-1a2b3c', 'QKEY-4d5e6f', 'QSIG-7a8b9c', 'QPASS-0d1e2f', 'QSECRET-3a4b5c'];
const query = `token=${SECRETS[0]}&api_key=${SECRETS[1]}&sig=${SECRETS[2]}&password=${SECRETS[3]}&secret=${SECRETS[4]}`;
const MASKED = 'token=[redacted]&api_key=[redacted]&sig=[redacted]&password=[redacted]&secret=[redacted]';

/** Every way the engine lets a destination's address out, as text. */
async function everythingSaid(serve: ServeProcess): Promise<string> {
  const get = (path: string) =>
    fetch(`${serve.runtime.adminUrl}${path}`, {
      headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
    }).then((answer) => answer.text());
  const events = (await serve.api('listEvents', { query: {} })).items;
  return [
    await get('/api/destinations'),
    await get('/api/config/export'),
    await get('/api/export?format=csv'),
    await get('/api/export?format=csv&lang=vi&tz=Asia/Ho_Chi_Minh'),
    await get('/api/export?format=ndjson'),
    await get('/api/stats'),
    await get('/api/deliveries'),
    ...(await Promise.all(events.map((event) => get(`/api/events/${event.id}`)))),
  ].join('\n');
}

describe('a secret in a destination address’s query (real serve, sink on 127.0.0.1)', () => {
  it('is sealed, shown and exported as [redacted], and only the delivery gets the real address', async () => {
    const dataDir = tempDir();
    const serve = await startServe(dataDir);
    await serve.api('putSettings', { body: { debugLogging: true } });
    const sink = await startSink();
    const created = await serve.api('createDestination', {
      body: { name: 'Sheet', url: `${sink.url}/x?${query}&shop=spiral`, events: ['order.*'] },
    });
    expect(created.url).toBe(`${sink.url}/x?${MASKED}&shop=spiral`);
    expect(created.secretsSet).toMatchObject({ 'url:token': true, 'url:api_key': true, 'url:sig': true });

    await post(await serve.posUrl(), teamcropOrderRaw, teamcrop);
    const [first] = await sink.waitFor(1);
    expect(first!.path).toBe(`/hook/x?${query}&shop=spiral`);

    // Saved back as shown, with another part changed, the hidden values stay.
    await serve.api('updateDestination', {
      params: { id: created.id },
      body: { url: `${sink.url}/y?${MASKED}&shop=spiral` },
    });
    await serve.api('testDestination', { params: { id: created.id } });
    expect(sink.received[1]!.path).toBe(`/hook/y?${query}&shop=spiral`);
    // A new value replaces the old one.
    await serve.api('updateDestination', {
      params: { id: created.id },
      body: { url: `${sink.url}/y?token=QTOKEN-NEW-9f9f&shop=spiral` },
    });
    await serve.api('testDestination', { params: { id: created.id } });
    expect(sink.received[2]!.path).toBe('/hook/y?token=QTOKEN-NEW-9f9f&shop=spiral');
    await serve.api('updateDestination', {
      params: { id: created.id },
      body: { url: `${sink.url}/y?${query}&shop=spiral` },
    });

    const exported = await serve.api('exportConfig');
    expect(exported.destinations[0]).toMatchObject({
      url: `${sink.url}/y?${MASKED}&shop=spiral`,
      secrets: ['url:token', 'url:api_key', 'url:sig', 'url:password', 'url:secret'],
    });
    const said = await everythingSaid(serve);
    await serve.stop();
    for (const secret of [...SECRETS, 'QTOKEN-NEW-9f9f']) {
      expect(said).not.toContain(secret);
      for (const file of filesUnder(dataDir))
        expect(readFileSync(file).includes(Buffer.from(secret)), `${secret} found in ${file}`).toBe(false);
    }

    // On another computer the file makes a paused destination that says what to enter, and sends nothing until then.
    const other = await startServe(tempDir());
    await other.api('importConfig', { query: { dryRun: '0' }, body: { text: JSON.stringify(exported) } });
    const [imported] = await other.api('listDestinations');
    expect(imported).toMatchObject({
      paused: true,
      url: `${sink.url}/y?${MASKED}&shop=spiral`,
      secretsSet: { 'url:token': false, 'url:sig': false },
    });
    const test = await other.api('testDestination', { params: { id: imported!.id } });
    expect(test).toMatchObject({
      ok: false,
      error:
        'Hookferry does not have the value of token in “Sheet”’s address (the configuration was imported without it). Edit the destination, put the value in place of [redacted], then resend.',
      reason: { code: 'delivery.urlSecretMissing', params: { name: 'Sheet', param: 'token' } },
    });
    expect(sink.received).toHaveLength(3);
    const refused = await other
      .api('updateDestination', { params: { id: imported!.id }, body: { name: 'Sheet 2' } })
      .then(
        () => null,
        (error: ApiCallError) => error.fields,
      );
    expect(refused).toEqual([
      expect.objectContaining({
        path: 'url',
        params: { reason: 'url_secret', name: 'token' },
        message:
          'Hookferry does not have the value of token in this address (it is kept hidden as [redacted]): put the value in its place.',
      }),
    ]);
    // Resumed from its card as it is: refused with a code the dashboard says in the merchant's language.
    const resumed = await other
      .api('updateDestination', { params: { id: imported!.id }, body: { paused: false } })
      .then(
        () => null,
        (error: ApiCallError) => ({ status: error.status, message: error.message, reason: error.reason }),
      );
    expect(resumed).toEqual({
      status: 400,
      message:
        '“Sheet” cannot be resumed yet: Hookferry does not have the value of token in its address (the configuration was imported without it). Press Edit on its card under Destinations, put the value in place of [redacted] and save; then press Resume.',
      reason: { code: 'admin.resumeUrlSecretMissing', params: { name: 'Sheet', param: 'token' } },
    });
    await other.stop();
  });

  it('seals an address stored in the open by an older Hookferry at the next start', async () => {
    const dataDir = tempDir();
    let serve = await startServe(dataDir);
    const sink = await startSink();
    const { id } = await serve.api('createDestination', { body: { name: 'Old', url: `${sink.url}?a=1` } });
    await serve.stop();
    const db = new Database(join(dataDir, 'hookferry.db'));
    db.prepare("UPDATE destinations SET config = json_set(config, '$.url', ?) WHERE id = ?").run(
      `${sink.url}?${query}`,
      id,
    );
    db.close();

    serve = await startServe(dataDir);
    expect((await serve.api('listDestinations'))[0]!.url).toBe(`${sink.url}?${MASKED}`);
    await serve.api('testDestination', { params: { id } });
    await waitUntil(() => sink.received.length === 1, 'the test event');
    expect(sink.received[0]!.path).toBe(`/hook?${query}`);
    await serve.stop();
    // The row no longer holds them (SQLite's free pages may, until they are reused: they were written in the open).
    const reopened = new Database(join(dataDir, 'hookferry.db'), { readonly: true });
    const row = reopened.prepare('SELECT config, secrets FROM destinations WHERE id = ?').get(id) as object;
    reopened.close();
    for (const secret of SECRETS) expect(JSON.stringify(row)).not.toContain(secret);
  });
});
