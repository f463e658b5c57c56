import type { Reason } from '../api/contract.js';
import { textReasons } from '../i18n/reasons/text.js';

/**
 * The most characters of a value a sender, a destination or an expression controls that is quoted inside a
 * sentence (a reason's parameter: a parser's words, an answer's message, a tag name). A person reads a few lines;
 * a 5 MB tag name repeated in a reason once made the live log's first page 159 MB.
 */
export const MAX_QUOTED_CHARS = 500;

/**
 * The most characters of a whole message: a reason's sentence, an attempt's error, an event's summary, an answer to
 * a sender. The Failed page selects a group by this text, so the contract takes up to this many (FailedSelection).
 */
export const MAX_MESSAGE_CHARS = 2000;

const [beforeCount, afterCount] = textReasons.en['text.cut'].split('{{chars}}') as [string, string];

/** Cut text ends with this and the number of characters left out, so nobody takes it for all there was. */
const cutMark = (left: number) => `${beforeCount}${left}${afterCount}`;

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CUT_MARK_AT_END = new RegExp(`${escaped(beforeCount)}(\\d+)${escaped(afterCount)}$`);

/** A bounded text as its kept start and how many characters were cut, or null when it is whole. */
export function cutOf(text: string): { kept: string; count: number } | null {
  const mark = CUT_MARK_AT_END.exec(text);
  return mark ? { kept: text.slice(0, mark.index), count: Number(mark[1]) } : null;
}

/**
 * `text` kept to `max` characters: as it is when it fits, else its start and a mark saying how much was cut.
 * The mark counts in the limit, so a cut text is never longer than `max`.
 */
export function bounded(text: string, max = MAX_MESSAGE_CHARS): string {
  if (text.length <= max) return text;
  let keep = max - cutMark(text.length).length;
  // A character outside the basic plane is two UTF-16 units: never cut between them.
  if (/[\uD800-\uDBFF]/.test(text.charAt(keep - 1))) keep--;
  return text.slice(0, keep) + cutMark(text.length - keep);
}

/** `text` as bounded, or null for none. */
export function boundedOrNull(text: string | null, max = MAX_MESSAGE_CHARS): string | null {
  return text === null ? null : bounded(text, max);
}

/** A reason's parameters with every text among them kept to MAX_QUOTED_CHARS (numbers and flags as they are). */
export function boundedParams(params: Reason['params']): Reason['params'] {
  let changed: Reason['params'] | null = null;
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== 'string' || value.length <= MAX_QUOTED_CHARS) continue;
    changed ??= { ...params };
    changed[key] = bounded(value, MAX_QUOTED_CHARS);
  }
  return changed ?? params;
}

/** A reason whose parameters are bounded (see boundedParams); the same object when nothing needed cutting. */
export function boundedReason(reason: Reason): Reason {
  const params = boundedParams(reason.params);
  return params === reason.params ? reason : { ...reason, params };
}
