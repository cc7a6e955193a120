/**
 * User text copied into generated sheets stays exactly as typed: setValues parses text in cells
 * of automatic format ('0012' → 12, '1/4' → a date, 'TRUE' → a boolean, '=…' → a formula;
 * docs/platform.md#setvalues-parsing), and a leading apostrophe forces text, which Sheets neither shows nor returns
 * (Apps Script reference, Range.setValues; Sheets help "Format numbers as text").
 */

/**
 * The value to write with setValues so that it stays what it is: any non-blank text gets a
 * leading apostrophe; numbers, dates and booleans are written as they are.
 * @param value a value (only strings change)
 */
export function asCellText<T>(value: T): T | string {
  return typeof value === 'string' && value !== '' ? `'${value}` : value;
}
