import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DESKTOP_ORIGIN } from '../api/desktop-channels.js';
import { startEngine } from '../engine/engine.js';
import { createLogger } from '../log/logger.js';
import { isFull } from '../lib/disk.js';
import { DamagedDataError, EXIT_DAMAGED_DATA } from '../lib/errors.js';
import { fileKeySource } from '../secrets/key-source.js';
import { VITE_DEV_ORIGINS, VITE_DEV_PORT } from './dev-origin.js';
import { ADMIN_TOKEN_VARIABLE, HelpAsked, parseServeFlags } from './flags.js';
import { parentChannel, parentKeySource } from './parent-channel.js';
import { dataFolderProblem, saysItAll, startFailureSentence } from './start-failure.js';
import { type RuntimeInfo, removeRuntimeFile, runtimeFilePath, writeRuntimeFile } from './runtime-file.js';

/**
 * `npm run serve`: the engine as its own process. Built to dist/main/serve.js,
 * beside the checkpoint worker and the dashboard it serves.
 */
async function main(): Promise<void> {
  // Every file the engine makes (database, WAL, logs, runtime.json) is the user's alone.
  process.umask(0o077);
  let flags;
  try {
    flags = parseServeFlags(process.argv.slice(2), process.env);
    // Read once: the engine's helper processes need not carry the token in their environment.
    delete process.env[ADMIN_TOKEN_VARIABLE];
  } catch (error) {
    if (error instanceof HelpAsked) {
      console.log(error.message);
      process.exit(0);
    }
    console.error((error as Error).message);
    process.exit(2);
  }
  for (const warning of flags.warnings) console.error(warning);
  const { dataDir } = flags;
  const parent = parentChannel();
  const folderProblem = dataFolderProblem(dataDir);
  if (folderProblem) {
    console.error(folderProblem);
    await parent?.send({ type: 'fatal', message: folderProblem });
    process.exit(1);
  }
  const log = createLogger({ dataDir, stdout: true, debug: false });
  // A stop asked for while the engine starts is kept and made once it is up: ended half-way, it would stop as after a
  // crash (nothing lost, but runtime.json left behind and tries on the wire cut off) rather than cleanly.
  let stopAsked: string | null = null;
  let onSignal = (signal: string) => {
    if (stopAsked) process.exit(1);
    stopAsked = signal;
    console.error('Hookferry is starting; it stops cleanly as soon as it is up (again to stop at once).');
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
  const adminToken = flags.adminToken ?? randomBytes(24).toString('base64url');
  const here = fileURLToPath(new URL('.', import.meta.url));
  // Built, the checkpoint worker sits beside serve.js. Under `npm run dev` tsx runs the sources, and its loader
  // does not reach worker threads: the development engine checkpoints on stop only.
  const built = !import.meta.url.endsWith('.ts');
  const checkpointWorker = built ? new URL('checkpoint-worker.js', import.meta.url) : null;
  // The same goes for the JSONata process: under `npm run dev` transformations are refused with a sentence.
  const transformScript = built ? new URL('transform-child.js', import.meta.url) : null;
  // And for the body process: under `npm run dev` large bodies are read in the engine itself.
  const bodyScript = built ? new URL('body-child.js', import.meta.url) : null;
  if (flags.desktop && !parent) {
    console.error('--desktop is for the desktop app, which starts the engine itself; run serve without it.');
    process.exit(2);
  }

  // What runtime.json says, once written: rewritten when a save in Settings moves the intake, in order.
  let runtime: RuntimeInfo | null = null;
  let runtimeWrites = Promise.resolve();
  const rewriteRuntime = (ingestUrl: string) => {
    if (!runtime) return;
    const info: RuntimeInfo = { ...runtime, ingestUrl };
    runtime = info;
    runtimeWrites = runtimeWrites
      .then(() => writeRuntimeFile(dataDir, info))
      .catch((error: unknown) => log.error({ err: error }, 'runtime.json could not be written'));
  };

  let engine;
  try {
    engine = await startEngine({
      dataDir,
      keySource: flags.desktop && parent ? parentKeySource(parent) : fileKeySource(join(dataDir, 'secret.key')),
      trustedOrigins: [...(flags.desktop ? [DESKTOP_ORIGIN] : []), ...(flags.dev ? VITE_DEV_ORIGINS : [])],
      log,
      host: flags.host,
      port: flags.port,
      adminPort: flags.adminPort,
      adminToken,
      checkpointWorker,
      transformScript,
      bodyScript,
      rendererDir: join(here, '..', 'renderer'),
      ngrokServerAddr: flags.ngrokServer ?? null,
      onIntakeMoved: rewriteRuntime,
    });
  } catch (error) {
    const place = { dataDir, host: flags.host };
    const sentence = startFailureSentence(error, place);
    console.error(sentence);
    log.fatal(saysItAll(error, place) ? { reason: sentence } : { err: error }, 'start failed');
    await parent?.send({ type: 'fatal', message: sentence });
    log.flush();
    process.exit(error instanceof DamagedDataError ? EXIT_DAMAGED_DATA : 1);
  }

  const dashboardUrl = `${engine.adminUrl}/#token=${adminToken}`;
  // Printed before runtime.json appears, so whoever waits for that file finds the addresses already said.
  console.log(`Hookferry is listening for webhooks at ${engine.ingestUrl()}/in/<source token>`);
  console.log(`Dashboard: ${dashboardUrl}`);
  if (flags.dev) console.log(`Dashboard with hot reload: http://localhost:${VITE_DEV_PORT}/#token=${adminToken}`);
  console.log(`Data folder: ${dataDir}`);
  if (isFull(dataDir)) {
    const sentence = `The disk holding ${dataDir} is full. Hookferry serves what it holds, and answers new events with 503 (senders send them again later) until there is room. Free some disk space.`;
    log.warn(sentence);
    console.error(sentence);
  }
  try {
    const info = {
      pid: process.pid,
      ingestUrl: engine.ingestUrl(),
      adminUrl: engine.adminUrl,
      adminToken,
      dashboardUrl,
    };
    // Said from now on: a move saved while it is being written is written after it.
    runtime = info;
    const written = writeRuntimeFile(dataDir, info);
    runtimeWrites = written.catch(() => undefined);
    await written;
  } catch (error) {
    runtime = null;
    // Only tools that look for a running engine read it; the engine serves on without it (the disk may be full).
    log.error({ err: error }, 'runtime.json could not be written');
    console.error(
      `Hookferry could not write ${runtimeFilePath(dataDir)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); it keeps running. Free some disk space; the addresses are printed above.`,
    );
  }
  void parent?.send({ type: 'ready', ingestUrl: engine.ingestUrl(), adminUrl: engine.adminUrl, adminToken, dataDir });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    const deadline = setTimeout(() => {
      console.error('Hookferry did not stop within 10 s; exiting now. Every acknowledged event is already on disk.');
      process.exit(1);
    }, 10_000);
    await engine.stop();
    // A rewrite under way would otherwise put the file back after it is removed.
    await runtimeWrites;
    await removeRuntimeFile(dataDir);
    clearTimeout(deadline);
    log.flush();
    process.exit(0);
  };
  onSignal = (signal) => void stop(signal);
  if (stopAsked) void stop(stopAsked);
  parent?.onMessage((message) => message.type === 'stop' && void stop('parent asked'));
  parent?.onGone(() => void stop('parent gone'));
}

void main();
