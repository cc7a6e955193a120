/**
 * Many blocks read in three calls whatever their number, through the Sheets API's
 * `spreadsheets.values.batchGet` (the Advanced Sheets service; docs/performance.md weighs its
 * scope), each block exactly as `Range.getValues()` and `Range.getFormulas()` give it:
 * - values: UNFORMATTED_VALUE with SERIAL_NUMBER ("Values will be calculated, but not
 *   formatted"; a date, time or duration as days since 30 December 1899, the time as the
 *   fraction: Sheets API reference, ValueRenderOption and DateTimeRenderOption);
 * - formulas: FORMULA ("Values will not be calculated. The reply will include the formulas");
 *   a cell holding no formula gives its value there, so a cell is a formula when that text
 *   starts with "=" and differs from its computed value (text typed as "'=x" computes to
 *   itself);
 * - which numbers are dates: UNFORMATTED_VALUE with FORMATTED_STRING ("date, time, datetime,
 *   and duration fields … output as strings in their given number format"), asked only when
 *   a value is a number. A date is rebuilt as getValues gives it: the cell's wall clock in the
 *   spreadsheet's time zone. That is the script's own local time when both zones are the same
 *   (appsscript.json and the spreadsheet both say Asia/Bangkok; no call asks the script's); when they differ, the blocks
 *   are read through SpreadsheetApp instead, as before.
 * Each ValueRange's `range` is "the entire requested range, even though the values will
 * exclude trailing rows and columns" (ValueRange reference): the blocks are padded back to it
 * with "". A sheet's name alone asks for all its cells ("Sheet1 refers to all the cells in
 * Sheet1", Sheets API guide "A1 notation"); its data range is where a value or formula is.
 * The API does not see SpreadsheetApp's cached writes: flush (services.flushWrites) after
 * writing, before reading here. Custom functions cannot call it (it needs authorisation).
 */
import { timeZone as SCRIPT_TIME_ZONE } from '../../appsscript.json';
import { columnNumber } from '../kernel/cellAddress';
import { Remembered } from '../kernel/remembered';
import { sheetsApi } from './services';
import { bookIdOf, rememberBookId } from './sheetName';
import type { Block, Spreadsheet } from './sheetIo';

/** A block to read: an A1 range with its sheet's name, or a sheet's data range. */
export type BlockRequest = { readonly ref: string } | { readonly dataOf: string };

let spreadsheetZone_: string | undefined;

/**
 * Remembers the spreadsheet's id and time zone for this execution, when another read had them
 * (the registry's Sheets API read asks for both at no cost).
 * @param id the spreadsheet's id
 * @param timeZone its time zone ('' when unknown)
 */
export function noteSpreadsheet(id: string, timeZone: string): void {
  rememberBookId(id);
  if (timeZone) spreadsheetZone_ = timeZone;
}

/**
 * The spreadsheet's id, asked once per execution (sheetName.ts keeps it).
 * @param ss the workbook
 */
export function spreadsheetIdOf(ss: Spreadsheet): string {
  return bookIdOf(ss);
}

/**
 * A sheet's name as an A1 range of all its cells (quoted: any name is then read as a name).
 * @param name the sheet's name
 */
export function wholeSheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Thrown inside readBlocks when dates cannot be rebuilt as getValues gives them. */
class OtherZone_ extends Error {}

/**
 * Reads blocks as getValues/getFormulas would, in three calls whatever their number and size.
 * @param ss the workbook
 * @param requests the blocks
 */
export function readBlocks(ss: Spreadsheet, requests: readonly BlockRequest[]): Block[] {
  if (requests.length === 0) return [];
  try {
    return viaApi_(ss, requests);
  } catch (error) {
    if (!(error instanceof OtherZone_)) throw error;
    return requests.map((r) => viaSpreadsheetApp_(ss, r));
  }
}

/** The range asked for a request. */
function rangeOf_(r: BlockRequest): string {
  return 'ref' in r ? r.ref : wholeSheetRef(r.dataOf);
}

/**
 * The blocks through SpreadsheetApp (three calls or so each).
 * @param ss the workbook
 * @param r the request
 */
function viaSpreadsheetApp_(ss: Spreadsheet, r: BlockRequest): Block {
  const whole = 'ref' in r ? /^'((?:[^']|'')*)'$/.exec(r.ref) : null;
  const name = 'dataOf' in r ? r.dataOf : whole ? whole[1].replace(/''/g, "'") : null;
  if (name === null) {
    const range = ss.getRange((r as { ref: string }).ref);
    return { values: range.getValues(), formulas: range.getFormulas() };
  }
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`Range not found: ${rangeOf_(r)}`);
  const range = 'dataOf' in r ? sheet.getDataRange() : sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  return { values: range.getValues(), formulas: range.getFormulas() };
}

/** Rows × columns of an A1 range as the API names it ('name'!A1:J1000, 'name'!B2). */
function sizeOf_(a1: string | undefined): { rows: number; columns: number } | null {
  const cells = (a1 ?? '').slice((a1 ?? '').lastIndexOf('!') + 1).split(':');
  const parse = (cell: string) => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(cell);
    if (!m) return null;
    return { row: Number(m[2]), column: columnNumber(m[1].toUpperCase()) };
  };
  const a = parse(cells[0]);
  const b = cells.length > 1 ? parse(cells[1]) : a;
  if (!a || !b) return null;
  return { rows: b.row - a.row + 1, columns: b.column - a.column + 1 };
}

/** The blocks through the Sheets API. */
function viaApi_(ss: Spreadsheet, requests: readonly BlockRequest[]): Block[] {
  const id = spreadsheetIdOf(ss);
  const ranges = requests.map(rangeOf_);
  const api = sheetsApi().Spreadsheets.Values;
  const get = (valueRenderOption: string, dateTimeRenderOption: string) =>
    api.batchGet(id, { ranges, valueRenderOption, dateTimeRenderOption, majorDimension: 'ROWS' }).valueRanges ?? [];
  const computed = get('UNFORMATTED_VALUE', 'SERIAL_NUMBER');
  const written = get('FORMULA', 'SERIAL_NUMBER');
  // asked even when no value is a number, so that the calls never depend on what is typed
  const shown = get('UNFORMATTED_VALUE', 'FORMATTED_STRING');
  return requests.map((request, k) => {
    const values = computed[k]?.values ?? [];
    const formulas = written[k]?.values ?? [];
    const texts = shown[k]?.values ?? [];
    let size = sizeOf_(computed[k]?.range);
    if ('dataOf' in request || !size) {
      // the data range: down to the last row and across to the last column with a value or formula
      size = {
        rows: Math.max(values.length, formulas.length, 1),
        columns: Math.max(widest_(values), widest_(formulas), 1),
      };
    }
    return blockOf_(ss, values, formulas, texts, size) ?? viaSpreadsheetApp_(ss, request);
  });
}

/** The longest row's length. */
function widest_(rows: readonly (readonly unknown[])[]): number {
  let width = 0;
  for (const line of rows) width = Math.max(width, line.length);
  return width;
}

/**
 * A block as getValues and getFormulas give it, from the API's three answers, or null when a
 * value is null. Plain loops: a block is up to hundreds of thousands of cells.
 * @param ss the workbook
 * @param values the unformatted values
 * @param formulas the formulas (a value where the cell has none)
 * @param texts the values with dates as formatted strings (a number there is not a date)
 * @param size the block's rows and columns
 */
function blockOf_(
  ss: Spreadsheet,
  values: readonly (readonly unknown[])[],
  formulas: readonly (readonly unknown[])[],
  texts: readonly (readonly unknown[])[],
  size: { rows: number; columns: number },
): Block | null {
  // Sheets sends "" for an empty cell, never null: a null is a value JSON could not carry
  // (the stand-in's NaN or invalid Date), read as SpreadsheetApp gives it
  for (const rows of [values, formulas, texts]) for (const line of rows) if (line.includes(null)) return null;
  const outValues: unknown[][] = [];
  const outFormulas: string[][] = [];
  const none: readonly unknown[] = [];
  for (let i = 0; i < size.rows; i++) {
    const valueRow = values[i] ?? none;
    const formulaRow = formulas[i] ?? none;
    const textRow = texts[i] ?? none;
    // lines made at their size: pushing grows each one in steps (about a third more memory
    // held, and the copies left behind, over the nation's 160 000 rows)
    const valueLine: unknown[] = new Array(size.columns);
    const formulaLine: string[] = new Array(size.columns);
    for (let j = 0; j < size.columns; j++) {
      const v: unknown = valueRow[j] ?? '';
      const f: unknown = formulaRow[j] ?? '';
      const isFormula = typeof f === 'string' && f.length > 1 && f.charCodeAt(0) === 61 && f !== v; // '='
      formulaLine[j] = isFormula ? (f as string) : '';
      valueLine[j] = typeof v === 'number' && typeof textRow[j] === 'string' ? dateOf_(ss, v) : v;
    }
    outValues.push(valueLine);
    outFormulas.push(formulaLine);
  }
  return { values: outValues, formulas: outFormulas };
}

/**
 * A date cell's serial as getValues gives it: its wall clock in the spreadsheet's time zone,
 * built in the script's local time, which is its manifest's zone (appsscript.json `timeZone`: "The script time
 * zone in one of the available ZoneId values", Apps Script manifest structure reference), when the spreadsheet's
 * is the same.
 * @param ss the workbook
 * @param serial days since 30 December 1899, the time as the fraction
 */
function dateOf_(ss: Spreadsheet, serial: number): Date {
  spreadsheetZone_ ??= ss.getSpreadsheetTimeZone();
  if (spreadsheetZone_ !== SCRIPT_TIME_ZONE) throw new OtherZone_();
  // A sheet has few distinct dates: building each in the local zone once is most of the cost.
  return new Date(dateTimeOf_.of(serial));
}

/** The instant of each serial built so far in this execution (its zone is the script's). */
const dateTimeOf_ = new Remembered((serial: number) => {
  const days = Math.floor(serial);
  return new Date(1899, 11, 30 + days, 0, 0, 0, Math.round((serial - days) * 86400000)).getTime();
}, 20000);
