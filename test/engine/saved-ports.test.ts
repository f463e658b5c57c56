import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SettingsUpdate } from '../../main/api/contract.js';
import { en } from '../../main/i18n/en.js';
import { vi } from '../../main/i18n/vi.js';
import { post, teamcropOrderRaw } from '../helpers/fixtures.js';
import { type ServeProcess, startServe } from '../helpers/serve-process.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Another program on this computer, holding a port on 127.0.0.1. */
async function holdPort(wanted = 0): Promise<{ port: number; release: () => Promise<void> }> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(wanted, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { port, release: () => new Promise((resolve) => server.close(() => resolve())) };
}

const inUse = (port: number) => new RegExp(`Another program on this computer already uses port ${port}`);

describe('ports that cannot be opened (real serve)', () => {
  let serve: ServeProcess;
  let held: { port: number; release: () => Promise<void> };

  beforeAll(async () => {
    serve = await startServe(tempDir());
    held = await holdPort();
  });
  afterAll(async () => {
    await serve?.stop();
    await held?.release();
  });

  it('refuses a dashboard port another program holds when it is saved, not at the next start', async () => {
    const before = (await serve.api('getSettings')).adminPort;
    const refusal = serve.api('putSettings', { body: { adminPort: held.port } });
    await expect(refusal).rejects.toThrow(inUse(held.port));
    await expect(refusal).rejects.toMatchObject({ fields: [{ path: 'adminPort' }] });
    expect((await serve.api('getSettings')).adminPort).toBe(before);
  });

  it('refuses an intake port another program holds when it is saved, also while the command line fixes the running one', async () => {
    const before = (await serve.api('getSettings')).intake.port;
    const refusal = serve.api('putSettings', { body: { intake: { port: held.port } } });
    await expect(refusal).rejects.toThrow(inUse(held.port));
    await expect(refusal).rejects.toMatchObject({ fields: [{ path: 'intake.port' }] });
    expect((await serve.api('getSettings')).intake.port).toBe(before);
  });

  it('refuses one port for both at once, beside the other fields it refuses, as the page does, and saves nothing', async () => {
    const before = await serve.api('getSettings');
    const free = await holdPort();
    await free.release();
    const same = (port: number | string) =>
      `The intake port and the dashboard port are both ${port}, so Hookferry would not start. Choose another port for one of them.`;
    const refused = (body: SettingsUpdate) =>
      serve.api('putSettings', { body }).then(
        () => null,
        (error: unknown) => error as { message: string; fields: { path: string; message: string }[] },
      );

    // Both ports the same, and another field wrong: both said in the one answer.
    const both = await refused({ intake: { port: free.port }, adminPort: free.port, retentionDays: 0 });
    expect(both?.message).toContain(same(free.port));
    expect(both?.fields.map((field) => field.path).sort()).toEqual(['', 'retentionDays']);
    expect(both?.fields.find((field) => field.path === '')).toMatchObject({
      message: same(free.port),
      params: { reason: 'same_ports', port: free.port },
    });
    // One port given, the same as the other one saved.
    const one = await refused({ intake: { port: before.adminPort }, retentionDays: 0 });
    expect(one?.message).toContain(same(before.adminPort));
    // A port that is itself refused is not said to be the same as the other.
    const wrong = await refused({ intake: { port: 99_999 }, adminPort: 99_999 });
    expect(wrong?.message).not.toContain('both');
    // Alone, it is the sentence with its code, as before.
    await expect(
      serve.api('putSettings', { body: { intake: { port: free.port }, adminPort: free.port } }),
    ).rejects.toMatchObject({ message: same(free.port), reason: { code: 'admin.samePorts' }, fields: [] });
    expect(await serve.api('getSettings')).toEqual(before);
    // The dashboard says it in the merchant's language by the field problem's reason.
    expect(en.fields.custom_same_ports).toBe(same('{{port}}'));
    expect(vi.fields.custom_same_ports).toContain('{{port}}');
  });

  it('starts on a free intake port when the saved one is taken, says so, and moves back once it is saved again', async () => {
    const dir = tempDir();
    const first = await startServe(dir);
    // Free when saved, then taken by another program before the next start.
    await held.release();
    await first.api('putSettings', { body: { intake: { port: held.port } } });
    await first.stop();
    held = await holdPort(held.port);
    // It did not start at all before: the shop was left with no listener.
    const moved = await startServe(dir, [], undefined, {}, 'settings');
    try {
      const { intake } = (await moved.api('getStats')).listening;
      expect(intake.savedPortRefused).toEqual({ port: held.port, code: 'EADDRINUSE' });
      expect(intake.port).not.toBe(held.port);
      expect((await post(await moved.posUrl(), teamcropOrderRaw)).status).toBe(200);
      // Saved again while the other program still holds it: refused under the field, the listener kept.
      const again = moved.api('putSettings', { body: { intake: { port: held.port } } });
      await expect(again).rejects.toThrow(inUse(held.port));
      await expect(again).rejects.toMatchObject({ fields: [{ path: 'intake.port' }] });
      expect((await post(await moved.posUrl(), teamcropOrderRaw)).status).toBe(200);
      // The other program is gone: saving the port opens it.
      await held.release();
      await moved.api('putSettings', { body: { intake: { port: held.port } } });
      const after = (await moved.api('getStats')).listening.intake;
      expect(after).toMatchObject({ port: held.port, savedPortRefused: null });
      expect(new URL(await moved.posUrl()).port).toBe(String(held.port));
      // Its own intake port as the dashboard's is the same port twice, not another program's.
      await expect(moved.api('putSettings', { body: { adminPort: held.port } })).rejects.toThrow(
        `The intake port and the dashboard port are both ${held.port}`,
      );
    } finally {
      await moved.stop();
      held = await holdPort();
    }
  });

  it('opens the dashboard on a free port when the saved one is taken at the start, and says which', async () => {
    const dir = tempDir();
    const seeded = await startServe(dir);
    // Free when saved, then taken by another program before the next start.
    const free = await holdPort();
    await free.release();
    await seeded.api('putSettings', { body: { adminPort: free.port } });
    await seeded.stop();
    const taken = await holdPort(free.port);
    const moved = await startServe(dir, [], undefined, {}, 'free', 'settings');
    try {
      expect(new URL(moved.runtime.adminUrl).port).not.toBe(String(taken.port));
      expect((await moved.api('getStats')).listening.admin).toMatchObject({
        savedPortRefused: { port: taken.port, code: 'EADDRINUSE' },
      });
    } finally {
      await moved.stop();
      await taken.release();
    }
  });
});
