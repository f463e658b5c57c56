import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, teamcropOrderRaw } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';

describe('what Settings shows of this run, and the CSV a spreadsheet opens (real serve)', () => {
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
});
