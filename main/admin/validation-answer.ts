import type { ZodError } from 'zod';
import type { ApiError } from '../api/contract.js';
import { paramsOf } from '../api/field-params.js';
import type { BusyError, ConflictError, InvalidInputError, NotFoundError } from '../lib/errors.js';

/**
 * The one place the admin API turns a refused request into its answer: a sentence for the whole, and each
 * problem by field (`path` as dots, `code`, `params`, the English `message`), so the dashboard can put each
 * under its field in the chosen language.
 */
export function validationAnswer(error: ZodError | InvalidInputError): ApiError {
  if (!('issues' in error)) return { ...sentenceAnswer(error), fields: [] };
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

/** A refusal said in one sentence, with its code when it has one (see SpokenError in lib/errors.ts). */
export function sentenceAnswer(error: InvalidInputError | ConflictError | NotFoundError | BusyError): ApiError {
  return error.reason ? { error: error.message, reason: error.reason } : { error: error.message };
}
