import { type ChildProcess, fork } from 'node:child_process';
import { afterAll } from 'vitest';
import type { EngineProcess } from '../../main/desktop/engine-supervisor.js';
import { SERVE_ENTRY } from './serve-process.js';

const started = new Set<ChildProcess>();
afterAll(() => {
  for (const child of started) child.kill('SIGKILL');
  started.clear();
});

export interface ForkedEngine extends EngineProcess {
  child: ChildProcess;
  output: () => string;
}

/**
 * The real engine (dist/main/serve.js --desktop) as a Node child process with
 * an IPC channel, adapted to the supervisor's EngineProcess the way the
 * desktop app adapts Electron's utilityProcess. The process is real; only the
 * parent is Node instead of Electron.
 */
export function forkEngine(dataDir: string, extraArgs: string[] = ['--port', '0', '--admin-port', '0']): ForkedEngine {
  const child = fork(SERVE_ENTRY, ['--data-dir', dataDir, '--desktop', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  started.add(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  child.once('exit', () => started.delete(child));
  return {
    child,
    output: () => output,
    get pid() {
      return child.pid;
    },
    postMessage: (message) => {
      if (child.connected) child.send(message);
    },
    terminate: () => child.kill('SIGKILL'),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
  };
}
