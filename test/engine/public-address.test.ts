import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiCallError } from '../../main/api/client.js';
import type { StreamMessage } from '../../main/api/contract.js';
import { openStream } from '../../main/api/stream-client.js';
import { post, teamcropOrderRaw } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { closedPort } from '../helpers/tunnel.js';
import { waitUntil } from '../helpers/wait.js';

/** These tests stand the shop's tunnel up on 127.0.0.1, which a shop's own address may not be (see the refusal below). */
const NEARBY = { HOOKFERRY_TEST_NEARBY_PUBLIC_ADDRESS: '1' };

/** Looks like an ngrok authtoken; ngrok never sees it (nothing here reaches the internet). */
const AUTHTOKEN = '2Zq9FakeAuthtokenForTests_7xKpLmNoPqRsTuVwXyZ';

const servers: Server[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A loopback port that accepts connections and never answers: ngrok's ingress behind a network that drops everything. */
async function silentPort(): Promise<number> {
  const server = createServer((socket) => sockets.push(socket));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

/** Every byte of every file under `dir` (database, WAL, logs, key file). */
function filesUnder(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, bytes: readFileSync(path) }));
}

function collect(serve: ServeProcess): { messages: StreamMessage[]; stop: () => void } {
  const messages: StreamMessage[] = [];
  const stop = openStream(
    { baseUrl: serve.runtime.adminUrl, token: serve.runtime.adminToken },
    (message) => messages.push(message),
    () => {},
  );
  return { messages, stop };
}

/** The public address once it has given up connecting, with its reason (ngrok's retries take a while). */
function errorStatusOf(serve: ServeProcess) {
  return waitUntil(
    async () => {
      const now = await serve.api('getPublicAddress');
      return now.status === 'error' ? now : null;
    },
    'the error status',
    30_000,
  );
}

describe('public address: the shop’s own', () => {
  it('gives every source its public intake URL, on the API and the stream', async () => {
    const serve = await startServe(tempDir());
    const stream = collect(serve);
    try {
      await serve.api('createSource', { body: { name: 'Teamcrop', kind: 'teamcrop' } });
      const settings = await serve.api('putSettings', {
        body: { publicAddress: { mode: 'own', url: 'https://shop-abc.trycloudflare.com/' } },
      });
      expect(settings.publicAddress).toEqual({
        mode: 'own',
        url: 'https://shop-abc.trycloudflare.com',
        ngrok: { authtokenSet: false, domain: null },
      });
      // Nothing answers for it from here: it is not called online, and the sentence says what to check.
      const unverified = await waitUntil(async () => {
        const now = await serve.api('getPublicAddress');
        return now.status === 'unverified' ? now : null;
      }, 'the check of the own address');
      expect(unverified).toMatchObject({ mode: 'own', url: 'https://shop-abc.trycloudflare.com' });
      expect(['public-address-own-unreached', 'public-address-own-other']).toContain(unverified.reason?.code);
      expect(unverified.error).toMatch(/https:\/\/shop-abc\.trycloudflare\.com/);
      const sources = await serve.api('listSources');
      expect(sources).toHaveLength(2);
      for (const source of sources) {
        const token = source.ingestUrl.split('/in/')[1];
        expect(source.publicUrl).toBe(`https://shop-abc.trycloudflare.com/in/${token}`);
      }
      await waitUntil(
        () => stream.messages.find((message) => message.type === 'public-address' && message.mode === 'own'),
        'the public-address message on the stream',
      );

      await serve.api('putSettings', { body: { publicAddress: { mode: 'off' } } });
      await expect(serve.api('getPublicAddress')).resolves.toMatchObject({ mode: 'off', status: 'off', url: null });
      for (const source of await serve.api('listSources')) expect(source.publicUrl).toBeNull();
    } finally {
      stream.stop();
      await serve.stop();
    }
  });

  it('is online once this engine answers through it, and says so when another server answers there', async () => {
    const serve = await startServe(tempDir(), [], undefined, NEARBY);
    const other = createHttpServer((_request, response) => response.end('{"ok":true}'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      // The intake's own address stands in for a tunnel that forwards to it.
      const tunnel = new URL(await serve.posUrl()).origin;
      await serve.api('putSettings', { body: { publicAddress: { mode: 'own', url: tunnel } } });
      const online = await waitUntil(async () => {
        const now = await serve.api('getPublicAddress');
        return now.status === 'online' ? now : null;
      }, 'the own address online');
      expect(online).toEqual({ mode: 'own', status: 'online', url: tunnel, error: null, reason: null });

      const elsewhere = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
      await serve.api('putSettings', { body: { publicAddress: { mode: 'own', url: elsewhere } } });
      const wrong = await waitUntil(async () => {
        const now = await serve.api('getPublicAddress');
        return now.status === 'unverified' ? now : null;
      }, 'the other server found out');
      expect(wrong.reason).toEqual({
        code: 'public-address-own-other',
        params: { url: elsewhere, port: new URL(tunnel).port },
      });
    } finally {
      other.close();
      await serve.stop();
    }
  });

  it('stops calling the address online within a check once its tunnel stops, and online again once it is back', async () => {
    const serve = await startServe(tempDir(), [], undefined, { HOOKFERRY_TEST_OWN_CHECK_MS: '300', ...NEARBY });
    const intake = new URL(await serve.posUrl());
    // The shop's own tunnel: a forwarder to the intake port that can be stopped and started again on its port.
    const forward = (port = 0) => {
      const server = createServer((socket) => {
        sockets.push(socket);
        const upstream = connect(Number(intake.port), '127.0.0.1');
        sockets.push(upstream);
        socket.pipe(upstream).pipe(socket);
        upstream.on('error', () => socket.destroy());
        socket.on('error', () => upstream.destroy());
      });
      servers.push(server);
      return new Promise<Server>((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
    };
    const status = (wanted: string) =>
      waitUntil(async () => {
        const now = await serve.api('getPublicAddress');
        return now.status === wanted ? now : null;
      }, `the own address ${wanted}`);
    try {
      const tunnel = await forward();
      const { port } = tunnel.address() as AddressInfo;
      await serve.api('putSettings', { body: { publicAddress: { mode: 'own', url: `http://127.0.0.1:${port}` } } });
      await status('online');
      // Closed as a tunnel that stops: no new connection, and the ones kept alive cut.
      const closed = new Promise((resolve) => tunnel.close(resolve));
      for (const socket of sockets.splice(0)) socket.destroy();
      await closed;
      expect((await status('unverified')).reason?.code).toBe('public-address-own-unreached');
      await forward(port);
      await status('online');
    } finally {
      await serve.stop();
    }
  });

  it('says why an own address was not reached in words, not by Node’s code (ECONNREFUSED, ENOTFOUND)', async () => {
    const serve = await startServe(tempDir(), [], undefined, NEARBY);
    try {
      const closed = `http://127.0.0.1:${await closedPort()}`;
      const cases = [
        [closed, 'public-address-why-refused', 'nothing answered there'],
        ['https://shop-cua-toi.invalid', 'public-address-why-not-found', 'no such name was found'],
      ] as const;
      for (const [url, whyCode, words] of cases) {
        await serve.api('putSettings', { body: { publicAddress: { mode: 'own', url } } });
        const unverified = await waitUntil(async () => {
          const now = await serve.api('getPublicAddress');
          return now.status === 'unverified' && now.url === url ? now : null;
        }, `the check of ${url}`);
        expect(unverified.reason).toMatchObject({ code: 'public-address-own-unreached', params: { whyCode } });
        expect(unverified.error).toContain(`from this PC (${words}`);
        expect(unverified.error).not.toMatch(/\bE[A-Z]{3,}\b/);
      }
    } finally {
      await serve.stop();
    }
  });

  it('refuses an address with a path, or own mode without an address, with a sentence', async () => {
    const serve = await startServe(tempDir());
    try {
      const withPath = serve.api('putSettings', {
        body: { publicAddress: { mode: 'own', url: 'https://shop.example.com/in/abc' } },
      });
      await expect(withPath).rejects.toThrow(/only the start of the address/);
      await expect(serve.api('putSettings', { body: { publicAddress: { mode: 'own' } } })).rejects.toThrow(
        /Enter the public address/,
      );
      await expect(serve.api('putSettings', { body: { publicAddress: { mode: 'ngrok' } } })).rejects.toThrow(
        /Paste your ngrok authtoken/,
      );
      await expect(serve.api('getSettings')).resolves.toMatchObject({ publicAddress: { mode: 'off' } });
    } finally {
      await serve.stop();
    }
  });

  it('refuses an own address that only this PC or the shop’s network reaches, which it would otherwise call online', async () => {
    const serve = await startServe(tempDir());
    try {
      const intake = new URL(await serve.posUrl()).origin;
      for (const url of [
        intake,
        'http://localhost:8780',
        'http://192.168.1.20:8780',
        'http://[::1]:8780',
        'https://shop-pc.local',
      ]) {
        const saved = serve.api('putSettings', { body: { publicAddress: { mode: 'own', url } } });
        await expect(saved).rejects.toThrow(/is an address of this computer or of the shop’s own network/);
        await expect(saved).rejects.toMatchObject({ status: 400 });
      }
      await expect(serve.api('getSettings')).resolves.toMatchObject({ publicAddress: { mode: 'off', url: null } });
      await serve.api('putSettings', { body: { publicAddress: { mode: 'own', url: 'https://shop.example.com' } } });
      await expect(serve.api('getSettings')).resolves.toMatchObject({
        publicAddress: { mode: 'own', url: 'https://shop.example.com' },
      });
    } finally {
      await serve.stop();
    }
  });

  it('turns a publicUrl saved by an earlier version into the shop’s own address', async () => {
    const dataDir = tempDir();
    let serve = await startServe(dataDir);
    await serve.stop();
    const db = new Database(join(dataDir, 'hookferry.db'));
    db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run(
      'settings',
      JSON.stringify({ publicUrl: 'https://shop-abc.trycloudflare.com/', retentionDays: 7 }),
    );
    db.close();
    serve = await startServe(dataDir);
    try {
      const settings = await serve.api('getSettings');
      expect(settings.retentionDays).toBe(7);
      expect(settings.publicAddress).toMatchObject({ mode: 'own', url: 'https://shop-abc.trycloudflare.com' });
      expect(settings).not.toHaveProperty('publicUrl');
      const [pos] = await serve.api('listSources');
      expect(pos!.publicUrl).toMatch(/^https:\/\/shop-abc\.trycloudflare\.com\/in\/[\w-]+$/);
    } finally {
      await serve.stop();
    }
  });
});

describe('public address: ngrok, without internet', () => {
  it('loads the SDK, says there is no internet, keeps the intake answering, and keeps the authtoken out of every file and answer', async () => {
    const dataDir = tempDir();
    const serve = await startServe(dataDir, ['--ngrok-server', `127.0.0.1:${await closedPort()}`]);
    const stream = collect(serve);
    try {
      const settings = await serve.api('putSettings', {
        body: {
          publicAddress: { mode: 'ngrok', ngrok: { authtoken: AUTHTOKEN, domain: 'https://My-Shop.ngrok-free.dev/' } },
        },
      });
      expect(settings.publicAddress).toEqual({
        mode: 'ngrok',
        url: null,
        ngrok: { authtokenSet: true, domain: 'my-shop.ngrok-free.dev' },
      });

      const status = await errorStatusOf(serve);
      // The reason comes from the SDK's own error: it was loaded and ran in the engine process.
      expect(status).toMatchObject({
        mode: 'ngrok',
        url: 'https://my-shop.ngrok-free.dev',
        reason: { code: 'public-address-offline' },
      });
      expect(status.error).toMatch(/no internet/);
      expect(stream.messages).toContainEqual(expect.objectContaining({ type: 'public-address', status: 'error' }));

      const [pos] = await serve.api('listSources');
      expect(pos!.publicUrl).toBe(`https://my-shop.ngrok-free.dev/in/${pos!.ingestUrl.split('/in/')[1]}`);
      const answer = await post(pos!.ingestUrl, teamcropOrderRaw, {
        'content-type': 'application/json',
        'Tc-Webhook-Event': 'order.add',
      });
      expect(answer.status).toBe(200);

      // Keeping the domain keeps the stored authtoken.
      await serve.api('putSettings', { body: { publicAddress: { ngrok: { domain: null } } } });
      await expect(serve.api('getSettings')).resolves.toMatchObject({
        publicAddress: { ngrok: { authtokenSet: true, domain: null } },
      });
      const answers = JSON.stringify([
        await serve.api('getSettings'),
        await serve.api('getPublicAddress'),
        await serve.api('listSources'),
        stream.messages,
      ]);
      expect(answers).not.toContain(AUTHTOKEN);
      // While it runs, the write-ahead log holds the latest writes.
      const running = filesUnder(dataDir);
      expect(running.map((file) => file.path)).toContain(join(dataDir, 'hookferry.db-wal'));
      for (const file of running) expect(file.bytes.includes(AUTHTOKEN), file.path).toBe(false);
    } finally {
      stream.stop();
      expect(await serve.stop()).toBe(0);
    }
    expect(serve.output()).not.toContain(AUTHTOKEN);
    const files = filesUnder(dataDir);
    expect(files.map((file) => file.path)).toEqual(
      expect.arrayContaining([join(dataDir, 'hookferry.db'), expect.stringContaining(join(dataDir, 'logs'))]),
    );
    for (const file of files) expect(file.bytes.includes(AUTHTOKEN), file.path).toBe(false);
  }, 90_000);

  it('gives up on a session that never answers, and still stops at once on SIGTERM', async () => {
    const serve = await startServe(tempDir(), ['--ngrok-server', `127.0.0.1:${await silentPort()}`]);
    await serve.api('putSettings', { body: { publicAddress: { mode: 'ngrok', ngrok: { authtoken: AUTHTOKEN } } } });
    await expect(serve.api('getPublicAddress')).resolves.toMatchObject({ status: 'connecting', url: null });
    const status = await errorStatusOf(serve);
    expect(status.reason?.code).toBe('public-address-offline');
    // The retry is under way against the silent port again; stopping does not wait for it (serve's own 10 s deadline exits 1).
    expect(await serve.stop()).toBe(0);
  }, 90_000);

  it('says what to do when the saved authtoken no longer opens', async () => {
    const dataDir = tempDir();
    let serve = await startServe(dataDir, ['--ngrok-server', `127.0.0.1:${await closedPort()}`]);
    await serve.api('putSettings', { body: { publicAddress: { mode: 'ngrok', ngrok: { authtoken: AUTHTOKEN } } } });
    await serve.stop();
    const db = new Database(join(dataDir, 'hookferry.db'));
    db.prepare(
      "UPDATE settings SET value = 'v1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' WHERE key = 'ngrok-authtoken'",
    ).run();
    db.close();
    serve = await startServe(dataDir);
    try {
      await expect(serve.api('getPublicAddress')).resolves.toMatchObject({
        status: 'error',
        reason: { code: 'public-address-key-lost' },
      });
    } finally {
      await serve.stop();
    }
  });
});

describe('public address: settings errors', () => {
  it('refuses a malformed authtoken without echoing it', async () => {
    const serve = await startServe(tempDir());
    try {
      const bad = 'not a token!';
      const error = await serve
        .api('putSettings', { body: { publicAddress: { mode: 'ngrok', ngrok: { authtoken: bad } } } })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ApiCallError);
      expect((error as ApiCallError).status).toBe(400);
      expect((error as ApiCallError).message).not.toContain(bad);
    } finally {
      await serve.stop();
    }
  });
});
