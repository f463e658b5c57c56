import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVE_ENTRY, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [SERVE_ENTRY, ...args], {
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, ...env },
  });

describe('what serve says when its flags or its start fail (real child processes)', () => {
  it('names the port flag and what it takes, with exit code 2', () => {
    for (const [flag, value] of [
      ['--port', 'abc'],
      ['--port', '70000'],
      ['--admin-port', '1.5'],
      ['--admin-port', '-1'],
    ] as const) {
      const result = run(['--data-dir', tempDir(), `${flag}=${value}`]);
      expect([result.status, result.stderr.trim()], `${flag} ${value}`).toEqual([
        2,
        `${flag} takes a port: a whole number from 0 to 65535 (0 for any free port).`,
      ]);
    }
  });

  it('says the PC has no such address for --host, and which addresses to use', () => {
    const result = run(['--data-dir', tempDir(), '--host', '192.0.2.1', '--port', '0', '--admin-port', '0']);
    expect([result.status, result.stderr.trim()]).toEqual([
      1,
      'Hookferry could not start: this PC has no address 192.0.2.1 to listen on (--host). Use --host 127.0.0.1 to take webhooks from this PC only, or --host 0.0.0.0 to take them from the shop’s network too.',
    ]);
  });

  it('names a --data-dir that is a file, without a stack trace', () => {
    const file = join(tempDir(), 'not-a-folder');
    writeFileSync(file, 'x');
    for (const [dataDir, sentence] of [
      [
        file,
        `Hookferry could not start: ${file} is a file, not a folder. Give --data-dir a folder (it is made if missing).`,
      ],
      [
        join(file, 'inside'),
        `Hookferry could not start: part of the path ${join(file, 'inside')} is a file, not a folder. Give --data-dir a folder (it is made if missing).`,
      ],
    ]) {
      const result = run(['--data-dir', dataDir!, '--port', '0', '--admin-port', '0']);
      expect([result.status, result.stderr.trim()]).toEqual([1, sentence]);
      expect(result.stdout).not.toMatch(/_flushSync|\n\s+at /);
    }
  });

  it('refuses an admin token no browser can send, from the flag, the variable or the file, with exit code 2', () => {
    const sentence =
      'the admin token may hold only unaccented letters, digits, spaces (not at its start or end) and the symbols of an English keyboard; a browser cannot send any other character, so nobody could sign in with it. Choose another token.';
    const dir = tempDir();
    const file = join(dir, 'token');
    writeFileSync(file, 'mật-khẩu-của-tiệm-2026\n', { mode: 0o600 });
    const cases: [string[], NodeJS.ProcessEnv, string][] = [
      [['--admin-token', 'mật-khẩu-của-tiệm-2026'], {}, '--admin-token'],
      [[], { HOOKFERRY_ADMIN_TOKEN: 'a-token-with-a-tab\there' }, 'HOOKFERRY_ADMIN_TOKEN'],
      [['--admin-token-file', file], {}, `The admin token file ${file}`],
    ];
    for (const [args, env, where] of cases) {
      const result = run(['--data-dir', dir, ...args], env);
      expect([result.status, result.stderr.trim()], where).toEqual([2, `${where}: ${sentence}`]);
    }
  });

  it('warns in one line, and starts, when other users of the PC may read the admin token file', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'token');
    writeFileSync(file, 'a-token-others-can-read-0123\n', { mode: 0o644 });
    const serve = await startServe(dataDir, ['--admin-token-file', file]);
    expect(serve.runtime.adminToken).toBe('a-token-others-can-read-0123');
    expect(serve.output()).toContain(
      `The admin token file ${file} can be read by other users of this PC (mode 0644), and the token opens the dashboard: make it yours alone (chmod 600 ${file}).`,
    );
    expect(await serve.stop()).toBe(0);
  });
});
