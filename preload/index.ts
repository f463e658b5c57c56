import { contextBridge, ipcRenderer } from 'electron';

/**
 * The one object the dashboard sees in the desktop app: where the engine's admin
 * API is and its token. Everything else goes over that API.
 */
contextBridge.exposeInMainWorld('hookferry', {
  engine: (): Promise<{ adminUrl: string; adminToken: string }> => ipcRenderer.invoke('renderer:engine'),
});
