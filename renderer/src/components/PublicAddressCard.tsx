import { useTranslation } from 'react-i18next';
import { PUBLIC_ADDRESS_LINK } from '../lib/address';
import { usePublicAddress } from '../lib/public-address';
import { CopyButton } from './CopyButton';
import { PublicAddressBadge, PublicAddressReason } from './PublicAddressState';
import { UnverifiedSourcesWarning } from './UnverifiedSourcesWarning';

/**
 * The Overview's word on the public address: none (and how to get one), or the address and its state.
 * `thisPcOnly`: the intake listens on 127.0.0.1, so without a public address only this PC can send.
 */
export function PublicAddressCard({ thisPcOnly }: { thisPcOnly: boolean }) {
  const { t } = useTranslation();
  const status = usePublicAddress();
  if (!status) return null;
  if (status.mode === 'off')
    return (
      <div className="card" data-testid="public-address">
        <h3>{t('publicAddress.title')}</h3>
        <p className="hint">{t(thisPcOnly ? 'publicAddress.overview.noneThisPc' : 'publicAddress.overview.none')}</p>
        <p>
          <a href={PUBLIC_ADDRESS_LINK}>{t('publicAddress.overview.setUp')}</a>
        </p>
      </div>
    );
  return (
    <div className="card" data-testid="public-address">
      <h3>{t('publicAddress.title')}</h3>
      <p className="url-line">
        <PublicAddressBadge status={status} />
        {status.url && (
          <>
            <code data-testid="public-address-url">{status.url}</code> <CopyButton text={status.url} />
          </>
        )}
      </p>
      {!status.url && status.status === 'connecting' && (
        <p className="hint">{t('publicAddress.overview.connecting')}</p>
      )}
      <PublicAddressReason status={status} />
      {status.url && <UnverifiedSourcesWarning />}
    </div>
  );
}
