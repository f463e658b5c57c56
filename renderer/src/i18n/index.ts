import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { publicAddressReasons } from '../../../main/i18n/reasons/public-address';
import { en } from './en';
import { publicAddressText } from './public-address';
import { vi } from './vi';

export type Language = 'en' | 'vi';

void i18next.use(initReactI18next).init({
  resources: {
    en: { translation: { ...en, publicAddress: publicAddressText.en, reasons: publicAddressReasons.en } },
    vi: { translation: { ...vi, publicAddress: publicAddressText.vi, reasons: publicAddressReasons.vi } },
  },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

export const i18n = i18next;

/** The locale for dates and numbers: Vietnamese formats 936.200 ₫ and 22/11/2026. */
export function localeOf(language: string): string {
  return language === 'vi' ? 'vi-VN' : 'en-GB';
}
