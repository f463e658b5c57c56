import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

const port = z.coerce
  .number()
  .int()
  .min(0, 'A port is a number from 0 to 65535.')
  .max(65535, 'A port is a number from 0 to 65535.');

const Flags = z.object({
  'data-dir': z.string().min(1).optional(),
  host: z
    .union([z.ipv4(), z.ipv6()], { error: '--host takes an IP address, such as 127.0.0.1 or 0.0.0.0.' })
    .optional(),
  port: port.optional(),
  'admin-port': port.optional(),
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
  };
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
  return token;
}

/** Where the desktop app keeps its data on each OS (Electron's userData), so both shapes agree. */
export function defaultDataDir(): string {
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Hookferry');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Hookferry');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Hookferry');
}
