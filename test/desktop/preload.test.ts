import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { callChannel, DESKTOP_CALLS, eventChannel } from '../../main/api/desktop-channels.js';

const PRELOAD = join(import.meta.dirname, '..', '..', 'dist', 'preload', 'preload.cjs');

/** Runs the built preload with a FAKE `electron` module (contextBridge, ipcRenderer) and returns what it exposed. */
function loadPreload() {
  const exposed: Record<string, unknown> = {};
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, value: unknown) => (exposed[name] = value) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => (invoked.push(args), Promise.resolve('answer')),
      on: (channel: string, listener: (...args: unknown[]) => void) =>
        listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
      removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
        listeners.get(channel)?.delete(listener),
    },
  };
  const require = (name: string) => {
    if (name !== 'electron')
      throw new Error(`the preload required ${name}; a sandboxed preload can only require electron`);
    return electron;
  };
  runInNewContext(readFileSync(PRELOAD, 'utf8'), { require, module: { exports: {} }, exports: {} });
  return { exposed, invoked, listeners, electron };
}

describe('the preload (built, one CommonJS file, run against a FAKE electron module)', () => {
  it('exposes one object of named methods, each invoking its own channel', async () => {
    const { exposed, invoked, electron } = loadPreload();
    const api = exposed.hookferry as Record<string, (...args: unknown[]) => unknown>;
    expect(Object.keys(exposed)).toEqual(['hookferry']);
    expect(Object.keys(api).sort()).toEqual([...DESKTOP_CALLS, 'onEngineStatus'].sort());
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
    expect(Object.values(api)).not.toContain(electron.ipcRenderer);
    await expect(api.setStartAtLogin!(true)).resolves.toBe('answer');
    expect(invoked).toEqual([[callChannel('setStartAtLogin'), true]]);
  });

  it('wraps listeners (no event object reaches the page) and returns their unsubscribe', () => {
    const { exposed, listeners } = loadPreload();
    const api = exposed.hookferry as { onEngineStatus: (listener: (status: unknown) => void) => () => void };
    const seen: unknown[][] = [];
    const unsubscribe = api.onEngineStatus((...args) => seen.push(args));
    const channel = eventChannel('engineStatus');
    for (const listener of listeners.get(channel)!)
      listener({ sender: 'the IpcRendererEvent' }, { phase: 'running', message: null });
    expect(seen).toEqual([[{ phase: 'running', message: null }]]);
    unsubscribe();
    expect(listeners.get(channel)!.size).toBe(0);
  });
});
