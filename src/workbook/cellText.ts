/**
 * User text copied into generated sheets stays text: a string that Sheets would read as a
 * formula (starting with = + - @) gets a leading apostrophe, which Sheets shows as nothing
 * and which forces text (Apps Script reference, Range.setValues: "=" strings become formulas).
 */

/**
 * The value safe to write with setValues: formula-like text is neutralised.
 * @param value a value (only strings change)
 */
export function asCellText<T>(value: T): T | string {
  return typeof value === 'string' && /^[=+\-@]/.test(value) ? `'${value}` : value;
}
