import type { EventListItem, Reason } from '../api/contract.js';

type Summarized = Pick<EventListItem, 'type' | 'summary' | 'reason' | 'rejection'>;

/**
 * An event's one-line summary in a language. The engine starts every summary with the event's type code;
 * the merchant reads the type's name there instead. A refused request's summary is the engine's English
 * (its type, then why); its reason code says the why again in the merchant's language. The dashboard and
 * the spreadsheet export both say summaries through this.
 */
export function summaryIn(
  event: Summarized,
  typeName: (type: string) => string,
  reasonText: (reason: Reason, english: string) => string,
): string {
  if (event.rejection) return `${typeName(event.type)} · ${reasonText(event.rejection, event.reason ?? event.summary)}`;
  const lead = event.summary.trimStart();
  return lead === event.type || lead.startsWith(`${event.type} · `)
    ? `${typeName(event.type)}${lead.slice(event.type.length)}`
    : event.summary;
}
