import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '../../../main/api/contract';
import { PUBLIC_ADDRESS_LINK } from '../lib/address';
import { intakeAddressOf, usePublicAddress } from '../lib/public-address';
import { CopyButton } from './CopyButton';
import { PublicAddressBadge } from './PublicAddressState';

/**
 * A source's intake address as the sender must use it (the public one when there is one), with a Copy button; the
 * local one beside it. `children`: more buttons on its line (the Sources page's New address).
 */
export function IntakeAddress({ source, label, children }: { source: Source; label: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const status = usePublicAddress();
  const address = intakeAddressOf(source);
  // A public address that is not online reaches no one: said beside it wherever it shows, not on the Overview alone.
  const notOnline = source.publicUrl !== null && status !== null && status.status !== 'online' ? status : null;
  return (
    <>
      <p className="url-line">
        <span className="muted">{label}</span> <code data-testid="intake-url">{address}</code>{' '}
        <CopyButton text={address} />
        {children}
      </p>
      {notOnline && (
        <p className="hint url-line" data-testid="intake-public-state">
          {t('publicAddress.title')}: <PublicAddressBadge status={notOnline} /> {t('publicAddress.overview.notOnline')}{' '}
          <a href={PUBLIC_ADDRESS_LINK}>{t('publicAddress.overview.why')}</a>
        </p>
      )}
      {source.publicUrl && (
        <p className="hint url-line">
          {t('publicAddress.overview.local')}: <code>{source.ingestUrl}</code>
        </p>
      )}
    </>
  );
}
