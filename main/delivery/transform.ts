import jsonata from 'jsonata';

import type { Reason } from '../api/contract.js';
import { jsonNestsPast, MAX_NESTING } from '../intake/body-shape.js';
import { bounded, boundedParams } from '../lib/bounded-text.js';
import { isRecord } from '../lib/values.js';
import { said } from './said.js';

/** `busy`: a delivery's large body was not parsed in time (a busy PC); it is tried again later. */
export type TransformFailure = { ok: false; error: string; position: number | null; reason: Reason; busy?: true };
/**
 * What a delivery sends, or a preview shows: the output written as JSON, in the process. The engine never reads it
 * back into a value: a large output cost its thread a parse, and a deeply nested one its stack (see previewText).
 */
export type TransformText = { ok: true; text: string } | TransformFailure;
export type TransformResult = { ok: true; output: unknown } | TransformFailure;

interface JsonataError {
  code?: string;
  position?: number;
  message?: string;
  token?: unknown;
  value?: unknown;
  index?: unknown;
}

/** JSONata's code for an error the expression raised itself with `$error("…")`, by its messageCode. */
const RAISED = 'jsonata.D3137';

const compiled = new Map<string, ReturnType<typeof jsonata>>();
const MAX_CACHED = 100;

/**
 * Applies a destination's JSONata expression to an event's parsed body: transformToText's output read back as a
 * value. A bad expression or one that fails on this event comes back as a sentence with the character position,
 * never as an exception.
 */
export async function applyTransform(expression: string, input: unknown): Promise<TransformResult> {
  const result = await transformToText(expression, input);
  // JSONata answers objects without a prototype: the output read back from its JSON is plain.
  return result.ok ? { ok: true, output: JSON.parse(result.text) } : result;
}

/**
 * The most JSON a transformation may make, in bytes: twice the body intake takes by default. Its output crosses
 * to the engine whole, and the engine reads it on its own thread: 10 MB took it 0.1–0.4 s, 50 MB 0.8 s, and a
 * faster computer makes more within the time limit.
 */
export const MAX_TRANSFORM_OUTPUT_BYTES = 10 * 1024 * 1024;

/**
 * The deepest a preview shows a transformation's output: five times what intake takes in a body (MAX_NESTING), so
 * an expression that wraps a body as deep as any shop sends is shown whole. The dashboard writes the output out
 * indented, each level deeper on its own line: 2,000 levels made 8 MB of it.
 */
export const MAX_PREVIEW_NESTING = 5 * MAX_NESTING;

/** What a preview shows: transformToText's output, unless it nests deeper than MAX_PREVIEW_NESTING. */
export async function previewText(expression: string, input: unknown): Promise<TransformText> {
  const result = await transformToText(expression, input);
  if (!result.ok || !jsonNestsPast(Buffer.from(result.text), MAX_PREVIEW_NESTING)) return result;
  const { text, reason } = said('preview.tooDeep', { max: MAX_PREVIEW_NESTING });
  return { ok: false, error: text, position: null, reason };
}

/**
 * The expression's output written as JSON, as a delivery sends it; never more than MAX_TRANSFORM_OUTPUT_BYTES.
 * Checked and written here, in the transformation's process, never in the engine.
 */
export async function transformToText(expression: string, input: unknown): Promise<TransformText> {
  try {
    const output: unknown = await program(expression).evaluate(input);
    // JSONata answers undefined for "nothing", most often a field name this event does not have: sent as `null`, it
    // said delivered where nothing of the event went. An expression that writes `null` itself means it: that is sent.
    if (output === undefined) return gives('delivery.transformGivesNothing');
    let written: string | undefined;
    try {
      written = JSON.stringify(output);
    } catch (error) {
      // A function of the expression's own holds its scope, which holds it: "circular structure" told nobody why.
      if (holdsFunction(output)) return gives('delivery.transformGivesFunction');
      throw error;
    }
    // `$uppercase` without its brackets is JSONata's function object, which JSON writes as its innards: the
    // receiver got {"_jsonata_function":true,…} for a customer's name, and the delivery said delivered.
    if (typeof output === 'function' || (written?.includes('"_jsonata_function":true') && holdsFunction(output)))
      return gives('delivery.transformGivesFunction');
    // Every field it names missing from this event (a Teamcrop expression given a WooCommerce order): `{}` went out
    // and the delivery said delivered, though nothing of the order went. Said as "nothing" is, whoever wrote it.
    // So is a text with nothing in it: `first_name & " " & last_name` of missing fields makes " ", and `""` went
    // out as a 2-byte body, said delivered.
    if (written === '{}' || written === '[]' || isBlank(output)) return gives('delivery.transformGivesEmpty');
    const text = written ?? 'null';
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_TRANSFORM_OUTPUT_BYTES) {
      const { text: error, reason } = said('delivery.transformOutputTooBig', {
        mb: Math.ceil(bytes / (1024 * 1024)),
        max: MAX_TRANSFORM_OUTPUT_BYTES / (1024 * 1024),
      });
      return { ok: false, error, position: null, reason };
    }
    return { ok: true, text };
  } catch (error) {
    // JSONata's evaluation, or the writing of its output, past the stack: a function calling itself, or an output
    // nested thousands of levels deep. JSONata's bare "Maximum call stack size exceeded" told a shopkeeper nothing.
    if (error instanceof RangeError && /call stack/i.test(error.message)) return gives('delivery.transformTooDeep');
    const { position, params } = details(expression, error);
    if (params.messageCode === RAISED) {
      // The shop's own words, raised on purpose with $error: where the call stands says nothing, and they are
      // not the checker's English to be labelled as such.
      const { text, reason } = said('delivery.transformRaised', { message: params.message });
      return { ok: false, error: text, position: null, reason };
    }
    const at = position === null ? null : placeIn(expression, position);
    const { text, reason } =
      at === null
        ? said('delivery.transformFailed', params)
        : 'line' in at
          ? said('delivery.transformFailedAtLine', { ...at, ...params })
          : said('delivery.transformFailedAt', { ...at, ...params });
    return { ok: false, error: text, position, reason };
  }
}

/** A transformation that made nothing worth sending (or went too deep to make it), said by its code. */
function gives(
  code:
    | 'delivery.transformGivesNothing'
    | 'delivery.transformGivesEmpty'
    | 'delivery.transformGivesFunction'
    | 'delivery.transformTooDeep',
): TransformFailure {
  const { text, reason } = said(code, {});
  return { ok: false, error: text, position: null, reason };
}

/** A text of nothing but white space (`""`, `" "`, a line break): what JavaScript's trim() takes away whole. */
function isBlank(output: unknown): boolean {
  return typeof output === 'string' && output.trim() === '';
}

/** A function where a value belongs: JSONata's own (a built-in such as `$uppercase`, or one the expression wrote). */
function isFunction(value: unknown): boolean {
  if (typeof value === 'function') return true;
  if (!isRecord(value)) return false;
  // Checked by what only a function object holds: a body's JSON may carry these names, never a function.
  if (value._jsonata_function === true) return typeof value.implementation === 'function';
  return (
    value._jsonata_lambda === true && isRecord(value.environment) && typeof value.environment.lookup === 'function'
  );
}

/** Whether a function stands anywhere in the output. */
function holdsFunction(output: unknown): boolean {
  let found = false;
  JSON.stringify(output, (_key, value: unknown) => {
    if (!found && isFunction(value)) found = true;
    // The walk stops at the first, and never goes into one: a function's scope leads back round to it.
    return found ? undefined : value;
  });
  return found;
}

export interface ExpressionProblem {
  text: string;
  /** JSONata's mistake (`transform…`), or what kept the transformation process from checking (checked-expressions.ts). */
  reason:
    | 'transform'
    | 'transformAt'
    | 'transformAtLine'
    | 'transformCheckTooLong'
    | 'transformCheckTooBig'
    | 'transformUnchecked';
  params: Reason['params'];
}

/**
 * What is wrong with an expression that does not even compile, or null: the English sentence, and the
 * parameters the dashboard words it from (`transformAt` when JSONata said where). Called in the transformation
 * process only (transform-child.ts): the engine asks it through TransformRunner.check.
 */
export function expressionProblem(expression: string): ExpressionProblem | null {
  try {
    // Not kept: this is the check of an expression being saved (see checked-expressions.ts), and a long one's
    // compiled form weighs megabytes.
    jsonata(expression);
    return null;
  } catch (error) {
    const { position, params } = details(expression, error);
    const at = position === null ? null : placeIn(expression, position);
    const where =
      at === null ? '' : 'line' in at ? ` (at line ${at.line}, column ${at.column})` : ` (at character ${at.position})`;
    const stop = /[.!?]$/.test(params.message) ? '' : '.';
    return {
      text: bounded(`The transformation has a mistake${where}: ${params.message}${stop} Fix it before saving.`),
      reason: at === null ? 'transform' : 'line' in at ? 'transformAtLine' : 'transformAt',
      params: at === null ? params : { ...at, ...params },
    };
  }
}

/**
 * The place a person looks for: in an expression of one line its character; in one of several lines (the
 * dashboard's box takes them) its line and its column in that line, as an editor counts them.
 */
function placeIn(expression: string, position: number): { position: number } | { line: number; column: number } {
  if (!expression.trimEnd().includes('\n')) return { position };
  const before = expression.slice(0, position - 1);
  return { line: before.split('\n').length, column: position - 1 - before.lastIndexOf('\n') };
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

/**
 * Where JSONata points and what it says, with its error code and the piece of the expression it names,
 * so the dashboard can say the common ones in the merchant's language (i18n/reasons/parser.ts).
 */
function details(
  expression: string,
  error: unknown,
): {
  position: number | null;
  params: { message: string } & Record<string, string | number>;
} {
  const failure = error as JsonataError;
  const params: { message: string } & Record<string, string | number> = { message: failure.message ?? String(error) };
  if (typeof failure.code === 'string') params.messageCode = `jsonata.${failure.code}`;
  for (const key of ['token', 'value', 'index'] as const) {
    const part = failure[key];
    if (typeof part === 'string' || typeof part === 'number') params[key] = part;
  }
  const { position, token } = failure;
  // JSONata quotes the value it stumbled on ("Unable to cast value to a number: "<4 MB>"") and $error says what
  // the expression makes it say: bounded here, where the words are made (bounded-text.ts).
  return {
    position: typeof position === 'number' ? positionOf(expression, position, token) : null,
    params: boundedParams(params) as typeof params,
  };
}

/**
 * Where the mistake is, counted from 1 the way a person (or an editor's column) counts: JSONata points just
 * past the token it stumbled on (0-based), so it said 11 for `bar` in `a + foo bar`, where a person says 9.
 * A function or variable starts at its `$`; a string at its opening quote. What is missing at the end of the
 * expression goes right after its last character that is not a space.
 */
function positionOf(expression: string, position: number, token: unknown): number {
  if (token === '(end)') return expression.trimEnd().length + 1;
  const end = Math.min(Math.max(position, 1), expression.length);
  if (typeof token !== 'string' && typeof token !== 'number') return end;
  const before = expression.slice(0, end);
  const name = String(token);
  // A call is pointed at past its bracket.
  const written = [name, `${name}(`, ...['"', "'", '`'].map((quote) => `${quote}${name}${quote}`)].find((form) =>
    before.endsWith(form),
  );
  if (written === undefined) return end;
  const start = end - written.length + 1;
  return expression[start - 2] === '$' ? start - 1 : start;
}
