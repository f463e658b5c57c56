import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from '../../../main/i18n/resources';

export type { Language } from '../../../main/i18n/resources';

void i18next.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

export const i18n = i18next;

/** The locale for dates and numbers: Vietnamese formats 936.200 ₫ and 22/11/2026. */
export function localeOf(language: string): string {
  return language === 'vi' ? 'vi-VN' : 'en-GB';
}
