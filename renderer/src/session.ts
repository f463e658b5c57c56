const KEY = 'hookferry.token';

/**
 * The admin token arrives in the URL fragment (never sent to a server), moves
 * to session storage, and the fragment is cleared so it does not linger in the
 * address bar or history.
 */
export function readSession(location: Location, storage: Storage, history: History): { token: string } | null {
  const fromFragment = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromFragment) {
    storage.setItem(KEY, fromFragment);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const token = storage.getItem(KEY);
  return token ? { token } : null;
}
