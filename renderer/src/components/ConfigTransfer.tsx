import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportAnswer, Reason } from '../../../main/api/contract';
import { useAction, useApp } from '../context';
import { saveBlob } from '../lib/engine';
import { useReasonText } from '../lib/reason';

/**
 * Export the configuration to a file; import one in two steps: the engine first says what the file
 * would create, change or leave (and why), and only a confirmation applies it.
 */
export function ConfigTransfer() {
  const { t } = useTranslation();
  const { engine, say } = useApp();
  const act = useAction();
  const reasonText = useReasonText();
  // The engine names what would change by its fields (`retentionDays, language`); the merchant reads the forms' words.
  const namedFields = (reason: Reason | null): Reason | null =>
    reason && typeof reason.params.fields === 'string'
      ? {
          ...reason,
          params: {
            ...reason.params,
            fields: reason.params.fields
              .split(', ')
              .map((field) => t(`settings.importFields.${field}`, { defaultValue: field }))
              .join(', '),
          },
        }
      : reason;
  const [pending, setPending] = useState<{ file: string; text: string; answer: ImportAnswer } | null>(null);

  const exportConfig = () =>
    void act(async () => {
      const config = await engine.api('exportConfig');
      saveBlob(
        new Blob([JSON.stringify(config, null, 2)], { type: 'application/json' }),
        'hookferry-configuration.json',
      );
    });

  const preview = (file: File) =>
    void act(async () => {
      setPending(null);
      const text = await file.text();
      const answer = await engine.api('importConfig', { query: { dryRun: '1' }, body: { text } });
      setPending({ file: file.name, text, answer });
    });

  const confirm = (text: string) =>
    void act(async () => {
      await engine.api('importConfig', { query: { dryRun: '0' }, body: { text } });
      setPending(null);
      say(t('settings.imported'));
    });

  const changes = pending?.answer.items.filter((item) => item.action !== 'skip').length ?? 0;

  return (
    <>
      <div className="actions">
        <button type="button" onClick={exportConfig}>
          {t('settings.exportConfig')}
        </button>
        <label className="button">
          {t('settings.importConfig')}
          <input
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) preview(file);
            }}
          />
        </label>
      </div>
      {pending && (
        <div className="import-preview" data-testid="import-preview">
          <p>{t('settings.importPreview', { file: pending.file })}</p>
          <ul className="plain-list">
            {pending.answer.items.map((item) => (
              <li key={`${item.what}:${item.name}`} className={`import-${item.action}`}>
                <strong>
                  {t(`settings.importActions.${item.action}`)} · {t(`settings.importWhat.${item.what}`)}
                  {/* Settings have no name of their own (the engine calls them "Settings"). */}
                  {item.what !== 'settings' && ` “${item.name}”`}
                </strong>
                <div className="hint">{reasonText(namedFields(item.reason), item.why)}</div>
              </li>
            ))}
          </ul>
          {changes === 0 && <p className="hint">{t('settings.importNothing')}</p>}
          <div className="actions">
            {changes > 0 && (
              <button type="button" className="primary" onClick={() => confirm(pending.text)}>
                {t('settings.importConfirm')}
              </button>
            )}
            <button type="button" onClick={() => setPending(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
