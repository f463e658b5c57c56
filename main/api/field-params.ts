import type { FieldProblem } from './contract.js';

const NAMED = ['minimum', 'maximum', 'origin', 'format', 'expected', 'divisor'] as const;

/**
 * What a sentence about a zod issue needs besides its code: the numbers and words in it. The engine sends
 * them with a refused request, and the dashboard's forms word their own checks from them the same way.
 */
export function paramsOf(issue: object): FieldProblem['params'] {
  const source = issue as Record<string, unknown>;
  const params: FieldProblem['params'] = {};
  // A refusal the engine made itself (`fieldRefused`) carries its reason and values in `params`.
  const own = source.code === 'custom' && typeof source.params === 'object' ? source.params : {};
  for (const [key, value] of [...NAMED.map((name) => [name, source[name]] as const), ...Object.entries(own ?? {})]) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
    else if (typeof value === 'bigint') params[key] = Number(value);
  }
  return params;
}
