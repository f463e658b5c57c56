import type { EventDetail } from '../../../main/api/contract';
import { REDACTED } from '../../../main/lib/redact';

/** Headers a replay must not copy: hop-by-hop, or computed by curl. */
const skipped = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'accept-encoding']);

function quote(text: string): string {
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
      const shown = value === REDACTED ? `<${placeholder(displayName(name))}>` : value;
      return `-H ${quote(`${name}: ${shown}`)}`;
    });
  const body = event.bodyEncoding === 'utf8' && event.body !== null ? `--data-binary ${quote(event.body)}` : '';
  return ['curl -X POST', quote(url), ...headers, body].filter(Boolean).join(' \\\n  ');
}
