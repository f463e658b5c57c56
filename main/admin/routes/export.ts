import { PassThrough, pipeline, Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { stringify } from 'csv-stringify';
import type { FastifyInstance } from 'fastify';
import { EXPORT_PATH, ExportQuery } from '../../api/contract.js';
import type { DeliveryBodies } from '../../delivery/body-runner.js';
import { LARGE_BODY_BYTES } from '../../intake/large-body.js';
import { storedTextOf } from '../../store/body-text.js';
import type { ExportRow } from '../../store/events-read.js';
import { BusyError, refusedFor } from '../../lib/errors.js';
import type { AdminContext } from '../context.js';
import { EXPORT_RETRY_SECONDS, EXPORTS_AT_ONCE, ExportSlots } from './export-slots.js';
import { nameNow } from './events.js';
import { spreadsheet } from './spreadsheet.js';
import { stallMs, watchedDownload } from './stalled-download.js';
import { writeWorkbook } from './workbook.js';

const PAGE = 500;
/**
 * The bodies one page may hold: the 500 rows of orders up to 2 KB, fewer of larger ones, a body at the 5 MB limit
 * alone. A page is held while its rows are written, for as long as the client takes to read them: with pages of
 * 16 MB, ten downloads of 512 KB bodies whose clients read nothing held the engine 217 MB more; with 1 MB, 61 MB.
 */
const PAGE_BYTES = 1024 * 1024;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_COLUMNS = [
  'id',
  'received_at',
  'source',
  'type',
  'status',
  'outcome',
  'summary',
  'http_status',
  'reason',
  'content_type',
  'body',
];

/**
 * `GET /api/export?format=xlsx|csv|ndjson&from=&to=`: events oldest first, streamed a
 * page at a time. XLSX is the workbook a shopkeeper opens in Excel (see spreadsheet.ts
 * and workbook.ts); NDJSON is the backup (headers, raw body, parsed body); CSV is
 * the data file (codes, UTC times), or with `lang` the same sheet as the workbook,
 * for programs that read CSV.
 *
 * An export holds every event or fails visibly: a row that cannot be read ends
 * the stream with an error, and the connection is cut before the chunked
 * transfer's last chunk, so a browser or curl reports a failed download
 * instead of saving a short file that looks complete. So does one whose client stops reading (see
 * stalled-download.ts). At most EXPORTS_AT_ONCE run at once (see export-slots.ts); one more is answered 429 with a
 * sentence saying to wait for one to finish or cancel it, unless one has run past the longest an export keeps its
 * place while another asks (30 minutes): that one is cut, and the one asking runs.
 */
export function registerExport(app: FastifyInstance, ctx: AdminContext): void {
  const slots = new ExportSlots(undefined, (ranMs) =>
    ctx.log.warn({ ranMs }, 'export stopped: it ran past the longest an export keeps its place, and another asked'),
  );
  const stallFor = stallMs();
  app.get(EXPORT_PATH, async (request, reply) => {
    const query = ExportQuery.parse(request.query);
    const from = query.from ? Date.parse(query.from) : 0;
    const to = query.to ? Date.parse(query.to) : Number.MAX_SAFE_INTEGER;
    if (!slots.take(reply.raw))
      throw new BusyError(refusedFor('admin.exportsBusy', { running: EXPORTS_AT_ONCE }), EXPORT_RETRY_SECONDS);
    async function* rows() {
      let after = 0;
      for (;;) {
        const page = ctx.events.exportPage(from, to, after, PAGE, PAGE_BYTES, ctx.settings.get().deliveriesPaused);
        const names = ctx.sources.currentNames();
        for (const row of page) {
          // Named as the dashboard's rows name it: a renamed source by its name now (see nameNow).
          row.source_name = nameNow(names, { sourceId: row.source_id, sourceName: row.source_name });
          yield row;
          // Each large row written in a turn of its own: the stream writes what waits in one go, and 5 MB rows
          // together (a CSV cell of 5 MB takes 150 ms to quote) held every request up for a second.
          if ((row.body?.byteLength ?? 0) >= LARGE_BODY_BYTES) await nextTurn();
        }
        if (page.length === 0) return;
        after = page.at(-1)!.seq;
        await nextTurn();
      }
    }
    const records = <T>(shape: (row: ExportRow) => T) =>
      Readable.from(
        (async function* () {
          for await (const row of rows()) yield shape(row);
        })(),
      );
    const stamp = new Date().toISOString().slice(0, 10);
    reply.header('content-disposition', `attachment; filename="hookferry-events-${stamp}.${query.format}"`);
    const send = (type: string, download: Readable) =>
      reply
        .type(type)
        .send(
          watchedDownload(reply.raw, download, stallFor, (error) =>
            ctx.log.warn({ err: error, format: query.format }, 'export stopped: its client stopped reading'),
          ),
        );
    if (query.format === 'xlsx') {
      // A workbook opens with its columns in place whatever the PC's list separator: Excel on a Vietnamese Windows
      // splits a CSV at ";", and showed each comma CSV row whole in column A.
      const sheet = spreadsheet(query.lang ?? ctx.settings.get().language, query.tz, query.bodies === '1', 'cut');
      const workbook = new PassThrough();
      writeWorkbook(workbook, sheet, rows()).catch((error: unknown) => {
        ctx.log.warn({ err: error }, 'export stopped');
        workbook.destroy(error as Error);
      });
      return send(XLSX_TYPE, workbook);
    }
    if (query.format === 'csv') {
      // The byte-order mark tells Excel the file is UTF-8, so Vietnamese names open readable.
      const bodies = query.bodies === '1';
      if (query.lang) {
        const sheet = spreadsheet(query.lang, query.tz, bodies);
        const csv = stringify({ header: true, columns: sheet.header, bom: true, cast: { string: inertCell } });
        pipeline(records(sheet.row), csv, (error) => error && ctx.log.warn({ err: error }, 'export stopped'));
        return send('text/csv; charset=utf-8', csv);
      }
      const columns = bodies ? CSV_COLUMNS : CSV_COLUMNS.filter((column) => column !== 'body');
      const csv = stringify({ header: true, columns, bom: true, cast: { string: inertCell } });
      pipeline(records(csvRecord), csv, (error) => error && ctx.log.warn({ err: error }, 'export stopped'));
      return send('text/csv; charset=utf-8', csv);
    }
    const lines = Readable.from(
      (async function* () {
        for await (const row of rows())
          for (const piece of await ndjsonLine(row, ctx.bodies)) {
            yield piece;
            // A large body's line goes out in pieces, each in a turn of its own: joined and encoded whole, the
            // line of a 5 MB body held the engine 0.3-0.6 s.
            if (piece.length >= LARGE_BODY_BYTES) await nextTurn();
          }
      })(),
    );
    return send('application/x-ndjson; charset=utf-8', lines);
  });
}

/**
 * A sender writes the event type (and the body) itself: a cell starting with = + - @ (or a tab or CR) would be
 * run by Excel as a formula (`=HYPERLINK(…)`), so it is written after an apostrophe: Excel shows it as text.
 */
function inertCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvRecord(row: ExportRow) {
  return {
    id: row.id,
    received_at: new Date(row.received_at).toISOString(),
    source: row.source_name ?? '',
    type: row.type,
    status: row.status,
    outcome: row.outcome,
    summary: row.summary,
    http_status: row.http_status,
    reason: row.reason ?? '',
    content_type: row.content_type ?? '',
    body: row.body ? storedTextOf(row.body, row.content_type) : '',
  };
}

/**
 * One line per event (in pieces), its parsed body written last (a large one off the engine's thread, see
 * DeliveryBodies.parsedJson). A parsed body too deep to write out is left out, said so: the raw body holds the
 * event whole.
 */
async function ndjsonLine(row: ExportRow, bodies: DeliveryBodies): Promise<string[]> {
  const record = ndjsonRecord(row);
  const parsed = await bodies.parsedJson(row);
  if (!parsed.ok)
    return [
      `${JSON.stringify({ ...record, parsed: null, parsedOmitted: parsed.busy ? PARSED_LATE : PARSED_OMITTED })}\n`,
    ];
  return [`${JSON.stringify(record).slice(0, -1)},"parsed":`, parsed.text, '}\n'];
}

const PARSED_OMITTED = 'The parsed body is nested too deeply to write out; "body" holds the event as received.';

/** A busy PC's line may have its parsed body at the next export, unlike one nested too deep (or too large). */
const PARSED_LATE =
  'The parsed body was not written out in time: the PC was busy. Export again later to have it; "body" holds the event as received.';

function ndjsonRecord(row: ExportRow) {
  return {
    id: row.id,
    receivedAt: new Date(row.received_at).toISOString(),
    sourceId: row.source_id,
    sourceName: row.source_name,
    type: row.type,
    status: row.status,
    outcome: row.outcome,
    summary: row.summary,
    httpStatus: row.http_status,
    reason: row.reason,
    headers: JSON.parse(row.headers) as unknown,
    contentType: row.content_type,
    body: row.body ? row.body.toString('base64') : null,
  };
}
