import { useTranslation } from 'react-i18next';
import { type Language, languageOfLocale } from '../../../main/i18n/resources';

/** The dashboard's language now, as the catalogues' `{ en, vi }` texts are keyed. */
export function useLanguage(): Language {
  return languageOfLocale(useTranslation().i18n.language);
}
