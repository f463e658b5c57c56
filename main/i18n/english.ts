import type { Reason } from '../api/contract.js';
import { bounded, boundedParams } from '../lib/bounded-text.js';

/**
 * A reason's English sentence, filled from the same table the dashboard translates, so the words the
 * API and the log give and the words the merchant reads never drift apart.
 */
/** A reason for the merchant: the code and parameters the dashboard renders, and the English sentence for logs and the API. */
export interface Said {
  text: string;
  reason: Reason;
}

/**
 * A sayer for one table: a code and its parameters become the English sentence and the reason beside it. Both are
 * bounded here, where every reason is made (see bounded-text.ts): a parameter may be a sender's or an expression's
 * text of any length.
 */
export function saying<Code extends string>(sentences: { en: Record<Code, string> }) {
  return (code: Code, params: Reason['params'] = {}): Said => {
    const kept = boundedParams(params);
    return { text: inEnglish(sentences, code, kept), reason: { code, params: kept } };
  };
}

/** The English sentence of `code`, its parameters and the whole sentence bounded (see bounded-text.ts). */
export function inEnglish<Code extends string>(
  sentences: { en: Record<Code, string> },
  code: Code,
  params: Reason['params'] = {},
): string {
  const kept = boundedParams(params);
  return bounded(sentences.en[code].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(kept[name] ?? '')));
}
