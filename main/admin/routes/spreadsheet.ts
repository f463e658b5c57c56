import type { Reason } from '../../api/contract.js';
import { eventTypeName, withTypeNamed } from '../../i18n/event-types.js';
import { summaryIn } from '../../i18n/event-summary.js';
import { reasonText } from '../../i18n/reason-text.js';
import type { Language } from '../../i18n/resources.js';
import { testStatusKey } from '../../i18n/test-status.js';
import { translatorFor } from '../../i18n/translator.js';
import { storedTextOf } from '../../store/body-text.js';
import type { ExportRow } from '../../store/events-read.js';
import { reasonFromColumn } from '../../store/stored-reason.js';
import { bounded, boundedOrNull } from '../../lib/bounded-text.js';

/** The columns a script or a re-import reads, as the API names them, after the ones a person reads. */
const CODE_COLUMNS = ['id', 'received_at', 'type', 'status'] as const;

/** The most characters Excel (and LibreOffice) keeps in a cell; past it Excel cuts the text without a word. */
const CELL_CHARACTERS = 32_767;

/** A cell's width in characters, for the workbook: the summary and reasons are sentences, the codes are short. */
const WIDTHS = { time: 20, source: 18, event: 22, summary: 60, status: 20, reason: 50, answer: 14, test: 10 } as const;
const CODE_WIDTHS = [30, 26, 20, 12];
const BODY_WIDTHS = [24, 60];

/** A spreadsheet cell: a text, or a number a spreadsheet adds up and sorts as one (the HTTP status). */
export type SheetCell = string | number;

/**
 * How a text longer than a cell holds is written. `said`: the cell says so instead of holding it (the CSV, which
 * other programs read too: half a body is of no use to them). `cut`: the cell keeps its start and ends saying it was
 * cut (the workbook a person reads, who finds the order's number and names in that start).
 */
export type LongText = 'said' | 'cut';

/**
 * The events as a shopkeeper reads them in a spreadsheet, in the dashboard's language: first the columns
 * a person reads (the time on the shop's clock, as Excel takes a date and time, the source, the event's
 * name, the summary and status in words, why a request was refused, what Hookferry answered the sender,
 * whether it was a test), then the codes as the API gives them (event id, UTC time, type and status
 * codes), so a script can still join or re-read the file. Bodies, when asked for, come last.
 */
export function spreadsheet(
  language: Language,
  timeZone: string | undefined,
  bodies: boolean,
  longText: LongText = 'said',
) {
  const t = translatorFor(language);
  const clock = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const typeName = (type: string) => eventTypeName(type, language);
  const said = (reason: Reason, english: string) => reasonText(t, withTypeNamed(reason, language), english);
  const named = Object.keys(WIDTHS) as (keyof typeof WIDTHS)[];
  const header = [
    ...named.map((key) => t(`spreadsheet.${key}`)),
    ...CODE_COLUMNS,
    ...(bodies ? ['content_type', 'body'] : []),
  ];
  const widths = [...named.map((key) => WIDTHS[key]), ...CODE_WIDTHS, ...(bodies ? BODY_WIDTHS : [])];

  const localTime = (ms: number) => {
    const part = Object.fromEntries(clock.formatToParts(ms).map(({ type, value }) => [type, value]));
    return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
  };

  const row = (stored: ExportRow): SheetCell[] => {
    // Rows stored before texts were bounded (bounded-text.ts) are cut here: 20 of them made a 200 MB file.
    const event = { ...stored, summary: bounded(stored.summary), reason: boundedOrNull(stored.reason) };
    const rejection = reasonFromColumn(event.rejection);
    return [
      localTime(event.received_at),
      event.source_name ?? '',
      typeName(event.type),
      // A refused request's summary would only be its reason, which has its own column just after.
      event.status === 'rejected' ? '' : fitted(summaryIn({ ...event, rejection }, typeName, said)),
      // A test is said as a test, and any other as the live log names it (a failed event delivered elsewhere is
      // "delivered in part", one held only by a pause "Waits: paused", one held in an ordered line "Waiting").
      t(
        testStatusKey({ test: event.is_test === 1, status: event.status }) ??
          (event.waits === 'paused'
            ? 'log.waitsPaused'
            : event.waits === 'behind'
              ? 'log.waitsBehind'
              : `status.${event.outcome}`),
      ),
      fitted(rejection ? said(rejection, event.reason ?? '') : (event.reason ?? '')),
      event.http_status ?? '',
      event.is_test ? t('common.yes') : '',
      event.id,
      new Date(event.received_at).toISOString(),
      event.type,
      event.status,
      ...(bodies ? [event.content_type ?? '', bodyCell(event.body, event.content_type)] : []),
    ];
  };
  const counts = (text: string) => ({
    length: text.length.toLocaleString(language),
    most: CELL_CHARACTERS.toLocaleString(language),
  });
  // A text a cell cannot hold is said so in its cell rather than cut where the reader cannot see it.
  const cut = (text: string) => {
    const mark = t('spreadsheet.cellCut', counts(text));
    let keep = CELL_CHARACTERS - mark.length;
    // A character outside the basic plane is two UTF-16 units: never cut between them.
    if (/[\uD800-\uDBFF]/.test(text.charAt(keep - 1))) keep--;
    return text.slice(0, keep) + mark;
  };
  // Summaries and reasons are bounded far below a cell (bounded-text.ts); this only keeps the promise if that changes.
  const fitted = (text: string) => (text.length <= CELL_CHARACTERS || longText === 'said' ? text : cut(text));
  // Read in the charset the body declares, as intake read it (an ISO-8859-1 é is é here too, not �).
  const bodyCell = (body: Buffer | null, contentType: string | null) => {
    const text = body ? storedTextOf(body, contentType) : '';
    if (text.length <= CELL_CHARACTERS) return text;
    return longText === 'cut' ? cut(text) : t('spreadsheet.bodyTooLong', counts(text));
  };
  return { header, widths, row, sheetName: t('spreadsheet.sheet') };
}

export type Spreadsheet = ReturnType<typeof spreadsheet>;
