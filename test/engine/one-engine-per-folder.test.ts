import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('one engine per data folder (real serve processes)', () => {
  it('refuses a second engine on a folder in use, leaving the first and its runtime.json alone, and starts once it is gone', async () => {
    const dir = tempDir();
    const first = await startServe(dir);
    const runtime = readFileSync(join(dir, 'runtime.json'), 'utf8');

    const refused = await startServe(dir).then(
      () => 'it started',
      (error: Error) => error.message,
    );
    expect(refused).toContain(
      `Hookferry could not start: another Hookferry is already running with the data folder ${dir}`,
    );
    // Its sentence says it all: before, a stack trace came first in the window (the walk).
    expect(refused).not.toMatch(/\n\s+at |"stack"/);
    expect(readFileSync(join(dir, 'runtime.json'), 'utf8')).toBe(runtime);
    expect((await fetch(`${first.runtime.ingestUrl}/healthz`)).status).toBe(200);

    // However the first one ends, the operating system lets go of its lock: nothing is left to clear by hand.
    await first.kill();
    const second = await startServe(dir);
    expect((await fetch(`${second.runtime.ingestUrl}/healthz`)).status).toBe(200);
    expect(await second.stop()).toBe(0);
  }, 60_000);
});
