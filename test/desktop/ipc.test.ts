import { describe, expect, it } from 'vitest';
import { type DesktopHandlers, callChannel, DESKTOP_ORIGIN } from '../../main/api/desktop.js';
import { DESKTOP_CALLS } from '../../main/api/desktop-channels.js';
import { registerDesktopCalls } from '../../main/desktop/ipc.js';
import { fakeIpcMain } from '../helpers/fake-electron.js';

const ours = { url: `${DESKTOP_ORIGIN}/index.html#live`, parent: null };

function setup(overrides: Partial<DesktopHandlers> = {}) {
  const ipc = fakeIpcMain();
  const calls: string[] = [];
  const refused: string[] = [];
  const handlers: DesktopHandlers = {
    engine: () => (calls.push('engine'), { adminUrl: 'http://127.0.0.1:8781', adminToken: 't' }),
    openDataFolder: () => (calls.push('openDataFolder'), null),
    getStartAtLogin: () => false,
    setStartAtLogin: (on) => (calls.push(`setStartAtLogin:${on}`), on),
    appVersion: () => '0.1.0',
    openLink: (name) => (calls.push(`openLink:${name}`), null),
    ...overrides,
  };
  registerDesktopCalls(ipc, DESKTOP_ORIGIN, handlers, (channel, reason) => refused.push(`${channel}: ${reason}`));
  return { ipc, calls, refused };
}

describe('the IPC wrapper (with a FAKE ipcMain: Electron cannot run here)', () => {
  it('registers every call of the contract, and answers our own page', async () => {
    const { ipc, calls } = setup();
    expect([...ipc.handlers.keys()].sort()).toEqual(DESKTOP_CALLS.map(callChannel).sort());
    await expect(ipc.invoke(callChannel('engine'), ours)).resolves.toEqual({
      adminUrl: 'http://127.0.0.1:8781',
      adminToken: 't',
    });
    await expect(ipc.invoke(callChannel('setStartAtLogin'), ours, true)).resolves.toBe(true);
    await expect(ipc.invoke(callChannel('openLink'), ours, 'jsonata')).resolves.toBeNull();
    expect(calls).toEqual(['engine', 'setStartAtLogin:true', 'openLink:jsonata']);
  });

  it('refuses calls from any other page, a sub-frame, or a frame that is gone, without running the handler', async () => {
    const { ipc, calls, refused } = setup();
    await expect(ipc.invoke(callChannel('engine'), { url: 'https://evil.example/', parent: null })).rejects.toThrow(
      /refused: it came from https:\/\/evil\.example/,
    );
    await expect(ipc.invoke(callChannel('engine'), { url: 'app://other/index.html', parent: null })).rejects.toThrow(
      /refused/,
    );
    await expect(ipc.invoke(callChannel('engine'), { url: ours.url, parent: {} })).rejects.toThrow(/sub-frame/);
    await expect(ipc.invoke(callChannel('engine'), null)).rejects.toThrow(/frame is gone/);
    expect(calls).toEqual([]);
    expect(refused).toHaveLength(4);
  });

  it('refuses arguments that do not match the contract', async () => {
    const { ipc, calls, refused } = setup();
    await expect(ipc.invoke(callChannel('setStartAtLogin'), ours, 'yes')).rejects.toThrow(/refused: 0: /);
    await expect(ipc.invoke(callChannel('openLink'), ours, 'https://evil.example/')).rejects.toThrow(/refused/);
    await expect(ipc.invoke(callChannel('openDataFolder'), ours, '/etc')).rejects.toThrow(/refused/);
    expect(calls).toEqual([]);
    expect(refused).toHaveLength(3);
  });

  it('checks the answer too', async () => {
    const { ipc } = setup({ appVersion: () => 42 as unknown as string });
    await expect(ipc.invoke(callChannel('appVersion'), ours)).rejects.toThrow();
  });
});
