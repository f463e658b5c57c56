import { useTranslation } from 'react-i18next';
import type { Source } from '../../../main/api/contract';
import { intakeAddressOf } from '../lib/public-address';
import { CopyButton } from './CopyButton';

/** A source's intake address as the sender must use it (the public one when there is one), with a Copy button; the local one beside it. */
export function IntakeAddress({ source, label }: { source: Source; label: string }) {
  const { t } = useTranslation();
  const address = intakeAddressOf(source);
  return (
    <>
      <p className="url-line">
        <span className="muted">{label}</span> <code data-testid="intake-url">{address}</code>{' '}
        <CopyButton text={address} />
      </p>
      {source.publicUrl && (
        <p className="hint url-line">
          {t('publicAddress.overview.local')}: <code>{source.ingestUrl}</code>
        </p>
      )}
    </>
  );
}
