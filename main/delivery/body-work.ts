import { parsedOf, type StoredBody } from '../store/body-format.js';
import { type Said, said } from './said.js';

/** What a delivery asks of the body process: the body in the JSON body mode. */
export type BodyJob = { json: StoredBody };

/** The text to send, or why there is none. */
export type BodyText = { ok: true; text: string } | { ok: false; why: Said };

/**
 * The body as the JSON body mode sends it: the parsed body written as JSON, or the raw text as a JSON string.
 * A stored parsed copy (XML, forms) was written by JSON.stringify, so it is that JSON already: parsing it and
 * writing it again gives back the very same text, at the cost of a parse the size of the body.
 */
export function jsonTextOf(stored: StoredBody): string {
  if (stored.parsed !== null) return stored.parsed;
  return JSON.stringify(parsedOf(stored) ?? (stored.body ?? Buffer.alloc(0)).toString('utf8'));
}

/** In the body process: a job for a delivery, never an exception. */
export function doBodyWork(job: BodyJob): BodyText {
  try {
    return { ok: true, text: jsonTextOf(withBuffer(job.json)) };
  } catch (error) {
    return { ok: false, why: unpreparable(error) };
  }
}

/** What a body that cannot be written out for a destination says. */
export function unpreparable(error: unknown): Said {
  if (error instanceof RangeError) return said('delivery.tooDeep');
  return said('delivery.unpreparable', { message: error instanceof Error ? error.message : String(error) });
}

/** A Buffer crosses to a process as a plain Uint8Array; parsedOf reads it as text, which only a Buffer does. */
export function withBuffer(stored: StoredBody): StoredBody {
  const { body } = stored;
  return body && !Buffer.isBuffer(body)
    ? {
        ...stored,
        body: Buffer.from(
          (body as Uint8Array).buffer,
          (body as Uint8Array).byteOffset,
          (body as Uint8Array).byteLength,
        ),
      }
    : stored;
}
