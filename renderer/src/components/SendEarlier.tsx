import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Destination, EarlierSent, EarlierWindow } from '../../../main/api/contract';
import { useActionSaidHere, useApp } from '../context';
import { keys } from '../data/keys';
import { useSettings } from '../data/queries';
import { formatTime } from '../lib/format';
import { InlineConfirm } from './InlineConfirm';

const WINDOWS: EarlierWindow[] = ['day', 'week', 'all'];

/**
 * On a destination's card: the stored events it takes now that came before it took them (added later, or given a
 * kind since), sent there on request, to it alone and once each. Said only when there are some.
 */
export function SendEarlier({ destination }: { destination: Destination }) {
  const { t, i18n } = useTranslation();
  const { engine } = useApp();
  const client = useQueryClient();
  const { deliveriesPaused } = useSettings();
  const { said, act } = useActionSaidHere();
  // Counted again when its settings change: another kind of event ticked may have earlier ones.
  const key = keys.earlier(destination.id, destination.updatedAt);
  const counts = useQuery({
    queryKey: key,
    queryFn: () => engine.api('earlierEvents', { params: { id: destination.id } }),
  }).data;
  const [picked, setPicked] = useState<EarlierWindow | null>(null);
  const [asking, setAsking] = useState(false);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<(EarlierSent & { at: string }) | null>(null);

  // The last 7 days, the first days' orders, unless all there is came before them; a window picked that has none
  // left (sent from elsewhere since) gives way to it.
  const window = picked && counts?.[picked] ? picked : counts && counts.week > 0 ? 'week' : 'all';
  const count = counts?.[window] ?? 0;
  const send = async () => {
    setAsking(false);
    setSending(true);
    setSent(null);
    const answer = await act(() => engine.api('sendEarlier', { params: { id: destination.id }, body: { window } }));
    if (answer) setSent({ ...answer, at: new Date().toISOString() });
    setPicked(null);
    await client.invalidateQueries({ queryKey: key });
    setSending(false);
  };

  // Said in the past with its time, so it stays true once they went; whether they wait is read as it is now.
  const time = sent ? formatTime(sent.at, i18n.language) : '';
  const result =
    sent &&
    (sent.queued === 0
      ? t('earlier.sentNone', { time })
      : t(destination.paused ? 'earlier.sentPaused' : deliveriesPaused ? 'earlier.sentAllPaused' : 'earlier.sent', {
          count: sent.queued,
          time,
        }));
  if (!counts || (counts.all === 0 && !sending && !result && !said)) return null;
  return (
    <div className="send-earlier" data-testid="send-earlier">
      {counts.all > 0 && !sending && (
        <>
          <p className="hint" data-testid="earlier-line">
            {t(`earlier.${window}`, { count })}
          </p>
          <div className="row">
            <label>
              {t('earlier.window')}{' '}
              <select
                value={window}
                onChange={(event) => {
                  setPicked(event.target.value as EarlierWindow);
                  setAsking(false);
                }}
              >
                {WINDOWS.map((option) => (
                  <option key={option} value={option} disabled={counts[option] === 0}>
                    {t(`earlier.windows.${option}`, { count: counts[option] })}
                  </option>
                ))}
              </select>
            </label>
            {!asking && (
              <button type="button" disabled={count === 0} onClick={() => setAsking(true)}>
                {t('earlier.send')}
              </button>
            )}
          </div>
          {asking && (
            <InlineConfirm
              title={t('earlier.confirmTitle')}
              confirm={t('earlier.confirm', { count })}
              onConfirm={() => void send()}
              onCancel={() => setAsking(false)}
              testId="earlier-confirm"
            >
              {t('earlier.ask', { count, name: destination.name })}
              {(destination.paused || deliveriesPaused) &&
                ` ${t(destination.paused ? 'earlier.askPaused' : 'earlier.askAllPaused')}`}
            </InlineConfirm>
          )}
        </>
      )}
      {sending && (
        <p className="hint" role="status" aria-busy="true">
          {t('earlier.sending')}
        </p>
      )}
      {!sending && result && (
        <p className="hint" role="status" data-testid="earlier-result">
          {result}
        </p>
      )}
      {said && (
        <p className="error-text" role="alert">
          {said}
        </p>
      )}
    </div>
  );
}
