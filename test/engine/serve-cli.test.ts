import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVE_ENTRY, START_ENTRY, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitUntil } from '../helpers/wait.js';

describe('npm run serve', () => {
  it('writes runtime.json (0600) with a dashboard URL that signs in, prints the URLs, and stops cleanly on SIGTERM', async () => {
    const dataDir = tempDir();
    const serve = await startServe(dataDir, ['--admin-token', 'a-token-of-at-least-16-chars']);
    const file = join(dataDir, 'runtime.json');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const runtime = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    expect(runtime).toEqual({
      pid: serve.child.pid,
      ingestUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      adminUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      adminToken: 'a-token-of-at-least-16-chars',
      dashboardUrl: `${runtime.adminUrl}/#token=a-token-of-at-least-16-chars`,
    });
    expect(serve.output()).toContain(`Hookferry is listening for webhooks at ${runtime.ingestUrl}/in/<source token>`);
    expect(serve.output()).toContain(`Dashboard: ${runtime.dashboardUrl}`);
    expect((await fetch(`${runtime.ingestUrl}/healthz`)).status).toBe(200);

    expect(await serve.stop()).toBe(0);
    expect(existsSync(file)).toBe(false);
    // A clean stop checkpoints and closes the database: no WAL is left behind.
    expect(existsSync(join(dataDir, 'hookferry.db-wal'))).toBe(false);
    expect(existsSync(join(dataDir, 'hookferry.db'))).toBe(true);
  });

  it('keeps its sources and events across a restart, with a new admin token each run', async () => {
    const dataDir = tempDir();
    const first = await startServe(dataDir);
    const source = await first.api('createSource', { body: { name: 'Kept' } });
    await first.stop();
    const second = await startServe(dataDir);
    expect((await second.api('listSources')).map((s) => s.id)).toContain(source.id);
    expect(second.runtime.adminToken).not.toBe(first.runtime.adminToken);
    await second.stop();
  });

  it('starts a new data folder in the computer’s language, and keeps the merchant’s choice after that', async () => {
    const dataDir = tempDir();
    const vietnamese = { LANG: 'vi_VN.UTF-8', LC_ALL: 'vi_VN.UTF-8' };
    const first = await startServe(dataDir, [], undefined, vietnamese);
    expect((await first.api('getSettings')).language).toBe('vi');
    await first.api('putSettings', { body: { language: 'en' } });
    await first.stop();
    const again = await startServe(dataDir, [], undefined, vietnamese);
    expect((await again.api('getSettings')).language).toBe('en');
    await again.stop();
    const english = await startServe(tempDir(), [], undefined, { LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' });
    expect((await english.api('getSettings')).language).toBe('en');
    await english.stop();
  });

  it('npm start says in one line that Electron cannot start here, and runs headless', async () => {
    const started = await startServe(tempDir(), [], START_ENTRY);
    expect(started.output().split('\n')[0]).toBe(
      'Electron cannot start here (its binary is not downloaded on this machine); running Hookferry headless instead.',
    );
    expect((await fetch(`${started.runtime.ingestUrl}/healthz`)).status).toBe(200);
    expect(await started.stop()).toBe(0);
  });

  it('refuses --desktop when no desktop app started it', () => {
    const result = spawnSync(process.execPath, [SERVE_ENTRY, '--data-dir', tempDir(), '--desktop'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(
      '--desktop is for the desktop app, which starts the engine itself; run serve without it.',
    );
  });

  it('refuses bad flags with a sentence and exit code 2', () => {
    const bad = spawnSync(process.execPath, [SERVE_ENTRY, '--port', 'eighty'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('--port takes a port: a whole number from 0 to 65535 (0 for any free port).');
    const unknown = spawnSync(process.execPath, [SERVE_ENTRY, '--colour', 'blue'], { encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Usage: npm run serve --');
    const same = spawnSync(
      process.execPath,
      [SERVE_ENTRY, '--data-dir', tempDir(), '--port', '28795', '--admin-port', '28795'],
      { encoding: 'utf8', timeout: 15_000 },
    );
    expect([same.status, same.stderr.trim()]).toEqual([
      2,
      '--port and --admin-port are both 28795: the intake and the dashboard each need a port of their own. Choose two different ports (or 0 for any free one).',
    ]);
  });

  it('stops cleanly when told to while it is still starting', async () => {
    const dataDir = tempDir();
    const child = spawn(process.execPath, [SERVE_ENTRY, '--data-dir', dataDir, '--port', '0', '--admin-port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      // The database is opened early in the start, well before the listeners: the stop lands in the middle of it.
      await waitUntil(() => existsSync(join(dataDir, 'hookferry.db')), 'the database opened');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    expect(output).toContain('"msg":"engine stopped"');
    expect(existsSync(join(dataDir, 'runtime.json'))).toBe(false);
  });

  it('answers --help with what each flag does, on stdout, and exit code 0', () => {
    for (const flag of ['--help', '-h']) {
      const help = spawnSync(process.execPath, [SERVE_ENTRY, flag], { encoding: 'utf8' });
      expect([help.status, help.stderr]).toEqual([0, '']);
      expect(help.stdout.split('\n')[0]).toBe(
        'Usage: npm run serve -- [--data-dir DIR] [--host 127.0.0.1] [--port 8780] [--admin-port 8781] [--admin-token-file PATH | --admin-token TOKEN] [--dev]',
      );
      expect(help.stdout).toContain('--data-dir DIR       where events, settings and logs are kept');
    }
  });

  it('says which port is taken when it cannot listen', async () => {
    const dataDir = tempDir();
    const first = await startServe(dataDir);
    const port = new URL(first.runtime.ingestUrl).port;
    const clash = spawnSync(
      process.execPath,
      [SERVE_ENTRY, '--data-dir', tempDir(), '--port', port, '--admin-port', '0'],
      { encoding: 'utf8', timeout: 15_000 },
    );
    expect(clash.status).toBe(1);
    expect(clash.stderr).toContain('a port it needs is taken by another program');
    await first.stop();
  });
});

describe('the admin token, kept off the command line', () => {
  const visibleIn = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8');

  it('is read from --admin-token-file or HOOKFERRY_ADMIN_TOKEN, and never shows in the process list', async () => {
    const dataDir = tempDir();
    const tokenFile = join(dataDir, 'token');
    writeFileSync(tokenFile, 'a-token-from-a-file-0123\n', { mode: 0o600 });
    const fromFile = await startServe(dataDir, ['--admin-token-file', tokenFile]);
    expect(fromFile.runtime.adminToken).toBe('a-token-from-a-file-0123');
    expect(visibleIn(fromFile.child.pid!)).not.toContain('a-token-from-a-file');
    expect(await fromFile.api('listSources')).toHaveLength(1);
    expect(await fromFile.stop()).toBe(0);

    const fromVariable = await startServe(dataDir, [], undefined, {
      HOOKFERRY_ADMIN_TOKEN: 'a-token-from-the-env-0123',
    });
    expect(fromVariable.runtime.adminToken).toBe('a-token-from-the-env-0123');
    expect(visibleIn(fromVariable.child.pid!)).not.toContain('a-token-from-the-env');
    expect(await fromVariable.stop()).toBe(0);
  }, 60_000);

  it('refuses a short token, a missing file, or both flags at once, with a sentence', () => {
    const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
      spawnSync(process.execPath, [SERVE_ENTRY, '--data-dir', tempDir(), ...args], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
    const short = run([], { HOOKFERRY_ADMIN_TOKEN: 'short' });
    expect([short.status, short.stderr.trim()]).toEqual([
      2,
      'HOOKFERRY_ADMIN_TOKEN: the admin token must be at least 16 characters long.',
    ]);
    const missing = run(['--admin-token-file', '/nonexistent/token']);
    expect([missing.status, missing.stderr.trim()]).toEqual([
      2,
      'Could not read the admin token file /nonexistent/token (ENOENT): check the path and that this user may read it.',
    ]);
    const both = run(['--admin-token', 'a-token-of-at-least-16', '--admin-token-file', '/nonexistent/token']);
    expect(both.stderr.trim()).toBe('Give the admin token once: --admin-token or --admin-token-file, not both.');
  });
});
