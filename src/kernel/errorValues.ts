/**
 * Error values in cells: what Sheets shows in a cell whose formula fails (#DIV/0!, #N/A, …),
 * and what a script's getValues returns for it (the error's text). One rule for every reader: a
 * district whose sheets show one cannot be counted (app/workbookRead.ts evaluateAll, as the
 * district table cannot), and the data check points at the cell (dataCheck.ts).
 */

/** The error values a formula cell shows (what getValues returns for them). */
const ERROR_VALUE = /^#(N\/A|REF!|NAME\?|ERROR!|VALUE!|DIV\/0!|NUM!|NULL!)$/;

/**
 * Whether a cell's value is an error value.
 * @param value the cell's value as read
 */
export function isErrorValue(value: unknown): value is string {
  return typeof value === 'string' && ERROR_VALUE.test(value);
}

/**
 * The first cell of a range showing an error value: its 0-based row and column and the value,
 * or null. Only a formula cell can show one (text typed as "#N/A" is text), so a cell counts
 * when its value is an error value and it holds a formula.
 * @param values the range's values
 * @param formulas the range's formulas, same shape ('' where none)
 */
export function firstErrorCell(
  values: readonly (readonly unknown[])[],
  formulas: readonly (readonly string[])[],
): { readonly row: number; readonly column: number; readonly value: string } | null {
  for (let r = 0; r < values.length; r++) {
    const line = values[r] ?? [];
    for (let c = 0; c < line.length; c++) {
      const value = line[c];
      // the formula first: most cells have none, and '' is cheaper to see than the pattern
      if ((formulas[r]?.[c] ?? '') !== '' && isErrorValue(value)) return { row: r, column: c, value };
    }
  }
  return null;
}
