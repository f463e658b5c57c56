import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Destination } from '../../../main/api/contract';
import { DestinationCard } from '../components/DestinationCard';
import { useApp } from '../context';
import { useDestinations, useStats } from '../data/queries';
import { DestinationEditor } from '../destination-form/DestinationEditor';
import { useSenderCatalog } from '../lib/sender-catalog';

export function Destinations() {
  const { t } = useTranslation();
  const destinations = useDestinations();
  const stats = useStats().data;
  // A destination's id, or 'new'.
  const [editing, setEditing] = useState<string | null>(null);
  const catalog = useSenderCatalog();
  // The editor follows the saved destination (a pause from the card or the tray shows in it).
  const edited: Destination | null = destinations.find((destination) => destination.id === editing) ?? null;
  const { say } = useApp();
  // Deleted elsewhere (another window, the API) while open here: the editor goes (the list shows), and says why once.
  const editedName = useRef('');
  const told = useRef<string | null>(null);
  useEffect(() => {
    if (edited) editedName.current = edited.name;
    else if (editing !== null && editing !== 'new' && told.current !== editing) {
      told.current = editing;
      say(t('destinations.deletedWhileEditing', { name: editedName.current }), 'error');
    }
  }, [edited, editing, say, t]);

  if (editing && catalog && (editing === 'new' || edited))
    return (
      <section aria-labelledby="destinations-title">
        <h2 id="destinations-title">{t('destinations.title')}</h2>
        <DestinationEditor
          key={editing}
          catalog={catalog}
          destination={editing === 'new' ? null : edited}
          onDone={() => setEditing(null)}
        />
      </section>
    );

  return (
    <section aria-labelledby="destinations-title">
      <header className="row">
        <h2 id="destinations-title" className="grow">
          {t('destinations.title')}
        </h2>
        <button className="primary" onClick={() => setEditing('new')}>
          {t('destinations.add')}
        </button>
      </header>
      {/* A first-time shopkeeper learns what a destination is here, and where to start. */}
      {destinations.length === 0 && (
        <div className="card" data-testid="destinations-none">
          <p>{t('destinations.none')}</p>
          <button className="primary" onClick={() => setEditing('new')}>
            {t('destinations.addFirst')}
          </button>
        </div>
      )}
      <div className="cards">
        {destinations.map((destination) => (
          <DestinationCard
            key={destination.id}
            destination={destination}
            stats={stats?.destinations.find((entry) => entry.id === destination.id)}
            onEdit={() => setEditing(destination.id)}
          />
        ))}
      </div>
    </section>
  );
}
