import type { TFunction } from 'i18next';
import type { Reason } from '../api/contract.js';
import { cutOf } from '../lib/bounded-text.js';

/**
 * A reason from the engine in the translator's language: `reasons.<code>` with its parameters, or the
 * engine's English sentence when there are no words for the code. A `cause` (why a delivery failed,
 * inside a notice) is said first and filled into the sentence's `{{cause}}`. The dashboard and the
 * desktop shell both say reasons through this. A cause already said (a pointer to where the page says it) goes in
 * as it is.
 */
export function reasonText(
  t: TFunction,
  reason: Reason | null | undefined,
  english: string,
  cause?: Reason | string | null,
) {
  if (!reason) return english;
  const causeText =
    typeof cause === 'string' || !cause
      ? (cause ?? undefined)
      : t(`reasons.${cause.code}`, { ...detailsSaid(t, withStatusCode(cause.params)), defaultValue: '' });
  return t(`reasons.${reason.code}`, {
    ...detailsSaid(t, withStatusCode(reason.params)),
    ...(causeText === undefined ? {} : { cause: causeText }),
    defaultValue: english,
  });
}

/**
 * Why a test event failed: the test's own words where the delivery's sentence would say to resend from Failed
 * (`testReasons.<code>`; a test is tried once and never waits there), else the reason as any delivery's.
 */
export function testReasonText(t: TFunction, reason: Reason | null | undefined, english: string) {
  return reasonTextAs('testReasons', t, reason, english);
}

/**
 * Why a preview shows no output: in the preview's own words where the delivery's would say nothing was sent and to
 * resend (`previewReasons.<code>`; nothing was being sent), else the reason as any delivery's.
 */
export function previewReasonText(t: TFunction, reason: Reason | null | undefined, english: string) {
  return reasonTextAs('previewReasons', t, reason, english);
}

function reasonTextAs(
  words: 'testReasons' | 'previewReasons',
  t: TFunction,
  reason: Reason | null | undefined,
  english: string,
) {
  if (!reason) return english;
  return t(`${words}.${reason.code}`, {
    ...detailsSaid(t, withStatusCode(reason.params)),
    defaultValue: reasonText(t, reason, english),
  });
}

/**
 * A parser's words inside a reason (`problem` beside `problemCode`, `message` beside `messageCode`; see
 * reasons/parser.ts) said in the translator's language; where there are no words for the code, its English
 * words are kept and, in Vietnamese, said to be the parser's own.
 */
export function detailsSaid(t: TFunction, params: Reason['params']): Reason['params'] {
  const cutSaid = cutsSaid(t, params);
  const said = { ...cutSaid };
  for (const [key, code] of Object.entries(cutSaid)) {
    const detail = key.endsWith('Code') ? key.slice(0, -'Code'.length) : null;
    if (!detail || typeof code !== 'string' || cutSaid[detail] === undefined) continue;
    const words = String(cutSaid[detail]);
    said[detail] = t(`reasons.${code}`, {
      ...cutSaid,
      defaultValue: t('reasons.parser.asWritten', { words }),
    });
  }
  return said;
}

/**
 * A quoted text cut to its bound (lib/bounded-text.ts) ends with the mark saying so in the translator's language:
 * the engine writes it in English.
 */
function cutsSaid(t: TFunction, params: Reason['params']): Reason['params'] {
  const said = { ...params };
  for (const [key, value] of Object.entries(params)) {
    const cut = typeof value === 'string' ? cutOf(value) : null;
    if (cut) said[key] = cut.kept + t('reasons.text.cut', { chars: cut.count });
  }
  return said;
}

/**
 * An answer's `status` as stored ("500 Internal Server Error", or 500) also as its bare code, `statusCode`: a
 * sentence in a language other than English says the number alone, not HTTP's English name for it.
 */
function withStatusCode(params: Reason['params']): Reason['params'] {
  const code = params.status === undefined ? null : /^\d{3}/.exec(String(params.status));
  return code ? { ...params, statusCode: Number(code[0]) } : params;
}
