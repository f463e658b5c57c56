import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApiClient, type ApiClient } from '../main/api/client.js';
import type { RuntimeInfo } from '../main/cli/runtime-file.js';

const SERVE = join(import.meta.dirname, '..', 'dist', 'main', 'serve.js');

export interface Started {
  child: ChildProcess;
  stop(): Promise<void>;
}

function stopper(child: ChildProcess, cleanup = () => {}): () => Promise<void> {
  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    cleanup();
  };
}

/** A `serve` on a temporary data dir with the rate limit lifted, for load. */
export async function startServeForBench(): Promise<
  Started & { runtime: RuntimeInfo; api: ApiClient; posUrl: string }
> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hookferry-bench-'));
  const child = spawn(process.execPath, [SERVE, '--data-dir', dataDir, '--port', '0', '--admin-port', '0'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const file = join(dataDir, 'runtime.json');
  const deadline = Date.now() + 15_000;
  while (!existsSync(file)) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error('serve did not start; run `npm run build` first.');
    await sleep(50);
  }
  const runtime = JSON.parse(readFileSync(file, 'utf8')) as RuntimeInfo;
  const api = createApiClient({ baseUrl: runtime.adminUrl, token: runtime.adminToken });
  await api('putSettings', { body: { intake: { rateLimitPerMinute: 10_000_000 } } });
  const posUrl = (await api('listSources'))[0]!.ingestUrl;
  return { child, runtime, api, posUrl, stop: stopper(child, () => rmSync(dataDir, { recursive: true, force: true })) };
}

/** The baseline: a bare Node http server that reads the whole body and answers 200, in its own process like serve. */
export async function startBareServer(): Promise<Started & { url: string }> {
  const code = `
    const http = require('node:http');
    const server = http.createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => { Buffer.concat(chunks); res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"id":"x"}'); });
    });
    server.keepAliveTimeout = 72000;
    server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
    process.on('SIGTERM', () => server.close(() => process.exit(0)));
  `;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) =>
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
  );
  return { child, url: `http://127.0.0.1:${port}/hook`, stop: stopper(child) };
}
