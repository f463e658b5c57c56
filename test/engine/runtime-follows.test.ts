import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuntimeInfo } from '../../main/cli/runtime-file.js';
import { post, teamcropOrderRaw } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

const INTAKE = 25101;
const ADMIN = 25102;
const MOVED = 25103;

/**
 * A shopkeeper's walk: after ticking "accept from the shop's network" in Settings, runtime.json still said
 * `http://127.0.0.1:<port>` while the intake listened on 0.0.0.0. The README promises every address shown,
 * runtime.json included, becomes the network address: it follows a change of host or port made in Settings.
 */
describe('runtime.json follows the intake moved in Settings (real serve)', () => {
  let serve: ServeProcess;
  let dir: string;
  const runtime = () => JSON.parse(readFileSync(join(dir, 'runtime.json'), 'utf8')) as RuntimeInfo;
  /** The intake address every source's address starts with now, as Sources shows it. */
  const intakeNow = async () => (await serve.posUrl()).replace(/\/in\/[^/]+$/, '');

  beforeAll(async () => {
    dir = tempDir();
    // Saved on ports of this test's own, then started where Settings say (no --port), so the intake can move.
    const first = await startServe(
      dir,
      ['--port', String(INTAKE), '--admin-port', String(ADMIN)],
      undefined,
      {},
      'settings',
      'settings',
    );
    await first.api('putSettings', { body: { intake: { port: INTAKE }, adminPort: ADMIN } });
    await first.stop();
    serve = await startServe(dir, [], undefined, {}, 'settings', 'settings');
  });
  afterAll(async () => {
    await serve?.stop();
  });

  it('says the network address once the intake listens on the shop’s network, and this PC’s again when it stops', async () => {
    expect(runtime().ingestUrl).toBe(`http://127.0.0.1:${INTAKE}`);
    await serve.api('putSettings', { body: { intake: { host: '0.0.0.0' } } });
    const onNetwork = await intakeNow();
    await waitUntil(() => runtime().ingestUrl === onNetwork, `runtime.json saying ${onNetwork}`, 5_000);
    // The rest of it stays as it was: the dashboard's address and token.
    expect(runtime()).toMatchObject({ adminUrl: serve.runtime.adminUrl, adminToken: serve.runtime.adminToken });

    await serve.api('putSettings', { body: { intake: { port: MOVED } } });
    const moved = await intakeNow();
    expect(new URL(moved).port).toBe(String(MOVED));
    await waitUntil(() => runtime().ingestUrl === moved, `runtime.json saying ${moved}`, 5_000);
    expect(
      (await post(`${runtime().ingestUrl}${new URL(await serve.posUrl()).pathname}`, teamcropOrderRaw)).status,
    ).toBe(200);

    await serve.api('putSettings', { body: { intake: { host: '127.0.0.1', port: INTAKE } } });
    await waitUntil(
      () => runtime().ingestUrl === `http://127.0.0.1:${INTAKE}`,
      'runtime.json saying this PC’s address again',
      5_000,
    );
  });

  it('is still removed on a clean stop after it followed the intake', async () => {
    await serve.stop();
    expect(existsSync(join(dir, 'runtime.json'))).toBe(false);
  });
});
