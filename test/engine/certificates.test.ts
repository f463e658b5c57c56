import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, describe, expect, it } from 'vitest';
import { post, teamcropOrderRaw } from '../helpers/fixtures.js';
import { startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/**
 * Destinations on https://127.0.0.1 whose certificates are each wrong in one way a merchant meets, made here: a
 * real `serve` child trusts a test authority (NODE_EXTRA_CA_CERTS, as a PC trusts the public ones), and each try
 * must say what happened and what to do. Before, the attempt said Node's English ("self-signed certificate",
 * "certificate has expired", "Hostname/IP does not match certificate's altnames…").
 */

const DAY = 86_400_000;
const servers: Server[] = [];
afterAll(() => {
  for (const server of servers) server.closeAllConnections();
  for (const server of servers) server.close();
});

type Pems = { key: string; cert: string };

async function authority(name: string): Promise<Pems> {
  const made = await generate([{ name: 'commonName', value: name }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  return { key: made.private, cert: made.cert };
}

/** A server certificate for `names` (an IP or a DNS name), signed by `ca` or by itself, valid `from`..`to`. */
async function certificate(names: string[], ca: Pems | null, from = Date.now() - DAY, to = Date.now() + 30 * DAY) {
  const made = await generate([{ name: 'commonName', value: names[0]! }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(from),
    notAfterDate: new Date(to),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: names.map((name) => (/^[\d.]+$/.test(name) ? { type: 7, ip: name } : { type: 2, value: name })),
      },
    ],
    ...(ca ? { ca } : {}),
  });
  return { key: made.private, cert: made.cert };
}

async function httpsReceiver(pems: Pems): Promise<{ url: string; received: () => number }> {
  let count = 0;
  const server = createServer(pems, (request, response) => {
    count++;
    request.resume();
    request.on('end', () => response.end('{"ok":true}'));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received: () => count };
}

describe('certificate problems said in words (real serve, real TLS on 127.0.0.1)', () => {
  it('says a self-signed, expired, not yet valid, wrongly named or unknown-authority certificate with what to do, and delivers past a good one', async () => {
    const dataDir = tempDir();
    const [trusted, unknown] = [await authority('Hookferry Test CA'), await authority('Some Other CA')];
    const caFile = join(tempDir(), 'test-ca.pem');
    writeFileSync(caFile, trusted.cert);
    const receivers = {
      good: await httpsReceiver(await certificate(['127.0.0.1'], trusted)),
      selfSigned: await httpsReceiver(await certificate(['127.0.0.1'], null)),
      expired: await httpsReceiver(await certificate(['127.0.0.1'], trusted, Date.now() - 60 * DAY, Date.now() - DAY)),
      notYet: await httpsReceiver(
        await certificate(['127.0.0.1'], trusted, Date.now() + 30 * DAY, Date.now() + 60 * DAY),
      ),
      wrongName: await httpsReceiver(await certificate(['shop.example.com'], trusted)),
      unknownAuthority: await httpsReceiver(await certificate(['127.0.0.1'], unknown)),
    };

    const serve = await startServe(dataDir, [], undefined, { NODE_EXTRA_CA_CERTS: caFile });
    const once = { maxAttempts: 1, initialDelayMs: 200, multiplier: 2, maxDelayMs: 1000 };
    for (const [name, receiver] of Object.entries(receivers))
      await serve.api('createDestination', { body: { name, url: receiver.url, events: ['*'], retry: once } });
    const { json } = await post(await serve.posUrl(), teamcropOrderRaw, {
      'content-type': 'application/json',
      'tc-webhook-event': 'order.add',
    });
    const event = await waitUntil(async () => {
      const seen = await serve.api('getEvent', { params: { id: String(json.id) } });
      return seen.deliveries.length === 6 &&
        seen.deliveries.every((d) => d.status === 'delivered' || d.status === 'failed')
        ? seen
        : null;
    }, 'six deliveries settled');

    const tried = Object.fromEntries(
      event.deliveries.map((delivery) => [delivery.destinationName, delivery.attempts[0]!]),
    );
    expect(tried.good).toMatchObject({ category: 'delivered', httpStatus: 200 });
    expect(receivers.good.received()).toBe(1);
    const host = (name: keyof typeof receivers) => new URL(receivers[name].url).host;
    const expected = {
      selfSigned: [
        'delivery.certSelfSigned',
        /^127\.0\.0\.1:\d+ showed a security certificate it made for itself \(self-signed\).*sent nothing\. Ask whoever runs it for a certificate from a recognised authority.*http:\/\//,
      ],
      expired: [
        'delivery.certExpired',
        /^The security certificate of 127\.0\.0\.1:\d+ has expired.*check that this PC’s date and time are right.*renew its certificate\.$/,
      ],
      notYet: ['delivery.certNotYetValid', /^The security certificate of .* is not valid yet .*date and time/],
      wrongName: [
        'delivery.certWrongName',
        /^The security certificate at .* is made out to a different address.*Check the destination’s URL/,
      ],
      unknownAuthority: [
        'delivery.certUnknownAuthority',
        /^The security certificate of .* was issued by an authority this PC does not know.*intermediate certificates/,
      ],
    } as const;
    for (const [name, [code, sentence]] of Object.entries(expected)) {
      const attempt = tried[name]!;
      expect(attempt, name).toMatchObject({
        category: 'network',
        httpStatus: null,
        reason: { code, params: { host: host(name as keyof typeof receivers) } },
      });
      expect(attempt.error, name).toMatch(sentence);
      // Node's own English is gone.
      expect(attempt.error, name).not.toMatch(/certificate has expired|self[- ]signed certificate$|altnames|issuer/);
      expect(receivers[name as keyof typeof receivers].received(), name).toBe(0);
    }
    expect(await serve.stop()).toBe(0);
  }, 90_000);
});
