/**
 * Rewrites one of the add-on's own sheets whole (values and formulas, backgrounds, weights) with
 * a fixed number of calls, sized to the new content, registering everything it replaces: the
 * rows it adds or removes and the old content of every cell it writes.
 */
import { setRowCount } from './change';
import type { Undo } from './undo';
import { nameOf } from './sheetName';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A sheet's new content (a value starting with "=" is a formula). */
export interface SheetContent {
  readonly values: unknown[][];
  readonly backgrounds: string[][];
  readonly weights: ('bold' | 'normal')[][];
}

/**
 * Replaces the sheet's first columns with the content (rows below it are removed; columns to
 * the right are left alone).
 * @param sheet the sheet
 * @param content the rows, all of the same width
 * @param undo where the old content is registered
 */
export function rewriteSheet(sheet: Sheet, content: SheetContent, undo: Undo): void {
  const height = content.values.length;
  const width = content.values[0]?.length ?? 1;
  const rows = Math.max(height, sheet.getLastRow(), 1);
  setRowCount(sheet, rows, undo); // rows past the last one with content are blank
  const block = sheet.getRange(1, 1, rows, width);
  const values = block.getValues();
  const formulas = block.getFormulas();
  const backgrounds = block.getBackgrounds();
  const weights = block.getFontWeights();
  undo.add(
    () => {
      block
        .setValues(
          values.map((row, r) => row.map((v, c) => formulas[r][c] || (typeof v === 'string' && v ? `'${v}` : v))),
        )
        .setBackgrounds(backgrounds)
        .setFontWeights(weights);
    },
    `ชีต "${nameOf(sheet)}"`,
  );
  const pad = <T>(grid: T[][], blank: T): T[][] =>
    Array.from({ length: rows }, (_, r) => grid[r] ?? Array.from({ length: width }, () => blank));
  block
    .setValues(pad(content.values, ''))
    .setBackgrounds(pad(content.backgrounds, '#ffffff'))
    .setFontWeights(pad(content.weights, 'normal'));
  if (rows > height) setRowCount(sheet, Math.max(height, 2), undo); // the rows below are blank now
}
