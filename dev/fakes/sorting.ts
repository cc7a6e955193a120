/**
 * Range.sort / Sheet.sort: the rows of a block are reordered by one or more key columns
 * (reference/spreadsheet/range#sortsortspecobj: a column number, `{column, ascending}`, or an
 * array of them; columns are counted from the sheet's column A). Each row keeps its cells
 * whole, so values, formulas, formats, notes and validation rules move with it; cells outside
 * the block's columns stay. The sort is stable. A moved cell's validation keeps its block's first
 * cell where it was (its offset changes by the distance moved), so a custom formula's relative
 * references still point at the same place relative to the cell: a rule set on a whole column
 * reads the same after a sort, as the rule's range in Sheets does not change (the fake's reading).
 *
 * Order of mixed types: Google does not document it. Modelled as the order Excel documents for
 * an ascending sort (numbers and dates, then text, then FALSE before TRUE, then errors), blanks
 * last in both directions; text compares ignoring case in the spreadsheet locale's collation
 * (for th_TH, Thai letters before Latin ones) — all unconfirmed for Sheets. Not modelled: references in moved formulas are not adjusted. A block holding merges
 * that span rows is refused (message unconfirmed).
 */
import type { Rect } from './a1';
import { computedBlock } from './formulaEngine';
import { mergesIntersecting } from './merges';
import type { WorkbookModel } from './model';
import type { SheetModel } from './sheetModel';
import type { CellValue } from './values';

/** One sort key: a sheet column and a direction. */
export interface SortKey {
  column: number;
  ascending: boolean;
}

/** Refusal to sort across merges that span rows (wording unconfirmed). */
export const SORT_MERGED_MESSAGE = "You can't sort a range that contains vertically merged cells.";

/**
 * The keys named by a sort specification; throws for a column outside `rect`.
 * @param spec a column number, {column, ascending}, or an array of them
 * @param rect the block being sorted
 */
export function sortKeys(spec: unknown, rect: Rect): SortKey[] {
  const items = Array.isArray(spec) ? spec : [spec];
  if (items.length === 0) throw new Error('A sort specification needs at least one column.');
  return items.map((item) => {
    const key =
      typeof item === 'number'
        ? { column: item, ascending: true }
        : typeof item === 'object' && item !== null && 'column' in item
          ? { column: Number(item.column), ascending: !('ascending' in item) || item.ascending !== false }
          : null;
    if (!key || !Number.isInteger(key.column)) throw new Error('Invalid sort specification.');
    if (key.column < rect.col || key.column >= rect.col + rect.numCols) {
      throw new Error(`Column ${key.column} is outside the range being sorted.`);
    }
    return key;
  });
}

/**
 * Rank of a value's type in an ascending sort (blanks are handled apart).
 * @param v a computed value
 */
function typeRank_(v: CellValue): number {
  if (typeof v === 'number' || v instanceof Date) return 0;
  if (typeof v === 'string') return 1;
  if (typeof v === 'boolean') return 2;
  return 3;
}

/**
 * Ascending comparison of two non-blank values.
 * @param a first value
 * @param b second value
 * @param collator how text compares
 */
function compare_(a: CellValue, b: CellValue, collator: Intl.Collator): number {
  const ra = typeRank_(a);
  const rb = typeRank_(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return serial_(a) - serial_(b);
  if (ra === 1) return collator.compare(String(a), String(b));
  if (ra === 2) return Number(a) - Number(b);
  return 0; // errors are all equal
}

/**
 * A number or date as a number (dates as day serials, so they sort among numbers).
 * @param v a number or Date
 */
function serial_(v: CellValue): number {
  return v instanceof Date ? v.getTime() / 864e5 + 25569 : Number(v);
}

/**
 * Sorts the rows of `rect` on `sheet` by `keys` (permission checks are the caller's).
 * @param book the workbook
 * @param sheet the sheet
 * @param rect the block
 * @param keys sort keys, most significant first
 */
export function sortBlock(book: WorkbookModel, sheet: SheetModel, rect: Rect, keys: readonly SortKey[]): void {
  const merges = mergesIntersecting(sheet, rect);
  const lastCol = rect.col + rect.numCols - 1;
  if (merges.some((m) => m.numRows > 1 || m.col < rect.col || m.col + m.numCols - 1 > lastCol)) {
    throw new Error(SORT_MERGED_MESSAGE);
  }
  const columns = keys.map((k) =>
    computedBlock(book, sheet, { row: rect.row, col: k.column, numRows: rect.numRows, numCols: 1 }).map((l) => l[0]),
  );
  const collator = new Intl.Collator(book.locale.replace('_', '-'), { sensitivity: 'accent' });
  const order = Array.from({ length: rect.numRows }, (_, i) => i);
  order.sort((x, y) => {
    for (let k = 0; k < keys.length; k++) {
      const a = columns[k][x];
      const b = columns[k][y];
      const blankA = a === '';
      const blankB = b === '';
      if (blankA || blankB) {
        if (blankA !== blankB) return blankA ? 1 : -1;
        continue;
      }
      const c = compare_(a, b, collator);
      if (c !== 0) return keys[k].ascending ? c : -c;
    }
    return x - y;
  });
  const moved = order.map((from) => {
    const cells = sheet.rows[rect.row - 1 + from];
    return Array.from({ length: rect.numCols }, (_, j) => cells?.[rect.col - 1 + j]);
  });
  moved.forEach((line, i) => {
    const r = rect.row - 1 + i;
    if (!sheet.rows[r] && line.every((c) => c === undefined)) return;
    const cells = sheet.rows[r] ?? [];
    sheet.rows[r] = cells;
    const distance = i - order[i];
    line.forEach((cell, j) => {
      if (cell?.validationAt && distance !== 0) {
        cell.validationAt = [cell.validationAt[0] + distance, cell.validationAt[1]];
      }
      cells[rect.col - 1 + j] = cell;
    });
  });
  const rowOf = new Map(order.map((from, i) => [rect.row + from, rect.row + i]));
  for (const m of merges) m.row = rowOf.get(m.row) ?? m.row;
  book.touch(sheet);
}
