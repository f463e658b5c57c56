import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DestinationStats } from '../../../main/api/contract';
import { useAction, useApp } from '../context';
import { keys } from '../data/keys';
import { failedQuery, useStats } from '../data/queries';

/** Failed deliveries by destination and by reason, with resend-all (and its progress) and discard. */
export function Failed() {
  const { t } = useTranslation();
  const { engine } = useApp();
  const client = useQueryClient();
  const act = useAction();
  const groups = useQuery(failedQuery(engine)).data;
  const stats = useStats().data;
  /** How many deliveries each resend-all queued; what is done is read off the destination's backlog. */
  const [queued, setQueued] = useState<Record<string, number>>({});
  const progress = Object.entries(queued).flatMap(([id, total]) => {
    const destination = stats?.destinations.find((candidate) => candidate.id === id);
    const done = destination ? Math.max(0, total - destination.backlog) : total;
    return done < total ? [{ id, total, done }] : [];
  });
  const refresh = () => client.invalidateQueries({ queryKey: keys.failed });

  const resendAll = async (destination: DestinationStats) => {
    const result = await act(() => engine.api('resendFailed', { params: { id: destination.id } }));
    if (result) setQueued((current) => ({ ...current, [destination.id]: result.queued }));
    await Promise.all([refresh(), client.invalidateQueries({ queryKey: keys.stats })]);
  };

  const discardAll = async (destination: DestinationStats) => {
    if (!window.confirm(t('failed.confirmDiscard', { count: destination.failed, name: destination.name }))) return;
    await act(() => engine.api('discardFailed', { params: { id: destination.id } }));
    await refresh();
  };

  return (
    <section aria-labelledby="failed-title">
      <h2 id="failed-title">{t('failed.title')}</h2>
      {progress.map(({ id, ...entry }) => (
        <div key={id} className="progress" data-testid="resend-progress">
          <progress
            max={entry.total}
            value={entry.done}
            aria-label={t('failed.progress', { done: entry.done, total: entry.total })}
          />
          <span>{t('failed.progress', { done: entry.done, total: entry.total })}</span>
        </div>
      ))}
      {groups?.length === 0 && <p className="hint">{t('failed.none')}</p>}
      {groups?.map(({ destination, reasons }) => (
        <article key={destination.id} className="card" data-testid="failed-group">
          <header className="row">
            <h3>
              {destination.name} <span className="muted">· {t('failed.events', { count: destination.failed })}</span>
            </h3>
            <button className="primary" onClick={() => void resendAll(destination)}>
              {t('failed.resendAll', { count: destination.failed })}
            </button>
            <button onClick={() => void discardAll(destination)}>{t('failed.discardAll')}</button>
          </header>
          {reasons.map(({ reason, events }) => (
            <div key={reason} className="reason">
              <p className="error-text">
                {reason} <span className="muted">({events.length})</span>
              </p>
              <ul>
                {events.slice(0, 10).map((event) => (
                  <li key={event.id}>{event.summary}</li>
                ))}
              </ul>
            </div>
          ))}
        </article>
      ))}
    </section>
  );
}
