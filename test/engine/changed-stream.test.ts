import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamMessage } from '../../main/api/contract.js';
import { openStream } from '../../main/api/stream-client.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

describe('the live stream says when settings, sources or destinations change (real serve process)', () => {
  let serve: ServeProcess;
  let stop: () => void;
  const changes: string[] = [];
  let connected = false;

  beforeAll(async () => {
    serve = await startServe(tempDir());
    stop = openStream(
      { baseUrl: serve.runtime.adminUrl, token: serve.runtime.adminToken },
      (message: StreamMessage) => message.type === 'changed' && changes.push(message.what),
      (up) => (connected = up),
    );
    await waitUntil(() => connected, 'the stream connecting');
  });
  afterAll(async () => {
    stop?.();
    await serve?.stop();
  });

  const next = async (what: string, action: () => Promise<unknown>) => {
    changes.length = 0;
    await action();
    await waitUntil(() => changes.includes(what), `a changed message for ${what}`);
    return [...new Set(changes)];
  };

  it('names settings after a PUT of settings (what the tray’s pause does)', async () => {
    expect(await next('settings', () => serve.api('putSettings', { body: { deliveriesPaused: true } }))).toEqual([
      'settings',
    ]);
  });

  it('names sources after a source is created, changed or deleted', async () => {
    const source = await serve.api('createSource', { body: { name: 'Web shop', kind: 'shopify' } });
    await waitUntil(() => changes.includes('sources'), 'the creation');
    expect(
      await next('sources', () => serve.api('updateSource', { params: { id: source.id }, body: { name: 'Shop' } })),
    ).toEqual(['sources']);
    expect(await next('sources', () => serve.api('deleteSource', { params: { id: source.id } }))).toEqual(['sources']);
  });

  it('names destinations after a destination is created or deleted', async () => {
    let id = '';
    expect(
      await next('destinations', async () => {
        id = (await serve.api('createDestination', { body: { name: 'CRM', url: 'http://127.0.0.1:9/hook' } })).id;
      }),
    ).toEqual(['destinations']);
    expect(await next('destinations', () => serve.api('deleteDestination', { params: { id } }))).toEqual([
      'destinations',
    ]);
  });

  it('says nothing of the kind for reads', async () => {
    changes.length = 0;
    await serve.api('getSettings');
    await serve.api('listSources');
    // A change made after the reads arrives after anything they could have caused: the stream keeps order.
    await serve.api('putSettings', { body: { deliveriesPaused: false } });
    await waitUntil(() => changes.includes('settings'), 'the settings change');
    expect(changes).toEqual(['settings']);
  });
});
