import { describe, expect, it } from 'vitest';
import { obtainDataKey, type WrappedKeyStore } from '../../main/desktop/key-custody.js';
import { fakeSafeStorage } from '../helpers/fake-electron.js';

const emptyStore = (): WrappedKeyStore => ({ wrappedKey: null, plainKeyConsent: false });

describe('key custody (with a FAKE safeStorage: Electron cannot run here)', () => {
  it('creates a random 256-bit key, keeps it only wrapped, and unwraps the same key next time', () => {
    const os = fakeSafeStorage();
    const store = emptyStore();
    const first = obtainDataKey(os, store, 'win32');
    expect(first.status).toBe('created');
    if (!('key' in first)) throw new Error('no key');
    expect(first.key).toHaveLength(32);
    expect(store.wrappedKey).not.toContain(first.key.toString('base64'));
    expect(Buffer.from(store.wrappedKey!, 'base64').includes(first.key)).toBe(false);

    const second = obtainDataKey(os, store, 'win32');
    expect(second).toEqual({ status: 'ok', key: first.key });
  });

  it('replaces a key that no longer unwraps, saying that only the secrets are lost', () => {
    const store = emptyStore();
    const first = obtainDataKey(fakeSafeStorage(), store, 'darwin');
    const other = obtainDataKey(fakeSafeStorage(), store, 'darwin');
    expect(other.status).toBe('replaced');
    if (other.status !== 'replaced' || !('key' in first)) throw new Error('unexpected');
    expect(other.key.equals(first.key)).toBe(false);
    expect(other.reason).toMatch(/Your events and settings are safe.*enter them again/);
  });

  it('asks before keeping the key without an OS key store (Linux basic_text, or none at all)', () => {
    expect(obtainDataKey(fakeSafeStorage({ backend: 'basic_text' }), emptyStore(), 'linux')).toEqual({
      status: 'needs-consent',
    });
    expect(obtainDataKey(fakeSafeStorage({ available: false }), emptyStore(), 'win32')).toEqual({
      status: 'needs-consent',
    });
    // basic_text is a Linux answer; elsewhere the backend question does not arise.
    expect(obtainDataKey(fakeSafeStorage({ backend: 'basic_text' }), emptyStore(), 'darwin').status).toBe('created');
  });

  it('with consent keeps the key plainly marked, and wraps it once a key store appears', () => {
    const store: WrappedKeyStore = { wrappedKey: null, plainKeyConsent: true };
    const plain = obtainDataKey(fakeSafeStorage({ backend: 'basic_text' }), store, 'linux');
    if (!('key' in plain)) throw new Error('no key');
    expect(store.wrappedKey).toBe(`plain:${plain.key.toString('base64')}`);

    const keyring = fakeSafeStorage();
    expect(obtainDataKey(keyring, store, 'linux')).toEqual({ status: 'ok', key: plain.key });
    expect(store.wrappedKey!.startsWith('plain:')).toBe(false);
    expect(obtainDataKey(keyring, store, 'linux')).toEqual({ status: 'ok', key: plain.key });
  });
});
