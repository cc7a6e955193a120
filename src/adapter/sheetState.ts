/**
 * What a rebuild of one of the add-on's sheets checks before it writes (its values, notes,
 * bold cells, frozen panes, size and conditional-format rules), in one Sheets API read
 * (`Sheets.Spreadsheets.get` with `ranges` and a field mask: the grid data of that sheet only,
 * "Limiting the range returns only the portions of the spreadsheet that intersect the requested
 * ranges", Sheets API reference, spreadsheets/get) instead of a SpreadsheetApp call for each
 * (about 13 for the board). Read before the action's first write: the API does not see
 * SpreadsheetApp's cached writes (dev/fakes/advancedSheets.ts models the worse case). What
 * differs is then changed through SpreadsheetApp, each change with its undo, as before.
 */
import { columnLetter } from '../core/cellAddress';
import { spreadsheetIdOf, wholeSheetRef } from './batchRead';
import { sheetsApi } from './services';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A GridRange as the API sends it (0-based, ends exclusive; a field at 0 left out). */
export interface GridRangeJson {
  sheetId?: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

/**
 * A bounded GridRange in A1 as Range.getA1Notation writes it ("B3", "B3:C4"); '' when a side is
 * unbounded.
 * @param r the range
 */
export function gridRangeA1(r: GridRangeJson): string {
  if (r.endRowIndex === undefined || r.endColumnIndex === undefined) return '';
  const top = `${columnLetter(r.startColumnIndex ?? 0)}${(r.startRowIndex ?? 0) + 1}`;
  const bottom = `${columnLetter(r.endColumnIndex - 1)}${r.endRowIndex}`;
  return top === bottom ? top : `${top}:${bottom}`;
}

/** A conditional-format rule as read: what a text rule's check compares (textRulesSync.ts). */
export interface StateRule {
  /** Its ranges in A1 ('' for an unbounded one). */
  readonly ranges: readonly string[];
  /** Its condition as SpreadsheetApp's BooleanCriteria names it (TEXT_EQUAL_TO, TEXT_STARTS_WITH; others as the API names them). */
  readonly criteria: string;
  /** Its condition's first value ('' when none). */
  readonly value: string;
  /** '#rrggbb', '' when none. */
  readonly background: string;
  readonly fontColor: string;
}

/** A sheet's state as read in one call. */
export interface SheetState {
  readonly maxRows: number;
  readonly maxColumns: number;
  readonly frozenRows: number;
  readonly frozenColumns: number;
  /** The last row holding a value or a formula, as Sheet.getLastRow gives it (0: none). */
  readonly lastRow: number;
  /**
   * The data range's values as `getDataRange().getValues()` gives them (texts, numbers,
   * booleans, '' for an empty cell); null when a cell holds a date or an error, which the API
   * gives otherwise than getValues (then read through SpreadsheetApp).
   */
  readonly values: unknown[][] | null;
  /**
   * The notes of a block, as Range.getNotes gives them ('' where none).
   * @param row its first row (1-based)
   * @param column its first column (1-based)
   * @param rows how many rows
   * @param columns how many columns
   */
  notes(row: number, column: number, rows: number, columns: number): string[][];
  /**
   * Whether every cell of a block is bold (its own format, as Range.getFontWeights reads it).
   * @param row its first row (1-based)
   * @param column its first column (1-based)
   * @param rows how many rows
   * @param columns how many columns
   */
  allBold(row: number, column: number, rows: number, columns: number): boolean;
  /** Its conditional-format rules, in order. */
  readonly rules: readonly StateRule[];
}

/** The fields read (Sheets API reference: Sheet, GridData, CellData, ConditionalFormatRule). */
const STATE_FIELDS =
  'sheets(properties(title,gridProperties(rowCount,columnCount,frozenRowCount,frozenColumnCount)),' +
  'data(startRow,startColumn,rowData(values(userEnteredValue,effectiveValue,note,' +
  'userEnteredFormat(textFormat(bold)),effectiveFormat(numberFormat(type))))),conditionalFormats)';

/** ConditionType names of the API as SpreadsheetApp's BooleanCriteria name them (the two text rules use). */
const CRITERIA_OF_: Readonly<Record<string, string>> = {
  TEXT_EQ: 'TEXT_EQUAL_TO',
  TEXT_STARTS_WITH: 'TEXT_STARTS_WITH',
};

/** Number formats whose numbers getValues gives as dates (Sheets API reference, NumberFormatType). */
const DATE_TYPES_ = new Set(['DATE', 'TIME', 'DATE_TIME']);

interface ColorJson_ {
  red?: number;
  green?: number;
  blue?: number;
}

interface CellJson_ {
  userEnteredValue?: Record<string, unknown>;
  effectiveValue?: { stringValue?: string; numberValue?: number; boolValue?: boolean; errorValue?: unknown };
  note?: string;
  userEnteredFormat?: { textFormat?: { bold?: boolean } };
  effectiveFormat?: { numberFormat?: { type?: string } };
}

interface RuleJson_ {
  ranges?: GridRangeJson[];
  booleanRule?: {
    condition?: { type?: string; values?: { userEnteredValue?: string }[] };
    format?: {
      backgroundColor?: ColorJson_;
      backgroundColorStyle?: { rgbColor?: ColorJson_ };
      textFormat?: { foregroundColor?: ColorJson_; foregroundColorStyle?: { rgbColor?: ColorJson_ } };
    };
  };
}

interface SheetJson_ {
  properties?: {
    title?: string;
    gridProperties?: { rowCount?: number; columnCount?: number; frozenRowCount?: number; frozenColumnCount?: number };
  };
  data?: { startRow?: number; startColumn?: number; rowData?: { values?: CellJson_[] }[] }[];
  conditionalFormats?: RuleJson_[];
}

/**
 * A Color as Range and rule getters give it, '#rrggbb' ('' when none).
 * @param c the colour (its parts in 0–1, a part at 0 left out: proto3 JSON)
 */
function hex_(c: ColorJson_ | undefined): string {
  if (!c) return '';
  const part = (x: number | undefined) =>
    Math.round(Math.min(1, Math.max(0, x ?? 0)) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${part(c.red)}${part(c.green)}${part(c.blue)}`;
}

/**
 * Reads several sheets' states in one call (one Sheets API read: the sheets come back in tab
 * order, each with its own grid data, and are matched by title). The caller has made no write
 * this execution that is not flushed.
 * @param ss the workbook
 * @param names the sheets' names
 * @return their states, in the order of `names`
 */
export function readSheetStates(ss: Spreadsheet, names: readonly string[]): SheetState[] {
  if (names.length === 0) return [];
  const resource = sheetsApi().Spreadsheets.get(spreadsheetIdOf(ss), {
    ranges: names.map(wholeSheetRef),
    fields: STATE_FIELDS,
  }) as { sheets?: SheetJson_[] };
  const sheets = resource.sheets ?? [];
  return names.map((name) => stateOf_(sheets.find((s) => s.properties?.title === name) ?? {}));
}

/**
 * A sheet's state from its part of the answer.
 * @param sheet the sheet as the API gave it
 */
function stateOf_(sheet: SheetJson_): SheetState {
  const grid = sheet.properties?.gridProperties ?? {};
  const data = sheet.data?.[0] ?? {};
  const top = data.startRow ?? 0;
  const left = data.startColumn ?? 0;
  const cells = (data.rowData ?? []).map((r) => r.values ?? []);
  const cellAt = (row: number, column: number): CellJson_ | undefined => cells[row - 1 - top]?.[column - 1 - left];
  const extent = extent_(cells, top, left);
  return {
    maxRows: grid.rowCount ?? 0,
    maxColumns: grid.columnCount ?? 0,
    frozenRows: grid.frozenRowCount ?? 0,
    frozenColumns: grid.frozenColumnCount ?? 0,
    lastRow: extent.rows,
    values: values_(cells, top, left, extent),
    notes: (row, column, rows, columns) =>
      Array.from({ length: rows }, (_, i) =>
        Array.from({ length: columns }, (_, j) => cellAt(row + i, column + j)?.note ?? ''),
      ),
    allBold: (row, column, rows, columns) => {
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < columns; j++)
          if (cellAt(row + i, column + j)?.userEnteredFormat?.textFormat?.bold !== true) return false;
      return true;
    },
    rules: (sheet.conditionalFormats ?? []).map((rule): StateRule => {
      const condition = rule.booleanRule?.condition;
      const format = rule.booleanRule?.format;
      const type = String(condition?.type ?? '');
      return {
        ranges: (rule.ranges ?? []).map(gridRangeA1),
        criteria: CRITERIA_OF_[type] ?? type,
        value: String(condition?.values?.[0]?.userEnteredValue ?? ''),
        background: hex_(format?.backgroundColorStyle?.rgbColor ?? format?.backgroundColor),
        fontColor: hex_(format?.textFormat?.foregroundColorStyle?.rgbColor ?? format?.textFormat?.foregroundColor),
      };
    }),
  };
}

/**
 * The last row and column holding a value or a formula (0: none).
 * @param cells the rows of cells read (from row top + 1, column left + 1)
 * @param top rows before the first read
 * @param left columns before the first read
 */
function extent_(cells: CellJson_[][], top: number, left: number): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  for (const [i, line] of cells.entries()) {
    for (const [j, cell] of line.entries()) {
      if (cell.userEnteredValue !== undefined || cell.effectiveValue !== undefined) {
        rows = Math.max(rows, top + i + 1);
        columns = Math.max(columns, left + j + 1);
      }
    }
  }
  return { rows, columns };
}

/**
 * The data range's values as getValues gives them, or null when a cell holds a date or an
 * error. The data range runs from A1 to the last row and column holding a value or a formula.
 * @param cells the rows of cells read (from row top + 1, column left + 1)
 * @param top rows before the first read
 * @param left columns before the first read
 * @param extent the last row and column holding something
 */
function values_(
  cells: CellJson_[][],
  top: number,
  left: number,
  extent: { rows: number; columns: number },
): unknown[][] | null {
  const { rows, columns } = extent;
  const out: unknown[][] = [];
  for (let i = 0; i < Math.max(rows, 1); i++) {
    const line: unknown[] = [];
    for (let j = 0; j < Math.max(columns, 1); j++) {
      const cell = cells[i - top]?.[j - left];
      const v = cell?.effectiveValue;
      if (!v) line.push('');
      else if (v.errorValue !== undefined) return null;
      else if (v.stringValue !== undefined) line.push(v.stringValue);
      else if (v.boolValue !== undefined) line.push(v.boolValue);
      else if (v.numberValue !== undefined) {
        if (DATE_TYPES_.has(String(cell?.effectiveFormat?.numberFormat?.type ?? ''))) return null;
        line.push(v.numberValue);
      } else return null;
    }
    out.push(line);
  }
  return out;
}
