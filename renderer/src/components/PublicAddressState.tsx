import { useTranslation } from 'react-i18next';
import type { PublicAddressStatus } from '../../../main/api/contract';
import { useReasonText } from '../lib/reason';

const badgeClass = {
  off: 'badge-skipped',
  connecting: 'badge-pending',
  online: 'badge-healthy',
  unverified: 'badge-pending',
  error: 'badge-failed',
};

/** The state in a word. */
export function PublicAddressBadge({ status }: { status: PublicAddressStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${badgeClass[status.status]}`} data-testid="public-address-status">
      {t(`publicAddress.status.${status.status}`)}
    </span>
  );
}

/** When it is not working: why, and what to do, in the merchant's language. */
export function PublicAddressReason({ status }: { status: PublicAddressStatus }) {
  const reasonText = useReasonText();
  if (!status.error) return null;
  return (
    <p className={status.status === 'error' ? 'error-text' : 'hint'} role="status" data-testid="public-address-error">
      {reasonText(status.reason, status.error)}
    </p>
  );
}
