import { inEnglish } from '../i18n/english.js';
import { en } from '../i18n/en.js';
import type { ExpressionProblem } from './transform.js';

/**
 * What the transformation process said of the expressions a save or an import brings (TransformRunner.check): the
 * mistake in each, or null. A save asks this, never JSONata: compiling is slower than linear in an expression's
 * length (a 15,000-character path took 0.7 s), and on the engine's thread 50 of them in an imported file held every
 * order for 35 s.
 */
export class CheckedExpressions {
  constructor(
    private readonly answers: ReadonlyMap<string, ExpressionProblem | null> = new Map(),
    /** A destination's own expressions as stored: checked when they were saved, they are not checked again. */
    private readonly stored: readonly string[] = [],
  ) {}

  /** These answers, with a destination's stored expressions taken as they are (an update that leaves them). */
  besides(stored: readonly string[]): CheckedExpressions {
    return new CheckedExpressions(this.answers, stored);
  }

  /**
   * What is wrong with an expression about to be saved, or null. One the caller did not have checked is refused
   * rather than compiled here.
   */
  problemOf(expression: string): ExpressionProblem | null {
    const answer = this.answers.get(expression);
    if (answer !== undefined) return answer;
    return this.stored.includes(expression) ? null : refusal('transformUnchecked', {});
  }
}

/** A check the process could not finish, said of the field, in the words of the dashboard's `fields.custom_<reason>`. */
export function refusal(
  reason: 'transformUnchecked' | 'transformCheckTooLong' | 'transformCheckTooBig',
  params: Record<string, number>,
): ExpressionProblem {
  return { text: inEnglish({ en: en.fields }, `custom_${reason}`, params), reason, params };
}
