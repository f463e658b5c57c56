import type { EventDetail } from '../../../main/api/contract';
import { REDACTED } from '../../../main/lib/redact';

/** Headers a replay must not copy: hop-by-hop, or computed by curl. */
const skipped = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'accept-encoding']);

/**
 * What cmd.exe acts on outside its double quotes, and control characters (a line break ends a pasted line).
 * cmd knows no single quotes: a customer named `Linh & calc` in a body would start calc when the command is
 * pasted there. A sender's value holding any of them is written in bash's `$'…'`, those characters (and the
 * quote and backslash) as `\xNN`, which no Windows shell runs.
 */
const cmdActsOn = (char: string) => char < ' ' || char === '\x7f' || '&|<>^%!'.includes(char);

function quote(text: string): string {
  if (![...text].some(cmdActsOn)) return plainQuote(text);
  const escape = (char: string) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
  const written = [...text].map((char) => (cmdActsOn(char) || char === '\\' || char === "'" ? escape(char) : char));
  return `$'${written.join('')}'`;
}

function plainQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A header's name as senders write it (`x-shop-key` → `X-Shop-Key`): the engine keeps names lowercase. */
function displayName(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());
}

/**
 * The event as a curl command that posts it again to the same intake address. A header Hookferry never
 * kept (a key, a signature) stays in the command with `placeholder(its name)` for a value, e.g.
 * `<paste the X-Shop-Key value>`, so the replay says what to fill in instead of failing verification.
 */
export function asCurl(event: EventDetail, url: string, placeholder: (name: string) => string): string {
  const headers = Object.entries(event.headers)
    .filter(([name]) => !skipped.has(name))
    .map(([name, value]) => {
      if (value !== REDACTED) return `-H ${quote(`${name}: ${value}`)}`;
      // The placeholder is ours and meant to be read: its brackets are not escaped (bash joins the two quotes).
      const slot = `<${placeholder(displayName(name))}>`;
      return `-H ${[...name].some(cmdActsOn) ? `${quote(`${name}: `)}${plainQuote(slot)}` : plainQuote(`${name}: ${slot}`)}`;
    });
  const body = event.bodyEncoding === 'utf8' && event.body !== null ? `--data-binary ${quote(event.body)}` : '';
  return ['curl -X POST', quote(url), ...headers, body].filter(Boolean).join(' \\\n  ');
}
