import { localeOf } from '../i18n/locale';

/** Day, month and a four-digit year, as a shop writes them on an invoice: 22/11/2026 (the short style says 22/11/26). */
const dateAndTime: Intl.DateTimeFormatOptions = {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
};

export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), dateAndTime).format(new Date(iso));
}

/** A time soon to come: the time of day alone when it is today, with its date otherwise. */
export function formatSoon(iso: string, language: string): string {
  const at = new Date(iso);
  if (at.toDateString() !== new Date().toDateString()) return formatTime(iso, language);
  return new Intl.DateTimeFormat(localeOf(language), { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(
    at,
  );
}

export function formatHour(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language)).format(value);
}

/**
 * How long something took, in seconds (a shopkeeper does not read "ms"): to the hundredth under a second ("0.12"),
 * to the tenth above; never "0" for a try that took time.
 */
export function formatSeconds(ms: number, language: string): string {
  const seconds = ms < 1000 ? Math.max(0.01, Math.round(ms / 10) / 100) : Math.round(ms / 100) / 10;
  return formatNumber(seconds, language);
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
