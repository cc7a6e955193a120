/** Small changes made only when needed, each with its undo. */
import type { Undo } from './undo';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Makes a range bold where it is not, registering the old weights.
 * @param range the range
 * @param undo the undo list
 */
function makeBold_(range: Range, undo: Undo): void {
  const weights = range.getFontWeights();
  if (weights.every((row) => row.every((w) => w === 'bold'))) return;
  undo.add(() => range.setFontWeights(weights));
  range.setFontWeight('bold');
}

/**
 * Sets a range's number format where it differs, registering the old formats.
 * @param range the range
 * @param format e.g. dd/mm/yyyy
 * @param undo the undo list
 */
function setFormat_(range: Range, format: string, undo: Undo): void {
  const formats = range.getNumberFormats();
  if (formats.every((row) => row.every((f) => f === format))) return;
  undo.add(() => range.setNumberFormats(formats));
  range.setNumberFormat(format);
}

/**
 * Sets a sheet's frozen rows where they differ, registering the old number.
 * @param sheet the sheet
 * @param frozenRows rows to freeze
 * @param undo the undo list
 * @return true when changed
 */
export function setFrozenRows(sheet: Sheet, frozenRows: number, undo: Undo): boolean {
  const frozen = sheet.getFrozenRows();
  if (frozen === frozenRows) return false;
  undo.add(() => sheet.setFrozenRows(frozen));
  sheet.setFrozenRows(frozenRows);
  return true;
}

/**
 * Gives a sheet exactly `rows` rows, inserting or deleting at the end, registering the way
 * back. The caller makes sure rows it removes are blank: their undo brings back blank rows.
 * @param sheet the sheet
 * @param rows the number of rows wanted
 * @param undo the undo list
 */
export function setRowCount(sheet: Sheet, rows: number, undo: Undo): void {
  const maxRows = sheet.getMaxRows();
  // Each undo checks the size first, so it is right whether or not the change took effect.
  if (rows > maxRows) {
    undo.add(() => {
      if (sheet.getMaxRows() === rows) sheet.deleteRows(maxRows + 1, rows - maxRows);
    });
    sheet.insertRowsAfter(maxRows, rows - maxRows);
  } else if (rows < maxRows) {
    undo.add(() => {
      if (sheet.getMaxRows() === rows) sheet.insertRowsAfter(rows, maxRows - rows);
    });
    sheet.deleteRows(rows + 1, maxRows - rows);
  }
}

/**
 * Makes a block of a sheet bold where it is not, registering the old weights.
 * @param sheet the sheet
 * @param row the block's first row (1-based)
 * @param column its first column (1-based)
 * @param rows how many rows
 * @param columns how many columns
 * @param undo the undo list
 */
export function makeBlockBold(
  sheet: Sheet,
  row: number,
  column: number,
  rows: number,
  columns: number,
  undo: Undo,
): void {
  makeBold_(sheet.getRange(row, column, rows, columns), undo);
}

/**
 * Sets a block's number format where it differs, registering the old ones.
 * @param sheet the sheet
 * @param row its first row (1-based)
 * @param column its first column (1-based)
 * @param rows how many rows
 * @param columns how many columns
 * @param format e.g. @ (plain text)
 * @param undo the undo list
 */
export function setBlockFormat(
  sheet: Sheet,
  row: number,
  column: number,
  rows: number,
  columns: number,
  format: string,
  undo: Undo,
): void {
  setFormat_(sheet.getRange(row, column, rows, columns), format, undo);
}

/**
 * Sets a sheet's frozen columns where they differ, registering the old number.
 * @param sheet the sheet
 * @param frozenColumns columns to freeze
 * @param undo the undo list
 * @param label what the undo brings back, in Thai
 * @return true when changed
 */
export function setFrozenColumns(sheet: Sheet, frozenColumns: number, undo: Undo, label: string): boolean {
  const frozen = sheet.getFrozenColumns();
  if (frozen === frozenColumns) return false;
  undo.add(() => sheet.setFrozenColumns(frozen), label);
  sheet.setFrozenColumns(frozenColumns);
  return true;
}
