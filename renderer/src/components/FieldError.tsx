import type { FieldProblem } from '../../../main/api/contract';
import { useFieldText } from '../lib/errors';

/** A field's problem, right under it, in the chosen language. */
export function FieldError({ problem }: { problem: FieldProblem | undefined }) {
  const text = useFieldText();
  if (!problem) return null;
  return (
    <span className="field-error" role="alert" data-testid="field-error">
      {text(problem)}
    </span>
  );
}
