/** A1 addresses, for messages that point at a cell (the workbook layer builds formulas with them too). */

/**
 * The column letter of a 0-based column (0 → A, 26 → AA).
 * @param col 0-based column
 */
export function columnLetter(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * The 1-based number of a column's letters (A → 1, AA → 27), the inverse of columnLetter.
 * @param letters the column's letters, upper case
 */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * The A1 address of a 0-based cell of a range that starts at A1 (0, 0 → A1; 1, 26 → AA2).
 * @param row 0-based row
 * @param column 0-based column
 */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}
