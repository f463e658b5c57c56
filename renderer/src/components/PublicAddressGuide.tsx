import { useTranslation } from 'react-i18next';
import { ExternalLink } from './ExternalLink';

/** How to get a free ngrok address, what the free plan allows, and what happens while the PC is off. */
export function PublicAddressGuide({ open = false }: { open?: boolean }) {
  const { t } = useTranslation();
  const steps = t('publicAddress.guide.steps', { returnObjects: true }) as string[];
  return (
    <details className="guide" open={open}>
      <summary>{t('publicAddress.guide.title')}</summary>
      <ol>
        {steps.map((step) => (
          <li key={step}>{withNgrokLink(step)}</li>
        ))}
      </ol>
      <h4>{t('publicAddress.guide.planTitle')}</h4>
      <p>{t('publicAddress.guide.plan')}</p>
      <h4>{t('publicAddress.guide.offTitle')}</h4>
      <p data-testid="guide-off">{t('publicAddress.guide.off')}</p>
      {/* The sum behind "a day and a half", for whoever wants it: the sentence above is what to know. */}
      <details className="guide-why">
        <summary>{t('publicAddress.guide.offWhyTitle')}</summary>
        <p>{t('publicAddress.guide.offWhy')}</p>
      </details>
      <p className="hint">{t('publicAddress.guide.browser')}</p>
    </details>
  );
}

/** The step that says to open ngrok.com, with ngrok.com a link to it (the rest of the sentence as it is). */
function withNgrokLink(step: string) {
  const [before, ...after] = step.split('ngrok.com');
  if (after.length === 0) return step;
  return (
    <>
      {before}
      <ExternalLink name="ngrok">ngrok.com</ExternalLink>
      {after.join('ngrok.com')}
    </>
  );
}
