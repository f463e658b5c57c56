import type { Language } from '../i18n/resources.js';
import { translatorFor } from '../i18n/translator.js';
import type { IntakeSource } from '../store/sources.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escaped = (text: string) => text.replace(/[&<>"']/g, (character) => ENTITIES[character]!);

/** Whether a request was made by a browser opening the address, rather than by a sender or a script. */
export function openedInBrowser(method: string, accept: string | undefined): boolean {
  return method === 'GET' && (accept ?? '').includes('text/html');
}

/**
 * An intake address opened in a browser, as shopkeepers do to see whether it works: a page in words, in the
 * browser's language first and the other after it (the engine does not know who opened it), instead of the
 * sender's JSON answer. It says what a sender would meet: a source that answers, one that refuses everything for
 * want of its secret, or no source at all (an old address, replaced by a new one). Nothing in it is a secret:
 * whoever has the address already has its token.
 */
export function browserPage(source: IntakeSource | null, acceptLanguage: string | undefined): string {
  const order: Language[] = /^\s*vi\b/i.test(acceptLanguage ?? '') ? ['vi', 'en'] : ['en', 'vi'];
  const lost =
    source !== null &&
    ((source.active.type === 'hmac' && source.active.secret === null) ||
      (source.active.type === 'header' && source.active.value === null));
  const key = !source ? 'unknownToken' : lost ? 'openedInBrowserSecretLost' : 'openedInBrowser';
  const paragraphs = order.map(
    (language) =>
      `<p lang="${language}">${escaped(translatorFor(language)(`reasons.intake.${key}`, { source: source?.name ?? '' }))}</p>`,
  );
  return `<!doctype html><html lang="${order[0]}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Hookferry</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style></head><body><h1>Hookferry</h1>${paragraphs.join('')}</body></html>`;
}
