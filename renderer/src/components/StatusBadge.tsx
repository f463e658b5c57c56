import { useTranslation } from 'react-i18next';

/** A status as a badge; `label` says it more precisely where the page knows more (its colour stays the status's). */
export function StatusBadge({ status, label, title }: { status: string; label?: string; title?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${status}`} title={title}>
      {label ?? t(`status.${status}`, status)}
    </span>
  );
}
