import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll } from 'vitest';
import { type ApiClient, createApiClient } from '../../main/api/client.js';
import type { RuntimeInfo } from '../../main/cli/runtime-file.js';

export const SERVE_ENTRY = join(import.meta.dirname, '..', '..', 'dist', 'main', 'serve.js');
/** `npm start`'s entry: the desktop app, or serve headless where Electron cannot start. */
export const START_ENTRY = join(import.meta.dirname, '..', '..', 'dist', 'main', 'start.js');

export interface ServeProcess {
  child: ChildProcess;
  runtime: RuntimeInfo;
  api: ApiClient;
  output: () => string;
  /** The intake URL of the default `POS` source. */
  posUrl: () => Promise<string>;
  stop(): Promise<number | null>;
  kill(): Promise<void>;
}

const running = new Set<ChildProcess>();
// Whatever a test file left running (a failed test skips its own stop) is killed when the file ends.
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

/** Starts the built `serve` (dist/main/serve.js, built by `npm test`) as a real child process on free ports. */
export async function startServe(
  dataDir: string,
  extraArgs: string[] = [],
  entry = SERVE_ENTRY,
  /** Added to this process's environment for the child. */
  env: NodeJS.ProcessEnv = {},
  /** 'settings': no `--port`, so the intake listens where Settings say and moves when they change. */
  intakePort: 'free' | 'settings' = 'free',
  /** 'settings': no `--admin-port`, so the dashboard listens where Settings say (a free port if that is taken). */
  adminPort: 'free' | 'settings' = 'free',
): Promise<ServeProcess> {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` (npm test does) first.`);
  const runtimeFile = join(dataDir, 'runtime.json');
  const before = existsSync(runtimeFile) ? readFileSync(runtimeFile, 'utf8') : null;
  const child = spawn(
    process.execPath,
    [
      entry,
      '--data-dir',
      dataDir,
      ...(intakePort === 'free' ? ['--port', '0'] : []),
      ...(adminPort === 'free' ? ['--admin-port', '0'] : []),
      ...extraArgs,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    },
  );
  running.add(child);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const deadline = Date.now() + 15_000;
  let runtime: RuntimeInfo | null = null;
  while (!runtime) {
    if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`serve did not start within 15 s:\n${output}`);
    if (existsSync(runtimeFile)) {
      const text = readFileSync(runtimeFile, 'utf8');
      const parsed = text !== before ? (JSON.parse(text) as RuntimeInfo) : null;
      if (parsed?.pid === child.pid) runtime = parsed;
    }
    if (!runtime) await sleep(50);
  }
  const api = createApiClient({ baseUrl: runtime.adminUrl, token: runtime.adminToken });
  return {
    child,
    runtime,
    api,
    output: () => output,
    posUrl: async () => (await api('listSources')).find((source) => source.name === 'POS')!.ingestUrl,
    async stop() {
      child.kill('SIGTERM');
      const code = await exited;
      running.delete(child);
      return code;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
      running.delete(child);
    },
  };
}
