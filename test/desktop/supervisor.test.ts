import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../main/api/client.js';
import { DESKTOP_ORIGIN } from '../../main/api/desktop-channels.js';
import { type EngineState, EngineSupervisor } from '../../main/desktop/engine-supervisor.js';
import { post, teamcropOrderRaw } from '../helpers/fixtures.js';
import { type ForkedEngine, forkEngine } from '../helpers/node-engine.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/** A supervisor over the real engine, forked by Node, with short waits so a test sees restarts. */
function supervise(dataDir: string, key: Buffer, extraArgs?: string[]) {
  const states: EngineState[] = [];
  const children: ForkedEngine[] = [];
  const supervisor = new EngineSupervisor({
    spawn: () => {
      const child = forkEngine(dataDir, extraArgs);
      children.push(child);
      return child;
    },
    dataKey: key,
    onState: (state) => states.push(state),
    initialBackoffMs: 200,
    maxBackoffMs: 5_000,
    stopDeadlineMs: 1_500,
  });
  const running = async (after = 0) => {
    const state = await waitUntil(() => states.slice(after).find((s) => s.phase === 'running'), 'the engine running');
    if (state.phase !== 'running') throw new Error('not running');
    return {
      ...state.engine,
      api: createApiClient({ baseUrl: state.engine.adminUrl, token: state.engine.adminToken }),
    };
  };
  return { supervisor, states, children, running };
}

describe('the engine supervisor, with the real engine as a child process', () => {
  it('hands the key over the message channel, and a second start with the same key reads the secrets the first stored', async () => {
    const dataDir = tempDir();
    const key = randomBytes(32);
    const first = supervise(dataDir, key);
    first.supervisor.start();
    const engine = await first.running();
    expect(engine.dataDir).toBe(dataDir);
    await engine.api('createDestination', {
      body: {
        name: 'Keyed',
        url: 'http://127.0.0.1:9/',
        paused: true,
        settings: { headers: [{ name: 'X-Key', value: 'kept-secret', secret: true }] },
      },
    });
    await first.supervisor.stop();
    expect(first.children[0]!.child.exitCode).toBe(0);
    expect(first.states.at(-1)).toEqual({ phase: 'stopped' });
    expect(existsSync(join(dataDir, 'secret.key'))).toBe(false);

    const second = supervise(dataDir, key);
    second.supervisor.start();
    const again = await second.running();
    const [destination] = await again.api('listDestinations');
    expect(destination!.settings.headers).toEqual([{ name: 'X-Key', value: null, secret: true, valueSet: true }]);
    expect(second.children[0]!.output()).not.toContain('could not be read');
    await second.supervisor.stop();
  });

  it('restarts a killed engine with growing waits, and every acknowledged event survives', async () => {
    const { supervisor, states, children, running } = supervise(tempDir(), randomBytes(32));
    supervisor.start();
    const engine = await running();
    const pos = (await engine.api('listSources'))[0]!.ingestUrl;
    const { status, json } = await post(pos, teamcropOrderRaw, {
      'content-type': 'application/json',
      'Tc-Webhook-Event': 'order.add',
    });
    expect(status).toBe(200);

    children[0]!.child.kill('SIGKILL');
    const firstWait = await waitUntil(
      () => states.find((s) => s.phase === 'waiting'),
      'the supervisor noticing the crash',
    );
    expect(firstWait).toMatchObject({
      phase: 'waiting',
      restarts: 1,
      retryInMs: 200,
      reason: 'The engine stopped unexpectedly (exit code none).',
    });
    const restarted = await running(states.indexOf(firstWait));
    expect(children).toHaveLength(2);
    expect((await restarted.api('getEvent', { params: { id: String(json.id) } })).type).toBe('order.add');

    children[1]!.child.kill('SIGKILL');
    const secondWait = await waitUntil(
      () => states.filter((s) => s.phase === 'waiting')[1],
      'the second crash noticed',
    );
    expect(secondWait).toMatchObject({ restarts: 2, retryInMs: 400 });
    await running(states.indexOf(secondWait));
    await supervisor.stop();
    expect(children[2]!.child.exitCode).toBe(0);
  });

  it('ends an engine that does not stop within the deadline', async () => {
    const { supervisor, children, running } = supervise(tempDir(), randomBytes(32));
    supervisor.start();
    await running();
    const child = children[0]!.child;
    child.kill('SIGSTOP');
    const started = Date.now();
    await supervisor.stop();
    expect(child.signalCode).toBe('SIGKILL');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
  });

  it('reports why the engine cannot start, and keeps trying', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as AddressInfo).port;
    const { supervisor, states } = supervise(tempDir(), randomBytes(32), [
      '--port',
      '0',
      '--admin-port',
      String(taken),
    ]);
    supervisor.start();
    const waits = await waitUntil(() => {
      const found = states.filter((s) => s.phase === 'waiting');
      return found.length >= 2 ? found : null;
    }, 'two failed starts');
    expect(waits[0]).toMatchObject({
      restarts: 1,
      reason: expect.stringMatching(/^Hookferry could not start: a port it needs is taken by another program/),
    });
    await supervisor.stop();
    blocker.close();
  });

  it('lets the desktop window’s origin call the admin API, and no other', async () => {
    const { supervisor, running } = supervise(tempDir(), randomBytes(32));
    supervisor.start();
    const engine = await running();
    const preflight = await fetch(`${engine.adminUrl}/api/stats`, {
      method: 'OPTIONS',
      headers: {
        origin: DESKTOP_ORIGIN,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(DESKTOP_ORIGIN);
    const call = await fetch(`${engine.adminUrl}/api/stats`, {
      headers: { origin: DESKTOP_ORIGIN, authorization: `Bearer ${engine.adminToken}` },
    });
    expect(call.status).toBe(200);
    expect(call.headers.get('access-control-allow-origin')).toBe(DESKTOP_ORIGIN);
    const controller = new AbortController();
    const stream = await fetch(`${engine.adminUrl}/api/stream`, {
      headers: { origin: DESKTOP_ORIGIN, authorization: `Bearer ${engine.adminToken}` },
      signal: controller.signal,
    });
    expect(stream.headers.get('access-control-allow-origin')).toBe(DESKTOP_ORIGIN);
    controller.abort();
    const foreign = await fetch(`${engine.adminUrl}/api/stats`, {
      headers: { origin: 'https://evil.example', authorization: `Bearer ${engine.adminToken}` },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    await supervisor.stop();
  });
});
