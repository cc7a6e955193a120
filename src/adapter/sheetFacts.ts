/**
 * What set-up checks on its sheets, read for many sheets in one Sheets API call: each sheet's
 * size, frozen rows and tab colour, and each cell's typed value, number format, bold, background,
 * note and dropdown (`Sheets.Spreadsheets.get` with `ranges` and a field mask naming
 * `sheets.data`: "Limiting the range returns only the portions of the spreadsheet that intersect
 * the requested ranges", Sheets API reference, spreadsheets/get; CellData, CellFormat,
 * DataValidationRule, GridProperties). Before, SpreadsheetApp needed about 20 calls a sheet for
 * the same checks (issue 23). A reader takes a field or cell the answer leaves out as Sheets'
 * default (proto3 JSON leaves out defaults; trailing empty cells may be left out), and a sheet the
 * answer does not list as unknown: the caller then checks it the SpreadsheetApp way.
 */
import { columnLetter } from '../core/cellAddress';
import { flushWrites, sheetsApi } from './services';
import { bookIdOf } from './sheetName';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A DataValidationRule as the API returns it (the fields read). */
export interface ValidationJson {
  readonly condition?: { readonly type?: string; readonly values?: readonly { readonly userEnteredValue?: string }[] };
  readonly inputMessage?: string;
  readonly strict?: boolean;
  readonly showCustomUi?: boolean;
}

/** A conditional-format rule as one read showed it. */
export interface KnownRule {
  /** each range in A1 ('' for one unbounded on a side) */
  readonly ranges: readonly string[];
  /** the API's condition type (NUMBER_EQ, TEXT_EQ, …; '' for a gradient) */
  readonly type: string;
  readonly values: readonly string[];
  /** lower-case '#rrggbb', '' for none */
  readonly background: string;
  /** the text colour, lower-case '#rrggbb', '' for none */
  readonly text: string;
}

/** A GridRange as the API returns it (a field at 0 left out). */
interface GridRangeJson_ {
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

/** A colour as the API returns it. */
type ColorJson_ = { red?: number; green?: number; blue?: number };

/** A ConditionalFormatRule as the API returns it (the fields read). */
interface RuleJson_ {
  ranges?: GridRangeJson_[];
  booleanRule?: {
    condition?: { type?: string; values?: { userEnteredValue?: string }[] };
    format?: { backgroundColor?: ColorJson_; textFormat?: { foregroundColor?: ColorJson_ } };
  };
}

/**
 * A bounded GridRange in A1 as Range.getA1Notation writes it ("B3", "B3:C4"); '' when a side is
 * unbounded.
 * @param r the range
 */
function a1Of_(r: GridRangeJson_): string {
  if (r.endRowIndex === undefined || r.endColumnIndex === undefined) return '';
  const top = `${columnLetter(r.startColumnIndex ?? 0)}${(r.startRowIndex ?? 0) + 1}`;
  const bottom = `${columnLetter(r.endColumnIndex - 1)}${r.endRowIndex}`;
  return top === bottom ? top : `${top}:${bottom}`;
}

/** A CellData as the API returns it (the fields asked for). */
interface CellJson_ {
  userEnteredValue?: { stringValue?: string; numberValue?: number; boolValue?: boolean; formulaValue?: string };
  userEnteredFormat?: {
    numberFormat?: { pattern?: string };
    textFormat?: { bold?: boolean };
    backgroundColor?: { red?: number; green?: number; blue?: number };
  };
  note?: string;
  dataValidation?: ValidationJson;
}

/** A GridData as the API returns it. */
interface GridJson_ {
  startRow?: number;
  startColumn?: number;
  rowData?: { values?: CellJson_[] }[];
}

/** One sheet as one read saw it. */
export interface SheetFacts {
  readonly sheetId: number;
  readonly title: string;
  /** getMaxRows */
  readonly rows: number;
  /** getMaxColumns */
  readonly columns: number;
  readonly frozenRows: number;
  /** lower-case '#rrggbb', or null for none */
  readonly tabColor: string | null;
  /** getLastRow: the last row with a typed value or formula (0 when none) */
  readonly lastRow: number;
  /** getLastColumn */
  readonly lastColumn: number;
  /** getConditionalFormatRules, in order */
  readonly rules: readonly KnownRule[];
  /**
   * A cell's typed value: a string, number or boolean; '' when empty; null for a formula (its
   * value is Sheets' to compute, so a reader cannot judge it from here).
   * @param row 1-based
   * @param col 1-based
   */
  value(row: number, col: number): string | number | boolean | null;
  /** A cell's number format pattern ('' when it has none of its own). */
  format(row: number, col: number): string;
  /** Whether a cell is bold. */
  bold(row: number, col: number): boolean;
  /** A cell's background, lower-case '#rrggbb' ('' when it has none of its own). */
  background(row: number, col: number): string;
  /** A cell's note ('' when none). */
  note(row: number, col: number): string;
  /** A cell's dropdown or check, or null. */
  validation(row: number, col: number): ValidationJson | null;
}

/** The fields asked for (Sheets API reference: SheetProperties, GridProperties, GridData, CellData). */
const FACT_FIELDS =
  'sheets(properties(sheetId,title,gridProperties(rowCount,columnCount,frozenRowCount),tabColor),' +
  'conditionalFormats(ranges,booleanRule(condition(type,values(userEnteredValue)),' +
  'format(backgroundColor,textFormat(foregroundColor)))),' +
  'data(startRow,startColumn,rowData(values(userEnteredValue,' +
  'userEnteredFormat(numberFormat(pattern),textFormat(bold),backgroundColor),note,dataValidation))))';

/**
 * A Color (channels in [0, 1], a missing one 0) as lower-case '#rrggbb'.
 * @param c the colour
 */
function hexOf_(c: ColorJson_ | undefined): string {
  if (!c) return '';
  const hex = (x: number | undefined) =>
    Math.round(Math.min(1, Math.max(0, x ?? 0)) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${hex(c.red)}${hex(c.green)}${hex(c.blue)}`;
}

/**
 * A sheet's name as a range naming all its cells.
 * @param name the sheet's name
 */
function wholeSheet_(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Reads the facts of some sheets in one call (after committing SpreadsheetApp's pending writes,
 * which the API may not see).
 * @param ss the workbook
 * @param names the sheets' names (their whole grids are read)
 * @return the facts by sheet id; a sheet the answer leaves out is missing
 */
export function readSheetFacts(ss: Spreadsheet, names: readonly string[]): Map<number, SheetFacts> {
  const out = new Map<number, SheetFacts>();
  if (names.length === 0) return out;
  flushWrites();
  const resource = sheetsApi().Spreadsheets.get(bookIdOf(ss), {
    ranges: names.map(wholeSheet_),
    fields: FACT_FIELDS,
  });
  for (const sheet of resource.sheets ?? []) {
    const props = sheet.properties ?? {};
    const grid = props.gridProperties ?? {};
    const cells: CellJson_[][] = [];
    for (const data of (sheet.data ?? []) as GridJson_[]) {
      const top = data.startRow ?? 0;
      const left = data.startColumn ?? 0;
      (data.rowData ?? []).forEach((row, i) => {
        cells[top + i] ??= [];
        const line = cells[top + i];
        (row.values ?? []).forEach((cell, j) => {
          line[left + j] = cell;
        });
      });
    }
    let lastRow = 0;
    let lastColumn = 0;
    cells.forEach((line, r) => {
      line?.forEach((cell, c) => {
        const v = cell?.userEnteredValue;
        if (v === undefined || v.stringValue === '') return;
        lastRow = Math.max(lastRow, r + 1);
        lastColumn = Math.max(lastColumn, c + 1);
      });
    });
    const at = (row: number, col: number): CellJson_ | undefined => cells[row - 1]?.[col - 1];
    const tab = hexOf_(props.tabColor as { red?: number; green?: number; blue?: number } | undefined);
    out.set(props.sheetId ?? 0, {
      sheetId: props.sheetId ?? 0,
      title: props.title ?? '',
      rows: grid.rowCount ?? 0,
      columns: grid.columnCount ?? 0,
      frozenRows: grid.frozenRowCount ?? 0,
      tabColor: tab === '' ? null : tab,
      lastRow,
      lastColumn,
      rules: ((sheet.conditionalFormats ?? []) as RuleJson_[]).map((rule) => ({
        ranges: (rule.ranges ?? []).map(a1Of_),
        type: rule.booleanRule?.condition?.type ?? '',
        values: (rule.booleanRule?.condition?.values ?? []).map((v) => v.userEnteredValue ?? ''),
        background: hexOf_(rule.booleanRule?.format?.backgroundColor),
        text: hexOf_(rule.booleanRule?.format?.textFormat?.foregroundColor),
      })),
      value: (row, col) => {
        const v = at(row, col)?.userEnteredValue;
        if (!v) return '';
        if (v.formulaValue !== undefined) return null;
        return v.stringValue ?? v.numberValue ?? v.boolValue ?? '';
      },
      format: (row, col) => at(row, col)?.userEnteredFormat?.numberFormat?.pattern ?? '',
      bold: (row, col) => at(row, col)?.userEnteredFormat?.textFormat?.bold === true,
      background: (row, col) => hexOf_(at(row, col)?.userEnteredFormat?.backgroundColor),
      note: (row, col) => at(row, col)?.note ?? '',
      validation: (row, col) => at(row, col)?.dataValidation ?? null,
    });
  }
  return out;
}
