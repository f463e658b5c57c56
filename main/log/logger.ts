import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { isSecretHeader, REDACTED } from '../lib/redact.js';

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

/** A log to a daily file in `<dataDir>/logs` (rolled at 10 MB, last 14 kept), and to stdout when headless. */
export function createLogger({ dataDir, stdout, debug }: LoggerOptions): Logger {
  const targets: pino.TransportTargetOptions[] = [
    {
      target: 'pino-roll',
      options: {
        file: join(dataDir, 'logs', 'hookferry'),
        frequency: 'daily',
        size: '10m',
        mkdir: true,
        limit: { count: 14 },
      },
    },
  ];
  if (stdout) targets.push({ target: 'pino/file', options: { destination: 1 } });
  const transport = pino.transport({ targets });
  // A log file that cannot be written (a full disk) must never take the engine down: its lines are dropped, said once.
  let said = false;
  transport.on('error', (error: NodeJS.ErrnoException) => {
    if (said) return;
    said = true;
    console.error(
      `Hookferry cannot write its log file (${error.code ?? error.message}); log lines are dropped until it restarts, everything else goes on. Free some disk space.`,
    );
  });
  return pino({ level: debug ? 'debug' : 'info', redact: { paths: redactPaths, censor } }, transport);
}
