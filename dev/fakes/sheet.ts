/**
 * FakeSheet: one tab. New sheets have 1000 rows × 26 columns like Sheets; out-of-bounds ranges
 * throw; setConditionalFormatRules replaces all of the sheet's rules (docs/platform.md#conditional-formats).
 */
import { parseA1 } from './a1';
import { instrument } from './callLedger';
import { copyRule, FakeConditionalFormatRule, normalizeColor } from './conditionalFormat';
import { contentExtent, formulaErrorAt } from './formulaEngine';
import { hiddenByMerge } from './merges';
import { copySheet } from './copying';
import {
  addMetadata,
  type FakeDeveloperMetadata,
  FakeDeveloperMetadataFinder,
  wrapMetadata,
} from './developerMetadata';
import { FakeEmbeddedChart, FakeEmbeddedChartBuilder, newChartModel } from './charts';
import type { ExecutionContext } from './model';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, type SheetModel } from './sheetModel';
import { assertCanEdit, assertCanEditSheet, createProtection, FakeProtection } from './protection';
import { applyCellInput, FakeRange, parseSettingsOf } from './range';
import { sortBlock, sortKeys } from './sorting';
import { FakeSpreadsheet } from './spreadsheet';
import { afterLineEdit, afterRename } from './structure';
import type { FakeOf } from './types';
import type { Scalar } from './values';

const SHEET_METHODS = [
  'activate',
  'addDeveloperMetadata',
  'copyTo',
  'createDeveloperMetadataFinder',
  'getDeveloperMetadata',
  'appendRow',
  'clear',
  'clearConditionalFormatRules',
  'deleteColumns',
  'deleteRow',
  'deleteRows',
  'getColumnWidth',
  'getRowHeight',
  'setRowHeight',
  'newChart',
  'insertChart',
  'getCharts',
  'removeChart',
  'updateChart',
  'setRowHeights',
  'getConditionalFormatRules',
  'getDataRange',
  'getFrozenColumns',
  'getFrozenRows',
  'getIndex',
  'getLastColumn',
  'getLastRow',
  'getMaxColumns',
  'getMaxRows',
  'getName',
  'getParent',
  'getProtections',
  'getRange',
  'getSheetId',
  'getSheetName',
  'getSheetValues',
  'getTabColor',
  'hideSheet',
  'insertColumnsAfter',
  'insertRowsAfter',
  'insertRowsBefore',
  'isSheetHidden',
  'protect',
  'setColumnWidth',
  'setColumnWidths',
  'setConditionalFormatRules',
  'setFrozenColumns',
  'setFrozenRows',
  'setName',
  'setTabColor',
  'showSheet',
  'sort',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.Sheet)[];

type SheetApi = FakeOf<GoogleAppsScript.Spreadsheet.Sheet, (typeof SHEET_METHODS)[number]>;

/** One sheet (tab) of the spreadsheet. */
export class FakeSheet implements SheetApi {
  /**
   * @param ctx_ the execution
   * @param sheet_ the sheet
   */
  constructor(
    readonly ctx_: ExecutionContext,
    readonly sheet_: SheetModel,
  ) {}

  /**
   * A bounds-checked range (no call recorded).
   * @param row first row @param col first column @param numRows height @param numCols width
   */
  range_(row: number, col: number, numRows: number, numCols: number): FakeRange {
    if (![row, col, numRows, numCols].every(Number.isFinite)) throw new Error('Range not found');
    if (row < 1) throw new Error('The starting row of the range is too small.');
    if (col < 1) throw new Error('The starting column of the range is too small.');
    if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numCols < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.sheet_.maxRows || col + numCols - 1 > this.sheet_.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this.ctx_, this.sheet_, { row, col, numRows, numCols });
  }

  /**
   * A range from A1 notation, relative to this sheet unless it names another one.
   * @param a1 e.g. "A2:J", "B3", "'ชื่อ'!A1:B2"
   */
  rangeA1_(a1: string): FakeRange {
    const ref = parseA1(a1);
    const sheet = ref.sheetName === null ? this.sheet_ : this.ctx_.book.sheetByName(ref.sheetName);
    if (!sheet) throw new Error('Range not found');
    const endRow = ref.endRow ?? sheet.maxRows;
    const endCol = ref.endCol ?? sheet.maxColumns;
    return new FakeSheet(this.ctx_, sheet).range_(ref.row, ref.col, endRow - ref.row + 1, endCol - ref.col + 1);
  }

  /** Fake-only: the tooltip of a formula cell showing an error (the #ERROR! message), else null. */
  getFormulaError(row: number, col: number): string | null {
    return formulaErrorAt(this.ctx_.book, this.sheet_, row, col);
  }

  /** Makes this the execution's active sheet. */
  activate(): FakeSheet {
    this.ctx_.activeSheet = this.sheet_;
    this.ctx_.activeRange = null;
    return this;
  }

  /**
   * addDeveloperMetadata(key), (key, value), (key, visibility), (key, value, visibility).
   * @param key the key
   * @param valueOrVisibility a value, or a visibility
   * @param visibility DOCUMENT (default) or PROJECT
   */
  addDeveloperMetadata(
    key: string,
    valueOrVisibility?: string | GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
    visibility?: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
  ): FakeSheet {
    addMetadata(this.ctx_, this.sheet_, key, valueOrVisibility, visibility);
    return this;
  }

  /** The metadata located on this sheet. */
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    return wrapMetadata(this.ctx_, this.sheet_.metadata);
  }

  /** A finder over this sheet's metadata. */
  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    return new FakeDeveloperMetadataFinder(this.ctx_, this.sheet_);
  }

  /**
   * Copies the sheet into a spreadsheet (copying.ts): a new last sheet "Copy of <name>".
   * @param spreadsheet the destination (this spreadsheet, or another fake one)
   */
  copyTo(spreadsheet: FakeSpreadsheet): FakeSheet {
    const dest = spreadsheet.ctx_.book;
    const copy = copySheet(this.ctx_, this.sheet_, dest, undefined);
    return new FakeSheet(dest === this.ctx_.book ? this.ctx_ : spreadsheet.ctx_, copy);
  }

  /** @param rowContents values for a new row after the last row with content (grows the sheet) */
  appendRow(rowContents: unknown[]): FakeSheet {
    if (!Array.isArray(rowContents) || rowContents.length === 0) {
      throw new Error('The number of columns in the range must be at least 1.');
    }
    const row = contentExtent(this.ctx_.book, this.sheet_).lastRow + 1;
    assertCanEdit(this.ctx_, this.sheet_, { row, col: 1, numRows: 1, numCols: rowContents.length });
    if (row > this.sheet_.maxRows) this.sheet_.maxRows = row;
    if (rowContents.length > this.sheet_.maxColumns) this.sheet_.maxColumns = rowContents.length;
    const settings = parseSettingsOf(this.ctx_);
    rowContents.forEach((value, j) => {
      if (!hiddenByMerge(this.sheet_, row, j + 1))
        applyCellInput(this.sheet_.cellForWrite(row, j + 1), value, settings, this.ctx_.book.platform);
    });
    this.ctx_.book.touch(this.sheet_);
    return this;
  }

  /** @param options contentsOnly / formatOnly; both when omitted */
  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): FakeSheet {
    assertCanEditSheet(this.ctx_, this.sheet_);
    const all = !options?.formatOnly && !options?.contentsOnly;
    new FakeRange(this.ctx_, this.sheet_, {
      row: 1,
      col: 1,
      numRows: this.sheet_.maxRows,
      numCols: this.sheet_.maxColumns,
    }).clear_(all || !!options?.contentsOnly, all || !!options?.formatOnly);
    return this;
  }

  /** Removes every conditional-format rule of the sheet. */
  clearConditionalFormatRules(): void {
    assertCanEditSheet(this.ctx_, this.sheet_);
    this.sheet_.rules = [];
  }

  private checkLines_(axis: 'rows' | 'columns', first: number, count: number): void {
    const max = axis === 'rows' ? this.sheet_.maxRows : this.sheet_.maxColumns;
    if (!Number.isInteger(first) || !Number.isInteger(count) || first < 1 || count < 1 || first + count - 1 > max) {
      throw new Error(`Those ${axis} are out of bounds.`);
    }
  }

  /** @param columnPosition first column @param howMany how many */
  deleteColumns(columnPosition: number, howMany: number): void {
    this.checkLines_('columns', columnPosition, howMany);
    if (howMany >= this.sheet_.maxColumns) throw new Error("You can't delete all the columns on the sheet.");
    assertCanEditSheet(this.ctx_, this.sheet_);
    assertCanEdit(this.ctx_, this.sheet_, {
      row: 1,
      col: columnPosition,
      numRows: this.sheet_.maxRows,
      numCols: howMany,
    });
    this.sheet_.deleteColumns(columnPosition, howMany);
    if (this.sheet_.frozenColumns >= columnPosition) {
      this.sheet_.frozenColumns = Math.max(columnPosition - 1, this.sheet_.frozenColumns - howMany);
    }
    this.ctx_.book.shiftRanges(this.sheet_, 'columns', 'delete', columnPosition, howMany);
    afterLineEdit(this.ctx_.book, this.sheet_, { axis: 'columns', op: 'delete', at: columnPosition, count: howMany });
  }

  /** @param rowPosition the row to delete */
  deleteRow(rowPosition: number): FakeSheet {
    this.deleteRows_(rowPosition, 1);
    return this;
  }

  /** @param rowPosition first row @param howMany how many */
  deleteRows(rowPosition: number, howMany: number): void {
    this.deleteRows_(rowPosition, howMany);
  }

  private deleteRows_(first: number, count: number): void {
    this.checkLines_('rows', first, count);
    if (count >= this.sheet_.maxRows) throw new Error("You can't delete all the rows on the sheet.");
    assertCanEditSheet(this.ctx_, this.sheet_);
    assertCanEdit(this.ctx_, this.sheet_, { row: first, col: 1, numRows: count, numCols: this.sheet_.maxColumns });
    this.sheet_.deleteRows(first, count);
    if (this.sheet_.frozenRows >= first) this.sheet_.frozenRows = Math.max(first - 1, this.sheet_.frozenRows - count);
    this.ctx_.book.shiftRanges(this.sheet_, 'rows', 'delete', first, count);
    afterLineEdit(this.ctx_.book, this.sheet_, { axis: 'rows', op: 'delete', at: first, count });
  }

  /** @param columnPosition 1-based column */
  getColumnWidth(columnPosition: number): number {
    return this.sheet_.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }

  /** @param rowPosition 1-based row @return its height in pixels */
  getRowHeight(rowPosition: number): number {
    this.checkLines_('rows', rowPosition, 1);
    return this.sheet_.rowHeights.get(rowPosition) ?? DEFAULT_ROW_HEIGHT;
  }

  /** @param rowPosition row @param height pixels */
  setRowHeight(rowPosition: number, height: number): FakeSheet {
    return this.setHeights_(rowPosition, 1, height);
  }

  /**
   * Sets rows' heights ("Sets the height of the given rows in pixels",
   * reference/spreadsheet/sheet#setRowHeights(Integer,Integer,Integer)); the rows keep them
   * whatever their content (the fake does not fit rows to text: unconfirmed what Sheets does
   * to an explicitly sized row whose text later grows).
   * @param startRow first row @param numRows how many @param height pixels
   */
  setRowHeights(startRow: number, numRows: number, height: number): FakeSheet {
    return this.setHeights_(startRow, numRows, height);
  }

  private setHeights_(startRow: number, numRows: number, height: number): FakeSheet {
    this.checkLines_('rows', startRow, numRows);
    if (!Number.isInteger(height) || height < 1) throw new Error(`Invalid argument: ${String(height)}`);
    assertCanEditSheet(this.ctx_, this.sheet_);
    for (let r = startRow; r < startRow + numRows; r++) this.sheet_.rowHeights.set(r, height);
    return this;
  }

  /** A builder for a new chart of this sheet (charts.ts). */
  newChart(): FakeEmbeddedChartBuilder {
    return new FakeEmbeddedChartBuilder(this.ctx_, this.sheet_, newChartModel());
  }

  /** @param chart a built chart: added to the sheet */
  insertChart(chart: FakeEmbeddedChart): void {
    assertCanEditSheet(this.ctx_, this.sheet_);
    if (this.sheet_.charts.some((m) => m.id === chart.model_.id))
      throw new Error('This chart is already on the sheet.'); // unconfirmed wording
    this.sheet_.charts.push(chart.model_);
  }

  /** The sheet's charts. */
  getCharts(): FakeEmbeddedChart[] {
    return this.sheet_.charts.map((m) => new FakeEmbeddedChart(this.ctx_, this.sheet_, m));
  }

  /** @param chart one of the sheet's charts: removed (a chart not on the sheet is ignored, unconfirmed) */
  removeChart(chart: FakeEmbeddedChart): void {
    assertCanEditSheet(this.ctx_, this.sheet_);
    this.sheet_.charts = this.sheet_.charts.filter((m) => m.id !== chart.model_.id);
  }

  /**
   * @param chart a chart built from modify(): replaces the sheet's chart of its id ("Updates the
   *   chart on this sheet", reference/spreadsheet/sheet#updateChart(EmbeddedChart))
   */
  updateChart(chart: FakeEmbeddedChart): void {
    assertCanEditSheet(this.ctx_, this.sheet_);
    const at = this.sheet_.charts.findIndex((m) => m.id === chart.model_.id);
    if (at < 0) throw new Error('The chart does not exist on this sheet.'); // unconfirmed wording
    this.sheet_.charts[at] = chart.model_;
  }

  /** The sheet's conditional-format rules, in priority order. */
  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    return this.sheet_.rules.map((rule) => new FakeConditionalFormatRule(this.ctx_, copyRule(rule), true));
  }

  /** A1 to the last row and column with content. */
  getDataRange(): FakeRange {
    const { lastRow, lastColumn } = contentExtent(this.ctx_.book, this.sheet_);
    return new FakeRange(this.ctx_, this.sheet_, {
      row: 1,
      col: 1,
      numRows: Math.max(lastRow, 1),
      numCols: Math.max(lastColumn, 1),
    });
  }

  /** Number of frozen columns. */
  getFrozenColumns(): number {
    return this.sheet_.frozenColumns;
  }

  /** Number of frozen rows. */
  getFrozenRows(): number {
    return this.sheet_.frozenRows;
  }

  /** Position among the sheets, starting at 1. */
  getIndex(): number {
    return this.ctx_.book.sheets.indexOf(this.sheet_) + 1;
  }

  /** Last column with content (0 when empty). */
  getLastColumn(): number {
    return contentExtent(this.ctx_.book, this.sheet_).lastColumn;
  }

  /** Last row with content (0 when empty). */
  getLastRow(): number {
    return contentExtent(this.ctx_.book, this.sheet_).lastRow;
  }

  /** Number of columns of the grid. */
  getMaxColumns(): number {
    return this.sheet_.maxColumns;
  }

  /** Number of rows of the grid. */
  getMaxRows(): number {
    return this.sheet_.maxRows;
  }

  /** The tab name. */
  getName(): string {
    return this.sheet_.name;
  }

  /** The spreadsheet. */
  getParent(): FakeSpreadsheet {
    return new FakeSpreadsheet(this.ctx_);
  }

  /** @param type RANGE or SHEET */
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): FakeProtection[] {
    return this.ctx_.book.protections
      .filter((p) => p.sheet === this.sheet_ && p.type === type)
      .map((p) => new FakeProtection(this.ctx_, p));
  }

  /**
   * getRange(row, column, numRows?, numColumns?) or getRange(a1Notation).
   * @param rowOrA1 first row, or A1 notation
   * @param column first column
   * @param numRows height (default 1)
   * @param numColumns width (default 1)
   */
  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): FakeRange {
    if (typeof rowOrA1 === 'string') return this.rangeA1_(rowOrA1);
    if (column === undefined) {
      throw new Error("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    }
    return this.range_(rowOrA1, column, numRows ?? 1, numColumns ?? 1);
  }

  /** The sheet id (gid). */
  getSheetId(): number {
    return this.sheet_.id;
  }

  /** The tab name. */
  getSheetName(): string {
    return this.sheet_.name;
  }

  /** @param startRow first row @param startColumn first column @param numRows height @param numColumns width */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): Scalar[][] {
    return this.range_(startRow, startColumn, numRows, numColumns).values_();
  }

  /** Tab colour, or null. */
  getTabColor(): string | null {
    return this.sheet_.tabColor;
  }

  /** Hides the sheet (not the last visible one). */
  hideSheet(): FakeSheet {
    assertCanEditSheet(this.ctx_, this.sheet_);
    if (!this.ctx_.book.sheets.some((s) => s !== this.sheet_ && !s.hidden)) {
      throw new Error("You can't hide all the sheets in a document.");
    }
    this.sheet_.hidden = true;
    return this;
  }

  /** @param afterPosition column after which to insert @param howMany how many */
  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.checkLines_('columns', afterPosition, 1);
    if (!Number.isInteger(howMany) || howMany < 1) throw new Error('Those columns are out of bounds.');
    assertCanEditSheet(this.ctx_, this.sheet_);
    this.sheet_.insertColumns(afterPosition, howMany);
    if (this.sheet_.frozenColumns > afterPosition) this.sheet_.frozenColumns += howMany;
    this.ctx_.book.shiftRanges(this.sheet_, 'columns', 'insert', afterPosition, howMany);
    afterLineEdit(this.ctx_.book, this.sheet_, { axis: 'columns', op: 'insert', at: afterPosition, count: howMany });
    return this;
  }

  /** @param afterPosition row after which to insert @param howMany how many */
  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.checkLines_('rows', afterPosition, 1);
    if (!Number.isInteger(howMany) || howMany < 1) throw new Error('Those rows are out of bounds.');
    assertCanEditSheet(this.ctx_, this.sheet_);
    this.sheet_.insertRows(afterPosition, howMany);
    if (this.sheet_.frozenRows > afterPosition) this.sheet_.frozenRows += howMany;
    this.ctx_.book.shiftRanges(this.sheet_, 'rows', 'insert', afterPosition, howMany);
    afterLineEdit(this.ctx_.book, this.sheet_, { axis: 'rows', op: 'insert', at: afterPosition, count: howMany });
    return this;
  }

  /** @param beforePosition row before which to insert @param howMany how many */
  insertRowsBefore(beforePosition: number, howMany: number): FakeSheet {
    this.checkLines_('rows', beforePosition, 1);
    if (!Number.isInteger(howMany) || howMany < 1) throw new Error('Those rows are out of bounds.');
    assertCanEditSheet(this.ctx_, this.sheet_);
    this.sheet_.insertRows(beforePosition - 1, howMany);
    if (this.sheet_.frozenRows >= beforePosition) this.sheet_.frozenRows += howMany;
    this.ctx_.book.shiftRanges(this.sheet_, 'rows', 'insert', beforePosition - 1, howMany);
    afterLineEdit(this.ctx_.book, this.sheet_, { axis: 'rows', op: 'insert', at: beforePosition - 1, count: howMany });
    return this;
  }

  /** Whether the sheet is hidden. */
  isSheetHidden(): boolean {
    return this.sheet_.hidden;
  }

  /** Protects the sheet (returns the existing sheet protection if there is one). */
  protect(): FakeProtection {
    return createProtection(this.ctx_, this.sheet_, null);
  }

  /** @param columnPosition column @param width pixels */
  setColumnWidth(columnPosition: number, width: number): FakeSheet {
    return this.setWidths_(columnPosition, 1, width);
  }

  /** @param startColumn first column @param numColumns how many @param width pixels */
  setColumnWidths(startColumn: number, numColumns: number, width: number): FakeSheet {
    return this.setWidths_(startColumn, numColumns, width);
  }

  private setWidths_(startColumn: number, numColumns: number, width: number): FakeSheet {
    this.checkLines_('columns', startColumn, numColumns);
    assertCanEditSheet(this.ctx_, this.sheet_);
    for (let c = startColumn; c < startColumn + numColumns; c++) this.sheet_.columnWidths.set(c, width);
    return this;
  }

  /** @param rules the new rules; they REPLACE all existing rules of the sheet */
  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    assertCanEditSheet(this.ctx_, this.sheet_);
    this.sheet_.rules = rules.map((rule) => copyRule(rule.model_));
  }

  /** @param columns number of frozen columns */
  setFrozenColumns(columns: number): void {
    assertCanEditSheet(this.ctx_, this.sheet_);
    if (!Number.isInteger(columns) || columns < 0 || columns > this.sheet_.maxColumns)
      throw new Error('Those columns are out of bounds.');
    this.sheet_.frozenColumns = columns;
  }

  /** @param rows number of frozen rows */
  setFrozenRows(rows: number): void {
    assertCanEditSheet(this.ctx_, this.sheet_);
    if (!Number.isInteger(rows) || rows < 0 || rows > this.sheet_.maxRows)
      throw new Error('Those rows are out of bounds.');
    this.sheet_.frozenRows = rows;
  }

  /** @param name new tab name (unique, ignoring case) */
  setName(name: string): FakeSheet {
    assertCanEditSheet(this.ctx_, this.sheet_);
    assertSheetNameFree(this.ctx_, name, this.sheet_);
    const oldName = this.sheet_.name;
    this.sheet_.name = name;
    afterRename(this.ctx_.book, this.sheet_, oldName);
    return this;
  }

  /** @param color CSS colour, or null to remove */
  setTabColor(color: string | null): FakeSheet {
    assertCanEditSheet(this.ctx_, this.sheet_);
    this.sheet_.tabColor = normalizeColor(color);
    return this;
  }

  /**
   * Sorts the rows below the frozen rows by one column (all columns with content move).
   * @param columnPosition the key column
   * @param ascending default true
   */
  sort(columnPosition: number, ascending = true): FakeSheet {
    const { lastRow, lastColumn } = contentExtent(this.ctx_.book, this.sheet_);
    const first = this.sheet_.frozenRows + 1;
    const rect = { row: first, col: 1, numRows: lastRow - first + 1, numCols: Math.max(lastColumn, columnPosition) };
    if (rect.numRows < 1) return this;
    const keys = sortKeys({ column: columnPosition, ascending }, rect);
    assertCanEdit(this.ctx_, this.sheet_, rect);
    sortBlock(this.ctx_.book, this.sheet_, rect, keys);
    return this;
  }

  /** Shows the sheet. */
  showSheet(): FakeSheet {
    assertCanEditSheet(this.ctx_, this.sheet_);
    this.sheet_.hidden = false;
    return this;
  }
}
instrument(FakeSheet, 'Sheet', SHEET_METHODS);

/**
 * Throws Sheets' message when a sheet name is empty or taken (names are unique ignoring case).
 * @param ctx the execution
 * @param name the wanted name
 * @param self the sheet being renamed, if any
 */
export function assertSheetNameFree(ctx: ExecutionContext, name: string, self?: SheetModel): void {
  if (typeof name !== 'string' || name.trim() === '') throw new Error('Sheet names cannot be empty.');
  const other = ctx.book.sheetByNameIgnoringCase(name);
  if (other && other !== self)
    throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
}
