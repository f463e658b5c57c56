import { localeOf } from '../i18n';

export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));
}

export function formatHour(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language)).format(value);
}

export function formatPercent(value: number | null, language: string): string {
  return value === null
    ? '—'
    : new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

/** A JSON body indented for reading; anything else as it is. */
export function prettyBody(parsed: unknown, raw: string | null): string {
  if (parsed !== null && parsed !== undefined) return JSON.stringify(parsed, null, 2);
  return raw ?? '';
}
