import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { isSecretHeader, REDACTED } from '../lib/redact.js';
import { FileSink } from './file-sink.js';

export type { Logger };

/**
 * Paths pino blanks out wherever they appear in a log object: nothing that
 * authenticates anyone is ever written to a log file.
 */
const redactPaths = [
  'token',
  'adminToken',
  'authtoken',
  '*.authtoken',
  'secret',
  'password',
  'headers.*',
  '*.token',
  '*.adminToken',
  '*.secret',
  '*.value',
  '*.headers.*',
  'dashboardUrl',
];

/** Every path above is blanked, except a header that the one header rule (lib/redact.ts) finds harmless. */
function censor(value: unknown, path: string[]): unknown {
  const isHeader = path.at(-2) === 'headers';
  return isHeader && !isSecretHeader(path.at(-1) ?? '') ? value : REDACTED;
}

export interface LoggerOptions {
  dataDir: string;
  /** Also write to standard output (headless). */
  stdout: boolean;
  debug: boolean;
}

/**
 * A log to a daily file in `<dataDir>/logs` (rolled at 10 MB, last 14 kept), and to stdout when headless.
 * The file never takes the engine down: while it cannot be written its lines are dropped and counted
 * (see FileSink), and the count is said in the log once there is room again.
 */
export function createLogger({ dataDir, stdout, debug }: LoggerOptions): Logger {
  const level = debug ? 'debug' : 'info';
  const file = new FileSink(
    () =>
      pino.transport({
        target: 'pino-roll',
        options: {
          file: join(dataDir, 'logs', 'hookferry'),
          frequency: 'daily',
          size: '10m',
          mkdir: true,
          limit: { count: 14 },
        },
      }),
    dataDir,
    (dropped) => dropped > 0 && logger.warn({ dropped }, `${dropped} log lines were dropped while the disk was full`),
  );
  const streams: pino.StreamEntry[] = [{ level, stream: file }];
  // Standard output is not on the data disk: it goes on while the file cannot.
  if (stdout) streams.push({ level, stream: pino.destination({ dest: 1, sync: false }) });
  const logger = pino({ level, redact: { paths: redactPaths, censor } }, pino.multistream(streams));
  return logger;
}
