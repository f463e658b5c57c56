import { useEffect, useState } from 'react';
import { createApiClient } from '../../main/api/client';
import type { Stats } from '../../main/api/contract';
import { readSession } from './session';

/** The dashboard shell: signed in from the URL fragment, showing today's counts. The full pages build on this. */
export function App() {
  const [stats, setStats] = useState<Stats | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const session = readSession(window.location, window.sessionStorage, window.history);
    if (!session) {
      setError('Open the dashboard from the address Hookferry printed when it started; it signs you in.');
      return;
    }
    const call = createApiClient({ baseUrl: window.location.origin, token: session.token });
    call('getStats').then(setStats, (reason: Error) => setError(reason.message));
  }, []);

  return (
    <main>
      <h1>Hookferry</h1>
      {error && <p role="alert">{error}</p>}
      {stats && (
        <p>
          Today: {stats.today.received} received, {stats.today.rejected} rejected.
        </p>
      )}
    </main>
  );
}
