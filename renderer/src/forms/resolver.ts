import { toNestErrors } from '@hookform/resolvers';
import { useCallback } from 'react';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { paramsOf } from '../../../main/api/field-params';
import { useFieldText } from '../lib/errors';

/**
 * The contract's schema as a form's check, worded like the engine's refusals: the first problem of each
 * field, in the chosen language (a Vietnamese sentence from the issue's code and numbers, as for a save
 * the engine refused; English keeps the schema's own sentence).
 */
export function useSchemaResolver<Input extends FieldValues, Output>(
  schema: z.ZodType<Output, Input>,
): Resolver<Input, unknown, Output> {
  const text = useFieldText();
  return useCallback(
    async (values, _context, options) => {
      const result = await schema.safeParseAsync(values);
      if (result.success) return { values: result.data, errors: {} };
      const errors: FieldErrors = {};
      for (const issue of result.error.issues) {
        const path = issue.path.map(String).join('.');
        errors[path] ??= {
          type: issue.code,
          message: text({ path, code: issue.code, params: paramsOf(issue), message: issue.message }),
        };
      }
      return { values: {}, errors: toNestErrors(errors, options) };
    },
    [schema, text],
  );
}
