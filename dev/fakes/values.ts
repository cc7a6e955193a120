/** Cell values as the fake stores them, error values, and the conversions in and out. */

/** A plain cell value: what `Range.getValues` can return ("" for empty). */
export type Scalar = string | number | boolean | Date;

/** The error codes a formula cell can show. */
export type ErrorCode = '#REF!' | '#ERROR!' | '#NAME?' | '#VALUE!' | '#N/A' | '#NUM!' | '#DIV/0!';

/** An error shown by a formula cell; `message` is the tooltip text. */
export class CellError {
  /**
   * @param code what the cell shows
   * @param message the tooltip
   */
  constructor(
    readonly code: ErrorCode,
    readonly message: string,
  ) {}
}

/** A computed cell value: a scalar or an error. */
export type CellValue = Scalar | CellError;

/**
 * The value handed to script code: errors become their code text (as `getValues` returns them),
 * Dates are copied so callers cannot mutate the stored one.
 * @param value the stored or computed value
 */
export function outValue(value: CellValue): Scalar {
  if (value instanceof CellError) return value.code;
  if (value instanceof Date) return new Date(value.getTime());
  return value;
}

/** What a written value turns into. */
export type CellInput = { formula: string } | { value: Scalar | undefined };

/**
 * Interprets a value written by setValue/setValues the way Sheets does: a string beginning with
 * "=" is a formula (reference/spreadsheet/range#setvaluevalue), a leading apostrophe forces text
 * and is not stored; null/undefined/"" clear the cell. Other strings come back as they are:
 * applyCellInput (range.ts) then reads them as typed input (valueParsing.ts).
 * @param input any value
 */
export function interpretInput(input: unknown): CellInput {
  if (input === null || input === undefined || input === '') return { value: undefined };
  if (typeof input === 'string') {
    if (input.length > 1 && input.startsWith('=')) return { formula: input };
    if (input.startsWith("'")) return { value: input.slice(1) === '' ? undefined : input.slice(1) };
    return { value: input };
  }
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  if (isDate(input)) return { value: new Date(input.getTime()) };
  return { value: String(input) };
}

// Read once: under jest's default environment a global lookup passes the test realm's global
// proxy, about 0.4 µs; isDate is asked of every object value.
const Date_ = Date;
const objectToString_ = Object.prototype.toString;

/**
 * Whether a value is a Date, also one made in another realm (e.g. add-on code in a Node vm).
 * @param value anything
 */
export function isDate(value: unknown): value is Date {
  if (typeof value !== 'object' || value === null) return false;
  return value instanceof Date_ || objectToString_.call(value) === '[object Date]';
}

/**
 * The message of something thrown, also for Errors made in another realm and thrown strings.
 * @param thrown what was thrown
 */
export function messageOf(thrown: unknown): string {
  if (typeof thrown === 'object' && thrown !== null && 'message' in thrown) return String(thrown.message);
  return String(thrown);
}
