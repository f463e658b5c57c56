/*
 * The few calls the dashboard makes to the desktop shell (everything else goes
 * to the engine's admin API). One table: the preload builds its methods from
 * its names (desktop-channels.ts), the main process validates every call
 * against its schemas.
 */

import { z } from 'zod';
import type { DesktopCall } from './desktop-channels.js';

export { callChannel, DESKTOP_ORIGIN, type DesktopCall, type DesktopEvent, eventChannel } from './desktop-channels.js';

/** Help pages the dashboard may open in the browser: names, never URLs, so the renderer cannot pick one. */
export const EXTERNAL_LINKS = {
  jsonata: 'https://docs.jsonata.org/overview',
  ngrok: 'https://ngrok.com/',
} as const;

export const EngineAddress = z.object({ adminUrl: z.string(), adminToken: z.string() });
export type EngineAddress = z.infer<typeof EngineAddress>;

export const EngineStatus = z.object({
  phase: z.enum(['starting', 'running', 'waiting', 'stopped']),
  /** A sentence for the window when the engine is not running. */
  message: z.string().nullable(),
});
export type EngineStatus = z.infer<typeof EngineStatus>;

export const desktopCalls = {
  engine: { args: z.tuple([]), result: EngineAddress },
  openDataFolder: { args: z.tuple([]), result: z.null() },
  getStartAtLogin: { args: z.tuple([]), result: z.boolean() },
  setStartAtLogin: { args: z.tuple([z.boolean()]), result: z.boolean() },
  appVersion: { args: z.tuple([]), result: z.string() },
  openLink: { args: z.tuple([z.enum(Object.keys(EXTERNAL_LINKS) as [keyof typeof EXTERNAL_LINKS])]), result: z.null() },
} as const satisfies Record<DesktopCall, { args: z.ZodType; result: z.ZodType }>;

type Args<N extends DesktopCall> = z.infer<(typeof desktopCalls)[N]['args']>;
type Result<N extends DesktopCall> = z.infer<(typeof desktopCalls)[N]['result']>;

/** What the preload exposes as `window.hookferry`. */
export type DesktopApi = { [N in DesktopCall]: (...args: Args<N>) => Promise<Result<N>> } & {
  /** Returns the function that unsubscribes. */
  onEngineStatus(listener: (status: EngineStatus) => void): () => void;
};

export type DesktopHandlers = { [N in DesktopCall]: (...args: Args<N>) => Result<N> | Promise<Result<N>> };
