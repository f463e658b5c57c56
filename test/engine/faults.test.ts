import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { type EngineState, EngineSupervisor } from '../../main/desktop/engine-supervisor.js';
import { post } from '../helpers/fixtures.js';
import { type ForkedEngine, forkEngine } from '../helpers/node-engine.js';
import { SERVE_ENTRY, startServe } from '../helpers/serve-process.js';
import { startSink } from '../helpers/sink.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

/** Every file and folder under `dir` (itself included) with its permission bits. */
function modes(dir: string): Record<string, string> {
  const found: Record<string, string> = { '.': (statSync(dir).mode & 0o777).toString(8) };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    found[path.slice(dir.length + 1)] = (statSync(path).mode & 0o777).toString(8);
  }
  return found;
}

function loosen(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    chmodSync(join(entry.parentPath, entry.name), entry.isDirectory() ? 0o755 : 0o644);
  }
}

function serveSync(dataDir: string) {
  return spawnSync(process.execPath, [SERVE_ENTRY, '--data-dir', dataDir, '--port', '0', '--admin-port', '0'], {
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe.skipIf(process.platform === 'win32')('the data folder is the user’s alone', () => {
  it('is 0700 with every file 0600 at every start, even when it was made (or loosened) with 0755 and 0644', async () => {
    const dataDir = join(tempDir(), 'existing');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const first = await startServe(dataDir);
    await post(await first.posUrl(), '{"n":1}', { 'content-type': 'application/json' });
    expect(modes(dataDir)['hookferry.db-wal']).toBe('600');
    await first.stop();

    loosen(dataDir);
    expect(modes(dataDir)['hookferry.db']).toBe('644');
    const second = await startServe(dataDir);
    await post(await second.posUrl(), '{"n":2}', { 'content-type': 'application/json' });
    await waitUntil(() => existsSync(join(dataDir, 'logs')) && readdirSync(join(dataDir, 'logs')).length > 0, 'a log');
    const seen = modes(dataDir);
    for (const name of ['hookferry.db', 'hookferry.db-wal', 'hookferry.db-shm', 'secret.key', 'runtime.json'])
      expect([name, seen[name]]).toEqual([name, '600']);
    for (const [name, mode] of Object.entries(seen)) {
      const isDir = name === '.' || statSync(join(dataDir, name)).isDirectory();
      expect([name, mode]).toEqual([name, isDir ? '700' : '600']);
    }
    await second.stop();
  }, 90_000);
});

describe('a damaged database file', () => {
  it('zero-length: refuses to start with a sentence naming the file, exit code 3, and leaves the file as it was', () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'hookferry.db');
    writeFileSync(file, '');
    const result = serveSync(dataDir);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain(
      `Hookferry could not start: The database file ${file} is empty (0 bytes), so Hookferry will not start: starting over would give your senders new addresses and hide the events it held. Restore the file from a backup, or move it out of the data folder to start with an empty database (then give your senders the new intake addresses), and start Hookferry again.`,
    );
    expect(statSync(file).size).toBe(0);
    expect(existsSync(join(dataDir, 'runtime.json'))).toBe(false);
  });

  it('not SQLite at all: refuses the same way', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'hookferry.db'), 'these are not the pages you are looking for\n'.repeat(200));
    const result = serveSync(dataDir);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain(`The database file ${join(dataDir, 'hookferry.db')} is not a Hookferry database`);
  });

  it('the desktop app’s supervisor reports the sentence and does not restart the engine', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'hookferry.db'), '');
    const states: EngineState[] = [];
    const children: ForkedEngine[] = [];
    const supervisor = new EngineSupervisor({
      spawn: () => {
        const child = forkEngine(dataDir);
        children.push(child);
        return child;
      },
      dataKey: randomBytes(32),
      onState: (state) => states.push(state),
      initialBackoffMs: 50,
    });
    supervisor.start();
    const failed = await waitUntil(() => states.find((state) => state.phase === 'failed'), 'the failed state', 50_000);
    expect(failed).toEqual({ phase: 'failed', reason: expect.stringContaining('is empty (0 bytes)') });
    // Ten backoffs' worth of waiting: a supervisor that restarts would have started another engine by now.
    await sleep(500);
    expect(children).toHaveLength(1);
    expect(states.map((state) => state.phase)).toEqual(['starting', 'failed']);
    await supervisor.stop();
  }, 60_000);
});

describe('a live-log reader that stops reading', () => {
  it('is dropped once 1 MB waits unread for it, while a reader that keeps up stays connected', async () => {
    const serve = await startServe(tempDir());
    const admin = new URL(serve.runtime.adminUrl);
    const stalled = connect(Number(admin.port), '127.0.0.1');
    await new Promise((resolve) => stalled.once('connect', resolve));
    stalled.write(
      `GET /api/stream HTTP/1.1\r\nhost: ${admin.host}\r\nauthorization: Bearer ${serve.runtime.adminToken}\r\n\r\n`,
    );
    await new Promise((resolve) => stalled.once('data', resolve));
    stalled.pause();
    let stalledClosed = false;
    stalled.on('close', () => (stalledClosed = true));
    stalled.on('error', () => undefined);

    const reader = await fetch(`${serve.runtime.adminUrl}/api/stream`, {
      headers: { authorization: `Bearer ${serve.runtime.adminToken}` },
    });
    const chunks = (reader.body as ReadableStream<Uint8Array>).getReader();
    let readerBytes = 0;
    let readerEnded = false;
    void (async () => {
      for (;;) {
        const { done, value } = await chunks.read().catch(() => ({ done: true as const, value: undefined }));
        if (done) return void (readerEnded = true);
        readerBytes += value.byteLength;
      }
    })();

    // A destination that always fails with a 2 KB answer: each attempt is a stream message of over 2 KB.
    const sink = await startSink();
    sink.script(() => ({ status: 500, body: 'x'.repeat(4096) }));
    await serve.api('createDestination', {
      body: {
        name: 'Down',
        url: sink.url,
        concurrency: 16,
        retry: { maxAttempts: 50, initialDelayMs: 100, multiplier: 1, maxDelayMs: 100 },
      },
    });
    const pos = await serve.posUrl();
    const dropped = () => serve.output().includes('a live-log reader fell behind and was dropped');
    for (let n = 0; n < 200; n++) await post(pos, `{"n":${n}}`, { 'content-type': 'application/json' });
    // Bounded: 200 events × 50 attempts carry 20 MB of messages, far beyond 1 MB plus the kernel's socket buffers.
    await waitUntil(dropped, 'the stalled reader being dropped', 120_000);
    expect(dropped()).toBe(true);
    stalled.resume();
    await waitUntil(() => stalledClosed, 'the stalled reader’s connection closing');
    expect(readerEnded).toBe(false);
    expect(readerBytes).toBeGreaterThan(1024 * 1024);
    await chunks.cancel();
    await serve.stop();
  }, 180_000);
});

describe('the NDJSON export', () => {
  it('holds every event, even one whose parsed copy is too deep to write out', async () => {
    const dataDir = tempDir();
    const first = await startServe(dataDir);
    const pos = await first.posUrl();
    const ids: string[] = [];
    for (let n = 0; n < 3; n++)
      ids.push(String((await post(pos, `<n>${n}</n>`, { 'content-type': 'application/xml' })).json.id));
    await first.stop();
    // Whatever intake refuses today, an older version may have stored: a parsed copy 100,000 levels deep.
    const db = new Database(join(dataDir, 'hookferry.db'));
    db.prepare('UPDATE events SET parsed = ? WHERE id = ?').run('['.repeat(100_000) + ']'.repeat(100_000), ids[1]);
    db.close();

    const second = await startServe(dataDir);
    const answer = await fetch(`${second.runtime.adminUrl}/api/export?format=ndjson`, {
      headers: { authorization: `Bearer ${second.runtime.adminToken}` },
    });
    const records = (await answer.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; body: string; parsed: unknown; parsedOmitted?: string });
    expect(records.map((record) => record.id)).toEqual(ids);
    expect(records[1]).toMatchObject({ parsed: null, parsedOmitted: expect.stringContaining('nested too deeply') });
    expect(Buffer.from(records[1]!.body, 'base64').toString()).toBe('<n>1</n>');
    expect(records[2]!.parsed).toEqual({ n: '2' });
    await second.stop();
  }, 90_000);
});

describe('the WAL under load', () => {
  it('stays under 64 MB through a 16-way burst and shrinks once intake is idle', async () => {
    const dataDir = tempDir();
    const serve = await startServe(dataDir);
    const pos = await serve.posUrl();
    const wal = join(dataDir, 'hookferry.db-wal');
    const walSize = () => (existsSync(wal) ? statSync(wal).size : 0);
    let largest = 0;
    const pad = 'x'.repeat(4000);
    // Bounded: 16 lanes × 200 posts of 4 KB, about 13 MB of events.
    await Promise.all(
      Array.from({ length: 16 }, (_, lane) =>
        (async () => {
          for (let n = 0; n < 200; n++) {
            await post(pos, JSON.stringify({ lane, n, pad }), { 'content-type': 'application/json' });
            largest = Math.max(largest, walSize());
          }
        })(),
      ),
    );
    expect(largest).toBeGreaterThan(0);
    expect(largest).toBeLessThan(64 * 1024 * 1024);
    await waitUntil(() => walSize() === 0, 'the idle WAL being truncated', 30_000);
    console.log(`WAL under a 16-way burst of 3,200 posts: largest ${(largest / 1048576).toFixed(1)} MB, idle 0 B`);
    await serve.stop();
  }, 180_000);
});
