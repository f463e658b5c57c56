import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

/** A port flag, read from its text: a sentence names the flag, whatever is wrong with the value. */
const portFlag = (flag: string) => {
  const expected = `${flag} takes a port: a whole number from 0 to 65535 (0 for any free port).`;
  return z
    .string()
    .regex(/^\d{1,5}$/, expected)
    .transform(Number)
    .pipe(z.number().max(65535, expected));
};

/**
 * Printable ASCII, without a space at either end: a browser sends the token in a header, where fetch refuses any
 * other character ("Cannot convert argument to a ByteString") and spaces at the ends are dropped, so a token
 * with one could never sign in.
 */
const SENDABLE_TOKEN = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

const Flags = z.object({
  'data-dir': z.string().min(1).optional(),
  host: z
    .union([z.ipv4(), z.ipv6()], { error: '--host takes an IP address, such as 127.0.0.1 or 0.0.0.0.' })
    .optional(),
  port: portFlag('--port').optional(),
  'admin-port': portFlag('--admin-port').optional(),
  'admin-token': z.string().min(16, 'The admin token must be at least 16 characters long.').optional(),
  'admin-token-file': z.string().min(1).optional(),
  desktop: z.boolean().optional(),
  dev: z.boolean().optional(),
  'ngrok-server': z
    .string()
    .regex(/^[A-Za-z0-9.-]+:\d{1,5}$|^\[[0-9A-Fa-f:]+\]:\d{1,5}$/, '--ngrok-server takes host:port.')
    .optional(),
});

export interface ServeFlags {
  dataDir: string;
  host?: string;
  port?: number;
  adminPort?: number;
  adminToken?: string;
  /** Started by the desktop app: the data key comes over its message channel, and its window may call the admin API. */
  desktop: boolean;
  /** `npm run dev`: Vite's dev server (another origin) may call the admin API, with the token. */
  dev: boolean;
  /** ngrok's agent ingress, for a custom one (ngrok's `server_addr`); normally ngrok's own. */
  ngrokServer?: string;
  /** Sentences to print on start that do not stop it. */
  warnings: string[];
}

export const USAGE =
  'npm run serve -- [--data-dir DIR] [--host 127.0.0.1] [--port 8780] [--admin-port 8781] [--admin-token-file PATH | --admin-token TOKEN] [--dev]';

/** The environment variable that may hold the admin token: unlike a flag, other users of the PC cannot read it. */
export const ADMIN_TOKEN_VARIABLE = 'HOOKFERRY_ADMIN_TOKEN';

/** What `--help` prints: the usage, then what each flag does. */
export const HELP = `Usage: ${USAGE}

Runs Hookferry's engine without its window: it takes webhooks on the intake port, keeps every event in
the data folder, forwards them, and serves the dashboard on the admin port (the address to open is printed).

  --data-dir DIR       where events, settings and logs are kept (default: the desktop app's folder)
  --host ADDRESS       where intake listens; 0.0.0.0 lets other devices on the shop's network send (default: Settings)
  --port N             the intake port (default: Settings, 8780)
  --admin-port N       the dashboard's port, on 127.0.0.1 only (default: Settings, 8781)
  --admin-token-file PATH
                       reads the dashboard's token (16 characters or more) from this file; or set
                       HOOKFERRY_ADMIN_TOKEN (default: a new token each start)
  --admin-token TOKEN  the same token on the command line, where every user of this PC can read it
                       (ps, Task Manager): prefer the file or the variable
  --dev                lets Vite's development server call the admin API, with the token
  --help               prints this`;

/** `--help` was asked for: the caller prints HELP and stops, successfully. */
export class HelpAsked extends Error {}

/** Parses `serve`'s flags; throws an Error whose message is the sentence to print. */
export function parseServeFlags(argv: string[], env: NodeJS.ProcessEnv = {}): ServeFlags {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        host: { type: 'string' },
        port: { type: 'string' },
        'admin-port': { type: 'string' },
        'admin-token': { type: 'string' },
        'admin-token-file': { type: 'string' },
        desktop: { type: 'boolean' },
        dev: { type: 'boolean' },
        'ngrok-server': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\nUsage: ${USAGE}`, { cause: error });
  }
  if (values.help) throw new HelpAsked(HELP);
  const parsed = Flags.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join('\n'));
  const flags = parsed.data;
  if (flags.port !== undefined && flags.port !== 0 && flags.port === flags['admin-port'])
    throw new Error(
      `--port and --admin-port are both ${flags.port}: the intake and the dashboard each need a port of their own. Choose two different ports (or 0 for any free one).`,
    );
  return {
    dataDir: flags['data-dir'] ?? defaultDataDir(),
    host: flags.host,
    port: flags.port,
    adminPort: flags['admin-port'],
    adminToken: adminTokenOf(flags['admin-token'], flags['admin-token-file'], env[ADMIN_TOKEN_VARIABLE]),
    desktop: flags.desktop ?? false,
    dev: flags.dev ?? false,
    ngrokServer: flags['ngrok-server'],
    warnings: flags['admin-token-file'] === undefined ? [] : tokenFileWarnings(flags['admin-token-file']),
  };
}

/**
 * A token file that other users of the PC may read gives them the dashboard. Said, not refused: the file is the
 * user's to keep, a shop server's setup may share it on purpose (a group of its admins), and refusing would stop
 * a Hookferry that ran yesterday from starting today. Windows keeps no such mode bits.
 */
function tokenFileWarnings(file: string): string[] {
  if (process.platform === 'win32') return [];
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) === 0) return [];
  return [
    `The admin token file ${file} can be read by other users of this PC (mode ${mode.toString(8).padStart(4, '0')}), and the token opens the dashboard: make it yours alone (chmod 600 ${file}).`,
  ];
}

/** The admin token from the one place it was given (flag, file, environment), or none: a new one is made. */
function adminTokenOf(flag?: string, file?: string, variable?: string): string | undefined {
  if (flag !== undefined && file !== undefined)
    throw new Error('Give the admin token once: --admin-token or --admin-token-file, not both.');
  let token = flag;
  let where = '--admin-token';
  if (file !== undefined) {
    try {
      token = readFileSync(file, 'utf8').trim();
    } catch (error) {
      throw new Error(
        `Could not read the admin token file ${file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}): check the path and that this user may read it.`,
        { cause: error },
      );
    }
    where = `The admin token file ${file}`;
  } else if (token === undefined && variable !== undefined && variable !== '') {
    token = variable;
    where = ADMIN_TOKEN_VARIABLE;
  }
  if (token !== undefined && token.length < 16)
    throw new Error(`${where}: the admin token must be at least 16 characters long.`);
  if (token !== undefined && !SENDABLE_TOKEN.test(token))
    throw new Error(
      `${where}: the admin token may hold only unaccented letters, digits, spaces (not at its start or end) and the symbols of an English keyboard; a browser cannot send any other character, so nobody could sign in with it. Choose another token.`,
    );
  return token;
}

/** Where the desktop app keeps its data on each OS (Electron's userData), so both shapes agree. */
export function defaultDataDir(): string {
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Hookferry');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Hookferry');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Hookferry');
}
