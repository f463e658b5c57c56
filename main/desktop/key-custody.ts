import { randomBytes } from 'node:crypto';

/** What key custody needs of Electron's safeStorage (the tests pass a fake of it). */
export interface KeyWrapper {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which store backs it; `basic_text` means none (a fixed, public password). */
  getSelectedStorageBackend?(): string;
}

/** Where the wrapped key is kept (electron-store, in preferences.ts). */
export interface WrappedKeyStore {
  wrappedKey: string | null;
  /** The user agreed to keep the key without an OS key store. */
  plainKeyConsent: boolean;
}

export type Custody =
  /** The stored key unwrapped. */
  | { status: 'ok'; key: Buffer }
  /** First start: a new key, now wrapped and stored. */
  | { status: 'created'; key: Buffer }
  /** The stored key no longer unwraps (another OS account, a reset key store): a new one, secrets become unset. */
  | { status: 'replaced'; key: Buffer; reason: string }
  /** The OS offers no key store; the app must ask before keeping the key without one. */
  | { status: 'needs-consent' };

const PLAIN_PREFIX = 'plain:';

/**
 * A random 256-bit data key, wrapped with the OS key store (Keychain, DPAPI,
 * libsecret/kwallet) through safeStorage. Where there is none (Linux
 * `basic_text`, or no encryption at all) the key can only be kept readable by
 * this OS user, so that happens only with the user's consent.
 */
export function obtainDataKey(wrapper: KeyWrapper, store: WrappedKeyStore, platform: NodeJS.Platform): Custody {
  const secure =
    wrapper.isEncryptionAvailable() &&
    !(platform === 'linux' && wrapper.getSelectedStorageBackend?.() === 'basic_text');
  if (!secure && !store.plainKeyConsent) return { status: 'needs-consent' };

  const stored = store.wrappedKey;
  if (stored) {
    const unwrapped = unwrap(wrapper, stored);
    if (unwrapped) {
      // A key kept plain while there was no key store gets wrapped once one appears.
      if (secure && stored.startsWith(PLAIN_PREFIX)) store.wrappedKey = wrap(wrapper, unwrapped, true);
      return { status: 'ok', key: unwrapped };
    }
  }
  const key = randomBytes(32);
  store.wrappedKey = wrap(wrapper, key, secure);
  if (!stored) return { status: 'created', key };
  return {
    status: 'replaced',
    key,
    reason:
      'Hookferry could not unlock its saved key (the system key store was reset, or this is another user account). Your events and settings are safe, but the stored passwords and secrets were lost: enter them again under Sources and Destinations.',
  };
}

function wrap(wrapper: KeyWrapper, key: Buffer, secure: boolean): string {
  return secure
    ? wrapper.encryptString(key.toString('base64')).toString('base64')
    : `${PLAIN_PREFIX}${key.toString('base64')}`;
}

function unwrap(wrapper: KeyWrapper, stored: string): Buffer | null {
  try {
    const text = stored.startsWith(PLAIN_PREFIX)
      ? stored.slice(PLAIN_PREFIX.length)
      : wrapper.decryptString(Buffer.from(stored, 'base64'));
    const key = Buffer.from(text, 'base64');
    return key.length === 32 ? key : null;
  } catch {
    return null;
  }
}
