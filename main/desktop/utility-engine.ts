import { utilityProcess } from 'electron';
import type { ToEngine } from '../api/engine-channel.js';
import type { EngineProcess } from './engine-supervisor.js';

/**
 * The engine as an Electron utility process: the same entry `serve` uses, so
 * SQLite work never touches the main process. Messages posted before the
 * process has spawned wait for it.
 */
export function spawnUtilityEngine(entry: string, dataDir: string): EngineProcess {
  const child = utilityProcess.fork(entry, ['--data-dir', dataDir, '--desktop'], {
    serviceName: 'Hookferry engine',
    stdio: 'inherit',
  });
  let spawned = false;
  const waiting: ToEngine[] = [];
  child.once('spawn', () => {
    spawned = true;
    for (const message of waiting.splice(0)) child.postMessage(message);
  });
  return {
    get pid() {
      return child.pid;
    },
    postMessage: (message) => (spawned ? child.postMessage(message) : waiting.push(message)),
    terminate: () => {
      // UtilityProcess.kill() asks politely (SIGTERM); the deadline has passed, so end it outright.
      if (child.pid) process.kill(child.pid, 'SIGKILL');
      else child.kill();
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', listener),
  };
}
