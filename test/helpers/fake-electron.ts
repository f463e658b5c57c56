import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyWrapper } from '../../main/desktop/key-custody.js';

/*
 * FAKES of the few Electron APIs the desktop modules use, for tests on a
 * machine where the Electron binary cannot run. They imitate the documented
 * behaviour; they are not Electron.
 */

/**
 * A fake safeStorage: "the OS key store" is an AES key held by this object,
 * so a second instance (another account, a reset keyring) cannot decrypt what
 * the first wrapped, as with the real one.
 */
export function fakeSafeStorage(
  options: { available?: boolean; backend?: string } = {},
): KeyWrapper & { osKey: Buffer } {
  const osKey = randomBytes(32);
  return {
    osKey,
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString(plainText) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', osKey, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from('v10'), iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      const iv = encrypted.subarray(3, 15);
      const decipher = createDecipheriv('aes-256-gcm', osKey, iv);
      decipher.setAuthTag(encrypted.subarray(15, 31));
      return Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString('utf8');
    },
  };
}

type Handler = (event: { senderFrame: { url: string; parent: unknown } | null }, ...args: unknown[]) => unknown;

/** A fake ipcMain: keeps the handlers so a test can invoke them as a renderer frame would. */
export function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle(channel: string, handler: Handler) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, handler);
    },
    invoke(channel: string, frame: { url: string; parent: unknown } | null, ...args: unknown[]) {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return Promise.resolve().then(() => handler({ senderFrame: frame }, ...args));
    },
  };
}
