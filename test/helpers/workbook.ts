import ExcelJS from 'exceljs';

export type ReadCell = string | number | null;

export interface ReadSheet {
  name: string;
  /** Whether the first row stays in view when scrolling. */
  headerFrozen: boolean;
  headerBold: boolean;
  widths: number[];
  /** Each row's cells from column A, the header first; a text cell as its text, a missing cell null. */
  rows: ReadCell[][];
  /** exceljs's type of each cell, row by row, to tell a text from a formula. */
  types: ExcelJS.ValueType[][];
}

/** An .xlsx file read back with exceljs's reader, as a spreadsheet program reads it. */
export async function readWorkbook(file: Buffer | ArrayBuffer): Promise<ReadSheet[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file instanceof ArrayBuffer ? file : (file.buffer.slice(file.byteOffset) as ArrayBuffer));
  return book.worksheets.map((sheet) => {
    const rows: ReadCell[][] = [];
    const types: ExcelJS.ValueType[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const cells = Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1));
      rows.push(cells.map((cell) => textOf(cell.value)));
      types.push(cells.map((cell) => cell.type));
    });
    const view = sheet.views[0];
    return {
      name: sheet.name,
      headerFrozen: view?.state === 'frozen' && view.ySplit === 1,
      headerBold: sheet.getRow(1).getCell(1).font?.bold === true,
      widths: sheet.columns.map((column) => column.width ?? 0),
      rows,
      types,
    };
  });
}

function textOf(value: ExcelJS.CellValue): ReadCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((run) => run.text).join('');
  throw new Error(`A cell holds neither text nor a number: ${JSON.stringify(value)}`);
}
