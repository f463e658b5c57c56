import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiCallError } from '../../main/api/client.js';
import type { Destination, DestinationPatch } from '../../main/api/contract.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startFakeZithara } from '../helpers/fake-zithara.js';
import { type Sink, startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';

const TOKEN = 'Bearer tool-a-token-7f3e';
const API_KEY = 'tool-a-key-91c2';
const QUERY_TOKEN = 'tool-a-query-token-5d1a';

/** The two receivers differ only by port: two sites, as a browser judges where credentials may go. */
describe('secret headers and a destination address moved to another site (real serve, two receivers)', () => {
  let serve: ServeProcess;
  let a: Sink;
  let b: Sink;
  let destination: Destination;

  const update = (id: string, body: DestinationPatch) => serve.api('updateDestination', { params: { id }, body });
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('the update was saved');
      },
      (error: ApiCallError) => ({ status: error.status, message: error.message, reason: error.reason }),
    );
  /** Sends a test event and answers what the receiver that got it saw. */
  const tested = async (id: string, sink: Sink) => {
    const before = sink.received.length;
    const result = await serve.api('testDestination', { params: { id } });
    expect(result.ok).toBe(true);
    return sink.received[before]!;
  };
  const site = (sink: Sink) => new URL(sink.url).host;

  beforeAll(async () => {
    [serve, a, b] = await Promise.all([startServe(tempDir()), startSink(), startSink()]);
    destination = await serve.api('createDestination', {
      body: {
        name: 'Accounts',
        url: `${a.url}/orders`,
        settings: {
          headers: [
            { name: 'Authorization', value: TOKEN, secret: true },
            { name: 'X-Api-Key', value: API_KEY, secret: true },
            { name: 'X-Shop', value: 'spiral' },
          ],
          signingSecret: 'whsec_c2lnbmluZy1zZWNyZXQtZm9yLXRlc3Rz',
        },
      },
    });
    expect((await tested(destination.id, a)).headers.authorization).toBe(TOKEN);
  });
  afterAll(async () => {
    await serve?.stop();
  });

  it('refuses a move to another site without a word on its secrets (409, names only), and B gets nothing; another path on the same site asks nothing', async () => {
    const refused = await refusal(update(destination.id, { url: `${b.url}/orders` }));
    expect(refused.status).toBe(409);
    expect(refused.message).toBe(
      `Not saved: the new address is on another site, ${site(b)}, and these secrets were entered for the old one: Authorization, X-Api-Key. Type their values for ${site(b)}, or choose whether to keep them (send them to ${site(b)} too) or remove them, then save again.`,
    );
    expect(refused.reason).toEqual({
      code: 'admin.secretsToOtherSite',
      params: { names: 'Authorization, X-Api-Key', host: site(b) },
    });
    expect(JSON.stringify(refused)).not.toContain('tool-a');
    expect((await serve.api('listDestinations'))[0]!.url).toBe(`${a.url}/orders`);
    await tested(destination.id, a);
    expect(b.received).toHaveLength(0);

    await update(destination.id, { url: `${a.url}/v2/orders` });
    const seen = await tested(destination.id, a);
    expect(seen.path).toBe('/hook/v2/orders');
    expect(seen.headers).toMatchObject({ authorization: TOKEN, 'x-api-key': API_KEY });
  });

  it('sends the kept secret headers to B when told to keep them; asks nothing of headers given anew', async () => {
    await update(destination.id, { url: `${b.url}/orders`, secretsForNewAddress: 'keep' });
    expect((await tested(destination.id, b)).headers).toMatchObject({ authorization: TOKEN, 'x-api-key': API_KEY });

    await update(destination.id, {
      url: `${a.url}/orders`,
      settings: {
        headers: [
          { name: 'Authorization', value: 'Bearer tool-a-token-new', secret: true },
          { name: 'X-Api-Key', value: 'tool-a-key-new', secret: true },
          { name: 'X-Shop', value: 'spiral' },
        ],
      },
    });
    expect((await tested(destination.id, a)).headers).toMatchObject({
      authorization: 'Bearer tool-a-token-new',
      'x-api-key': 'tool-a-key-new',
    });
  });

  it('sends no such header when told to remove them, and keeps the signing secret and plain headers', async () => {
    const moved = await update(destination.id, { url: `${b.url}/orders`, secretsForNewAddress: 'remove' });
    expect(moved.settings.headers).toEqual([{ name: 'X-Shop', value: 'spiral', secret: false, valueSet: true }]);
    expect(moved.secretsSet).toEqual({ signingSecret: true });
    const seen = await tested(destination.id, b);
    expect(seen.headers.authorization).toBeUndefined();
    expect(seen.headers['x-api-key']).toBeUndefined();
    expect(seen.headers).toMatchObject({ 'x-shop': 'spiral', 'webhook-signature': expect.stringMatching(/^v1,/) });
  });

  it('asks the same of a secret value kept hidden in the address (?token=)', async () => {
    const queried = await serve.api('createDestination', {
      body: { name: 'Sheet', url: `${a.url}/sheet?token=${QUERY_TOKEN}&shop=spiral` },
    });
    const refused = await refusal(update(queried.id, { url: `${b.url}/sheet?token=[redacted]&shop=spiral` }));
    expect(refused).toMatchObject({ status: 409, reason: { params: { names: '?token', host: site(b) } } });
    const removed = await update(queried.id, {
      url: `${b.url}/sheet?token=[redacted]&shop=spiral`,
      secretsForNewAddress: 'remove',
    });
    expect(removed.url).toBe(`${b.url}/sheet?shop=spiral`);
    expect((await tested(queried.id, b)).path).toBe('/hook/sheet?shop=spiral');
  });
});

describe('a Zithara destination moved to another Zithara server (real serve, two fake Zitharas)', () => {
  it('asks before its client secret goes there; keeps it when told; asks nothing of a secret given anew', async () => {
    const [serve, a, b] = await Promise.all([startServe(tempDir()), startFakeZithara(), startFakeZithara()]);
    try {
      const update = (id: string, body: DestinationPatch) => serve.api('updateDestination', { params: { id }, body });
      const { id } = await serve.api('createDestination', {
        body: {
          name: 'CRM',
          kind: 'zithara',
          url: a.baseUrl,
          events: ['*'],
          settings: { clientId: a.clientId, clientSecret: a.clientSecret },
        },
      });
      const refused = await update(id, { url: b.baseUrl }).then(
        () => null,
        (error: ApiCallError) => ({ status: error.status, reason: error.reason }),
      );
      // Before, it was saved without a word, and the next token request took A's secret to B.
      expect(refused).toEqual({
        status: 409,
        reason: { code: 'admin.secretsToOtherSite', params: { names: 'Client Secret', host: new URL(b.baseUrl).host } },
      });
      expect(b.tokenFetches).toHaveLength(0);

      await update(id, { url: b.baseUrl, secretsForNewAddress: 'keep' });
      expect((await serve.api('testDestination', { params: { id } })).ok).toBe(false);
      expect(b.refused.length).toBeGreaterThan(0);

      await update(id, { url: a.baseUrl, settings: { clientId: a.clientId, clientSecret: a.clientSecret } });
      expect((await serve.api('testDestination', { params: { id } })).ok).toBe(true);
      const removal = await update(id, { url: b.baseUrl, secretsForNewAddress: 'remove' }).then(
        () => null,
        (error: ApiCallError) => error.status,
      );
      expect(removal).toBe(400);
      await update(id, { url: b.baseUrl, settings: { clientId: b.clientId, clientSecret: b.clientSecret } });
      expect((await serve.api('testDestination', { params: { id } })).ok).toBe(true);
    } finally {
      await serve.stop();
    }
  });
});

describe('a configuration import that names a destination with an address on another site', () => {
  it('does not carry its secret headers there: they wait to be entered anew, the destination paused', async () => {
    const [serve, a, b] = await Promise.all([startServe(tempDir()), startSink(), startSink()]);
    try {
      const created = await serve.api('createDestination', {
        body: {
          name: 'Accounts',
          url: `${a.url}/orders`,
          settings: { headers: [{ name: 'Authorization', value: TOKEN, secret: true }] },
        },
      });
      const file = await serve.api('exportConfig');
      file.destinations[0]!.url = `${b.url}/orders`;
      const text = JSON.stringify(file);

      const planned = await serve.api('importConfig', { query: { dryRun: '1' }, body: { text } });
      const item = planned.items.find((entry) => entry.what === 'destination')!;
      expect(item.reason).toEqual({
        code: 'config.updateDestinationOtherSite',
        params: { fields: 'url', names: 'Authorization', host: new URL(b.url).host },
      });
      expect(item.why).toContain('the secrets entered for the old one (Authorization) are not sent there');

      await serve.api('importConfig', { query: { dryRun: '0' }, body: { text } });
      const [imported] = await serve.api('listDestinations');
      expect(imported).toMatchObject({ id: created.id, url: `${b.url}/orders`, paused: true });
      expect(imported!.settings.headers).toEqual([
        { name: 'Authorization', value: null, secret: true, valueSet: false },
      ]);
      const result = await serve.api('testDestination', { params: { id: created.id } });
      expect(result.ok).toBe(true);
      expect(b.received[0]!.headers.authorization).toBeUndefined();
    } finally {
      await serve.stop();
    }
  });
});
