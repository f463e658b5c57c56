import type { Reason } from '../api/contract.js';

/**
 * A reason's English sentence, filled from the same table the dashboard translates, so the words the
 * API and the log give and the words the merchant reads never drift apart.
 */
/** A reason for the merchant: the code and parameters the dashboard renders, and the English sentence for logs and the API. */
export interface Said {
  text: string;
  reason: Reason;
}

/** A sayer for one table: a code and its parameters become the English sentence and the reason beside it. */
export function saying<Code extends string>(sentences: { en: Record<Code, string> }) {
  return (code: Code, params: Reason['params'] = {}): Said => ({
    text: inEnglish(sentences, code, params),
    reason: { code, params },
  });
}

export function inEnglish<Code extends string>(
  sentences: { en: Record<Code, string> },
  code: Code,
  params: Reason['params'] = {},
): string {
  return sentences.en[code].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
