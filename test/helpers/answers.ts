import { rawGet } from './raw-http.js';
import type { ServeProcess } from './serve-process.js';

/**
 * `count` groups of JSON arrays nested `depth` deep, comma-separated (no commas inside a group, so the part count
 * stays low): accepted under the limits, and the dearest JSON found to parse and write (seconds for 5 MB).
 */
export function nestedGroups(count: number, depth: number): string {
  const group = '['.repeat(depth) + ']'.repeat(depth);
  return Array.from({ length: count }, () => group).join(',');
}

/**
 * How many /healthz answers the engine gave, asked one after the other, until `done` settles: while work is done
 * off its thread it answers hundreds; while its thread parses a large body, next to none. Counted, not timed.
 */
export async function answersUntil(serve: ServeProcess, done: Promise<unknown>): Promise<number> {
  let settled = false;
  void done.finally(() => (settled = true));
  let answers = 0;
  while (!settled) if ((await rawGet(`${serve.runtime.ingestUrl}/healthz`, {})).status === 200) answers++;
  await done;
  return answers;
}
