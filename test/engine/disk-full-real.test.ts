import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  fstatSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { type ApiClient, createApiClient } from '../../main/api/client.js';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.js';
import { filesUnder } from '../helpers/files.js';
import { post } from '../helpers/fixtures.js';
import { SERVE_ENTRY, type ServeProcess, startServe } from '../helpers/serve-process.js';
import { waitUntil } from '../helpers/wait.js';

/*
 * A real full disk: the data folder on a 4 MB tmpfs, filled up by a file beside it. Mounting needs
 * root (or CAP_SYS_ADMIN); where it is not allowed these tests are skipped and say why.
 */
const mountPoint = mkdtempSync(join(tmpdir(), 'hookferry-full-'));
let skipped: string | null = null;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint], { stdio: 'pipe' });
} catch (error) {
  skipped = String((error as { stderr?: Buffer }).stderr ?? (error as Error).message).trim();
  rmSync(mountPoint, { recursive: true, force: true });
  console.warn(`\n!!! The real disk-full tests are SKIPPED: a 4 MB tmpfs could not be mounted (${skipped}).\n`);
}

const json = { 'content-type': 'application/json' };
const filler = join(mountPoint, 'filler');

/** Fills the tmpfs to the last byte, then gives back `room` bytes. */
function fill(room = 0): void {
  const fd = openSync(filler, 'a');
  try {
    for (const block of [Buffer.alloc(64 * 1024, 1), Buffer.alloc(512, 1)]) {
      try {
        for (;;) writeSync(fd, block);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    }
    if (room > 0) ftruncateSync(fd, Math.max(0, fstatSync(fd).size - room));
  } finally {
    closeSync(fd);
  }
}

/** A 200 only for an event that was stored, a 503 only with the sentence that asks the sender to retry. */
async function expectAnswersTrue(api: ApiClient, answers: Awaited<ReturnType<typeof post>>[]): Promise<void> {
  for (const answer of answers) {
    if (answer.status === 200)
      expect((await api('getEvent', { params: { id: String(answer.json.id) } })).id).toBe(answer.json.id);
    else
      expect(answer.json).toEqual({
        error:
          'Hookferry could not save this event right now (disk full or database error). Please send it again later.',
      });
  }
}

function free(): void {
  rmSync(filler, { force: true });
}

describe.skipIf(skipped !== null)('a real full disk (4 MB tmpfs, real serve process)', () => {
  const dataDir = join(mountPoint, 'data');
  let serve: ServeProcess | null = null;
  const started: ChildProcess[] = [];
  let browser: Browser | null = null;

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    // Each gone before the unmount, which a process still holding a file there refuses (a failed test's leftover).
    for (const child of started) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }
    free();
    execFileSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it('answers 503 while full and stays up, drops and counts log lines and says so when space returns, and takes events again without a restart', async () => {
    serve = await startServe(dataDir);
    const pos = await serve.posUrl();
    expect((await post(pos, '{"before":1}', json)).status).toBe(200);

    expect((await serve.api('getStats')).diskFull).toBe(false);
    fill();
    expect((await serve.api('getStats')).diskFull).toBe(true);
    // SQLite reuses the room its WAL already holds, so the first few may still be stored; then every one is refused.
    // Each refusal is logged with its stack: within a few dozen the log file's last block is full as well.
    const answers: Awaited<ReturnType<typeof post>>[] = [];
    for (
      let n = 0;
      n < 80 && !(serve.output().includes('cannot write its log file') && answers.at(-1)?.status === 503);
      n++
    )
      answers.push(await post(pos, JSON.stringify({ n, pad: 'x'.repeat(2000) }), json));
    expect(serve.output()).toContain('cannot write its log file (ENOSPC');
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status !== 200 && status !== 503)).toEqual([]);
    expect(statuses.at(-1)).toBe(503);
    await expectAnswersTrue(serve.api, answers);
    expect((await fetch(`${serve.runtime.ingestUrl}/healthz`)).status).toBe(200);
    expect((await serve.api('listEvents', { query: {} })).items.length).toBeGreaterThan(0);
    expect(serve.child.exitCode).toBeNull();

    free();
    await waitUntil(async () => (await post(pos, '{"after":1}', json)).status === 200, 'an event taken again');
    const said = await waitUntil(
      () => /(\d+) log lines were dropped while the disk was full/.exec(serve!.output()),
      'the dropped lines said',
    );
    expect(Number(said[1])).toBeGreaterThan(0);
    console.log(`full disk: ${statuses.filter((status) => status === 503).length} posts answered 503; ${said[0]}`);
    expect(serve.output().match(/cannot write its log file/g)).toHaveLength(1);
    await waitUntil(
      () => filesUnder(join(dataDir, 'logs')).some((file) => readFileSync(file, 'utf8').includes(said[0])),
      'the count in the log file',
    );
  }, 120_000);

  it('keeps the innocent rows when one row does not fit: only that sender gets 503', async () => {
    const pos = await serve!.posUrl();
    fill(1024 * 1024);
    try {
      const big = JSON.stringify({ pad: 'b'.repeat(3 * 1024 * 1024) });
      const answers = await Promise.all([
        post(pos, big, json),
        ...Array.from({ length: 10 }, (_, n) => post(pos, JSON.stringify({ small: n }), json)),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([503, ...Array<number>(10).fill(200)]);
      for (const answer of answers.slice(1)) {
        const stored = await serve!.api('getEvent', { params: { id: String(answer.json.id) } });
        expect(stored.status).not.toBe('rejected');
      }
    } finally {
      free();
    }
    expect(serve!.child.exitCode).toBeNull();
  }, 60_000);

  it('starts while full: says so in a sentence, shows what it holds, answers 503, and takes events once there is room', async () => {
    await serve!.stop();
    serve = null;
    fill();
    const child = spawn(process.execPath, [SERVE_ENTRY, '--data-dir', dataDir, '--port', '0', '--admin-port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.push(child);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    // runtime.json cannot be written on a full disk: the addresses come from what serve prints.
    const [, ingestUrl] = await waitUntil(() => /webhooks at (http:\/\/[\d.:]+)\//.exec(output), 'the intake address');
    const [, adminUrl, token] = await waitUntil(
      () => /Dashboard: (http:\/\/[\d.:]+)\/#token=(\S+)/.exec(output),
      'the dashboard address',
    );
    // Said on stderr after the addresses on stdout: the two streams arrive in either order.
    const sentence = `The disk holding ${dataDir} is full. Hookferry serves what it holds, and answers new events with 503 (senders send them again later) until there is room. Free some disk space.`;
    await waitUntil(() => output.includes(sentence), 'the sentence that the disk is full');
    const auth = { authorization: `Bearer ${token}` };
    const events = (await (await fetch(`${adminUrl}/api/events`, { headers: auth })).json()) as { items: unknown[] };
    expect(events.items.length).toBeGreaterThan(10);
    const sources = (await (await fetch(`${adminUrl}/api/sources`, { headers: auth })).json()) as {
      name: string;
      ingestUrl: string;
    }[];
    const pos = sources.find((source) => source.name === 'POS')!.ingestUrl;
    expect(pos.startsWith(ingestUrl!)).toBe(true);
    expect((await fetch(`${ingestUrl}/healthz`)).status).toBe(200);
    // The dashboard says so at once, and takes it back by itself once there is room (below).
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${adminUrl}/#token=${token}`);
    await page.getByTestId('disk-full').waitFor();
    expect(await page.getByTestId('disk-full').textContent()).toContain(
      'The disk that holds Hookferry’s data is full.',
    );
    // Room the data folder's own files held (the WAL index this start does without) may take an event or two first.
    const answers: Awaited<ReturnType<typeof post>>[] = [];
    for (let n = 0; n < 40 && answers.at(-1)?.status !== 503; n++)
      answers.push(await post(pos, JSON.stringify({ started: 'full', n, pad: 'x'.repeat(2000) }), json));
    expect(answers.at(-1)!.status).toBe(503);
    await expectAnswersTrue(createApiClient({ baseUrl: adminUrl!, token: token! }), answers);

    await page.screenshot({ path: join(import.meta.dirname, '..', '..', 'test-artifacts', 'disk-full.png') });
    free();
    // Before any new event could refresh the figures: the engine's look at the disk is what takes it down.
    await page.getByTestId('disk-full').waitFor({ state: 'detached', timeout: 15_000 });
    await browser.close();
    await waitUntil(async () => (await post(pos, '{"room":"again"}', json)).status === 200, 'an event taken again');
    child.kill('SIGTERM');
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(0);
  }, 60_000);

  it('refuses a first start on a full disk with a sentence, and leaves no half-written key behind', async () => {
    const fresh = join(mountPoint, 'fresh');
    mkdirSync(fresh);
    fill();
    try {
      const child = spawn(process.execPath, [SERVE_ENTRY, '--data-dir', fresh, '--port', '0', '--admin-port', '0'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      started.push(child);
      let output = '';
      child.stderr.on('data', (chunk) => (output += chunk));
      expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(1);
      // The first thing written is the data folder's lock (SQLite's), before the key.
      expect(output).toContain(
        `Hookferry could not start: the disk holding ${fresh} is full (SQLITE_FULL). Free some disk space and start Hookferry again.`,
      );
      expect(existsSync(join(fresh, 'secret.key'))).toBe(false);
    } finally {
      free();
    }
  }, 60_000);
});
