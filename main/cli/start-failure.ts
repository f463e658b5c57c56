import { mkdirSync } from 'node:fs';
import { isDiskFull } from '../lib/disk.js';
import { DamagedDataError, StartRefusedError } from '../lib/errors.js';

/** What a start failure is said against: the folder and the intake address the start was given. */
export interface StartPlace {
  dataDir: string;
  /** `--host`, when given; otherwise the intake address came from Settings. */
  host?: string;
}

/** The sentence `serve` prints when the engine could not start. */
export function startFailureSentence(error: unknown, place: StartPlace): string {
  return knownFailure(error, place) ?? `Hookferry could not start: ${(error as Error).message}`;
}

/**
 * Whether the start failure's sentence says all there is to it (a port taken, a folder held by another engine, a
 * full disk): then the log keeps the sentence, not a stack trace printed before it in the merchant's window.
 */
export function saysItAll(error: unknown, place: StartPlace): boolean {
  return error instanceof StartRefusedError || error instanceof DamagedDataError || knownFailure(error, place) !== null;
}

/** The sentence for a failure Hookferry knows the cause of, or null. */
function knownFailure(error: unknown, place: StartPlace): string | null {
  const failure = error as NodeJS.ErrnoException & { address?: string; port?: number };
  const code = failure.code;
  if (code === 'EADDRINUSE')
    return `Hookferry could not start: a port it needs is taken by another program (${failure.message}). Stop that program or choose other ports with --port and --admin-port.`;
  if (code === 'EADDRNOTAVAIL')
    return `Hookferry could not start: this PC has no address ${failure.address ?? place.host ?? ''} to listen on${place.host ? ' (--host)' : ' (the intake address saved in Settings)'}. Use --host 127.0.0.1 to take webhooks from this PC only, or --host 0.0.0.0 to take them from the shop’s network too.`;
  if (code === 'EACCES' && failure.syscall === 'listen')
    return failure.port !== undefined && failure.port < 1024
      ? `Hookferry could not start: port ${failure.port} is below 1024, and only an administrator may open those. Choose a port of 1024 or more with --port or --admin-port.`
      : `Hookferry could not start: this user may not open port ${failure.port ?? ''}. Choose another port with --port or --admin-port.`;
  if (isDiskFull(error)) return diskFull(place.dataDir, code);
  return null;
}

/**
 * Makes the data folder (when missing), before anything writes into it: a path that is a file, or one this user
 * may not write, is said in a sentence naming it, where the logger's own attempt printed a stack trace on exit.
 * Null when the folder is there.
 */
export function dataFolderProblem(dataDir: string): string | null {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      return `Hookferry could not start: ${dataDir} is a file, not a folder. Give --data-dir a folder (it is made if missing).`;
    if (code === 'ENOTDIR')
      return `Hookferry could not start: part of the path ${dataDir} is a file, not a folder. Give --data-dir a folder (it is made if missing).`;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      return `Hookferry could not start: this user may not make or write the data folder ${dataDir} (${code}). Give --data-dir a folder this user may write.`;
    if (isDiskFull(error)) return diskFull(dataDir, code);
    return `Hookferry could not start: the data folder ${dataDir} could not be made (${code ?? (error as Error).message}). Give --data-dir another folder.`;
  }
}

function diskFull(dataDir: string, code: string | undefined): string {
  return `Hookferry could not start: the disk holding ${dataDir} is full (${code}). Free some disk space and start Hookferry again.`;
}
