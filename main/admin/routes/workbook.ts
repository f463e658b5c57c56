import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportRow } from '../../store/events-read.js';
import type { SheetCell, Spreadsheet } from './spreadsheet.js';

/** The most rows an Excel sheet holds, its header among them; the rows after go on to the next sheet. */
const EXCEL_SHEET_ROWS = 1_048_576;

/** `HOOKFERRY_TEST_SHEET_ROWS` lowers the rows a sheet holds, so a test sees the next sheet without a million events. */
function sheetRows(env: NodeJS.ProcessEnv = process.env): number {
  const override = Number(env.HOOKFERRY_TEST_SHEET_ROWS);
  return Number.isInteger(override) && override >= 2 ? override : EXCEL_SHEET_ROWS;
}

/**
 * Writes the spreadsheet's rows as an Excel workbook to `out`, a row at a time: nothing but the row being written is
 * held, so a store of a million events takes no more memory than one of ten. Each sheet starts with the header, bold
 * and frozen; a sheet that is full goes on in the next ("Events 2"). Resolves once the workbook is whole; rejects,
 * with nothing more written, when a row cannot be read, and stops when `out` is closed (the download cancelled).
 */
export async function writeWorkbook(
  out: Writable,
  sheet: Spreadsheet,
  rows: AsyncIterable<ExportRow>,
  perSheet = sheetRows(),
): Promise<void> {
  // Without shared strings, whose table holds every text until the end; styles for the bold header.
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = 'Hookferry';
  let current: ExcelJS.Worksheet | null = null;
  let sheets = 0;
  let rowsInSheet = 0;
  const nextSheet = () => {
    current?.commit();
    sheets += 1;
    current = book.addWorksheet(sheets === 1 ? sheet.sheetName : `${sheet.sheetName} ${sheets}`, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    current.columns = sheet.widths.map((width) => ({ width }));
    const header = current.addRow(sheet.header.map(cellValue));
    header.font = { bold: true };
    header.commit();
    rowsInSheet = 1;
    return current;
  };
  for await (const row of rows) {
    if (out.destroyed) return;
    const into = current === null || rowsInSheet === perSheet ? nextSheet() : current;
    into.addRow(sheet.row(row).map(cellValue)).commit();
    rowsInSheet += 1;
    await roomIn(into, out);
  }
  if (out.destroyed) return;
  // No events: the header alone says what the file would hold.
  if (current === null) nextSheet();
  await book.commit();
}

/**
 * A text as an inline string: never a formula, whatever it starts with (`=HYPERLINK(…)` from a sender stays text),
 * and kept as it is, spaces and line breaks included. exceljs writes a plain string as a formula's cached text
 * (`t="str"`) instead. An empty text is no cell at all.
 */
function cellValue(cell: SheetCell): ExcelJS.CellValue {
  if (typeof cell === 'number') return cell;
  return cell === '' ? null : { richText: [{ text: cell }] };
}

/**
 * exceljs writes a sheet's rows into the workbook's zip without waiting for the zip to take them: written faster than
 * they are compressed and sent, 60,000 rows held 280 MB. So after each row, while the sheet's entry in the zip holds
 * more than its share, the next row waits for it to drain (it does as the download is read), or for the download to
 * end. The entry is the stream exceljs pipes the sheet's XML into, a readable-stream 3 one (archiver's), which has no
 * `writableNeedDrain`, hence its state read directly; `out` stands in if exceljs ever hides the entry.
 */
async function roomIn(sheet: ExcelJS.Worksheet, out: Writable): Promise<void> {
  const entry = (sheet as unknown as { stream?: { pipes?: Entry[] } }).stream?.pipes?.[0] ?? out;
  const state = (entry as Entry)._writableState;
  const full = state ? state.length >= state.highWaterMark : entry.writableNeedDrain;
  if (!full || out.destroyed) return;
  const done = new AbortController();
  try {
    await Promise.race([once(entry, 'drain', { signal: done.signal }), once(out, 'close', { signal: done.signal })]);
  } finally {
    done.abort();
  }
}

type Entry = Writable & { _writableState?: { length: number; highWaterMark: number } };
