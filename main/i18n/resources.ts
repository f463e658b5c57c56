/// <reference types="vite/client" />
import { en } from './en.js';
import { publicAddressText } from './public-address.js';
import { vi } from './vi.js';

export type Language = 'en' | 'vi';
export const languages: readonly Language[] = ['en', 'vi'];

/** The dashboard's language for a locale (`vi-VN`, `en-US`): Vietnamese for Vietnamese, English for the rest. */
export function languageOfLocale(locale: string): Language {
  return locale.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

type Sentences = Record<string, string>;
type ReasonFile = Record<Language, Sentences>;

/**
 * Each engine area writes the sentences for the reason codes it creates in `reasons/<area>.ts`
 * (`export const <area>Reasons = { en: {...}, vi: {...} }`); they are gathered here, so a new area
 * needs no edit in this file.
 */
const reasonFiles = Object.values(
  import.meta.glob<Record<string, ReasonFile>>('./reasons/*.ts', { eager: true }),
).flatMap((module) => Object.values(module));

/** `config.create` becomes `{ config: { create } }`, so i18next finds `reasons.config.create`. */
function nested(flat: Sentences): Record<string, unknown> {
  const tree: Record<string, unknown> = {};
  for (const [code, sentence] of Object.entries(flat)) {
    const parts = code.split('.');
    let node = tree;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] = sentence;
  }
  return tree;
}

export function reasonsIn(language: Language): Record<string, unknown> {
  return nested(Object.assign({}, ...reasonFiles.map((file) => file[language])) as Sentences);
}

/**
 * The one set of sentences for the dashboard, the tray and the notifications (i18next resources).
 * No DOM and no Node here: the renderer and the desktop shell both import it.
 */
export const resources = {
  en: { translation: { ...en, publicAddress: publicAddressText.en, reasons: reasonsIn('en') } },
  vi: { translation: { ...vi, publicAddress: publicAddressText.vi, reasons: reasonsIn('vi') } },
};
