/**
 * The sheet primitives the actions work through: reading a sheet or a block, a sheet's size,
 * writing a block or new rows with their undo. The actions (src/app and each feature's action
 * folder) never call a Sheet or a Range themselves (scripts/serviceCalls.mjs checks it), so every
 * call the add-on makes on the workbook is in the adapter (src/platform), where the call counts
 * and the undo are kept together.
 */
import { storedAgain } from './cells';
import type { Undo } from './undo';

/** The workbook, as the actions hold it (opaque to them). */
export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
/** A sheet, as the actions hold it (opaque to them). */
export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A block's values and formulas, read together. */
export interface Block {
  readonly values: unknown[][];
  readonly formulas: string[][];
}

export { nameOf } from './sheetName';

/**
 * The sheet of a name, or null.
 * @param ss the workbook
 * @param name the name
 */
export function sheetNamed(ss: Spreadsheet, name: string): Sheet | null {
  return ss.getSheetByName(name);
}

/**
 * Every value of a sheet (its data range: one read).
 * @param sheet the sheet
 */
export function readAll(sheet: Sheet): unknown[][] {
  return sheet.getDataRange().getValues();
}

/**
 * Every value and formula of a sheet (its data range: two reads).
 * @param sheet the sheet
 */
export function readAllWithFormulas(sheet: Sheet): Block {
  const range = sheet.getDataRange();
  return { values: range.getValues(), formulas: range.getFormulas() };
}

/**
 * The last row with content in any column (0 for an empty sheet).
 * @param sheet the sheet
 */
export function lastRow(sheet: Sheet): number {
  return sheet.getLastRow();
}

/**
 * The sheet's number of rows, blank ones included.
 * @param sheet the sheet
 */
export function maxRows(sheet: Sheet): number {
  return sheet.getMaxRows();
}

/**
 * The sheet's number of columns, blank ones included.
 * @param sheet the sheet
 */
export function maxColumns(sheet: Sheet): number {
  return sheet.getMaxColumns();
}

/**
 * The sheet's frozen rows.
 * @param sheet the sheet
 */
export function frozenRows(sheet: Sheet): number {
  return sheet.getFrozenRows();
}

/**
 * Shows a sheet to the officer running the action.
 * @param sheet the sheet
 */
export function showSheet(sheet: Sheet): void {
  sheet.activate();
}

/**
 * The link that opens a sheet of the workbook.
 * @param ss the workbook
 * @param sheet the sheet
 */
export function sheetLink(ss: Spreadsheet, sheet: Sheet): string {
  return `${ss.getUrl()}#gid=${sheet.getSheetId()}`;
}

/**
 * Writes a block, registering what it held first. The old block is given when the caller has
 * read it already (values only: written back as read, text kept as text); otherwise it is read
 * here with its formulas, and the formulas are written back where there were some.
 * @param sheet the sheet
 * @param row the block's first row (1-based)
 * @param column the block's first column (1-based)
 * @param values the new values (each row as wide as the first)
 * @param undo where the old block is registered
 * @param label what the undo brings back, in Thai
 * @param old the block's current values, when already read (null for a sheet made in this run)
 */
export function writeBlock(
  sheet: Sheet,
  row: number,
  column: number,
  values: readonly (readonly unknown[])[],
  undo: Undo,
  label: string,
  old?: readonly (readonly unknown[])[] | null,
): void {
  const range = sheet.getRange(row, column, values.length, values[0].length);
  if (old === undefined) {
    const was = range.getValues();
    const formulas = range.getFormulas();
    restoredOnUndo_(range, was, formulas, undo, label);
  } else if (old !== null) {
    const was = values.map((r, i) => r.map((_, c) => storedAgain(old[i]?.[c] ?? '')));
    undo.add(() => range.setValues(was), label);
  }
  range.setValues(values as unknown[][]);
}

/**
 * Registers the clearing of a block's values from A1, for a sheet an action took rather than
 * made (a blank tab of the name: its undo does not remove the sheet, so what was written in it
 * must be cleared). Costs no call unless undone.
 * @param sheet the sheet
 * @param rows the block's rows
 * @param columns its columns
 * @param undo where the clearing is registered
 * @param label what the undo brings back, in Thai
 */
export function clearedOnUndo(sheet: Sheet, rows: number, columns: number, undo: Undo, label: string): void {
  undo.add(() => {
    sheet.getRange(1, 1, rows, columns).clearContent();
  }, label);
}

/**
 * Writes a block only if it still holds what the caller read earlier, judged row by row by the
 * caller's key: officers type while an action runs, and what one typed since the read is theirs
 * to keep. The block is read again just before (its values and formulas, which the undo writes
 * back), so the write and its undo start from what is there now.
 * @param sheet the sheet
 * @param row the block's first row (1-based)
 * @param column its first column (1-based)
 * @param values the new values (each row as wide as the first)
 * @param expected the block's values as the caller read them
 * @param key a row's identity for the comparison (e.g. its cells as text)
 * @param undo where the old block is registered
 * @param label what the undo brings back, in Thai
 * @return whether it wrote (false: a row changed since, the block is left as it is)
 */
export function writeBlockIfUnchanged(
  sheet: Sheet,
  row: number,
  column: number,
  values: readonly (readonly unknown[])[],
  expected: readonly (readonly unknown[])[],
  key: (row: readonly unknown[]) => string,
  undo: Undo,
  label: string,
): boolean {
  const range = sheet.getRange(row, column, values.length, values[0].length);
  const was = range.getValues();
  if (was.some((r, i) => key(r) !== key(expected[i] ?? []))) return false;
  const formulas = range.getFormulas();
  restoredOnUndo_(range, was, formulas, undo, label);
  range.setValues(values as unknown[][]);
  return true;
}

/**
 * Registers a block's values and formulas as read, to be written back (a formula where there was
 * one, a value as stored again otherwise).
 */
function restoredOnUndo_(
  range: GoogleAppsScript.Spreadsheet.Range,
  was: unknown[][],
  formulas: string[][],
  undo: Undo,
  label: string,
): void {
  undo.add(() => range.setValues(was.map((r, i) => r.map((v, c) => formulas[i][c] || storedAgain(v)))), label);
}

/**
 * Grows a sheet so that it has `last` rows at least, by `atLeast` rows or more (fewer, larger
 * growths), registering the way back.
 * @param sheet the sheet
 * @param last the last row needed
 * @param atLeast the smallest growth
 * @param undo where the removal of the added rows is registered
 * @param label what the undo removes, in Thai
 * @param known the sheet's number of rows, when already read this execution (no write since changed it)
 */
export function growRows(sheet: Sheet, last: number, atLeast: number, undo: Undo, label: string, known?: number): void {
  const max = known ?? sheet.getMaxRows();
  if (last <= max) return;
  const add = Math.max(last - max, atLeast);
  undo.add(() => {
    if (sheet.getMaxRows() === max + add) sheet.deleteRows(max + 1, add);
  }, label);
  sheet.insertRowsAfter(max, add);
}

/**
 * Grows a sheet to `columns` columns at least, registering the way back.
 * @param sheet the sheet
 * @param columns the columns needed
 * @param undo where the removal of the added columns is registered
 * @param label what the undo removes, in Thai
 */
export function growColumns(sheet: Sheet, columns: number, undo: Undo, label: string): void {
  const max = sheet.getMaxColumns();
  if (columns <= max) return;
  undo.add(() => {
    if (sheet.getMaxColumns() === columns) sheet.deleteColumns(max + 1, columns - max);
  }, label);
  sheet.insertColumnsAfter(max, columns - max);
}

/**
 * Removes the columns beyond `columns` of a sheet made in this run (its removal undoes this).
 * @param sheet the new sheet
 * @param columns the columns kept
 */
export function trimNewSheetColumns(sheet: Sheet, columns: number): void {
  const max = sheet.getMaxColumns();
  if (max > columns) sheet.deleteColumns(columns + 1, max - columns);
}

/**
 * Writes rows into blank rows of a sheet, registering their clearing.
 * @param sheet the sheet
 * @param row the first row (1-based); the rows there are blank
 * @param values the rows (each as wide as the first)
 * @param undo where the clearing is registered
 * @param label what the undo clears, in Thai
 */
export function writeNewRows(
  sheet: Sheet,
  row: number,
  values: readonly (readonly unknown[])[],
  undo: Undo,
  label: string,
): void {
  const range = sheet.getRange(row, 1, values.length, values[0].length);
  undo.add(() => range.clearContent(), label);
  range.setValues(values as unknown[][]);
}

/**
 * Writes the header row of a sheet made in this run: bold, grey, with its notes, frozen (its
 * removal undoes this).
 * @param sheet the new sheet
 * @param headers the headers
 * @param notes a note per header ('' for none)
 */
export function writeNewHeader(sheet: Sheet, headers: readonly string[], notes: readonly string[]): void {
  sheet
    .getRange(1, 1, 1, headers.length)
    .setValues([[...headers]])
    .setFontWeight('bold')
    .setBackground('#efefef')
    .setNotes([[...notes]]);
  sheet.setFrozenRows(1);
}

/**
 * Writes a header row in bold, registering what it held.
 * @param sheet the sheet
 * @param headers the headers
 * @param undo where the old row is registered
 * @param label what the undo brings back, in Thai
 */
export function writeHeader(sheet: Sheet, headers: readonly string[], undo: Undo, label: string): void {
  const header = sheet.getRange(1, 1, 1, headers.length);
  const old = header.getValues();
  undo.add(() => header.setValues(old), label);
  header.setValues([[...headers]]).setFontWeight('bold');
}

/**
 * Writes a block's notes where any differs, registering the old ones.
 * @param sheet the sheet
 * @param row the block's first row (1-based)
 * @param column the block's first column (1-based)
 * @param notes the notes (each row as wide as the first)
 * @param undo where the old notes are registered
 * @param label what the undo brings back, in Thai
 * @return true when a note changed
 */
export function writeNotes(
  sheet: Sheet,
  row: number,
  column: number,
  notes: readonly (readonly string[])[],
  undo: Undo,
  label: string,
): boolean {
  const range = sheet.getRange(row, column, notes.length, notes[0].length);
  const old = range.getNotes();
  if (notes.every((r, i) => r.every((n, c) => n === (old[i]?.[c] ?? '')))) return false;
  undo.add(() => range.setNotes(old), label);
  range.setNotes(notes as string[][]);
  return true;
}

/**
 * Makes cells of a sheet made in this run bold (its removal undoes this).
 * @param sheet the new sheet
 * @param row the first row (1-based)
 * @param column the first column (1-based)
 */
export function boldNewCell(sheet: Sheet, row: number, column: number): void {
  sheet.getRange(row, column).setFontWeight('bold');
}

/**
 * A sheet's id (its gid, kept when it is renamed).
 * @param sheet the sheet
 */
export function idOf(sheet: Sheet): number {
  return sheet.getSheetId();
}

/**
 * Inserts one blank row after a row, registering its removal: the undo removes it only while
 * the sheet still has the added row and it is blank or holds only what the action put there.
 * @param sheet the sheet
 * @param after the row it goes below (1-based)
 * @param width the columns the undo looks at
 * @param undo where the removal is registered
 * @param label what the undo removes, in Thai
 * @param ours whether a row's values are what the action wrote into it
 */
export function insertRowAfter(
  sheet: Sheet,
  after: number,
  width: number,
  undo: Undo,
  label: string,
  ours: (row: readonly unknown[]) => boolean,
): void {
  const rows = sheet.getMaxRows();
  undo.add(() => {
    if (sheet.getMaxRows() !== rows + 1) return;
    const row = sheet.getRange(after + 1, 1, 1, width).getValues()[0];
    if (row.every((v) => v === '') || ours(row)) sheet.deleteRow(after + 1);
  }, label);
  sheet.insertRowsAfter(after, 1);
}

// — reports kept as records
/**
 * Writes the header row of a sheet made in this run, its values and notes only (its style, frozen
 * row and widths set in a batch of the caller's: platform/reportSheet.ts); its removal undoes this.
 * @param sheet the new sheet
 * @param headers the headers
 * @param notes a note per header ('' for none)
 */
export function writeNewHeaderText(sheet: Sheet, headers: readonly string[], notes: readonly string[]): void {
  sheet
    .getRange(1, 1, 1, headers.length)
    .setValues([[...headers]])
    .setNotes([[...notes]]);
}
