import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DestinationStats, EventDetail } from '../../../main/api/contract';
import { useAction, useApp } from '../context';

interface Group {
  destination: DestinationStats;
  reasons: { reason: string; events: EventDetail[] }[];
}

interface Progress {
  total: number;
  done: number;
}

const SHOWN = 100;

/** Failed deliveries by destination and by reason, with resend-all (and its progress) and discard. */
export function Failed() {
  const { t } = useTranslation();
  const { engine, subscribe } = useApp();
  const act = useAction();
  const [groups, setGroups] = useState<Group[] | null>(null);
  const [progress, setProgress] = useState<Record<string, Progress>>({});

  const load = async () => {
    const stats = await act(() => engine.api('getStats'));
    if (!stats) return;
    const failing = stats.destinations.filter((destination) => destination.failed > 0);
    const loaded = await Promise.all(
      failing.map(async (destination) => {
        const page = await engine.api('listEvents', {
          query: { status: 'failed', destinationId: destination.id, limit: SHOWN },
        });
        const details = await Promise.all(
          page.items.map((item) => engine.api('getEvent', { params: { id: item.id } })),
        );
        const byReason = new Map<string, EventDetail[]>();
        for (const event of details) {
          const delivery = event.deliveries.find(
            (candidate) => candidate.destinationId === destination.id && candidate.status === 'failed',
          );
          if (!delivery) continue;
          const reason = delivery.lastError ?? '—';
          byReason.set(reason, [...(byReason.get(reason) ?? []), event]);
        }
        return { destination, reasons: [...byReason].map(([reason, events]) => ({ reason, events })) };
      }),
    );
    setGroups(loaded);
    setProgress((current) => {
      const next: Record<string, Progress> = {};
      for (const [id, entry] of Object.entries(current)) {
        const destination = stats.destinations.find((candidate) => candidate.id === id);
        const done = destination ? Math.max(0, entry.total - destination.backlog) : entry.total;
        if (done < entry.total) next[id] = { ...entry, done };
      }
      return next;
    });
  };

  useEffect(() => {
    void load();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = subscribe((message) => {
      if (message.type !== 'delivery' || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        void load();
      }, 500);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [engine]);

  const resendAll = async (destination: DestinationStats) => {
    const result = await act(() => engine.api('resendFailed', { params: { id: destination.id } }));
    if (result) setProgress((current) => ({ ...current, [destination.id]: { total: result.queued, done: 0 } }));
    await load();
  };

  const discardAll = async (destination: DestinationStats) => {
    if (!window.confirm(t('failed.confirmDiscard', { count: destination.failed, name: destination.name }))) return;
    await act(() => engine.api('discardFailed', { params: { id: destination.id } }));
    await load();
  };

  return (
    <section aria-labelledby="failed-title">
      <h2 id="failed-title">{t('failed.title')}</h2>
      {Object.entries(progress).map(([id, entry]) => (
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
