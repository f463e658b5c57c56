import { describe, expect, it } from 'vitest';
import { filesContaining } from '../helpers/files.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * A Slack-like address (the address is the key), a secret after `;` and one in the `#` part: hidden in API answers
 * and in the configuration export, kept encrypted, and sent as entered.
 */

const SLACK = 'https://hooks.slack.com/services/T0001/B0002/PATHSECRETxyz123?x=1#token=FRAGSECRET1';
const SECRETS = ['PATHSECRETxyz123', 'T0001/B0002', 'FRAGSECRET1', 'SEMISECRET1', 'AFTERSEMI2'];

async function everythingSaid(serve: ServeProcess): Promise<string> {
  const get = (path: string) =>
    fetch(`${serve.runtime.adminUrl}${path}`, {
      headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
    }).then((answer) => answer.text());
  return [await get('/api/destinations'), await get('/api/config/export'), await get('/api/stats')].join('\n');
}

describe('a secret in an address’s path, after `;` or in its `#` part (real serve)', () => {
  it('is [redacted] in API answers and the export, and only the delivery gets the real address', async () => {
    const dataDir = tempDir();
    const serve = await startServe(dataDir);
    await serve.api('putSettings', { body: { debugLogging: true } });
    const sink = await startSink();
    // Paused: nothing goes to Slack from here.
    const slack = await serve.api('createDestination', {
      body: { name: 'Slack', url: SLACK, events: ['order.*'], paused: true },
    });
    expect(slack.url).toBe('https://hooks.slack.com/services/[redacted]?x=1#token=[redacted]');
    expect(slack.secretsSet).toMatchObject({ 'url:path': true, 'url:token': true });
    const semi = await serve.api('createDestination', {
      body: { name: 'Semi', url: `${sink.url}/x?a=1;token=SEMISECRET1&b=2`, events: ['order.*'] },
    });
    expect(semi.url).toBe(`${sink.url}/x?a=1;token=[redacted]&b=2`);
    // A `;` inside the value (no parameter after it) is the value's own: before, `;AFTERSEMI2` was shown.
    const inside = await serve.api('createDestination', {
      body: { name: 'Semi inside', url: `${sink.url}/y?token=SEMI;AFTERSEMI2&b=2`, events: ['order.*'] },
    });
    expect(inside.url).toBe(`${sink.url}/y?token=[redacted]&b=2`);

    // Saved back as shown, the path is kept.
    const renamed = await serve.api('updateDestination', {
      params: { id: slack.id },
      body: { name: 'Slack #orders', url: slack.url },
    });
    expect(renamed.secretsSet).toMatchObject({ 'url:path': true });

    await serve.api('testDestination', { params: { id: semi.id } });
    await waitUntil(() => sink.received.length === 1, 'the test event');
    expect(sink.received[0]!.path).toBe('/hook/x?a=1;token=SEMISECRET1&b=2');
    await serve.api('testDestination', { params: { id: inside.id } });
    await waitUntil(() => sink.received.length === 2, 'the second test event');
    expect(sink.received[1]!.path).toBe('/hook/y?token=SEMI;AFTERSEMI2&b=2');

    const exported = await serve.api('exportConfig');
    expect(exported.destinations.find((d) => d.name === 'Slack #orders')).toMatchObject({
      url: 'https://hooks.slack.com/services/[redacted]?x=1#token=[redacted]',
      secrets: expect.arrayContaining(['url:path', 'url:token']),
    });
    const said = await everythingSaid(serve);
    await serve.stop();
    for (const secret of SECRETS) {
      expect(said, `${secret} said`).not.toContain(secret);
      expect(filesContaining(dataDir, secret), `${secret} in the data folder`).toEqual([]);
    }

    // Imported elsewhere, the address says which value to write.
    const other = await startServe(tempDir());
    await other.api('importConfig', { query: { dryRun: '0' }, body: { text: JSON.stringify(exported) } });
    const imported = (await other.api('listDestinations')).find((d) => d.name === 'Slack #orders');
    expect(imported).toMatchObject({ paused: true, secretsSet: { 'url:path': false } });
    const test = await other.api('testDestination', { params: { id: imported!.id } });
    expect(test.reason).toEqual({
      code: 'delivery.urlSecretMissing',
      params: { name: 'Slack #orders', param: 'hooks.slack.com/services/…' },
    });
    await other.stop();
  });
});
