import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PublicAddressMode, publicAddressModes } from '../../../main/api/contract';
import { useAction, useApp, useSayError } from '../context';
import { FieldError } from './FieldError';
import { useSaveSettings, useSettings } from '../data/queries';
import { PUBLIC_ADDRESS_PART, namesPart } from '../lib/address';
import { useFieldErrors } from '../lib/errors';
import { usePublicAddress } from '../lib/public-address';
import { PublicAddressGuide } from './PublicAddressGuide';
import { PublicAddressBadge, PublicAddressReason } from './PublicAddressState';

/** Settings → Public address: none, ngrok (authtoken, domain) or the shop's own tunnel, with its live state. Saved on its own. */
export function PublicAddressSettings() {
  const { t } = useTranslation();
  const { say } = useApp();
  const settings = useSettings();
  const saveSettings = useSaveSettings();
  const { attach, errorAt, capture, clear: clearFieldErrors } = useFieldErrors(useSayError());
  const act = useAction(capture);
  const status = usePublicAddress();
  const saved = settings.publicAddress;
  const [mode, setMode] = useState<PublicAddressMode>(saved.mode);
  const [url, setUrl] = useState(saved.url ?? '');
  const [authtoken, setAuthtoken] = useState('');
  const [domain, setDomain] = useState(saved.ngrok.domain ?? '');
  // Reached by a "Set up a public address" link: this part is below the fold, and the link is about it.
  const part = useRef<HTMLFieldSetElement | null>(null);
  const attachPart = useCallback(
    (node: HTMLFieldSetElement | null) => {
      attach(node);
      part.current = node;
    },
    [attach],
  );
  useEffect(() => {
    if (namesPart() !== PUBLIC_ADDRESS_PART) return;
    part.current?.scrollIntoView({ block: 'start' });
    part.current?.focus({ preventScroll: true });
  }, []);

  const save = async (forgetAuthtoken = false) => {
    const done = await act(async () => {
      await saveSettings({
        publicAddress: {
          mode: forgetAuthtoken ? 'off' : mode,
          // Only with its choice: an address typed under the own tunnel and left there does not stop ngrok's save.
          ...(mode === 'own' ? { url: url.trim() || null } : {}),
          ngrok: {
            domain: domain.trim() || null,
            ...(forgetAuthtoken ? { authtoken: null } : authtoken.trim() ? { authtoken: authtoken.trim() } : {}),
          },
        },
      });
      return true;
    });
    if (!done) return;
    clearFieldErrors();
    setAuthtoken('');
    if (forgetAuthtoken) setMode('off');
    say(t('common.saved'));
  };

  return (
    <fieldset
      className="card"
      data-testid="public-address-settings"
      id={PUBLIC_ADDRESS_PART}
      tabIndex={-1}
      ref={attachPart}
    >
      <legend>{t('publicAddress.title')}</legend>
      <p className="hint">{t('publicAddress.help')}</p>
      <div role="radiogroup" aria-label={t('publicAddress.title')}>
        {publicAddressModes.map((option) => (
          <label key={option} className="check">
            <input
              type="radio"
              name="public-address-mode"
              value={option}
              checked={mode === option}
              onChange={() => setMode(option)}
            />{' '}
            {t(`publicAddress.modes.${option}`)}
          </label>
        ))}
      </div>
      {mode === 'own' && (
        <label className="wide">
          {t('publicAddress.ownUrl')}
          <input
            type="url"
            value={url}
            placeholder="https://…"
            aria-describedby="public-address-own-hint"
            onChange={(event) => setUrl(event.target.value)}
          />
          <span id="public-address-own-hint" className="hint">
            {t('publicAddress.ownHint')}
          </span>
          <FieldError problem={errorAt('publicAddress.url')} />
        </label>
      )}
      {mode === 'ngrok' && (
        <>
          <div className="grid fields">
            <label>
              {t('publicAddress.authtoken')}
              <input
                type="password"
                autoComplete="off"
                value={authtoken}
                placeholder={saved.ngrok.authtokenSet ? t('common.secretSet') : t('common.secretUnset')}
                onChange={(event) => setAuthtoken(event.target.value)}
              />
              <FieldError problem={errorAt('publicAddress.ngrok.authtoken')} />
            </label>
            <label className="wide">
              {t('publicAddress.domain')}
              <input
                value={domain}
                placeholder="example-name.ngrok-free.dev"
                aria-describedby="public-address-domain-hint"
                onChange={(event) => setDomain(event.target.value)}
              />
              <FieldError problem={errorAt('publicAddress.ngrok.domain')} />
            </label>
          </div>
          <p id="public-address-domain-hint" className="hint">
            {t('publicAddress.domainHint')}
          </p>
        </>
      )}
      {status && status.mode !== 'off' && status.mode === saved.mode && (
        <>
          {/* Another choice ticked and not saved yet: what follows is the saved one's state, not the ticked one's. */}
          {mode !== saved.mode && (
            <p className="hint" data-testid="public-address-saved-mode">
              {t('publicAddress.savedInUse', { mode: t(`publicAddress.modes.${saved.mode}`) })}
            </p>
          )}
          <p className="url-line">
            <PublicAddressBadge status={status} /> {status.url && <code>{status.url}</code>}
          </p>
          <PublicAddressReason status={status} />
        </>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void save()}>
          {t('publicAddress.save')}
        </button>
        {/* Only beside ngrok's fields: under "own tunnel" or "none" it named something not on the screen. */}
        {mode === 'ngrok' && saved.ngrok.authtokenSet && (
          <button type="button" className="danger" onClick={() => void save(true)}>
            {t('publicAddress.forget')}
          </button>
        )}
      </div>
      {mode === 'ngrok' && <PublicAddressGuide open={!saved.ngrok.authtokenSet} />}
    </fieldset>
  );
}
