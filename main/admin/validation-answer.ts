import type { ZodError } from 'zod';
import type { ApiError, FieldProblem } from '../api/contract.js';
import type { InvalidInputError } from '../lib/errors.js';

const NAMED = ['minimum', 'maximum', 'origin', 'format', 'expected', 'divisor'] as const;

/** What the dashboard needs to word a zod issue in the merchant's language: its code and the numbers in it. */
function paramsOf(issue: ZodError['issues'][number]): FieldProblem['params'] {
  const source = issue as unknown as Record<string, unknown>;
  const params: FieldProblem['params'] = {};
  for (const key of NAMED) {
    const value = source[key];
    if (typeof value === 'string' || typeof value === 'number') params[key] = value;
    else if (typeof value === 'bigint') params[key] = Number(value);
  }
  return params;
}

/**
 * The one place the admin API turns a refused request into its answer: a sentence for the whole, and each
 * problem by field (`path` as dots, `code`, `params`, the English `message`), so the dashboard can put each
 * under its field in the chosen language.
 */
export function validationAnswer(error: ZodError | InvalidInputError): ApiError {
  if (!('issues' in error)) return { error: error.message, fields: [] };
  const fields = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
    params: paramsOf(issue),
    message: issue.message,
  }));
  return {
    error: fields.map((field) => (field.path ? `${field.path}: ${field.message}` : field.message)).join('; '),
    fields,
  };
}
