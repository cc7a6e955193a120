/** A1 notation for the formulas and links the add-on writes. */
import { columnLetter } from './cellAddress';

export { columnLetter };

/**
 * The A1 address of a cell.
 * @param row 1-based
 * @param column 1-based
 */
export function a1(row: number, column: number): string {
  return `${columnLetter(column - 1)}${row}`;
}

/**
 * A sheet name quoted for a formula reference, always: whether Sheets accepts Thai names with
 * combining marks unquoted is unconfirmed (docs/platform.md#thai-sheet-names), and quotes are always accepted.
 * @param name the sheet name
 */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * A reference to a sheet's range, sheet name quoted: `'กิจกรรม ท่าบ่อ'!A1:J`.
 * @param sheet the sheet name
 * @param range the range in A1 notation
 */
export function sheetRef(sheet: string, range: string): string {
  return `${quoteSheet(sheet)}!${range}`;
}

/**
 * A formula in a comparable form: every sheet name quoted, spaces outside strings removed,
 * letters outside strings upper-cased; so a formula Sheets gives back with other quoting or
 * spacing than the add-on wrote compares equal and a repeat set-up writes nothing.
 * @param formula the formula text
 */
export function formulaKey(formula: string): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = closing_(formula, i, '"');
      out += formula.slice(i, end);
      i = end;
    } else if (ch === "'") {
      const end = closing_(formula, i, "'");
      out += `'${formula.slice(i + 1, end - 1).toUpperCase()}'`;
      i = end;
    } else if (NAME_CHAR.test(ch)) {
      let end = i;
      while (end < formula.length && NAME_CHAR.test(formula[end])) end++;
      const run = formula.slice(i, end).toUpperCase();
      out += formula[end] === '!' ? `'${run.replace(/'/g, "''")}'` : run;
      i = end;
    } else {
      if (!/\s/.test(ch)) out += ch.toUpperCase();
      i++;
    }
  }
  return out;
}

/** A character of an unquoted name (a sheet name before "!", a function, a reference). */
const NAME_CHAR = /[\p{L}\p{M}\p{N}_.$]/u;

/** The index after the quote that closes the one at `start` (doubled quotes escape). */
function closing_(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}
