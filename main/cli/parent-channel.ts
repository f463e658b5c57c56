import { type FromEngine, ToEngine } from '../api/engine-channel.js';
import type { DataKeySource } from '../secrets/key-source.js';

/** How long the engine waits for its key before giving up with a sentence. */
const KEY_WAIT_MS = 30_000;

/** Electron gives a utility process `process.parentPort`; the engine only needs this much of it. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

export interface ParentChannel {
  /** Resolves once the message is handed over, so a process about to exit can wait for it. */
  send(message: FromEngine): Promise<void>;
  onMessage(listener: (message: ToEngine) => void): void;
  /** The parent went away (a Node parent only; Electron ends a utility process with its app). */
  onGone(listener: () => void): void;
}

/**
 * The channel to whoever started the engine: Electron's parentPort when it runs
 * as the desktop app's utility process, Node's IPC channel when a plain Node
 * parent forked it. Null when there is no parent to talk to.
 */
export function parentChannel(): ParentChannel | null {
  const port = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
  const parse = (listener: (message: ToEngine) => void) => (data: unknown) => {
    const parsed = ToEngine.safeParse(data);
    if (parsed.success) listener(parsed.data);
  };
  if (port) {
    return {
      send: (message) => Promise.resolve(port.postMessage(message)),
      onMessage: (listener) => port.on('message', (event) => parse(listener)(event.data)),
      onGone: () => {},
    };
  }
  if (process.send) {
    return {
      send: (message) => new Promise((resolve) => process.send?.(message, undefined, {}, () => resolve())),
      onMessage: (listener) => process.on('message', parse(listener)),
      onGone: (listener) => process.on('disconnect', listener),
    };
  }
  return null;
}

/** The data key as the desktop shell hands it over: the first `key` message. */
export function parentKeySource(channel: ParentChannel): DataKeySource {
  const key = new Promise<Buffer>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error('The desktop app did not hand over the data key within 30 s. Quit Hookferry and open it again.'),
        ),
      KEY_WAIT_MS,
    );
    channel.onMessage((message) => {
      if (message.type !== 'key') return;
      const bytes = Buffer.from(message.key, 'base64');
      clearTimeout(timer);
      if (bytes.length === 32) resolve(bytes);
      else reject(new Error('The desktop app handed over a damaged data key. Quit Hookferry and open it again.'));
    });
  });
  // Nobody may be awaiting yet when it fails; the engine's start awaits it.
  key.catch(() => {});
  return { description: 'the desktop app (OS key store)', load: () => key };
}
