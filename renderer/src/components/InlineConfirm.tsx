import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * An action that cannot be taken back asked about in place, under what it acts on, with what it will do said in a
 * sentence: the merchant answers beside the row instead of in a browser dialog that hides the page.
 */
export function InlineConfirm({
  title,
  confirm,
  onConfirm,
  onCancel,
  alternative,
  testId,
  danger = false,
  children,
}: {
  /** What the group is named for assistive tools. */
  title: string;
  /** The button that takes the action. */
  confirm: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** A second way to answer, beside the first (keep or remove), when the question has two. */
  alternative?: { label: string; onChoose: () => void };
  testId: string;
  /** The action destroys or gives something up: its button is red, as the button that asked. */
  danger?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="inline-confirm" role="group" aria-label={title} data-testid={testId}>
      <p>{children}</p>
      <div className="actions">
        <button type="button" className={danger ? 'danger' : 'primary'} onClick={onConfirm}>
          {confirm}
        </button>
        {alternative && (
          <button type="button" onClick={alternative.onChoose}>
            {alternative.label}
          </button>
        )}
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
