import { useTranslation } from 'react-i18next';

/** Statuses whose badge has a short name (one line in the live log's column), said in full on hover. */
const LONG_NAMES: Record<string, string> = { partlyDiscarded: 'status.partlyDiscardedLong' };

/** A status as a badge; `label` says it more precisely where the page knows more (its colour stays the status's). */
export function StatusBadge({ status, label, title }: { status: string; label?: string; title?: string }) {
  const { t } = useTranslation();
  const long = LONG_NAMES[status];
  return (
    <span className={`badge badge-${status}`} title={title ?? (label === undefined && long ? t(long) : undefined)}>
      {label ?? t(`status.${status}`, status)}
    </span>
  );
}
