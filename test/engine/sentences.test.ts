import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { intakeReasons } from '../../main/i18n/reasons/intake.js';
import { orderAdd, post, teamcropOrderRaw } from '../helpers/fixtures.js';
import { startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/** Answers a sender's developer (or the dashboard) reads: each a sentence saying what happened and what to do. */

/** Bytes written as they are on a socket, and the whole answer read back (the server closes after a refusal). */
function sendRaw(port: number, bytes: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.setTimeout(20_000, () => socket.destroy(new Error('no answer within 20 s')));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      resolve({ status: Number(text.split(' ')[1]), body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
  });
}

const errorOf = (body: string) => (JSON.parse(body) as { error: string }).error;

describe('answers that are sentences', () => {
  it('answers requests Node refuses before any route with a sentence, and lists them in the live log', async () => {
    const serve = await startServe(tempDir(), [], undefined, { HOOKFERRY_TEST_INTAKE_TIMEOUT_MS: '1500' });
    const intakePort = Number(new URL(serve.runtime.ingestUrl).port);
    const adminPort = Number(new URL(serve.runtime.adminUrl).port);
    const malformed = await sendRaw(intakePort, 'POST /in/x HTTP/1.1\r\nHost: a\r\nNo colon here\r\n\r\n');
    expect(malformed.status).toBe(400);
    expect(errorOf(malformed.body)).toMatch(/^This is not an HTTP request Hookferry can read/);
    const hugeHeaders = `GET /healthz HTTP/1.1\r\nHost: a\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`;
    const intakeHeaders = await sendRaw(intakePort, hugeHeaders);
    expect([intakeHeaders.status, errorOf(intakeHeaders.body)]).toEqual([
      431,
      'The request’s headers are larger than Hookferry reads (16 KB in all). Send the webhook with fewer or shorter headers.',
    ]);
    const adminHeaders = await sendRaw(adminPort, hugeHeaders);
    expect(adminHeaders.status).toBe(431);
    expect(errorOf(adminHeaders.body)).toMatch(/Clear this site’s cookies/);
    const slow = await sendRaw(intakePort, 'POST /in/x HTTP/1.1\r\nHost: a\r\n');
    expect([slow.status, errorOf(slow.body)]).toEqual([
      408,
      'The request took more than 1.5 seconds to arrive, so Hookferry stopped waiting and kept nothing. Send it again; if this keeps happening, the connection to Hookferry is too slow.',
    ]);
    // Before: a bare 417 with no word, and nothing in the live log.
    const expectation = await sendRaw(
      intakePort,
      'POST /in/x HTTP/1.1\r\nHost: a\r\nExpect: 200-ok\r\nContent-Length: 2\r\n\r\n{}',
    );
    expect([expectation.status, errorOf(expectation.body)]).toEqual([
      417,
      'The request asks for “Expect: 200-ok”, which Hookferry does not answer (it answers only 100-continue), so it kept nothing. Send the webhook without that header.',
    ]);
    await waitUntil(async () => {
      const codes = (await serve.api('listEvents', { query: { status: 'rejected' } })).items.map(
        (event) => event.rejection?.code,
      );
      return ['intake.notHttpFrom', 'intake.headersTooLargeFrom', 'intake.tooSlow', 'intake.expectationFrom'].every(
        (code) => codes.includes(code),
      );
    }, 'the refusals in the live log');
    expect(await serve.stop()).toBe(0);
  }, 60_000);

  it('tells an HTTP/2 sender to send HTTP/1.1; a lower-case http/1.1 is not HTTP, as Node reads it', async () => {
    const serve = await startServe(tempDir());
    const intakePort = Number(new URL(serve.runtime.ingestUrl).port);
    // What `curl --http2-prior-knowledge` sends first. Before: "This is not an HTTP request Hookferry can read".
    const http2 = await sendRaw(intakePort, 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');
    expect([http2.status, errorOf(http2.body)]).toEqual([
      505,
      'This request came in HTTP/2, but Hookferry’s intake takes HTTP/1.1 only, so nothing was kept. Set the sender to send HTTP/1.1 (with curl, --http1.1 in place of --http2-prior-knowledge).',
    ]);
    // HTTP's version is written in capitals (RFC 9112), and Node refuses it otherwise: not HTTP, as it said.
    const lower = await sendRaw(intakePort, 'POST /in/x http/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n');
    expect([lower.status, errorOf(lower.body)]).toEqual([400, intakeReasons.en['intake.notHttp']]);
    const listed = await waitUntil(async () => {
      const items = (await serve.api('listEvents', { query: { status: 'rejected' } })).items;
      return items.length === 2 ? items : null;
    }, 'both refusals in the live log');
    expect(listed.map((event) => [event.httpStatus, event.rejection?.code]).sort()).toEqual([
      [400, 'intake.notHttpFrom'],
      [505, 'intake.http2From'],
    ]);
    expect(intakeReasons.vi['intake.http2']).toMatch(/HTTP\/1\.1/);
    expect(intakeReasons.vi['intake.http2From']).toContain('{{address}}');
    expect(await serve.stop()).toBe(0);
  });

  it('says what to do about a GET, a compressed body, a reserved XML name, a __proto__ key and a crafted page name', async () => {
    const serve = await startServe(tempDir());
    const posUrl = await serve.posUrl();
    const get = await fetch(posUrl);
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    expect(errorOf(await get.text())).toMatch(/^This is a source’s intake address: senders POST their webhooks to it/);
    // A shopkeeper opening the address to see whether it works reads a page in words, theirs first.
    const shop = await serve.api('createSource', { body: { name: 'Quầy <1>', kind: 'teamcrop' } });
    const page = await fetch(shop.ingestUrl, {
      headers: { accept: 'text/html,application/xhtml+xml', 'accept-language': 'vi-VN,vi;q=0.9,en;q=0.8' },
    });
    expect([page.status, page.headers.get('content-type')]).toEqual([405, 'text/html; charset=utf-8']);
    const html = await page.text();
    const vietnamese = html.indexOf('<p lang="vi">Đây là địa chỉ Hookferry nhận sự kiện cho nguồn “Quầy &lt;1&gt;”');
    const english = html.indexOf('<p lang="en">This is the address where Hookferry receives events');
    expect(vietnamese).toBeGreaterThan(0);
    expect(english).toBeGreaterThan(vietnamese);
    expect(html).not.toMatch(/POST|GET|<1>/);
    // What a sender would meet, said there too: a source refusing everything for want of its secret, and an old
    // address (a new one was made) that no source has any more.
    const asBrowser = { accept: 'text/html', 'accept-language': 'en-US' };
    const imported = await serve.api('importConfig', {
      query: { dryRun: '0' },
      body: {
        text: JSON.stringify({
          hookferry: 1,
          sources: [
            { name: 'Web Woo', kind: 'woocommerce', verification: { type: 'hmac', header: 'X-WC-Webhook-Signature' } },
          ],
          destinations: [],
        }),
      },
    });
    expect(imported.applied).toBe(true);
    const woo = (await serve.api('listSources')).find((source) => source.name === 'Web Woo')!;
    const lost = await fetch(woo.ingestUrl, { headers: asBrowser });
    expect(await lost.text()).toContain(
      '<p lang="en">This is the address of the source “Web Woo”, but Hookferry refuses everything sent to it now',
    );
    const gone = await fetch(`${new URL(woo.ingestUrl).origin}/in/no-such-token`, { headers: asBrowser });
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain('<p lang="en">No source has this address. Copy the intake URL again');

    const gzipped = await post(posUrl, gzipSync(teamcropOrderRaw), orderAdd);
    expect([gzipped.status, gzipped.json.error]).toEqual([
      415,
      'The body is compressed (gzip), and Hookferry takes bodies as they are, uncompressed. Turn compression off for this webhook in the sender.',
    ]);
    const declared = await post(posUrl, gzipSync(teamcropOrderRaw), { ...orderAdd, 'content-encoding': 'gzip' });
    expect(declared.status).toBe(415);

    for (const name of ['constructor', '__proto__']) {
      const xml = await post(posUrl, `<order><${name}>1</${name}></order>`, { 'content-type': 'application/xml' });
      expect([xml.status, xml.json.error]).toEqual([
        400,
        `The XML body has an element or attribute named ${name}, which Hookferry refuses: read as data, that name could change how every other value is read. Ask the sender to rename it.`,
      ]);
    }

    const poisoned = await fetch(`${serve.runtime.adminUrl}/api/sources`, {
      method: 'POST',
      headers: { authorization: `Bearer ${serve.runtime.adminToken}`, 'content-type': 'application/json' },
      body: '{"name":"Web","__proto__":{"admin":true}}',
    });
    expect(poisoned.status).toBe(400);
    expect(errorOf(await poisoned.text())).toMatch(/^The request has a key named __proto__ or constructor/);

    // A copied curl line sends its JSON header with every call: a call without a body is not refused for it.
    const asJson = { authorization: `Bearer ${serve.runtime.adminToken}`, 'content-type': 'application/json' };
    const doomed = await serve.api('createSource', { body: { name: 'Old shop', kind: 'generic' } });
    const removed = await fetch(`${serve.runtime.adminUrl}/api/sources/${doomed.id}`, {
      method: 'DELETE',
      headers: asJson,
    });
    expect(removed.status).toBeLessThan(300);
    expect((await serve.api('listSources')).map((source) => source.name)).not.toContain('Old shop');
    const bodiless = await fetch(`${serve.runtime.adminUrl}/api/sources`, { method: 'POST', headers: asJson });
    expect(bodiless.status).toBe(400);
    expect(errorOf(await bodiless.text())).not.toMatch(/content-type/i);

    const crafted = await fetch(`${serve.runtime.adminUrl}/index.html%00.js`);
    expect(crafted.status).toBe(404);
    expect(errorOf(await crafted.text())).not.toMatch(/Forbidden/);
    expect(await serve.stop()).toBe(0);
  }, 60_000);
});
