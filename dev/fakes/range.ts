/**
 * FakeRange: a rectangle of one sheet. Values follow Sheets: "" for empty cells, Dates as Date
 * copies, formulas computed on read; setValues refuses wrongly shaped data with Sheets' message
 * and never grows the sheet; a string starting with "=" becomes a formula and a leading
 * apostrophe forces text (reference/spreadsheet/range).
 */
import { rectA1, type Rect } from './a1';
import { instrument } from './callLedger';
import { normalizeColor } from './conditionalFormat';
import { FakeDataValidation } from './dataValidation';
import { displayText } from './display';
import { computedBlock, computedValue } from './formulaEngine';
import { breakApartIn, hiddenByMerge, mergeBlocks, mergesIntersecting } from './merges';
import type { ExecutionContext, ValidationModel } from './model';
import { type CellStyle, changedBorder, restyled, type StyleField } from './cellStyle';
import type { CellData, SheetModel } from './sheetModel';
import { assertCanEdit, createProtection, userCanEditRect, type FakeProtection } from './protection';
import { FakeSheet } from './sheet';
import { sortBlock, sortKeys } from './sorting';
import type { FakeOf } from './types';
import { type PlatformVariants, storedFormula } from './platform';
import { parseTypedText, type ParseSettings } from './valueParsing';
import { interpretInput, outValue, type Scalar } from './values';

/** Sheets' default number format of a cell nobody formatted. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';
/** Default background. */
export const DEFAULT_BACKGROUND = '#ffffff';
/** Default font colour. */
export const DEFAULT_FONT_COLOR = '#000000';
/** Sheets' default font family and size (a new spreadsheet's text: Arial 10). */
export const DEFAULT_FONT_FAMILY = 'Arial';
export const DEFAULT_FONT_SIZE = 10;

const RANGE_METHODS = [
  'getRow',
  'getColumn',
  'getNumRows',
  'getNumColumns',
  'getLastRow',
  'getLastColumn',
  'getA1Notation',
  'getSheet',
  'getGridId',
  'getCell',
  'offset',
  'getValues',
  'setValues',
  'getValue',
  'setValue',
  'getDisplayValues',
  'getDisplayValue',
  'getFormulas',
  'setFormulas',
  'getFormula',
  'setFormula',
  'getNumberFormats',
  'getNumberFormat',
  'setNumberFormat',
  'setNumberFormats',
  'getBackgrounds',
  'getBackground',
  'setBackground',
  'setBackgrounds',
  'setFontColor',
  'setFontColors',
  'setFontWeight',
  'getFontWeights',
  'getFontWeight',
  'setFontWeights',
  'setHorizontalAlignment',
  'getHorizontalAlignment',
  'setWrap',
  'getWrap',
  'setWraps',
  'setFontFamily',
  'getFontFamily',
  'getFontFamilies',
  'setFontSize',
  'getFontSize',
  'getFontSizes',
  'setVerticalAlignment',
  'getVerticalAlignment',
  'setBorder',
  'getNotes',
  'getNote',
  'setNote',
  'setNotes',
  'clearNote',
  'getDataValidations',
  'getDataValidation',
  'setDataValidation',
  'setDataValidations',
  'clearDataValidations',
  'clearContent',
  'clear',
  'clearFormat',
  'protect',
  'activate',
  'getMergedRanges',
  'isPartOfMerge',
  'merge',
  'mergeAcross',
  'mergeVertically',
  'breakApart',
  'sort',
  'isBlank',
  'canEdit',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.Range)[];

type RangeApi = FakeOf<GoogleAppsScript.Spreadsheet.Range, (typeof RANGE_METHODS)[number]>;

/** Options of Range.clear(). */
interface ClearOptions {
  commentsOnly?: boolean;
  contentsOnly?: boolean;
  formatOnly?: boolean;
  validationsOnly?: boolean;
  skipFilteredRows?: boolean;
}

function typeName_(value: unknown): string {
  if (Array.isArray(value)) return 'Object[]';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  return 'Object';
}

/** A rectangle of cells on one sheet. */
export class FakeRange implements RangeApi {
  /**
   * @param ctx_ the execution
   * @param sheet_ the sheet
   * @param rect_ the cells
   */
  constructor(
    readonly ctx_: ExecutionContext,
    readonly sheet_: SheetModel,
    readonly rect_: Rect,
  ) {}

  private checkShape_<T>(data: T[][], method: string): void {
    if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) {
      throw new Error(
        `The parameters (${typeName_(data)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    }
    const { numRows, numCols } = this.rect_;
    if (data.length !== numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${numRows}.`,
      );
    }
    for (const row of data) {
      if (row.length !== numCols) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${numCols}.`,
        );
      }
    }
  }

  /** Applies `fn` to every cell (created when missing) after the edit-permission check. */
  private write_(fn: (cell: CellData, i: number, j: number) => void, content: boolean): this {
    assertCanEdit(this.ctx_, this.sheet_, this.rect_);
    const { row, col, numRows, numCols } = this.rect_;
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numCols; j++) fn(this.sheet_.cellForWrite(row + i, col + j), i, j);
    }
    if (content) this.ctx_.book.touch(this.sheet_);
    return this;
  }

  /**
   * Writes values like setValue (no cell object is created just to stay empty).
   * @param valueAt the value for each cell
   * @param typed true: strings are read as typed input (setValue); false: setFormula
   */
  private writeValues_(valueAt: (i: number, j: number) => unknown, typed: boolean): this {
    assertCanEdit(this.ctx_, this.sheet_, this.rect_);
    const { row, col, numRows, numCols } = this.rect_;
    const settings = typed ? parseSettingsOf(this.ctx_) : null;
    const merged = mergesIntersecting(this.sheet_, this.rect_).length > 0;
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numCols; j++) {
        // A value for a cell hidden by a merge is dropped (merges.ts).
        if (merged && hiddenByMerge(this.sheet_, row + i, col + j)) continue;
        const value = valueAt(i, j);
        const existing = this.sheet_.cell(row + i, col + j);
        if (!existing && (value === '' || value === null || value === undefined)) continue;
        applyCellInput(
          existing ?? this.sheet_.cellForWrite(row + i, col + j),
          value,
          settings,
          this.ctx_.book.platform,
        );
      }
    }
    this.ctx_.book.touch(this.sheet_);
    return this;
  }

  /** A grid of per-cell values read from the stored cells. */
  private grid_<T>(fn: (cell: CellData | undefined) => T): T[][] {
    const { row, col, numRows, numCols } = this.rect_;
    const out: T[][] = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const cells = this.sheet_.rows[row - 1 + i];
      const line: T[] = new Array(numCols);
      for (let j = 0; j < numCols; j++) line[j] = fn(cells?.[col - 1 + j]);
      out[i] = line;
    }
    return out;
  }

  private topLeft_(): CellData | undefined {
    return this.sheet_.cell(this.rect_.row, this.rect_.col);
  }

  /** First row (1-based). */
  getRow(): number {
    return this.rect_.row;
  }

  /** First column (1-based). */
  getColumn(): number {
    return this.rect_.col;
  }

  /** Number of rows. */
  getNumRows(): number {
    return this.rect_.numRows;
  }

  /** Number of columns. */
  getNumColumns(): number {
    return this.rect_.numCols;
  }

  /** Last row of the range. */
  getLastRow(): number {
    return this.rect_.row + this.rect_.numRows - 1;
  }

  /** Last column of the range. */
  getLastColumn(): number {
    return this.rect_.col + this.rect_.numCols - 1;
  }

  /** "A1" or "A1:B2" (without sheet name). */
  getA1Notation(): string {
    return rectA1(this.rect_);
  }

  /** The sheet of the range. */
  getSheet(): FakeSheet {
    return new FakeSheet(this.ctx_, this.sheet_);
  }

  /** "Returns the grid ID of the range's parent sheet" (reference/spreadsheet/range#getGridId()): its sheet's id. */
  getGridId(): number {
    return this.sheet_.id;
  }

  /** @param row 1-based row within the range @param column 1-based column within the range */
  getCell(row: number, column: number): FakeRange {
    if (row < 1 || column < 1 || row > this.rect_.numRows || column > this.rect_.numCols) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this.ctx_, this.sheet_, {
      row: this.rect_.row + row - 1,
      col: this.rect_.col + column - 1,
      numRows: 1,
      numCols: 1,
    });
  }

  /**
   * @param rowOffset rows down @param columnOffset columns right
   * @param numRows new height (default same) @param numColumns new width (default same)
   */
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    return new FakeSheet(this.ctx_, this.sheet_).range_(
      this.rect_.row + rowOffset,
      this.rect_.col + columnOffset,
      numRows ?? this.rect_.numRows,
      numColumns ?? this.rect_.numCols,
    );
  }

  /** Values as getValues returns them, without recording a call. */
  values_(): Scalar[][] {
    return computedBlock(this.ctx_.book, this.sheet_, this.rect_).map((line) => line.map(outValue));
  }

  /**
   * Clears the existing cells of the range (after the permission check), without recording a call.
   * @param content clear values and formulas
   * @param format clear formatting
   */
  clear_(content: boolean, format: boolean): void {
    assertCanEdit(this.ctx_, this.sheet_, this.rect_);
    const { row, col, numRows, numCols } = this.rect_;
    for (let r = row; r < row + numRows; r++) {
      const cells = this.sheet_.rows[r - 1];
      if (!cells) continue;
      for (let c = col; c < Math.min(col + numCols, cells.length + 1); c++) {
        const cell = cells[c - 1];
        if (!cell) continue;
        if (content) clearContent_(cell);
        if (format) clearFormat_(cell);
      }
    }
    if (content) this.ctx_.book.touch(this.sheet_);
  }

  /** Values: "" for empty cells, Dates as new Date objects, formulas computed. */
  getValues(): Scalar[][] {
    return this.values_();
  }

  /** @param values one value per cell, exactly the range's shape */
  setValues(values: unknown[][]): FakeRange {
    this.checkShape_(values, 'setValues');
    return this.writeValues_((i, j) => values[i][j], true);
  }

  /** Value of the top-left cell. */
  getValue(): Scalar {
    return outValue(computedValue(this.ctx_.book, this.sheet_, this.rect_.row, this.rect_.col));
  }

  /** @param value written into every cell of the range */
  setValue(value: unknown): FakeRange {
    return this.writeValues_(() => value, true);
  }

  /** Displayed text of every cell. */
  getDisplayValues(): string[][] {
    const values = computedBlock(this.ctx_.book, this.sheet_, this.rect_);
    const formats = this.grid_((cell) => cell?.style?.numberFormat);
    return values.map((line, i) => line.map((v, j) => displayText(v, formats[i][j], this.ctx_.book.timeZone)));
  }

  /** Displayed text of the top-left cell. */
  getDisplayValue(): string {
    const value = computedValue(this.ctx_.book, this.sheet_, this.rect_.row, this.rect_.col);
    return displayText(value, this.topLeft_()?.style?.numberFormat, this.ctx_.book.timeZone);
  }

  /** Formulas ("" where a cell has none). */
  getFormulas(): string[][] {
    return this.grid_((cell) => cell?.formula ?? '');
  }

  /** @param formulas one formula per cell ("" clears) */
  setFormulas(formulas: string[][]): FakeRange {
    this.checkShape_(formulas, 'setFormulas');
    return this.writeValues_((i, j) => formulas[i][j], false);
  }

  /** Formula of the top-left cell ("" when none). */
  getFormula(): string {
    return this.topLeft_()?.formula ?? '';
  }

  /** @param formula the same formula text for every cell (references are not shifted) */
  setFormula(formula: string): FakeRange {
    return this.writeValues_(() => formula, false);
  }

  /** Number formats. */
  getNumberFormats(): string[][] {
    return this.grid_((cell) => cell?.style?.numberFormat ?? DEFAULT_NUMBER_FORMAT);
  }

  /** Number format of the top-left cell. */
  getNumberFormat(): string {
    return this.topLeft_()?.style?.numberFormat ?? DEFAULT_NUMBER_FORMAT;
  }

  /** @param format e.g. "0.00", "dd/mm/yyyy", "@" */
  setNumberFormat(format: string): FakeRange {
    return this.write_((cell) => setStyle_(cell, 'numberFormat', format), false);
  }

  /** @param formats one format per cell */
  setNumberFormats(formats: string[][]): FakeRange {
    this.checkShape_(formats, 'setNumberFormats');
    return this.write_((cell, i, j) => setStyle_(cell, 'numberFormat', formats[i][j]), false);
  }

  /** Backgrounds (lower-case hex). */
  getBackgrounds(): string[][] {
    return this.grid_((cell) => cell?.style?.background ?? DEFAULT_BACKGROUND);
  }

  /** Background of the top-left cell. */
  getBackground(): string {
    return this.topLeft_()?.style?.background ?? DEFAULT_BACKGROUND;
  }

  /** @param color CSS colour; null resets */
  setBackground(color: string | null): FakeRange {
    return this.write_((cell) => setStyle_(cell, 'background', normalizeColor(color)), false);
  }

  /** @param colors one colour per cell */
  setBackgrounds(colors: Array<Array<string | null>>): FakeRange {
    this.checkShape_(colors, 'setBackgrounds');
    return this.write_((cell, i, j) => setStyle_(cell, 'background', normalizeColor(colors[i][j])), false);
  }

  /** @param color CSS colour; null resets */
  setFontColor(color: string | null): FakeRange {
    return this.write_((cell) => setStyle_(cell, 'fontColor', normalizeColor(color)), false);
  }

  /** @param colors one colour per cell */
  setFontColors(colors: unknown[][]): FakeRange {
    this.checkShape_(colors, 'setFontColors');
    return this.write_((cell, i, j) => {
      const color = colors[i][j];
      setStyle_(cell, 'fontColor', typeof color === 'string' ? normalizeColor(color) : null);
    }, false);
  }

  /** @param weight "bold" or "normal"; null resets */
  setFontWeight(weight: 'normal' | 'bold' | null): FakeRange {
    return this.write_((cell) => setStyle_(cell, 'fontWeight', weight === 'normal' ? null : weight), false);
  }

  /** Font weights. */
  getFontWeights(): Array<Array<'normal' | 'bold'>> {
    return this.grid_((cell) => cell?.style?.fontWeight ?? 'normal');
  }

  /** Font weight of the top-left cell. */
  getFontWeight(): 'normal' | 'bold' {
    return this.topLeft_()?.style?.fontWeight ?? 'normal';
  }

  /** @param weights one weight per cell */
  setFontWeights(weights: Array<Array<'normal' | 'bold' | null>>): FakeRange {
    this.checkShape_(weights, 'setFontWeights');
    return this.write_((cell, i, j) => setStyle_(cell, 'fontWeight', weights[i][j] === 'bold' ? 'bold' : null), false);
  }

  /** @param alignment left, center, right, normal; null resets */
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): FakeRange {
    return this.write_(
      (cell) => setStyle_(cell, 'horizontalAlignment', alignment === 'normal' ? null : alignment),
      false,
    );
  }

  /** Horizontal alignment of the top-left cell ("general" when unset). */
  getHorizontalAlignment(): string {
    return this.topLeft_()?.style?.horizontalAlignment ?? 'general';
  }

  /** @param wrap whether text wraps */
  setWrap(wrap: boolean): FakeRange {
    return this.write_((cell) => setStyle_(cell, 'wrap', wrap), false);
  }

  /** Whether the top-left cell wraps text. */
  getWrap(): boolean {
    return this.topLeft_()?.style?.wrap ?? false;
  }

  /** @param wraps one flag per cell */
  setWraps(wraps: boolean[][]): FakeRange {
    this.checkShape_(wraps, 'setWraps');
    return this.write_((cell, i, j) => setStyle_(cell, 'wrap', wraps[i][j]), false);
  }

  /**
   * @param fontFamily e.g. "Sarabun"; null resets to Sheets' default (Arial: "Sets the font
   *   family, such as "Arial" or "Helvetica"", reference/spreadsheet/range#setFontFamily(String))
   */
  setFontFamily(fontFamily: string | null): FakeRange {
    return this.write_((cell) => setStyle_(cell, 'fontFamily', fontFamily), false);
  }

  /** Font family of the top-left cell. */
  getFontFamily(): string {
    return this.topLeft_()?.style?.fontFamily ?? DEFAULT_FONT_FAMILY;
  }

  /** Font families. */
  getFontFamilies(): string[][] {
    return this.grid_((cell) => cell?.style?.fontFamily ?? DEFAULT_FONT_FAMILY);
  }

  /** @param size the font size in points (default 10) */
  setFontSize(size: number): FakeRange {
    if (!Number.isFinite(size) || size <= 0) throw new Error(`Invalid argument: ${String(size)}`);
    return this.write_((cell) => setStyle_(cell, 'fontSize', size), false);
  }

  /** Font size of the top-left cell, in points. */
  getFontSize(): number {
    return this.topLeft_()?.style?.fontSize ?? DEFAULT_FONT_SIZE;
  }

  /** Font sizes, in points. */
  getFontSizes(): number[][] {
    return this.grid_((cell) => cell?.style?.fontSize ?? DEFAULT_FONT_SIZE);
  }

  /** @param alignment top, middle, bottom; null resets (to bottom) */
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): FakeRange {
    return this.write_((cell) => setStyle_(cell, 'verticalAlignment', alignment), false);
  }

  /** Vertical alignment of the top-left cell ("bottom" when unset). */
  getVerticalAlignment(): string {
    return this.topLeft_()?.style?.verticalAlignment ?? 'bottom';
  }

  /**
   * Sets borders: "true for border, false for none, null for no change" for the outer top,
   * left, bottom and right edges and the inner vertical and horizontal lines
   * (reference/spreadsheet/range#setBorder(Boolean,Boolean,Boolean,Boolean,Boolean,Boolean)).
   * Each cell keeps its own sides; colours and styles are not modelled.
   */
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
  ): FakeRange {
    const { numRows, numCols } = this.rect_;
    return this.write_((cell, i, j) => {
      const border = changedBorder(
        cell.style?.border,
        i === 0 ? top : horizontal,
        j === 0 ? left : vertical,
        i === numRows - 1 ? bottom : horizontal,
        j === numCols - 1 ? right : vertical,
      );
      cell.style = restyled(cell.style, 'border', border);
    }, false);
  }

  /** Notes ("" where none). */
  getNotes(): string[][] {
    return this.grid_((cell) => cell?.note ?? '');
  }

  /** Note of the top-left cell. */
  getNote(): string {
    return this.topLeft_()?.note ?? '';
  }

  /** @param note the note for every cell; null or "" removes */
  setNote(note: string | null): FakeRange {
    return this.write_((cell) => setField_(cell, 'note', note || null), false);
  }

  /** @param notes one note per cell */
  setNotes(notes: Array<Array<string | null>>): FakeRange {
    this.checkShape_(notes, 'setNotes');
    return this.write_((cell, i, j) => setField_(cell, 'note', notes[i][j] || null), false);
  }

  /** Removes the notes. */
  clearNote(): FakeRange {
    return this.write_((cell) => setField_(cell, 'note', null), false);
  }

  /** Data-validation rules (null where none), each knowing its cell's place in its block. */
  getDataValidations(): Array<Array<FakeDataValidation | null>> {
    return this.grid_((cell) =>
      cell?.validation ? new FakeDataValidation(this.ctx_, cell.validation, cell.validationAt, true) : null,
    );
  }

  /** Data-validation rule of the top-left cell, or null. */
  getDataValidation(): FakeDataValidation | null {
    const cell = this.topLeft_();
    return cell?.validation ? new FakeDataValidation(this.ctx_, cell.validation, cell.validationAt, true) : null;
  }

  /**
   * Sets one rule on the whole range: a custom formula's relative references are read from the
   * range's first cell, as Sheets reads custom-formula rules (each cell keeps its offset).
   * @param rule the rule for every cell; null removes
   */
  setDataValidation(rule: FakeDataValidation | null): FakeRange {
    return this.write_((cell, i, j) => setValidation_(cell, rule?.model_ ?? null, [i, j]), false);
  }

  /**
   * Sets a rule per cell. A rule read from a cell keeps the place it had in its block, so
   * setDataValidations(getDataValidations()) restores the same rules; a freshly built rule is
   * read from this range's first cell, as setDataValidation does (unconfirmed: Google does not
   * say how per-cell custom formulas are anchored).
   * @param rules one rule (or null) per cell
   */
  setDataValidations(rules: Array<Array<FakeDataValidation | null>>): FakeRange {
    this.checkShape_(rules, 'setDataValidations');
    return this.write_((cell, i, j) => {
      const rule = rules[i][j];
      setValidation_(cell, rule?.model_ ?? null, rule?.at_ ?? [i, j]);
    }, false);
  }

  /** Removes the data-validation rules. */
  clearDataValidations(): FakeRange {
    return this.write_((cell) => setValidation_(cell, null, null), false);
  }

  /** Removes values and formulas, keeps formatting. */
  clearContent(): FakeRange {
    return this.write_(clearContent_, true);
  }

  /**
   * Clears contents and formats, or only what the options name (notes for commentsOnly,
   * data validation for validationsOnly).
   * @param options which parts to clear
   */
  clear(options?: ClearOptions): FakeRange {
    const o = options ?? {};
    const only = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    return this.write_((cell) => {
      if (!only || o.contentsOnly) clearContent_(cell);
      if (!only || o.formatOnly) clearFormat_(cell);
      if (o.commentsOnly) cell.note = undefined;
      if (o.validationsOnly) setValidation_(cell, null, null);
    }, true);
  }

  /** Removes formatting (number format, colours, weight, alignment, wrap). */
  clearFormat(): FakeRange {
    return this.write_(clearFormat_, false);
  }

  /** Protects the range; editors mirror the spreadsheet's until changed. */
  protect(): FakeProtection {
    return createProtection(this.ctx_, this.sheet_, this.rect_);
  }

  /** Makes this the active range (and its sheet the active sheet) of the execution. */
  activate(): FakeRange {
    this.ctx_.activeSheet = this.sheet_;
    this.ctx_.activeRange = { sheet: this.sheet_, rect: { ...this.rect_ } };
    return this;
  }

  /** The merges that share at least one cell with the range. */
  getMergedRanges(): FakeRange[] {
    return mergesIntersecting(this.sheet_, this.rect_).map((m) => new FakeRange(this.ctx_, this.sheet_, { ...m }));
  }

  /** Whether any cell of the range belongs to a merge. */
  isPartOfMerge(): boolean {
    return mergesIntersecting(this.sheet_, this.rect_).length > 0;
  }

  private merge_(blocks: Rect[]): FakeRange {
    assertCanEdit(this.ctx_, this.sheet_, this.rect_);
    mergeBlocks(this.sheet_, this.rect_, blocks);
    this.ctx_.book.touch(this.sheet_);
    return this;
  }

  /** Merges the range into one block; only the top-left cell keeps its content. */
  merge(): FakeRange {
    return this.merge_([{ ...this.rect_ }]);
  }

  /** Merges each row of the range into its own block. */
  mergeAcross(): FakeRange {
    const { row, col, numRows, numCols } = this.rect_;
    return this.merge_(Array.from({ length: numRows }, (_, i) => ({ row: row + i, col, numRows: 1, numCols })));
  }

  /** Merges each column of the range into its own block. */
  mergeVertically(): FakeRange {
    const { row, col, numRows, numCols } = this.rect_;
    return this.merge_(Array.from({ length: numCols }, (_, j) => ({ row, col: col + j, numRows, numCols: 1 })));
  }

  /** Splits the merges inside the range into single cells (the hidden cells stay empty). */
  breakApart(): FakeRange {
    assertCanEdit(this.ctx_, this.sheet_, this.rect_);
    breakApartIn(this.sheet_, this.rect_);
    this.ctx_.book.touch(this.sheet_);
    return this;
  }

  /**
   * Sorts the range's rows (sorting.ts).
   * @param sortSpecObj a column number (counted from column A of the sheet), {column, ascending}, or an array of them
   */
  sort(sortSpecObj: unknown): FakeRange {
    const keys = sortKeys(sortSpecObj, this.rect_);
    assertCanEdit(this.ctx_, this.sheet_, this.rect_);
    sortBlock(this.ctx_.book, this.sheet_, this.rect_, keys);
    return this;
  }

  /** Whether every cell is empty (no value, no formula). */
  isBlank(): boolean {
    return this.grid_((cell) => cell?.formula === undefined && (cell?.value ?? '') === '').every((line) =>
      line.every(Boolean),
    );
  }

  /** Whether the current user may edit every cell. */
  canEdit(): boolean {
    return userCanEditRect(this.ctx_.book, this.ctx_.effectiveUser, this.sheet_, this.rect_);
  }
}
instrument(FakeRange, 'Range', RANGE_METHODS);

type Field_ = 'note' | 'validation' | 'validationAt';

/**
 * A cell's rule and its place in the block the rule was set on (both removed with null).
 * @param cell the cell
 * @param rule the rule, or null
 * @param at the cell's [row, col] from the block's first cell
 */
function setValidation_(cell: CellData, rule: ValidationModel | null, at: readonly [number, number] | null): void {
  setField_(cell, 'validation', rule);
  setField_(cell, 'validationAt', rule ? at : null);
}

/**
 * Sets one of the cell's own fields (null, or a default, clears it).
 * @param cell the cell
 * @param field the field
 * @param value its value
 */
function setField_<K extends Field_>(cell: CellData, field: K, value: CellData[K] | null): void {
  cell[field] = value === null || DEFAULTS_[field] === value ? undefined : value;
}

/**
 * Sets one format of the cell: its shared style becomes the one with that field changed.
 * @param cell the cell
 * @param field the format
 * @param value its value (null resets it)
 */
function setStyle_<K extends StyleField>(cell: CellData, field: K, value: CellStyle[K] | null): void {
  // Sheets cannot tell a default format set explicitly from one never set: store neither.
  const kept = value === null || value === undefined || DEFAULTS_[field] === value ? undefined : value;
  cell.style = restyled(cell.style, field, kept);
}

const DEFAULTS_: Record<string, unknown> = {
  background: DEFAULT_BACKGROUND,
  fontColor: DEFAULT_FONT_COLOR,
  numberFormat: DEFAULT_NUMBER_FORMAT,
  note: '',
  fontFamily: DEFAULT_FONT_FAMILY,
  fontSize: DEFAULT_FONT_SIZE,
  verticalAlignment: 'bottom',
};

/**
 * How an execution's writes read typed text: the spreadsheet's locale and time zone, the
 * workbook's clock, and the platform switches (platform.ts).
 * @param ctx the execution
 */
export function parseSettingsOf(ctx: ExecutionContext): ParseSettings {
  const { book } = ctx;
  return {
    locale: book.locale,
    timeZone: book.timeZone,
    // A date typed without a year takes the workbook clock's year (the preview's and tests' "today").
    now: new Date(book.clock.now()),
    parse: book.platform.typedText !== 'kept',
    thaiDigits: book.platform.thaiDigits !== false,
  };
}

/**
 * Writes a value as setValue does (formula, forced text, plain value or clearing). With parse
 * settings, a string is read as typed input (valueParsing.ts) unless the cell is formatted "@"
 * or the string starts with an apostrophe; a cell of automatic format gets the format Sheets
 * gives the parsed input (a date or percent format).
 * @param cell the cell
 * @param input any value
 * @param settings how to parse strings; null stores them as they are (setFormula)
 * @param platform the platform switches (how Sheets stores a formula's sheet names)
 */
export function applyCellInput(
  cell: CellData,
  input: unknown,
  settings: ParseSettings | null,
  platform: PlatformVariants = {},
): void {
  const parsed = interpretInput(input);
  if ('formula' in parsed) {
    cell.formula = storedFormula(platform, parsed.formula);
    cell.value = undefined;
    return;
  }
  cell.formula = undefined;
  const { value } = parsed;
  const forcedText = typeof input === 'string' && input.startsWith("'");
  if (settings && typeof value === 'string' && !forcedText && cell.style?.numberFormat !== '@') {
    const typed = parseTypedText(value, settings);
    cell.value = typed.value;
    if (typed.format !== undefined && cell.style?.numberFormat === undefined)
      cell.style = restyled(cell.style, 'numberFormat', typed.format);
  } else if (value === undefined) {
    cell.value = undefined;
  } else {
    cell.value = value;
  }
}

function clearContent_(cell: CellData): void {
  cell.value = undefined;
  cell.formula = undefined;
}

function clearFormat_(cell: CellData): void {
  // font family and size, vertical alignment and borders stay (as they always did here)
  let style = cell.style;
  for (const field of CLEARED_FORMATS_) style = restyled(style, field, undefined);
  cell.style = style;
}

/** The formats clearFormat removes. */
const CLEARED_FORMATS_: readonly StyleField[] = [
  'numberFormat',
  'background',
  'fontColor',
  'fontWeight',
  'horizontalAlignment',
  'wrap',
];
