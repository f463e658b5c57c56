import { useTranslation } from 'react-i18next';
import { REFUSING_WINDOW_HOURS, type RefusingSource } from '../../../main/api/contract';
import { useStats } from '../data/queries';
import { addressOf } from '../lib/address';
import { formatSoon } from '../lib/format';
import { useReasonText } from '../lib/reason';

/** Where the source's card is: the Sources page scrolled to it. */
export const sourceCardAddress = (id: string) => addressOf('sources', { source: id });

/**
 * What a source refusing what it is sent loses (see `Stats.refusingSources`), in red: its orders are nowhere but in
 * the sender, which gives up on them after a while, so it is said as a failing destination is. Read from the figures,
 * it follows the live stream and goes once one of its requests is taken. On the Overview it leads to the source's
 * card; on the card itself, only to the refusals.
 */
export function RefusingSourceLine({ refusing, onCard = false }: { refusing: RefusingSource; onCard?: boolean }) {
  const { t, i18n } = useTranslation();
  const reasonText = useReasonText();
  return (
    <div className="banner error stack refusing-source" role="alert" data-testid="refusing-source">
      <p>
        <strong>{t('refusingSource.title', { name: refusing.name })}</strong>{' '}
        {t('refusingSource.count', { count: refusing.refused, hours: REFUSING_WINDOW_HOURS })}
      </p>
      <p data-testid="refusing-reason">
        {t('refusingSource.latest', { time: formatSoon(refusing.latestAt, i18n.language) })}{' '}
        {reasonText(refusing.latestReason, refusing.latestError)}
      </p>
      <p>
        {t('refusingSource.lost')}{' '}
        {!onCard && (
          <>
            <a href={sourceCardAddress(refusing.id)}>{t('refusingSource.openSource')}</a>
            {' · '}
          </>
        )}
        <a href={addressOf('log', { status: 'rejected', sourceId: refusing.id })}>{t('refusingSource.seeRefusals')}</a>
      </p>
    </div>
  );
}

/** Every source refusing what it is sent, each in its line. */
export function RefusingSources() {
  const refusing = useStats().data?.refusingSources ?? [];
  return refusing.map((source) => <RefusingSourceLine key={source.id} refusing={source} />);
}

/** The line of this source, when it is refusing what it is sent. */
export function useRefusing(sourceId: string): RefusingSource | undefined {
  return useStats().data?.refusingSources.find((entry) => entry.id === sourceId);
}
