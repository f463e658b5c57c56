/*
 * The desktop calls' names and channels, without their schemas, so that the
 * preload (a sandboxed script bundled on its own) can build its methods
 * without carrying zod. desktop.ts holds the schemas, keyed by these names.
 */

export const DESKTOP_CALLS = [
  'engine',
  'openDataFolder',
  'getStartAtLogin',
  'setStartAtLogin',
  'appVersion',
  'openLink',
] as const;
export type DesktopCall = (typeof DESKTOP_CALLS)[number];

export const DESKTOP_EVENTS = ['engineStatus'] as const;
export type DesktopEvent = (typeof DESKTOP_EVENTS)[number];

export const callChannel = (name: DesktopCall) => `hookferry:call:${name}`;
export const eventChannel = (name: DesktopEvent) => `hookferry:event:${name}`;

/** Where the desktop window's page comes from (a custom protocol); the engine lets it call its admin API. */
export const DESKTOP_ORIGIN = 'app://hookferry';
