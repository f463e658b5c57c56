import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiCallError } from '../../main/api/client.js';
import type { ConfigFile, ImportItem } from '../../main/api/contract.js';
import { post } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

const json = { 'content-type': 'application/json' };
const plan = (items: ImportItem[]) => items.map(({ what, name, action, reason }) => [what, name, action, reason.code]);

describe('configuration export and import (two real serve processes)', () => {
  let shop: ServeProcess;
  let fresh: ServeProcess;
  let file: ConfigFile;
  let text: string;

  const importInto = (serve: ServeProcess, body: string, dryRun: '1' | '0') =>
    serve.api('importConfig', { query: { dryRun }, body: { text: body } });
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('the import was accepted');
      },
      (error: ApiCallError) => [error.status, error.message] as const,
    );

  beforeAll(async () => {
    [shop, fresh] = await Promise.all([startServe(tempDir()), startServe(tempDir())]);
    await shop.api('putSettings', { body: { retentionDays: 90, language: 'vi', deliveriesPaused: true } });
    const web = await shop.api('createSource', {
      body: { name: 'Web shop', kind: 'shopify', verification: { type: 'hmac', secret: 'shopify-signing-secret' } },
    });
    await shop.api('createSource', {
      body: {
        name: 'Counter POS',
        kind: 'teamcrop',
        verification: { type: 'header', header: 'X-Shop-Key', value: 'a-long-shop-key' },
      },
    });
    await shop.api('createDestination', {
      body: {
        name: 'CRM',
        url: 'http://127.0.0.1:9/crm',
        events: ['order.*'],
        sourceIds: [web.id],
        settings: {
          headers: [
            { name: 'X-Plain', value: 'visible' },
            { name: 'Authorization', value: 'Bearer crm-secret-token', secret: true },
          ],
        },
      },
    });
    await shop.api('createDestination', { body: { name: 'Log', url: 'http://127.0.0.1:9/log' } });
    file = await shop.api('exportConfig');
    text = JSON.stringify(file);
  });
  afterAll(async () => {
    await Promise.all([shop?.stop(), fresh?.stop()]);
  });

  it('exports settings, sources and destinations without a single secret', () => {
    expect(text).not.toMatch(/shopify-signing-secret|a-long-shop-key|crm-secret-token/);
    expect(file.settings).toMatchObject({ retentionDays: 90, language: 'vi' });
    expect(file.settings).not.toHaveProperty('deliveriesPaused');
    expect(file.sources).toContainEqual({
      name: 'Counter POS',
      kind: 'teamcrop',
      verification: { type: 'header', header: 'X-Shop-Key' },
    });
    expect(file.sources).toContainEqual({
      name: 'Web shop',
      kind: 'shopify',
      verification: { type: 'hmac', header: 'X-Shopify-Hmac-Sha256', encoding: 'base64' },
    });
    expect(file.destinations.find((destination) => destination.name === 'CRM')).toMatchObject({
      sourceNames: ['Web shop'],
      settings: {
        headers: [
          { name: 'X-Plain', value: 'visible', secret: false },
          { name: 'Authorization', secret: true },
        ],
      },
      secrets: ['header:authorization'],
    });
  });

  it('answers a file that is not JSON, or not a configuration, with a sentence, and changes nothing', async () => {
    expect(await refusal(importInto(fresh, 'name,kind\nPOS,teamcrop', '1'))).toEqual([
      400,
      'This file is not a Hookferry configuration: it is not JSON text. Choose the file that “Export configuration” saved.',
    ]);
    expect(await refusal(importInto(fresh, '{"hello":"world"}', '0'))).toEqual([
      400,
      'This file is not a Hookferry configuration: it has no “hookferry” version mark. Choose the file that “Export configuration” saved.',
    ]);
    const [status, message] = await refusal(importInto(fresh, JSON.stringify({ hookferry: 2 }), '0'));
    expect(status).toBe(400);
    expect(message).toMatch(/version 2; this Hookferry reads version 1/);
    expect((await fresh.api('listSources')).map((source) => source.name)).toEqual(['POS']);
  });

  it('checks the whole file first: one bad part refuses it all', async () => {
    const broken = { ...file, destinations: [...file.destinations, { name: 'Broken', url: 'not a url' }] };
    const [status] = await refusal(importInto(fresh, JSON.stringify(broken), '0'));
    expect(status).toBe(400);
    const twice = { ...file, sources: [...file.sources, file.sources[0]] };
    const [, duplicate] = await refusal(importInto(fresh, JSON.stringify(twice), '0'));
    expect(duplicate).toMatch(/Two sources are named “POS”/);
    expect((await fresh.api('listSources')).map((source) => source.name)).toEqual(['POS']);
    expect(await fresh.api('listDestinations')).toEqual([]);
  });

  it('says what it will do on a dry run, without doing it', async () => {
    const answer = await importInto(fresh, text, '1');
    expect(answer.applied).toBe(false);
    expect(plan(answer.items)).toEqual([
      ['settings', 'Settings', 'update', 'config.update'],
      ['source', 'POS', 'skip', 'config.same'],
      ['source', 'Web shop', 'create', 'config.sourceSecret'],
      ['source', 'Counter POS', 'create', 'config.sourceSecret'],
      ['destination', 'CRM', 'create', 'config.destinationSecret'],
      ['destination', 'Log', 'create', 'config.destinationPaused'],
    ]);
    expect(answer.items[0]!.why).toBe('Already here: retentionDays, language will change.');
    expect(answer.items[3]!.why).toMatch(/with its X-Shop-Key check\. Enter the secret in Sources/);
    expect((await fresh.api('listSources')).map((source) => source.name)).toEqual(['POS']);
    expect((await fresh.api('getSettings')).retentionDays).toBe(30);
  });

  it('applies on confirm: settings, verification kept (refusing posts until the secret is entered), new destinations paused', async () => {
    const answer = await importInto(fresh, text, '0');
    expect(answer.applied).toBe(true);
    await expect(fresh.api('getSettings')).resolves.toMatchObject({
      retentionDays: 90,
      language: 'vi',
      deliveriesPaused: false,
    });
    const sources = await fresh.api('listSources');
    const counter = sources.find((source) => source.name === 'Counter POS')!;
    expect(counter.verification).toEqual({ type: 'header', header: 'X-Shop-Key', valueSet: false });
    expect(sources.find((source) => source.name === 'Web shop')!.verification).toMatchObject({
      type: 'hmac',
      header: 'X-Shopify-Hmac-Sha256',
      secretSet: false,
    });

    const refused = await post(counter.ingestUrl, '{"id":1}', { ...json, 'X-Shop-Key': 'a-long-shop-key' });
    expect(refused.status).toBe(401);
    expect(JSON.stringify(refused.json)).toMatch(/no usable secret .*Enter the secret in Sources/);
    await fresh.api('updateSource', {
      params: { id: counter.id },
      body: { verification: { type: 'header', header: 'X-Shop-Key', value: 'a-long-shop-key' } },
    });
    expect((await post(counter.ingestUrl, '{"id":2}', { ...json, 'X-Shop-Key': 'a-long-shop-key' })).status).toBe(200);
    expect((await post(counter.ingestUrl, '{"id":3}', json)).status).toBe(401);

    const destinations = await fresh.api('listDestinations');
    const crm = destinations.find((destination) => destination.name === 'CRM')!;
    expect(crm).toMatchObject({
      paused: true,
      sourceIds: [sources.find((source) => source.name === 'Web shop')!.id],
      settings: {
        headers: [
          { name: 'X-Plain', value: 'visible', secret: false, valueSet: true },
          { name: 'Authorization', value: null, secret: true, valueSet: false },
        ],
      },
    });
    // Every new destination starts paused, not only those waiting for secrets: the file may come from a PC that
    // still forwards the same orders.
    expect(destinations.find((destination) => destination.name === 'Log')).toMatchObject({ paused: true });
  });

  it('changes nothing on a second import of the same file: no duplicates', async () => {
    const again = await importInto(fresh, text, '0');
    expect(again.items.map((entry) => entry.action)).toEqual(['skip', 'skip', 'skip', 'skip', 'skip', 'skip']);
    expect((await fresh.api('listSources')).map((source) => source.name)).toEqual(['POS', 'Web shop', 'Counter POS']);
    expect(await fresh.api('listDestinations')).toHaveLength(2);
  });

  it('updates what differs, by name, and says which fields', async () => {
    const edited: ConfigFile = {
      ...file,
      destinations: file.destinations.map((destination) =>
        destination.name === 'Log'
          ? { ...destination, url: 'http://127.0.0.1:9/new-log', timeoutMs: 5000 }
          : destination,
      ),
    };
    const answer = await importInto(fresh, JSON.stringify(edited), '0');
    expect(answer.items.find((entry) => entry.name === 'Log')).toMatchObject({
      action: 'update',
      why: 'Already here: url, timeoutMs will change.',
    });
    expect((await fresh.api('listDestinations')).find((destination) => destination.name === 'Log')).toMatchObject({
      url: 'http://127.0.0.1:9/new-log',
      timeoutMs: 5000,
    });
  });
});
