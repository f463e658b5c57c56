import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, teamcropOrderRaw } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';

describe('what Settings shows of this run, the CSV a spreadsheet opens, a preview on a fitting event (real serve)', () => {
  let serve: ServeProcess;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hookferry-ports-'));
    serve = await startServe(dataDir);
  });
  afterAll(async () => {
    await serve.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('tells the dashboard the ports it really listens on, and that the command line chose them', async () => {
    const stats = await serve.api('getStats');
    expect(stats.listening).toEqual({
      intake: { host: '127.0.0.1', port: Number(new URL(serve.runtime.ingestUrl).port), fromCommandLine: true },
      admin: { port: Number(new URL(serve.runtime.adminUrl).port), fromCommandLine: true },
    });
    const settings = await serve.api('getSettings');
    expect(settings.intake.port).not.toBe(stats.listening.intake.port);
  });

  it('starts the CSV with a UTF-8 byte-order mark and leaves the bodies out when asked', async () => {
    const [source] = await serve.api('listSources');
    expect((await post(source!.ingestUrl, teamcropOrderRaw)).status).toBe(200);
    const get = async (query: string) =>
      Buffer.from(
        await (
          await fetch(`${serve.runtime.adminUrl}/api/export?${query}`, {
            headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
          })
        ).arrayBuffer(),
      );
    const withBodies = await get('format=csv');
    expect([...withBodies.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(withBodies.toString('utf8').slice(1).split('\n')[0]).toMatch(/,body$/);
    const without = (await get('format=csv&bodies=0')).toString('utf8').slice(1);
    expect(without.split('\n')[0]).toBe('id,received_at,source,type,status,summary,http_status,reason,content_type');
    expect(without.split('\n')[1]).toContain('SPIRAL-170623-1017-DC92');
    expect(without.split('\n')[1]).not.toContain('{');
  });

  it('previews a Zithara destination on the newest event it takes, not on a newer one it ignores', async () => {
    const pos = await serve.api('createSource', { body: { name: 'Teamcrop POS', kind: 'teamcrop' } });
    const destination = await serve.api('createDestination', {
      body: {
        name: 'Zithara preview',
        kind: 'zithara',
        url: 'http://127.0.0.1:9/v1',
        events: ['order.add'],
        paused: true,
        settings: { clientId: 'client', clientSecret: 'secret', phoneCountryCode: '84', currency: 'VND' },
      },
    });
    const order = await post(pos.ingestUrl, teamcropOrderRaw, { 'Tc-Webhook-Event': 'order.add' });
    await post(pos.ingestUrl, '{"id": 1}', { 'Tc-Webhook-Event': 'product.edit' });
    const preview = await serve.api('previewDestination', { params: { id: destination.id }, body: {} });
    expect(preview).toMatchObject({ ok: true, eventId: order.json.id });
  });
});
