import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { orderAdd, post, teamcropOrderRaw } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/** What a user or a stranger can do wrong, refused or contained, each against a real `serve` on 127.0.0.1. */

describe('custom destination headers', () => {
  it('refuses at Save the headers Hookferry sets or that frame the request, naming each', async () => {
    const serve = await startServe(tempDir());
    const sink = await startSink();
    const create = (name: string) =>
      serve.api('createDestination', {
        body: {
          name: `To ${name}`,
          kind: 'webhook',
          url: sink.url,
          events: ['*'],
          settings: { headers: [{ name, value: '1' }] },
        },
      });
    for (const name of ['Content-Length', 'Transfer-Encoding', 'Host', 'Connection', 'Proxy-Authorization', 'TE'])
      await expect(create(name)).rejects.toThrow(
        new RegExp(`settings\\.headers\\.0\\.name: Remove the ${name} header: it shapes the request itself`),
      );
    for (const name of ['webhook-id', 'Webhook-Signature', 'webhook-timestamp', 'X-Hookferry-Event'])
      await expect(create(name)).rejects.toThrow(new RegExp(`Remove the ${name} header: Hookferry sets it itself`));
    expect(await serve.api('listDestinations')).toEqual([]);

    // Content-Type stays the merchant's to set; the order arrives whole, with its own id.
    await create('Content-Type');
    const accepted = await post(await serve.posUrl(), teamcropOrderRaw, orderAdd);
    const [request] = await sink.waitFor(1);
    expect(request!.headers['content-type']).toBe('1');
    expect(request!.headers['webhook-id']).toBe(accepted.json.id);
    expect(request!.body.equals(teamcropOrderRaw)).toBe(true);
    expect(await serve.stop()).toBe(0);
  }, 60_000);
});

describe('resending one event', () => {
  it('sends once to a destination named many times, answers that count, and refuses a list past 1000', async () => {
    const serve = await startServe(tempDir());
    const sink = await startSink();
    const destination = await serve.api('createDestination', {
      body: { name: 'Shop', kind: 'webhook', url: sink.url, events: ['*'] },
    });
    const accepted = await post(await serve.posUrl(), teamcropOrderRaw, orderAdd);
    const id = accepted.json.id as string;
    await sink.waitFor(1);
    await waitUntil(
      async () => (await serve.api('getEvent', { params: { id } })).status === 'delivered',
      'the order delivered',
    );
    await expect(
      serve.api('resendEvent', {
        params: { id },
        body: { destinationIds: Array.from({ length: 50_000 }, () => destination.id) },
      }),
    ).rejects.toThrow(/destinationIds/);
    const answer = await serve.api('resendEvent', {
      params: { id },
      body: { destinationIds: Array.from({ length: 1000 }, () => destination.id), evenIfDelivered: true },
    });
    expect(answer).toEqual({ queued: 1, sending: 0, waiting: 0 });
    await sink.waitFor(2);
    await waitUntil(
      async () => (await serve.api('getEvent', { params: { id } })).status === 'delivered',
      'the resend delivered',
    );
    expect(sink.received).toHaveLength(2);
    expect(await serve.stop()).toBe(0);
  }, 60_000);
});

describe('importing a configuration', () => {
  const importText = (serve: ServeProcess, text: string, dryRun: '0' | '1') =>
    serve.api('importConfig', { query: { dryRun }, body: { text } });

  it('is all or nothing, and its dry run refuses what the import would refuse', async () => {
    const serve = await startServe(tempDir());
    const sink = await startSink();
    const before = await serve.api('getSettings');
    const sources = (await serve.api('listSources')).map((source) => source.name);
    const file = {
      hookferry: 1,
      settings: { retentionDays: 5, language: before.language === 'vi' ? 'en' : 'vi' },
      sources: [{ name: 'Web shop', kind: 'generic', verification: { type: 'none' } }],
      destinations: [
        { name: 'Fine', kind: 'webhook', url: sink.url, events: ['*'] },
        { name: 'CRM', kind: 'zithara', url: 'https://crm.example.com/', events: ['*'], settings: {} },
      ],
    };
    for (const dryRun of ['1', '0'] as const)
      await expect(importText(serve, JSON.stringify(file), dryRun)).rejects.toThrow(
        /destinations\.1\.settings\.clientId/,
      );
    const bogus = { ...file, destinations: [{ ...file.destinations[0], settings: { bogus: 1 } }] };
    for (const dryRun of ['1', '0'] as const)
      await expect(importText(serve, JSON.stringify(bogus), dryRun)).rejects.toThrow(/destinations\.0\.settings/);
    expect(await serve.api('getSettings')).toEqual(before);
    expect((await serve.api('listSources')).map((source) => source.name)).toEqual(sources);
    expect(await serve.api('listDestinations')).toEqual([]);

    // The same file with its mistake put right goes in whole.
    const fixed = { ...file, destinations: [file.destinations[0]] };
    expect((await importText(serve, JSON.stringify(fixed), '0')).applied).toBe(true);
    expect((await serve.api('getSettings')).retentionDays).toBe(5);
    expect((await serve.api('listDestinations')).map((destination) => destination.name)).toEqual(['Fine']);
    expect(await serve.stop()).toBe(0);
  }, 60_000);

  it('refuses a file nested past any export with a sentence, on a dry run too', async () => {
    const serve = await startServe(tempDir());
    const sink = await startSink();
    await serve.api('createDestination', { body: { name: 'Shop', kind: 'webhook', url: sink.url, events: ['*'] } });
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const text = `{"hookferry":1,"destinations":[{"name":"Shop","kind":"webhook","url":"${sink.url}","events":["*"],"settings":{"method":${deep}}}]}`;
    for (const dryRun of ['1', '0'] as const)
      await expect(importText(serve, text, dryRun)).rejects.toThrow(
        /This file is not a Hookferry configuration: its parts are nested more than 200 levels deep/,
      );
    expect(await serve.stop()).toBe(0);
  }, 60_000);
});

describe('the intake address in Settings', () => {
  it('takes this PC, the shop’s network or an address this PC has, and refuses any other as an address', async () => {
    const serve = await startServe(tempDir());
    const before = await serve.api('getSettings');
    const posUrl = await serve.posUrl();
    for (const host of ['255.255.255.255', '224.0.0.1', '127.0.0.2', '8.8.8.8'])
      await expect(serve.api('putSettings', { body: { intake: { host } } })).rejects.toThrow(
        `intake.host: This computer has no address ${host}, so nobody could send to Hookferry there. Nothing was saved.`,
      );
    expect(await serve.api('getSettings')).toEqual(before);
    expect(await serve.posUrl()).toBe(posUrl);

    const own = Object.values(networkInterfaces())
      .flat()
      .find((address) => address?.family === 'IPv4' && !address.internal)?.address;
    for (const host of [own, '0.0.0.0', '127.0.0.1'].filter((host) => host !== undefined))
      expect((await serve.api('putSettings', { body: { intake: { host } } })).intake.host).toBe(host);
    expect(await serve.stop()).toBe(0);
  }, 60_000);

  it('shows, for the shop’s network, this PC’s address there, which a POS on the network can send to', async () => {
    const own = Object.values(networkInterfaces())
      .flat()
      .find((address) => address?.family === 'IPv4' && !address.internal)?.address;
    // Loopback is what a PC without a network shows; nothing to tell apart on such a machine.
    if (!own) return;
    const serve = await startServe(tempDir(), ['--host', '0.0.0.0']);
    const { port } = new URL(serve.runtime.ingestUrl);
    // Every address the app gives a sender: runtime.json, what it prints, each source's address.
    expect(serve.runtime.ingestUrl).toBe(`http://${own}:${port}`);
    const [source] = await serve.api('listSources');
    expect(new URL(source!.ingestUrl).origin).toBe(`http://${own}:${port}`);
    await waitUntil(
      () => serve.output().includes(`listening for webhooks at http://${own}:${port}/in/`),
      'the printed intake address',
    );
    expect((await post(source!.ingestUrl, teamcropOrderRaw, orderAdd)).status).toBe(200);
    expect(await serve.stop()).toBe(0);
  }, 60_000);
});
