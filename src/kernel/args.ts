/**
 * Shaping custom-function arguments. Sheets passes a cell as its value and a range as a 2-D
 * array; a function given ranges returns one output row per input row, so one call fills a
 * whole column (each call is a round trip to Google's servers).
 */
import type { Parsed } from './parsed';
import { isBlank } from './text';

/** A custom-function argument: a cell value, or a range's 2-D array. */
export type Arg = unknown;
/** A custom-function result: a value, or a 2-D array that spills. */
export type Result = unknown;

/**
 * True for a range argument.
 * @param arg the argument
 */
export function isRange(arg: Arg): arg is unknown[][] {
  if (!Array.isArray(arg)) return false;
  for (let i = 0; i < arg.length; i++) if (!Array.isArray(arg[i])) return false; // no callback: ranges have 10⁶ rows
  return true;
}

/**
 * The error a custom function throws: Sheets shows its message in the cell's #ERROR! tooltip.
 * @param fn the function's name
 * @param label what the value is, in Thai
 * @param row 0-based row within a range argument, or -1 for a single value
 * @param problem why it is wrong, in Thai
 */
export function argError(fn: string, label: string, row: number, problem: string): Error {
  return new Error(`${fn}: ${label}${row >= 0 ? ` (แถวที่ ${row + 1} ของช่วง)` : ''} ${problem}`);
}

/**
 * Reads a value or throws the function's Thai error.
 * @param parsed the reading
 * @param fn the function's name
 * @param label what the value is, in Thai
 * @param row 0-based row, or -1
 */
export function required<T>(parsed: Parsed<T>, fn: string, label: string, row: number): T {
  if (!parsed.ok) throw argError(fn, label, row, parsed.problem);
  return parsed.value;
}

/**
 * Column arguments lined up row by row, read one row at a time into a buffer the caller reuses,
 * so mapping N rows allocates no input row of its own (fewer objects for the garbage collector:
 * its cost is what makes long columns slower per row).
 */
export interface AlignedRows {
  /** How many rows: the ranges' height, or 1 when every argument is a single value. */
  readonly height: number;
  /** Whether any argument was a range (then the result is a column). */
  readonly isColumn: boolean;
  /**
   * Row r's cells, in argument order.
   * @param r 0-based row
   * @param into a buffer to fill (the result may be it or the range's own row: do not keep it)
   */
  read(r: number, into: unknown[]): readonly unknown[];
}

/**
 * Lines up column arguments row by row. Each argument is a single value (used on every row)
 * or a one-column range; all ranges must have the same number of rows. `omitted` arguments
 * (undefined) stay undefined on every row.
 * @param fn the function's name, for errors
 * @param labels Thai labels of the arguments, for errors
 * @param args the arguments
 * @return the rows, and whether any argument was a range (then the result is a column)
 */
export function alignColumns(fn: string, labels: readonly string[], args: readonly Arg[]): AlignedRows {
  // Each argument's shape is checked once, never per row: a per-row isRange re-reads the whole
  // range, which made 20 000 rows take minutes (issue 16). Work is O(rows × arguments).
  const ranges = args.map((arg) => (isRange(arg) ? arg : null));
  let height = -1;
  ranges.forEach((range, i) => {
    if (range === null) return;
    for (let r = 0; r < range.length; r++) {
      if (range[r].length !== 1) throw argError(fn, labels[i], -1, 'ต้องเป็นช่วงคอลัมน์เดียว');
    }
    if (height >= 0 && range.length !== height) {
      throw argError(fn, labels[i], -1, `มี ${range.length} แถว ไม่เท่ากับช่วงอื่น (${height} แถว)`);
    }
    height = range.length;
  });
  const isColumn = height >= 0;
  return {
    height: isColumn ? height : 1,
    isColumn,
    read(r, into) {
      for (let i = 0; i < ranges.length; i++) {
        const range = ranges[i];
        into[i] = range === null ? args[i] : range[r][0];
      }
      return into;
    },
  };
}

/**
 * A range's own rows as aligned rows (a range whose columns are the arguments, such as
 * `=OTOP_LEVEL(H2:K)`), read without copying.
 * @param range the range
 */
export function rangeRows(range: readonly (readonly unknown[])[]): AlignedRows {
  return { height: range.length, isColumn: true, read: (r) => range[r] };
}

/**
 * Maps rows to outputs in one pass: a row whose data cells (the first `dataColumns`) are all
 * blank gives a blank cell. The result is a column when the input was a range, else a single
 * value.
 * @param rows the aligned input rows
 * @param dataColumns how many leading cells of a row are data (the rest are options)
 * @param compute the output of a non-blank row (do not keep the row: its buffer is reused) and
 *   its 0-based index (-1 for a single value)
 */
export function mapRows(
  rows: AlignedRows,
  dataColumns: number,
  compute: (row: readonly unknown[], index: number) => unknown,
): Result {
  const buffer: unknown[] = [];
  const blank = (row: readonly unknown[]) => {
    for (let c = 0; c < dataColumns; c++) if (!isBlank(row[c])) return false;
    return true;
  };
  if (!rows.isColumn) {
    const row = rows.read(0, buffer);
    return blank(row) ? '' : compute(row, -1);
  }
  const out: unknown[][] = new Array(rows.height);
  for (let r = 0; r < rows.height; r++) {
    const row = rows.read(r, buffer);
    out[r] = [blank(row) ? '' : compute(row, r)];
  }
  return out;
}
