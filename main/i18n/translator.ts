import i18next, { type TFunction } from 'i18next';
import { type Language, resources } from './resources.js';

const translators = new Map<Language, TFunction>();

/**
 * The dashboard's sentences for the desktop shell (tray, notifications, dialogs): the same resources,
 * plurals and number formats, without React. Made once per language, synchronously.
 */
export function translatorFor(language: Language): TFunction {
  let t = translators.get(language);
  if (!t) {
    const instance = i18next.createInstance();
    void instance.init({
      resources,
      lng: language,
      fallbackLng: 'en',
      initAsync: false,
      interpolation: { escapeValue: false },
    });
    t = instance.t;
    translators.set(language, t);
  }
  return t;
}
