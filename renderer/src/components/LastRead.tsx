import { useTranslation } from 'react-i18next';
import { formatTime } from '../lib/format';

/**
 * Over a list kept from the engine's last answer while it does not answer: when that was, and that it may be out of
 * date. Kept without a word, it read as how things stand now.
 */
export function LastRead({ at }: { at: number }) {
  const { t, i18n } = useTranslation();
  return (
    <p className="hint" data-testid="last-read">
      {t('common.lastRead', { time: formatTime(new Date(at).toISOString(), i18n.language) })}
    </p>
  );
}
