import Store, { type Schema } from 'electron-store';
import type { WrappedKeyStore } from './key-custody.js';

/**
 * Desktop preferences only (engine settings live in the engine's database):
 * validated by electron-store against this schema, migrated by app version,
 * and written 0600 because the wrapped data key lives here.
 */
export interface Preferences {
  startAtLogin: boolean;
  /** Open to the tray, without a window, when started at login. */
  startMinimized: boolean;
  wrappedKey: string | null;
  plainKeyConsent: boolean;
}

const schema: Schema<Preferences> = {
  startAtLogin: { type: 'boolean', default: false },
  startMinimized: { type: 'boolean', default: true },
  wrappedKey: { type: ['string', 'null'], default: null },
  plainKeyConsent: { type: 'boolean', default: false },
};

export type PreferenceStore = Store<Preferences>;

export function openPreferences(): PreferenceStore {
  return new Store<Preferences>({
    name: 'preferences',
    schema,
    configFileMode: 0o600,
    clearInvalidConfig: false,
    // Keyed by app version, run once on upgrade; 0.1.0 is the first shape, so there is no step yet.
    migrations: {},
  });
}

/** Key custody's view of the store. */
export function keyStoreOf(store: PreferenceStore): WrappedKeyStore {
  return {
    get wrappedKey() {
      return store.get('wrappedKey');
    },
    set wrappedKey(value) {
      store.set('wrappedKey', value);
    },
    get plainKeyConsent() {
      return store.get('plainKeyConsent');
    },
  };
}
