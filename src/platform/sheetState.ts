/**
 * A sheet's state as one Sheets API read saw it: its size, frozen panes, tab colour and
 * conditional-format rules, and each cell's value, note, bold, number format, background and
 * dropdown, for many sheets in one call (`Sheets.Spreadsheets.get` with `ranges` and a field
 * mask naming `sheets.data`: "Limiting the range returns only the portions of the spreadsheet
 * that intersect the requested ranges", Sheets API reference, spreadsheets/get; SheetProperties,
 * GridProperties, GridData, CellData, CellFormat, DataValidationRule, ConditionalFormatRule).
 * SpreadsheetApp needs a call for each of these a sheet (about 13 for the board, 20 for a sheet
 * set-up checks, issue 23). Two readers: a rebuild of the board and an append to the log read
 * their values before the action's first write; set-up reads what it checks on its sheets. A
 * reader takes a field or cell the answer leaves out as Sheets' default (proto3 JSON leaves out
 * defaults; trailing empty cells may be left out), and a sheet the answer does not list as
 * unknown: the caller then checks it the SpreadsheetApp way. The API does not see SpreadsheetApp's
 * cached writes (dev/fakes/advancedSheets.ts models the worse case): a caller that wrote first
 * asks for a flush.
 */
import { columnLetter, columnNumber } from '../kernel/cellAddress';
import { spreadsheetIdOf, wholeSheetRef } from './batchRead';
import { flushWrites, sheetsApi } from './services';

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

/**
 * A bounded A1 range of a sheet ("B3", "B3:C4") as a GridRange, the inverse of gridRangeA1.
 * @param sheetId the sheet's id
 * @param range the cells in A1 (letters and row numbers; no sheet name)
 */
export function a1GridRange(sheetId: number, range: string): GridRangeJson {
  const corners = range.split(':').map((corner) => {
    const m = /^([A-Z]+)(\d+)$/.exec(corner.trim().toUpperCase());
    if (!m) throw new Error(`not a bounded A1 range: "${range}"`);
    return { row: Number(m[2]) - 1, column: columnNumber(m[1]) - 1 };
  });
  const [top, bottom = top] = corners;
  return {
    sheetId,
    startRowIndex: Math.min(top.row, bottom.row),
    endRowIndex: Math.max(top.row, bottom.row) + 1,
    startColumnIndex: Math.min(top.column, bottom.column),
    endColumnIndex: Math.max(top.column, bottom.column) + 1,
  };
}

/** A DataValidationRule as the API returns it (the fields read). */
export interface ValidationJson {
  readonly condition?: { readonly type?: string; readonly values?: readonly { readonly userEnteredValue?: string }[] };
  readonly inputMessage?: string;
  readonly strict?: boolean;
  readonly showCustomUi?: boolean;
}

/** A conditional-format rule as read. */
export interface StateRule {
  /** Its ranges in A1 ('' for one unbounded on a side). */
  readonly ranges: readonly string[];
  /** Its condition's type as the API names it (TEXT_EQ, TEXT_STARTS_WITH, NUMBER_EQ, …; '' for a gradient). */
  readonly type: string;
  /** Its condition's values. */
  readonly values: readonly string[];
  /** Lower-case '#rrggbb', '' when none. */
  readonly background: string;
  /** The text colour, lower-case '#rrggbb', '' when none. */
  readonly text: string;
}

/** What a read asks beyond every cell's typed value, note and bold. */
export interface StateAspects {
  /** The data range's values as getValues gives them (`values`). */
  readonly values?: boolean;
  /** Each cell's number format, background and dropdown (what set-up checks). */
  readonly layout?: boolean;
  /** Commit SpreadsheetApp's cached writes first (the caller wrote this execution). */
  readonly flush?: boolean;
}

/** A sheet's state as read in one call. */
export interface SheetState {
  readonly sheetId: number;
  readonly title: string;
  /** getMaxRows */
  readonly maxRows: number;
  /** getMaxColumns */
  readonly maxColumns: number;
  readonly frozenRows: number;
  readonly frozenColumns: number;
  /** Lower-case '#rrggbb', or null for none. */
  readonly tabColor: string | null;
  /** The last row holding a value or a formula, as Sheet.getLastRow gives it (0: none). */
  readonly lastRow: number;
  /** getLastColumn */
  readonly lastColumn: number;
  /** Its conditional-format rules, in order. */
  readonly rules: readonly StateRule[];
  /**
   * The data range's values as `getDataRange().getValues()` gives them (texts, numbers,
   * booleans, '' for an empty cell); null when not asked (aspect `values`) or when a cell holds
   * a date or an error, which the API gives otherwise than getValues (then read through
   * SpreadsheetApp).
   */
  readonly values: unknown[][] | null;
  /**
   * A cell's typed value: a string, number or boolean; '' when empty; null for a formula (its
   * value is Sheets' to compute, so a reader cannot judge it from here).
   * @param row 1-based
   * @param col 1-based
   */
  typed(row: number, col: number): string | number | boolean | null;
  /** A cell's number format pattern ('' when it has none of its own; aspect `layout`). */
  format(row: number, col: number): string;
  /** Whether a cell is bold (its own format, as Range.getFontWeights reads it). */
  bold(row: number, col: number): boolean;
  /** A cell's background, lower-case '#rrggbb' ('' when it has none of its own; aspect `layout`). */
  background(row: number, col: number): string;
  /** A cell's note ('' when none). */
  note(row: number, col: number): string;
  /** A cell's dropdown or check, or null (aspect `layout`). */
  validation(row: number, col: number): ValidationJson | null;
  /**
   * The notes of a block, as Range.getNotes gives them ('' where none).
   * @param row its first row (1-based)
   * @param column its first column (1-based)
   * @param rows how many rows
   * @param columns how many columns
   */
  notes(row: number, column: number, rows: number, columns: number): string[][];
  /**
   * Whether every cell of a block is bold.
   * @param row its first row (1-based)
   * @param column its first column (1-based)
   * @param rows how many rows
   * @param columns how many columns
   */
  allBold(row: number, column: number, rows: number, columns: number): boolean;
}

/** Number formats whose numbers getValues gives as dates (Sheets API reference, NumberFormatType). */
const DATE_TYPES_ = new Set(['DATE', 'TIME', 'DATE_TIME']);

interface ColorJson_ {
  red?: number;
  green?: number;
  blue?: number;
}

interface CellJson_ {
  userEnteredValue?: { stringValue?: string; numberValue?: number; boolValue?: boolean; formulaValue?: string };
  effectiveValue?: { stringValue?: string; numberValue?: number; boolValue?: boolean; errorValue?: unknown };
  note?: string;
  userEnteredFormat?: {
    numberFormat?: { pattern?: string };
    textFormat?: { bold?: boolean };
    backgroundColor?: ColorJson_;
  };
  effectiveFormat?: { numberFormat?: { type?: string } };
  dataValidation?: ValidationJson;
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
    sheetId?: number;
    title?: string;
    tabColor?: ColorJson_;
    gridProperties?: { rowCount?: number; columnCount?: number; frozenRowCount?: number; frozenColumnCount?: number };
  };
  data?: { startRow?: number; startColumn?: number; rowData?: { values?: CellJson_[] }[] }[];
  conditionalFormats?: RuleJson_[];
}

/**
 * The field mask of a read (Sheets API reference: Sheet, GridData, CellData, ConditionalFormatRule).
 * @param aspects what is asked beyond typed values, notes and bold
 */
function fields_(aspects: StateAspects): string {
  const format = aspects.layout
    ? 'userEnteredFormat(numberFormat(pattern),textFormat(bold),backgroundColor)'
    : 'userEnteredFormat(textFormat(bold))';
  const cell = [
    'userEnteredValue',
    'note',
    format,
    ...(aspects.values ? ['effectiveValue', 'effectiveFormat(numberFormat(type))'] : []),
    ...(aspects.layout ? ['dataValidation'] : []),
  ].join(',');
  return (
    'sheets(properties(sheetId,title,tabColor,gridProperties(rowCount,columnCount,frozenRowCount,frozenColumnCount)),' +
    'conditionalFormats(ranges,booleanRule(condition(type,values(userEnteredValue)),' +
    'format(backgroundColor,backgroundColorStyle,textFormat(foregroundColor,foregroundColorStyle)))),' +
    `data(startRow,startColumn,rowData(values(${cell}))))`
  );
}

/**
 * A Color as lower-case '#rrggbb' ('' when none).
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
 * order, each with its own grid data, and are matched by title).
 * @param ss the workbook
 * @param names the sheets' names (their whole grids are read)
 * @param aspects what is asked beyond typed values, notes and bold, and whether to flush first
 * @return their states, in the order of `names`; null for a sheet the answer leaves out
 */
export function readSheetStates(
  ss: Spreadsheet,
  names: readonly string[],
  aspects: StateAspects = {},
): (SheetState | null)[] {
  if (names.length === 0) return [];
  if (aspects.flush) flushWrites();
  const resource = sheetsApi().Spreadsheets.get(spreadsheetIdOf(ss), {
    ranges: names.map(wholeSheetRef),
    fields: fields_(aspects),
  }) as { sheets?: SheetJson_[] };
  const sheets = resource.sheets ?? [];
  return names.map((name) => {
    const sheet = sheets.find((s) => s.properties?.title === name);
    return sheet ? stateOf_(sheet, aspects.values === true) : null;
  });
}

/**
 * A sheet's state from its part of the answer.
 * @param sheet the sheet as the API gave it
 * @param withValues whether its values were asked
 */
function stateOf_(sheet: SheetJson_, withValues: boolean): SheetState {
  const props = sheet.properties ?? {};
  const grid = props.gridProperties ?? {};
  const { cells, extent } = cells_(sheet.data ?? []);
  const at = (row: number, column: number): CellJson_ | undefined => cells[row - 1]?.[column - 1];
  const tab = hex_(props.tabColor);
  const state: SheetState = {
    sheetId: props.sheetId ?? 0,
    title: props.title ?? '',
    maxRows: grid.rowCount ?? 0,
    maxColumns: grid.columnCount ?? 0,
    frozenRows: grid.frozenRowCount ?? 0,
    frozenColumns: grid.frozenColumnCount ?? 0,
    tabColor: tab === '' ? null : tab,
    lastRow: extent.rows,
    lastColumn: extent.columns,
    values: withValues ? values_(cells, extent) : null,
    typed: (row, column) => {
      const v = at(row, column)?.userEnteredValue;
      if (!v) return '';
      if (v.formulaValue !== undefined) return null;
      return v.stringValue ?? v.numberValue ?? v.boolValue ?? '';
    },
    format: (row, column) => at(row, column)?.userEnteredFormat?.numberFormat?.pattern ?? '',
    bold: (row, column) => at(row, column)?.userEnteredFormat?.textFormat?.bold === true,
    background: (row, column) => hex_(at(row, column)?.userEnteredFormat?.backgroundColor),
    note: (row, column) => at(row, column)?.note ?? '',
    validation: (row, column) => at(row, column)?.dataValidation ?? null,
    notes: (row, column, rows, columns) =>
      Array.from({ length: rows }, (_, i) =>
        Array.from({ length: columns }, (_, j) => state.note(row + i, column + j)),
      ),
    allBold: (row, column, rows, columns) => {
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < columns; j++) if (!state.bold(row + i, column + j)) return false;
      return true;
    },
    rules: (sheet.conditionalFormats ?? []).map((rule): StateRule => {
      const condition = rule.booleanRule?.condition;
      const format = rule.booleanRule?.format;
      return {
        ranges: (rule.ranges ?? []).map(gridRangeA1),
        type: String(condition?.type ?? ''),
        values: (condition?.values ?? []).map((v) => String(v.userEnteredValue ?? '')),
        background: hex_(format?.backgroundColorStyle?.rgbColor ?? format?.backgroundColor),
        text: hex_(format?.textFormat?.foregroundColorStyle?.rgbColor ?? format?.textFormat?.foregroundColor),
      };
    }),
  };
  return state;
}

/**
 * Whether a cell holds a value or a formula (what getLastRow counts).
 * @param cell the cell as read
 */
function holds_(cell: CellJson_ | undefined): boolean {
  if (!cell) return false;
  const typed = cell.userEnteredValue;
  return (typed !== undefined && typed.stringValue !== '') || cell.effectiveValue !== undefined;
}

/**
 * The cells of a sheet's grid data, by 0-based row and column, and the last row and column
 * holding a value or a formula (0: none). Plain loops: a sheet of entries has tens of thousands
 * of cells, read on every set-up.
 * @param blocks the sheet's grid data blocks
 */
function cells_(blocks: NonNullable<SheetJson_['data']>): {
  cells: (CellJson_[] | undefined)[];
  extent: { rows: number; columns: number };
} {
  // The common answer, one block from A1, is used as it is.
  const direct = blocks.length === 1 && !blocks[0].startRow && !blocks[0].startColumn;
  const cells: (CellJson_[] | undefined)[] = [];
  let rows = 0;
  let columns = 0;
  for (const data of blocks) {
    const top = data.startRow ?? 0;
    const left = data.startColumn ?? 0;
    const rowData = data.rowData ?? [];
    for (let i = 0; i < rowData.length; i++) {
      const values = rowData[i].values ?? [];
      let line: CellJson_[];
      if (direct) line = values;
      else {
        line = cells[top + i] ?? [];
        for (let j = 0; j < values.length; j++) line[left + j] = values[j];
      }
      cells[top + i] = line;
    }
  }
  for (let i = 0; i < cells.length; i++) {
    const line = cells[i] ?? [];
    for (let j = line.length - 1; j >= 0; j--) {
      if (!holds_(line[j])) continue;
      rows = i + 1;
      columns = Math.max(columns, j + 1);
      break;
    }
  }
  return { cells, extent: { rows, columns } };
}

/**
 * The data range's values as getValues gives them, or null when a cell holds a date or an
 * error. The data range runs from A1 to the last row and column holding a value or a formula.
 * @param cells the cells read, by 0-based row and column
 * @param extent the last row and column holding something
 */
function values_(
  cells: readonly (readonly CellJson_[] | undefined)[],
  extent: { rows: number; columns: number },
): unknown[][] | null {
  const out: unknown[][] = [];
  for (let i = 0; i < Math.max(extent.rows, 1); i++) {
    const line: unknown[] = [];
    for (let j = 0; j < Math.max(extent.columns, 1); j++) {
      const cell = cells[i]?.[j];
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
