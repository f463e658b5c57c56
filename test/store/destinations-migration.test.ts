import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSecretBox } from '../../main/secrets/secret-box.js';
import { migrations } from '../../main/store/migrations.js';
import { post, teamcropOrderRaw } from '../helpers/fixtures.js';
import { startFakeZithara } from '../helpers/fake-zithara.js';
import { startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

const retry = { maxAttempts: 3, initialDelayMs: 200, multiplier: 2, maxDelayMs: 1000 };
const common = { timeoutMs: 15_000, retry, concurrency: 4, ordered: false };

/**
 * A data folder as the version before kinds kept their settings in one object
 * left it: schema 1, webhook settings beside the common ones, the CRM's under
 * its kind's name, and secrets sealed in the old shape.
 */
function oldDataFolder(sinkUrl: string, crmUrl: string, crm: { clientId: string; clientSecret: string }): string {
  const dataDir = tempDir();
  const key = randomBytes(32);
  writeFileSync(join(dataDir, 'secret.key'), key.toString('base64'), { mode: 0o600 });
  const box = createSecretBox(key);
  const db = new Database(join(dataDir, 'hookferry.db'));
  db.exec(migrations[0]!.sql);
  db.pragma('user_version = 1');
  const insert = db.prepare(
    'INSERT INTO destinations (id, name, kind, config, secrets, events, paused, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)',
  );
  const signingSecret = `whsec_${Buffer.from('an-old-signing-secret-32-bytes!!').toString('base64')}`;
  insert.run(
    'dst_oldhook',
    'Old hook',
    'webhook',
    JSON.stringify({
      ...common,
      url: sinkUrl,
      method: 'PUT',
      sourceIds: [],
      headers: [
        { name: 'X-Shop', value: 'shop-1', secret: false },
        { name: 'X-Api-Key', value: null, secret: true },
      ],
      bodyMode: 'raw',
      transform: null,
      zithara: null,
    }),
    box.seal(
      JSON.stringify({ signingSecret, headers: { 'x-api-key': 'old-key-1' } }),
      'destination:dst_oldhook:secrets',
    ),
    JSON.stringify(['order.*']),
    1,
    1,
  );
  insert.run(
    'dst_oldcrm',
    'Old CRM',
    'zithara',
    JSON.stringify({
      ...common,
      url: crmUrl,
      method: 'POST',
      sourceIds: [],
      headers: [],
      bodyMode: 'raw',
      transform: null,
      zithara: { clientId: crm.clientId, phoneCountryCode: '84', currency: 'VND' },
    }),
    box.seal(JSON.stringify({ zitharaClientSecret: crm.clientSecret, headers: {} }), 'destination:dst_oldcrm:secrets'),
    JSON.stringify(['*']),
    2,
    2,
  );
  db.close();
  return dataDir;
}

describe('a database from before kinds kept one settings object (real serve)', () => {
  it('opens with every setting in place and its secrets readable: the webhook signs and sends its secret header, the CRM gets a token', async () => {
    const sink = await startSink();
    const crm = await startFakeZithara();
    const dataDir = oldDataFolder(sink.url, crm.baseUrl, crm);
    const serve = await startServe(dataDir);

    const listed = await serve.api('listDestinations');
    expect(listed).toMatchObject([
      {
        id: 'dst_oldhook',
        kind: 'webhook',
        url: sink.url,
        events: ['order.*'],
        retry,
        secretsSet: { signingSecret: true },
        settings: {
          method: 'PUT',
          bodyMode: 'raw',
          transform: null,
          headers: [
            { name: 'X-Shop', value: 'shop-1', secret: false, valueSet: true },
            { name: 'X-Api-Key', value: null, secret: true, valueSet: true },
          ],
        },
      },
      {
        id: 'dst_oldcrm',
        kind: 'zithara',
        url: crm.baseUrl,
        secretsSet: { clientSecret: true },
        settings: { clientId: crm.clientId, phoneCountryCode: '84', currency: 'VND' },
      },
    ]);
    expect(JSON.stringify(listed)).not.toContain('old-key-1');

    await post(await serve.posUrl(), teamcropOrderRaw, {
      'content-type': 'application/json',
      'Tc-Webhook-Event': 'order.add',
    });
    const [request] = await sink.waitFor(1);
    expect(request!.method).toBe('PUT');
    expect(request!.headers).toMatchObject({ 'x-shop': 'shop-1', 'x-api-key': 'old-key-1' });
    expect(request!.headers['webhook-signature']).toMatch(/^v1,/);
    expect(await serve.api('testDestination', { params: { id: 'dst_oldcrm' } })).toMatchObject({ ok: true });
    await waitUntil(() => crm.accepted.length > 0, 'the old CRM destination delivering the order');
    expect(serve.output()).not.toContain('could not be read');
    await serve.stop();

    // Sealed again in the new shape: a second start reads them the same way.
    const again = await startServe(dataDir);
    expect(await again.api('testDestination', { params: { id: 'dst_oldcrm' } })).toMatchObject({ ok: true });
    expect((await again.api('listDestinations'))[0]!.settings.headers).toEqual(listed[0]!.settings.headers);
    await again.stop();
  }, 60_000);
});
