import type { Reason } from '../api/contract.js';

/**
 * A reason's English sentence, filled from the same table the dashboard translates, so the words the
 * API and the log give and the words the merchant reads never drift apart.
 */
export function inEnglish<Code extends string>(
  sentences: { en: Record<Code, string> },
  code: Code,
  params: Reason['params'] = {},
): string {
  return sentences.en[code].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}
