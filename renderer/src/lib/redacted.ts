import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Destination } from '../../../main/api/contract';
import { en } from '../../../main/i18n/en';
import { vi } from '../../../main/i18n/vi';
import { REDACTED } from '../../../main/lib/redact';

/** The hidden-secret marker as each language shows it. */
const shownMarkers = [en.common.redacted, vi.common.redacted];

/** A text with the engine's `[redacted]` marker as the merchant's language shows it (`[đã ẩn]`). */
export function useShowRedacted() {
  const { t } = useTranslation();
  return useCallback((text: string) => text.replaceAll(REDACTED, t('common.redacted')), [t]);
}

/**
 * A text the merchant saves, with the marker as any language shows it put back as the engine's `[redacted]`,
 * so a secret left as shown keeps its stored value.
 */
export function storedRedacted(text: string): string {
  return shownMarkers.reduce((stored, marker) => stored.replaceAll(marker, REDACTED), text);
}

/**
 * The names of the secret values an address holds as the engine stores it (`url:token` → token), by whether they
 * are set. A capability address's path (`url:path`, see main/store/url-secrets.ts) is named by the address up to
 * it, as the engine names it: `hooks.slack.com/services/…`.
 */
export function urlSecretNames(destination: Destination | null, set: boolean): string {
  const nameOf = (key: string) => {
    if (key !== 'url:path' || !destination) return key.slice('url:'.length);
    const at = destination.url.indexOf(REDACTED);
    return `${destination.url.slice(0, at < 0 ? undefined : at).replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')}…`;
  };
  return Object.entries(destination?.secretsSet ?? {})
    .flatMap(([key, isSet]) => (key.startsWith('url:') && isSet === set ? [nameOf(key)] : []))
    .join(', ');
}
