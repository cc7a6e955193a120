/**
 * Merged cells. A merge shows its top-left cell's content over the whole block; getValues reads
 * "" for every other cell of it (reference/spreadsheet/range#getmergedranges, #merge). Modelled
 * as the worse case for data loss where unconfirmed:
 * - merging keeps only the top-left cell's content, as the Sheets UI warns ("only the
 *   top-leftmost value" is kept); that a script's merge() discards the others too is unconfirmed;
 * - a value written into a cell of a merge other than its top-left is silently dropped
 *   (unconfirmed: Sheets may instead refuse or keep it hidden);
 * - merging or breaking apart a range that holds only part of an existing merge throws the
 *   Sheets UI's message (its wording for scripts is unconfirmed).
 * Merges move with inserted and deleted rows and columns (structure.ts).
 */
import { rectContains, rectsIntersect, type Rect } from './a1';
import type { SheetModel } from './sheetModel';

/** Sheets' refusal to merge or unmerge part of a merge. */
export const PARTIAL_MERGE_MESSAGE = 'You must select all cells in a merged range to merge or unmerge them.';

/**
 * The merges of `sheet` that share a cell with `rect`.
 * @param sheet the sheet
 * @param rect the cells
 */
export function mergesIntersecting(sheet: SheetModel, rect: Rect): Rect[] {
  return sheet.merges.filter((m) => rectsIntersect(m, rect));
}

/**
 * Whether a cell is covered by a merge without being its top-left cell.
 * @param sheet the sheet
 * @param row 1-based row
 * @param col 1-based column
 */
export function hiddenByMerge(sheet: SheetModel, row: number, col: number): boolean {
  return sheet.merges.some((m) => rectContains(m, row, col) && (m.row !== row || m.col !== col));
}

/**
 * Throws unless every merge touching `rect` lies wholly inside it.
 * @param sheet the sheet
 * @param rect the cells
 */
function assertWholeMerges_(sheet: SheetModel, rect: Rect): void {
  for (const m of mergesIntersecting(sheet, rect)) {
    const inside =
      m.row >= rect.row &&
      m.col >= rect.col &&
      m.row + m.numRows <= rect.row + rect.numRows &&
      m.col + m.numCols <= rect.col + rect.numCols;
    if (!inside) throw new Error(PARTIAL_MERGE_MESSAGE);
  }
}

/**
 * Merges each block (replacing merges inside them); every cell but a block's top-left loses its
 * value and formula. Blocks of one cell are left alone.
 * @param sheet the sheet
 * @param outer the range being merged (checked for partial merges)
 * @param blocks the blocks to merge, inside `outer`: new rectangles, kept as the sheet's merges
 *   (not copied: a report merges hundreds of thousands of rows)
 */
export function mergeBlocks(sheet: SheetModel, outer: Rect, blocks: readonly Rect[]): void {
  assertWholeMerges_(sheet, outer);
  // a new list only when a merge goes (a report merges thousands of rows one request each)
  if (sheet.merges.some((m) => rectsIntersect(m, outer))) {
    sheet.merges = sheet.merges.filter((m) => !rectsIntersect(m, outer));
  }
  for (const block of blocks) {
    if (block.numRows * block.numCols < 2) continue;
    sheet.merges.push(block);
    for (let r = block.row; r < block.row + block.numRows; r++) {
      for (let c = block.col; c < block.col + block.numCols; c++) {
        if (r === block.row && c === block.col) continue;
        const cell = sheet.cell(r, c);
        if (!cell) continue;
        cell.value = undefined;
        cell.formula = undefined;
      }
    }
  }
}

/**
 * Removes the merges inside `rect` (throws when one is only partly inside).
 * @param sheet the sheet
 * @param rect the cells
 */
export function breakApartIn(sheet: SheetModel, rect: Rect): void {
  assertWholeMerges_(sheet, rect);
  sheet.merges = sheet.merges.filter((m) => !rectsIntersect(m, rect));
}
