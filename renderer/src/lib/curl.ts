import type { EventDetail } from '../../../main/api/contract';

/** Headers a replay must not copy: hop-by-hop, computed by curl, or redacted. */
const skipped = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'accept-encoding']);

function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The event as a curl command that posts it again to the same intake address. */
export function asCurl(event: EventDetail, url: string): string {
  const headers = Object.entries(event.headers)
    .filter(([name, value]) => !skipped.has(name) && value !== '[redacted]')
    .map(([name, value]) => `-H ${quote(`${name}: ${value}`)}`);
  const body = event.bodyEncoding === 'utf8' && event.body !== null ? `--data-binary ${quote(event.body)}` : '';
  return ['curl -X POST', quote(url), ...headers, body].filter(Boolean).join(' \\\n  ');
}
