import { useTranslation } from 'react-i18next';
import type { Listening, PortRefusal } from '../../../main/api/contract';

/**
 * A saved port this run could not open at its start: the engine listens on a free one meanwhile (it did not start at
 * all before), and every page says so until the merchant changes the port or frees it.
 */
export function PortsRefused({
  listening,
  savedAdminPort,
}: {
  listening: Listening | undefined;
  savedAdminPort: number;
}) {
  const { t } = useTranslation();
  const why = (refusal: PortRefusal) => t([`app.portWhy.${refusal.code}`, 'app.portWhyOther'], { code: refusal.code });
  const said = [
    ['intakePortRefused', listening?.intake],
    ['adminPortRefused', listening?.admin],
  ] as const;
  // Another dashboard port saved since applies at the next start: nothing is left to do about this one.
  return said.map(([key, listener]) =>
    listener?.savedPortRefused && (key === 'intakePortRefused' || listener.savedPortRefused.port === savedAdminPort) ? (
      <p key={key} className="banner error" role="alert" data-testid={key}>
        {t(`app.${key}`, {
          port: listener.savedPortRefused.port,
          actual: listener.port,
          why: why(listener.savedPortRefused),
        })}
      </p>
    ) : null,
  );
}
