import { callChannel, type DesktopHandlers, desktopCalls } from '../api/desktop.js';
import { DESKTOP_CALLS } from '../api/desktop-channels.js';

/** The part of a frame the check needs; Electron's WebFrameMain has it. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** What the wrapper needs of ipcMain; Electron's ipcMain has it. */
export interface InvokeRegistry {
  handle(channel: string, listener: (event: { senderFrame: SenderFrame | null }, ...args: unknown[]) => unknown): void;
}

export class RefusedCall extends Error {
  override name = 'RefusedCall';
}

/**
 * Registers every desktop call behind one wrapper: the call must come from
 * the top frame of our own page (`trustedOrigin`), and its arguments must match
 * the contract; the answer is checked too. Anything else is refused and logged,
 * never handled.
 */
export function registerDesktopCalls(
  ipcMain: InvokeRegistry,
  trustedOrigin: string,
  handlers: DesktopHandlers,
  onRefused: (channel: string, reason: string) => void,
): void {
  for (const name of DESKTOP_CALLS) {
    const channel = callChannel(name);
    ipcMain.handle(channel, async (event, ...args) => {
      const problem = senderProblem(event.senderFrame, trustedOrigin);
      if (problem) {
        onRefused(channel, problem);
        throw new RefusedCall(`${channel} refused: ${problem}`);
      }
      const parsed = desktopCalls[name].args.safeParse(args);
      if (!parsed.success) {
        const reason = parsed.error.issues
          .map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`)
          .join('; ');
        onRefused(channel, reason);
        throw new RefusedCall(`${channel} refused: ${reason}`);
      }
      const handler = handlers[name] as (...values: unknown[]) => unknown;
      return desktopCalls[name].result.parse(await handler(...parsed.data));
    });
  }
}

function senderProblem(frame: SenderFrame | null, trustedOrigin: string): string | null {
  if (!frame) return 'the sending frame is gone';
  if (frame.parent) return 'it came from a sub-frame';
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return `it came from an unreadable address (${frame.url})`;
  }
  // Scheme and host, not URL.origin: a custom scheme such as app:// has an opaque origin.
  const trusted = new URL(trustedOrigin);
  return url.protocol === trusted.protocol && url.host === trusted.host ? null : `it came from ${frame.url}`;
}
