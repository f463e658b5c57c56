import { type ExpressionProblem, expressionProblem } from './transform.js';

/** The most answers kept, twice the destinations a configuration file holds; 20,000 characters each at most. */
const MAX_KEPT = 400;
const checked = new Map<string, ExpressionProblem | null>();

/**
 * What the transformation process found compiling this expression (TransformRunner.check, run by the admin
 * routes before a save or an import).
 */
export function rememberChecked(expression: string, problem: ExpressionProblem | null): void {
  if (checked.size >= MAX_KEPT) checked.clear();
  checked.set(expression, problem);
}

/**
 * What is wrong with an expression about to be saved, or null. Compiling one is slower than linear in its length
 * (a 20,000-character path of steps took JSONata 0.35–0.6 s, holding every request and delivery, 34 s for an
 * imported file of 100 such destinations): an expression the transformation process checked is not compiled
 * again here. One that was not (the routes could not check it) is compiled here, as before.
 */
export function problemOf(expression: string): ExpressionProblem | null {
  const known = checked.get(expression);
  return known === undefined ? expressionProblem(expression) : known;
}
