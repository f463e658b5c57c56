import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DesktopApi, EngineStatus } from '../main/api/desktop.js';
import { callChannel, DESKTOP_CALLS, eventChannel } from '../main/api/desktop-channels.js';

/*
 * The one object the dashboard sees in the desktop app, `window.hookferry`:
 * named methods that each invoke one channel (the main process checks the
 * sender and the arguments), and listeners that hand back their unsubscribe.
 * Never ipcRenderer itself, never an event object.
 */
const calls = Object.fromEntries(
  DESKTOP_CALLS.map((name) => [name, (...args: unknown[]) => ipcRenderer.invoke(callChannel(name), ...args)]),
);

const api = {
  ...calls,
  onEngineStatus(listener: (status: EngineStatus) => void) {
    const channel = eventChannel('engineStatus');
    const wrapped = (_event: IpcRendererEvent, status: EngineStatus) => listener(status);
    ipcRenderer.on(channel, wrapped);
    return () => void ipcRenderer.removeListener(channel, wrapped);
  },
} as DesktopApi;

contextBridge.exposeInMainWorld('hookferry', api);
