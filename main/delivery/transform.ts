import jsonata from 'jsonata';

import type { Reason } from '../api/contract.js';
import { said } from './said.js';

export type TransformResult =
  { ok: true; output: unknown } | { ok: false; error: string; position: number | null; reason: Reason };

interface JsonataError {
  code?: string;
  position?: number;
  message?: string;
}

const compiled = new Map<string, ReturnType<typeof jsonata>>();
const MAX_CACHED = 100;

/**
 * Applies a destination's JSONata expression to an event's parsed body. A bad
 * expression or one that fails on this event comes back as a sentence with the
 * character position, never as an exception.
 */
export async function applyTransform(expression: string, input: unknown): Promise<TransformResult> {
  try {
    const output: unknown = await program(expression).evaluate(input);
    // JSONata answers objects without a prototype and undefined for "nothing": make both plain JSON.
    return { ok: true, output: output === undefined ? null : JSON.parse(JSON.stringify(output)) };
  } catch (error) {
    const { position, message } = details(error);
    const { text, reason } =
      position === null
        ? said('delivery.transformFailed', { message })
        : said('delivery.transformFailedAt', { position, message });
    return { ok: false, error: text, position, reason };
  }
}

/** A sentence saying what is wrong with an expression that does not even compile, or null. */
export function expressionProblem(expression: string): string | null {
  try {
    program(expression);
    return null;
  } catch (error) {
    const { position, message } = details(error);
    const where = position === null ? '' : ` (at character ${position})`;
    return `The transformation has a mistake${where}: ${message} Fix it before saving.`;
  }
}

function program(expression: string): ReturnType<typeof jsonata> {
  let compiledProgram = compiled.get(expression);
  if (!compiledProgram) {
    compiledProgram = jsonata(expression);
    if (compiled.size >= MAX_CACHED) compiled.clear();
    compiled.set(expression, compiledProgram);
  }
  return compiledProgram;
}

function details(error: unknown): { position: number | null; message: string } {
  const failure = error as JsonataError;
  return {
    position: typeof failure.position === 'number' ? failure.position : null,
    message: failure.message ?? String(error),
  };
}
