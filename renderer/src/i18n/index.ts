import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Language, languageOfLocale, languages, resources } from '../../../main/i18n/resources';

export type { Language } from '../../../main/i18n/resources';

const REMEMBERED = 'hookferry.language';

/**
 * The language to speak before the engine says which one is chosen (and on the page that asks to sign in
 * again, which cannot ask it): the one last chosen in this browser, else the browser's own.
 */
function firstLanguage(): Language {
  const remembered = storage()?.getItem(REMEMBERED);
  if (languages.includes(remembered as Language)) return remembered as Language;
  return languageOfLocale(window.navigator.language);
}

/** Keeps the chosen language for the next time this browser opens the dashboard. */
export function rememberLanguage(language: Language): void {
  storage()?.setItem(REMEMBERED, language);
}

/** A browser that refuses storage (some privacy settings throw) only loses the remembered language. */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

void i18next.use(initReactI18next).init({
  resources,
  lng: firstLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

export const i18n = i18next;
