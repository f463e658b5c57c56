import { formatOf, parsedOf, type StoredBody } from '../store/body-format.js';
import { storedTextOf } from '../store/body-text.js';
import Database from 'better-sqlite3';
import type { Db } from '../store/database.js';
import { type StoredScope, storedBodiesMentioning } from '../store/events-read.js';
import { contextOf, STORED, type ZitharaOptions } from './kinds/zithara/context.js';
import { mapForZithara, type MappedText, written } from './kinds/zithara/mapping.js';
import { type Said, said } from './said.js';

/**
 * What is asked of the body process: the body in the JSON body mode, what Zithara is sent, or the parsed body
 * written as JSON (the dashboard's event, an export's line).
 */
export type BodyJob = { json: StoredBody } | { zithara: ZitharaJob } | { parsedJson: StoredBody };

/**
 * The text to send, or why there is none: `busy` when nothing is wrong with the body itself (its process ran out of
 * time on a busy PC, or stopped under it), so the try is made again later rather than failed for good.
 */
export type BodyText = { ok: true; text: string } | { ok: false; why: Said; busy?: true };

export interface ZitharaJob {
  type: string;
  stored: StoredBody;
  options: ZitharaOptions;
  /** The database the stored orders and lines are read from, on a read-only connection of the process's own. */
  database: string;
  scope: StoredScope;
}

/**
 * Whether the JSON body mode sends the body as it came (without a byte-order mark): it is JSON already, a body sent
 * as JSON or one that was JSON though its type did not say so (it kept a parsed copy). Its numbers so go out as
 * written: parsed, an id past 2^53 is a string of its digits (see parseJson), written again it would change type.
 */
export function sentAsItCame(stored: StoredBody): boolean {
  const format = formatOf(stored.content_type);
  return (format === 'json' && stored.status !== 'rejected') || (format === 'other' && stored.parsed !== null);
}

/**
 * The body as the JSON body mode sends it: as it came when it is JSON (above), an XML or form body's parsed form
 * written as JSON, any other text as a JSON string. A stored parsed copy is parsed and written again, not sent as it
 * is: one an older version stored may be too deep to write, and such a delivery fails, saying so.
 */
export function jsonTextOf(stored: StoredBody): string {
  const text = storedTextOf(stored.body ?? Buffer.alloc(0), stored.content_type);
  if (sentAsItCame(stored)) return text;
  return JSON.stringify(parsedOf(stored) ?? text);
}

/** In the body process: a job for a delivery, never an exception. */
export function doBodyWork(job: BodyJob): BodyText | MappedText {
  if ('zithara' in job) return mapZithara(job.zithara);
  try {
    if ('parsedJson' in job) return { ok: true, text: JSON.stringify(parsedOf(withBuffer(job.parsedJson))) };
    return { ok: true, text: jsonTextOf(withBuffer(job.json)) };
  } catch (error) {
    return { ok: false, why: unpreparable(error) };
  }
}

function mapZithara(job: ZitharaJob): MappedText {
  try {
    const context = contextOf(job.options, (orderId, which) =>
      storedBodiesMentioning(readOnly(job.database), STORED[which], orderId, job.scope),
    );
    return written(mapForZithara(job.type, parsedOf(withBuffer(job.stored)), context));
  } catch (error) {
    return { invalid: unmappable(error) };
  }
}

let connection: { file: string; db: Db } | null = null;

/** The process's own connection: it never writes, and WAL lets it read beside the engine's writes. */
function readOnly(file: string): Db {
  if (connection?.file !== file) connection = { file, db: new Database(file, { readonly: true, fileMustExist: true }) };
  return connection.db;
}

/**
 * What a Zithara mapping that could not be made says: a body too deep to read or write in Zithara's own words, as
 * Zithara has no body mode to send it as it came.
 */
export function unmappable(error: unknown): Said {
  return error instanceof RangeError ? said('zithara.tooDeep') : unpreparable(error);
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
